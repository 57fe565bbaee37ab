package rules

import (
	"errors"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md and the README rule table from the catalog")

const (
	docsPath   = "../docs/rules.md"
	readmePath = "../README.md"
	tableBegin = "<!-- rules:begin -->\n"
	tableEnd   = "<!-- rules:end -->"
	regenerate = "regenerate with: go test ./rules -update"
)

func TestDocsRulesMarkdownUpToDate(t *testing.T) {
	want := DocsMarkdown()
	if *update {
		if err := os.MkdirAll("../docs", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(docsPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(docsPath)
	if err != nil {
		t.Fatalf("%v; %s", err, regenerate)
	}
	if string(got) != want {
		t.Errorf("docs/rules.md is out of date with rules/catalog.go; %s", regenerate)
	}
}

func TestReadmeRuleTableUpToDate(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	before, table, after, err := splitMarkers(string(readme))
	if err != nil {
		t.Fatalf("README.md: %v", err)
	}
	want := TableMarkdown()
	if *update && table != want {
		// Only the text between the markers is ours; the rest of the README is kept byte for byte.
		if err := os.WriteFile(readmePath, []byte(before+want+after), 0o644); err != nil {
			t.Fatal(err)
		}
		table = want
	}
	if table != want {
		t.Errorf("README.md rule table is out of date with rules/catalog.go; %s", regenerate)
	}
}

// splitMarkers returns the README around and between the rule-table markers.
func splitMarkers(s string) (before, between, after string, err error) {
	i := strings.Index(s, tableBegin)
	j := strings.Index(s, tableEnd)
	if i < 0 || j < i+len(tableBegin) {
		return "", "", "", errMarkers
	}
	return s[:i+len(tableBegin)], s[i+len(tableBegin) : j], s[j:], nil
}

var errMarkers = errors.New("no <!-- rules:begin --> ... <!-- rules:end --> markers, in that order")

func TestSplitMarkers(t *testing.T) {
	b, m, a, err := splitMarkers("x\n<!-- rules:begin -->\nold\n<!-- rules:end -->\ny\n")
	if err != nil || b != "x\n<!-- rules:begin -->\n" || m != "old\n" || a != "<!-- rules:end -->\ny\n" {
		t.Errorf("splitMarkers = %q, %q, %q, %v", b, m, a, err)
	}
	for _, bad := range []string{"none", "<!-- rules:end -->\n<!-- rules:begin -->\n"} {
		if _, _, _, err := splitMarkers(bad); err == nil {
			t.Errorf("splitMarkers(%q) accepted it", bad)
		}
	}
}

// githubAnchor is how GitHub derives a heading's anchor: lower case, spaces to
// dashes, punctuation other than "-" and "_" dropped.
func githubAnchor(heading string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(heading) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || c == '_' || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9'):
			b.WriteRune(c)
		}
	}
	return b.String()
}

func TestDocsHeadingsMatchAnchors(t *testing.T) {
	docs := DocsMarkdown()
	headings := regexp.MustCompile(`(?m)^## (.+)$`).FindAllStringSubmatch(docs, -1)
	if len(headings) != len(All()) {
		t.Fatalf("docs have %d rule headings, catalog has %d rules", len(headings), len(All()))
	}
	for i, r := range All() {
		if got := githubAnchor(headings[i][1]); got != r.Anchor() {
			t.Errorf("heading %q has anchor %q, but %s links to #%s", headings[i][1], got, r.ID, r.Anchor())
		}
		if !strings.Contains(docs, "](#"+r.Anchor()+")") {
			t.Errorf("index does not link to %s", r.ID)
		}
	}
	if n := strings.Count(docs, "```"); n != 4*len(All()) {
		t.Errorf("docs have %d code fences, want %d (two examples per rule)", n, 4*len(All()))
	}
}

func TestTableMarkdown(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(TableMarkdown(), "\n"), "\n")
	if lines[0] != "| ID | name | severity | what |" {
		t.Errorf("header = %q", lines[0])
	}
	if len(lines) != 2+len(All()) {
		t.Fatalf("table has %d lines, want %d", len(lines), 2+len(All()))
	}
	r := MustGet("FC101")
	want := "| [FC101](" + r.URL() + ") | loopback-listen | error | the function's server listens on a loopback address |"
	if lines[3] != want {
		t.Errorf("FC101 row = %q\nwant        %q", lines[3], want)
	}
	for _, l := range lines {
		if strings.Count(l, "|")-strings.Count(l, `\|`) != 5 {
			t.Errorf("row %q does not have 4 cells", l)
		}
	}
}

func TestMarkdownKeepsProseLiteral(t *testing.T) {
	got := mdProse("needs PATH=/var/fc/lang/<lang>/bin and *:CAPort\nwrapped")
	want := `needs PATH=/var/fc/lang/&lt;lang&gt;/bin and \*:CAPort wrapped`
	if got != want {
		t.Errorf("mdProse = %q, want %q", got, want)
	}
	if got := mdCell("a | b"); got != `a \| b` {
		t.Errorf("mdCell = %q", got)
	}
}

func TestText(t *testing.T) {
	for _, r := range All() {
		text := r.Text()
		if !strings.HasPrefix(text, r.ID+" "+r.Name+" ("+r.Severity.String()+", "+string(r.Family)+")\n") {
			t.Errorf("%s: Text starts with %q", r.ID, strings.SplitN(text, "\n", 2)[0])
		}
		for _, part := range []string{r.Summary, r.Fix, r.URL(), "Why it matters", "Wrong", "Right"} {
			if !strings.Contains(text, part) {
				t.Errorf("%s: Text lacks %q", r.ID, part)
			}
		}
		for _, example := range []string{r.Details, r.Why, r.Wrong, r.Right} {
			for _, line := range strings.Split(example, "\n") {
				if !strings.Contains(text, line) {
					t.Errorf("%s: Text lacks line %q", r.ID, line)
				}
			}
		}
	}
}
