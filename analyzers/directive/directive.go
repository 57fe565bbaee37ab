// Package directive parses fclint's suppression comments:
//
//	//fclint:ignore FC101[,FC102] reason      the line it is on, or the next line when alone on its line
//	//fclint:file-ignore FC104 reason         the whole file
//	//nolint:fclint                           golangci-lint's form: the line it is on, or the whole file before `package`
//
// Rules may be named by ID or name; "all" matches every rule (nolint only).
// A missing reason, and a directive that suppressed nothing, are FC001 findings.
package directive

import (
	"go/ast"
	"go/token"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/rules"
)

// Analyzer collects the directives of a package.
var Analyzer = &analysis.Analyzer{
	Name:             "fclintdirectives",
	Doc:              "collect //fclint:ignore and //nolint:fclint directives; reports nothing",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Set)(nil)),
}

// Kind is the form of a directive.
type Kind int

const (
	Ignore     Kind = iota // //fclint:ignore
	FileIgnore             // //fclint:file-ignore
	NoLint                 // //nolint:fclint
)

// Directive is one suppression comment.
type Directive struct {
	Kind      Kind
	Pos, End  token.Pos
	File      string
	Line      int      // the line the directive covers (Ignore, NoLint)
	Rules     []string // IDs; nil with All
	All       bool
	Reason    string
	Malformed string // why the directive is malformed; "" when fine
	used      bool
}

// Set is the directives of one package; Suppress marks the ones used.
type Set struct {
	mu   sync.Mutex
	list []*Directive
}

// List returns the directives in source order.
func (s *Set) List() []*Directive { return s.list }

// Used reports whether the directive suppressed a finding.
func (s *Set) Used(d *Directive) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return d.used
}

// Suppress reports whether a finding of rule at file:line is suppressed, and
// marks the matching directives used.
func (s *Set) Suppress(rule *rules.Rule, file string, line int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	hit := false
	for _, d := range s.list {
		if d.File != file || d.Malformed != "" || !d.matches(rule) {
			continue
		}
		if d.Kind == FileIgnore || d.Line == line || (d.Kind == NoLint && d.Line == 0) {
			d.used = true
			hit = true
		}
	}
	return hit
}

func (d *Directive) matches(r *rules.Rule) bool {
	if d.All {
		return true
	}
	for _, id := range d.Rules {
		if strings.EqualFold(id, r.ID) || strings.EqualFold(id, r.Name) {
			return true
		}
	}
	return false
}

var (
	fclintRe = regexp.MustCompile(`^//fclint:(ignore|file-ignore)(?:\s+(\S+))?(?:\s+(.*))?$`)
	nolintRe = regexp.MustCompile(`^//nolint:([\w,-]+)(?:\s*//.*)?$`)
)

func run(pass *analysis.Pass) (any, error) {
	s := new(Set)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		name := tf.Name()
		var src []byte // read only for files that hold a directive
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, "//fclint:") && !strings.HasPrefix(c.Text, "//nolint:") {
					continue
				}
				if src == nil {
					src, _ = pass.ReadFile(name)
				}
				if d := parse(c, f, tf, src, name); d != nil {
					s.list = append(s.list, d)
				}
			}
		}
	}
	return s, nil
}

func parse(c *ast.Comment, f *ast.File, tf *token.File, src []byte, name string) *Directive {
	text := c.Text
	if !strings.HasPrefix(text, "//fclint:") && !strings.HasPrefix(text, "//nolint:") {
		return nil
	}
	line := tf.Line(c.Pos())
	d := &Directive{Pos: c.Pos(), End: c.End(), File: name, Line: line}
	if alone(tf, src, c) {
		d.Line = line + 1
	}
	if strings.HasPrefix(text, "//nolint:") {
		m := nolintRe.FindStringSubmatch(text)
		if m == nil {
			return nil // golangci-lint's business
		}
		d.Kind = NoLint
		ok := false
		for _, name := range strings.Split(m[1], ",") {
			if name == "fclint" || name == "all" {
				ok = true
			}
		}
		if !ok {
			return nil
		}
		d.All = true
		if c.Pos() < f.Package {
			d.Line = 0 // before `package`: the whole file
		}
		return d
	}
	m := fclintRe.FindStringSubmatch(text)
	if m == nil {
		d.Malformed = "unknown fclint directive; want //fclint:ignore RULE reason or //fclint:file-ignore RULE reason"
		return d
	}
	if m[1] == "file-ignore" {
		d.Kind = FileIgnore
	}
	d.Reason = strings.TrimSpace(m[3])
	if m[2] == "" {
		d.Malformed = "directive names no rule; want //fclint:" + m[1] + " FC101 reason"
		return d
	}
	for _, id := range strings.Split(m[2], ",") {
		r, ok := rules.Lookup(id)
		if !ok {
			d.Malformed = "directive names unknown rule " + id + "; see `fclint rules`"
			return d
		}
		d.Rules = append(d.Rules, r.ID)
	}
	if d.Reason == "" {
		d.Malformed = "directive has no reason; write why the finding does not apply: //fclint:" + m[1] + " " + m[2] + " reason"
	}
	return d
}

// alone reports whether only blanks precede the comment on its line, so that
// it covers the next line instead of its own.
func alone(tf *token.File, src []byte, c *ast.Comment) bool {
	off := tf.Offset(c.Pos())
	start := tf.Offset(tf.LineStart(tf.Line(c.Pos())))
	if src == nil || off > len(src) {
		return false
	}
	return strings.TrimSpace(string(src[start:off])) == ""
}
