// Package rules is the catalog of fclint rules: one record per rule, the single
// source for `fclint rules`, `fclint explain`, analyzer docs, SARIF rule
// metadata, docs/rules.md and the README's rule table.
package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Severity orders findings: Info < Warning < Error.
type Severity int

const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity accepts "error", "warning" and "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText makes severities appear as words in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText is the inverse of MarshalText.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Family groups rules by what they inspect.
type Family string

const (
	Code    Family = "code"    // Go analyzers (FC1xx)
	Package Family = "package" // ZIP or directory (FC2xx)
	Config  Family = "config"  // configuration and startup command (FC3xx)
	Probe   Family = "probe"   // dynamic probe (FC4xx)
	// AppServer: a Node, Python, PHP, Java or .NET server the start command runs (FC5xx)
	AppServer Family = "appserver"
	Meta      Family = "meta" // fclint's own directives (FC0xx)
)

// Rule is one catalog record. Every text about a rule lives here and nowhere else.
type Rule struct {
	ID       string   // stable ID, e.g. "FC101"
	Name     string   // stable kebab-case name, e.g. "loopback-listen"
	Severity Severity // default severity
	Family   Family
	Summary  string // one line, no trailing period

	// Details says what exactly is checked (and, for rules not built yet, what will be).
	Details string
	// Why says why FC cares, quoting the platform's real error text.
	Why string
	// Fix says how to fix it; also the default `help:` line of a finding.
	Fix string
	// Wrong and Right are examples; Lang names their language for Markdown
	// fences ("go", "yaml", "sh", "text").
	Wrong, Right string
	Lang         string
}

// DocsURL is where docs/rules.md is published; each rule has an anchor there.
const DocsURL = "https://github.com/fclint/fclint/blob/main/docs/rules.md"

// URL is the rule's stable documentation address.
func (r *Rule) URL() string { return DocsURL + "#" + r.Anchor() }

// Anchor is the rule's heading anchor in docs/rules.md ("fc101-loopback-listen").
func (r *Rule) Anchor() string { return strings.ToLower(r.ID) + "-" + r.Name }

// All returns every rule, ordered by ID.
func All() []*Rule {
	out := make([]*Rule, len(catalog))
	copy(out, catalog)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a rule by ID or name, case-insensitively.
func Lookup(idOrName string) (*Rule, bool) {
	for _, r := range catalog {
		if strings.EqualFold(r.ID, idOrName) || strings.EqualFold(r.Name, idOrName) {
			return r, true
		}
	}
	return nil, false
}

// MustGet returns the rule with the given ID and panics if there is none; for
// package-level wiring of analyzers, where a typo is a programming error.
func MustGet(id string) *Rule {
	r, ok := Lookup(id)
	if !ok {
		panic("rules: no rule " + id)
	}
	return r
}

// IDs lists every rule ID, ordered.
func IDs() []string {
	var ids []string
	for _, r := range All() {
		ids = append(ids, r.ID)
	}
	return ids
}

// AnalyzerDoc is the analysis.Analyzer Doc for a Go rule: the summary as the
// first line (what go vet -help and golangci-lint show), then the details.
func (r *Rule) AnalyzerDoc() string {
	if r.Details == "" {
		return r.Summary
	}
	return r.Summary + "\n\n" + r.Details
}
