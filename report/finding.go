// Package report holds the one Finding type that Go diagnostics, package
// findings and probe findings all become, and the printers that show them.
package report

import (
	"sort"
	"strings"

	"github.com/fclint/fclint/rules"
)

// Finding is one problem fclint found. The JSON field set is the stable
// contract of SPEC §3; fields tagged "-" feed the text and SARIF printers only.
type Finding struct {
	Rule     string         `json:"rule"`
	Name     string         `json:"name"`
	Severity rules.Severity `json:"severity"`
	File     string         `json:"file"` // relative to the working directory when inside it; ARCHIVE!ENTRY inside a ZIP
	Line     int            `json:"line"` // 1-based; 0 where no line applies
	Column   int            `json:"column"`
	Message  string         `json:"message"`
	Fix      string         `json:"fix"`

	EndLine   int    `json:"-"`
	EndColumn int    `json:"-"`
	Source    string `json:"-"` // the source line, when the printer cannot read File itself (e.g. an archive entry)
}

// New builds a finding for a rule with its catalog name and default severity.
func New(rule *rules.Rule, file string, line, col int, msg string) Finding {
	return Finding{Rule: rule.ID, Name: rule.Name, Severity: rule.Severity, File: file, Line: line, Column: col, Message: msg, Fix: rule.Fix}
}

// Sort orders findings by file, line, column, then rule.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// Counts tallies findings per severity.
type Counts struct{ Error, Warning, Info int }

// Count tallies fs.
func Count(fs []Finding) Counts {
	var c Counts
	for _, f := range fs {
		switch f.Severity {
		case rules.Error:
			c.Error++
		case rules.Warning:
			c.Warning++
		case rules.Info:
			c.Info++
		}
	}
	return c
}

// AtOrAbove reports whether any finding has severity >= min.
func AtOrAbove(fs []Finding, min rules.Severity) bool {
	for _, f := range fs {
		if f.Severity >= min {
			return true
		}
	}
	return false
}

// defaultPortKey is the configuration key the rules' texts name for CAPort:
// customRuntimeConfig.port, of fc3 and FC 3.0's custom runtimes.
const (
	defaultPortKey   = "customRuntimeConfig.port"
	containerPortKey = "customContainerConfig.port"
)

// UsePortKey rewrites the port key in the findings' messages and fixes to
// key, the one the function's own configuration uses
// (config.Function.PortKey: customContainerConfig.port for a custom
// container, caPort for the fc component): a fix must name a key the user
// can set. An empty key leaves the texts as they are.
func UsePortKey(findings []Finding, key string) {
	if key == "" {
		return
	}
	r := strings.NewReplacer(defaultPortKey, key, containerPortKey, key)
	for i := range findings {
		findings[i].Message = r.Replace(findings[i].Message)
		findings[i].Fix = r.Replace(findings[i].Fix)
	}
}
