package main

import (
	"io"
	"strings"
	"testing"

	"github.com/fclint/fclint/rules"
)

// The styled table only shows on a terminal, which testscript cannot give;
// check its content here.
func TestStyledRulesTableListsEveryRule(t *testing.T) {
	out := styledRulesTable(io.Discard)
	for _, r := range rules.All() {
		if !strings.Contains(out, r.ID) || !strings.Contains(out, r.Name) {
			t.Errorf("styled table lacks %s %s", r.ID, r.Name)
		}
	}
	if !strings.Contains(out, explainHint) {
		t.Error("styled table lacks the explain hint")
	}
}
