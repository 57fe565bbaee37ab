package gclplugin

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/directive"
	"github.com/fclint/fclint/rules"
)

// metaRule is FC001, which judges suppression directives: it runs whenever any
// rule runs, unless disabled by name, and it stays last.
const metaRule = "FC001"

// selectAnalyzers keeps the analyzers of the selected rules, in registry
// order. enable (empty: every rule) and disable name rules by ID or name;
// disable wins. Names that are not Go code rules are an error, so that a typo
// does not silently turn a rule off. Analyzers that belong to no rule are kept.
func selectAnalyzers(all []*analysis.Analyzer, enable, disable []string) ([]*analysis.Analyzer, error) {
	enabled, err := ruleSet(enable, "enable")
	if err != nil {
		return nil, err
	}
	disabled, err := ruleSet(disable, "disable")
	if err != nil {
		return nil, err
	}
	on := func(id string) bool {
		if disabled[id] {
			return false
		}
		return len(enabled) == 0 || enabled[id] || id == metaRule
	}

	var out []*analysis.Analyzer
	var meta *analysis.Analyzer
	off := map[string]bool{} // rules whose analyzers do not run
	for _, a := range all {
		r, ok := ruleOf(a)
		switch {
		case !ok:
			out = append(out, a)
		case r.ID == metaRule:
			if on(r.ID) {
				meta = a
			}
		case on(r.ID):
			out = append(out, a)
		default:
			off[r.ID] = true
		}
	}
	if meta != nil {
		out = append(out, restrictMeta(meta, off))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("enable/disable leave no rule to run")
	}
	return out, nil
}

// ruleSet resolves rule IDs or names to the IDs of Go code rules.
func ruleSet(names []string, key string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, n := range names {
		r, ok := rules.Lookup(strings.TrimSpace(n))
		if !ok {
			return nil, fmt.Errorf("%s: unknown rule %q; the Go rules are %s", key, n, strings.Join(codeRuleIDs(), ", "))
		}
		if r.Family != rules.Code && r.Family != rules.Meta {
			return nil, fmt.Errorf("%s: %s (%s) is a %s rule, checked by `fclint %s`, not by the golangci-lint plugin",
				key, r.ID, r.Name, r.Family, commandFor(r.Family))
		}
		set[r.ID] = true
	}
	return set, nil
}

func commandFor(f rules.Family) string {
	switch f {
	case rules.Probe:
		return "probe"
	default:
		return "package"
	}
}

func codeRuleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		if r.Family == rules.Code || r.Family == rules.Meta {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// ruleOf finds the rule an analyzer reports: its name is the rule's ID or
// name, or its URL is the rule's documentation address.
func ruleOf(a *analysis.Analyzer) (*rules.Rule, bool) {
	if r, ok := rules.Lookup(a.Name); ok {
		return r, true
	}
	for _, r := range rules.All() {
		if a.URL != "" && a.URL == r.URL() {
			return r, true
		}
	}
	return nil, false
}

// restrictMeta returns FC001 without the disabled rules' analyzers among its
// prerequisites (so they do not run), and quiet about directives that name a
// disabled rule: whether such a directive suppresses anything cannot be known
// without running that rule. Malformed directives are still reported.
func restrictMeta(meta *analysis.Analyzer, off map[string]bool) *analysis.Analyzer {
	if len(off) == 0 {
		return meta
	}
	restricted := *meta
	restricted.Requires = nil
	for _, req := range meta.Requires {
		if r, ok := ruleOf(req); ok && off[r.ID] {
			continue
		}
		restricted.Requires = append(restricted.Requires, req)
	}
	run := meta.Run
	restricted.Run = func(pass *analysis.Pass) (any, error) {
		set, _ := pass.ResultOf[directive.Analyzer].(*directive.Set)
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			if set != nil && namesDisabledRule(set, d.Pos, off) {
				return
			}
			pass.Report(d)
		}
		return run(&filtered)
	}
	return &restricted
}

// namesDisabledRule reports whether the well-formed directive at pos names a
// rule in off.
func namesDisabledRule(set *directive.Set, pos token.Pos, off map[string]bool) bool {
	for _, d := range set.List() {
		if d.Pos != pos || d.Malformed != "" {
			continue
		}
		for _, id := range d.Rules {
			if off[id] {
				return true
			}
		}
	}
	return false
}
