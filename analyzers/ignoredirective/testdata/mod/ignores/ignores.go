package ignores

// Run twice: once for flagbad's findings (messages "bad literal"/"slow literal"),
// once for FC001's (directive problems). Each want line lists what either reports.

var plain = "bad" // want "bad literal"

// Trailing directive with a reason: suppressed, used.
var trailing = "bad" //fclint:ignore FC101 the fixture needs it

// Directive alone on the line above: covers the next line.
//
//fclint:ignore FC101 documented exception
var above = "bad"

// By rule name instead of ID.
var byName = "bad" //fclint:ignore loopback-listen a name works too

// Several rules in one directive.
var both = "bad" + "slow" //fclint:ignore FC101,FC104 both are fine here

// The directive names another rule: the finding stays, the directive is unused.
var other = "bad" //fclint:ignore FC104 wrong rule // want "bad literal" "suppressed nothing"

// (A directive without a reason is tested in package directive: a // want
// comment on the same line would itself read as the reason.)

// Unknown rule.
var unknown = "ok" //fclint:ignore FC999 whatever // want "unknown rule FC999"

// A directive two lines above does not reach.
//fclint:ignore FC101 too far away // want "suppressed nothing"

var far = "bad" // want "bad literal"

// Unused directive on a clean line.
var clean = "ok" //fclint:ignore FC101 nothing here // want "suppressed nothing"

// golangci-lint's form, on the line.
var nolint = "bad" //nolint:fclint

// nolint for other linters only does not cover fclint.
var nolintOther = "bad" //nolint:gosec // want "bad literal"

// A directive in a block comment is not a directive.
var block = "bad" /* fclint:ignore FC101 no */ // want "bad literal"

// Unknown fclint directive verb.
var verb = "ok" //fclint:disable FC101 reason // want "unknown fclint directive"
