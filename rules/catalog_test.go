package rules

import (
	"regexp"
	"strings"
	"testing"
)

var (
	idPattern   = regexp.MustCompile(`^FC[0-5][0-9]{2}$`)
	kebabCase   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	familyOfID  = map[byte]Family{'0': Meta, '1': Code, '2': Package, '3': Config, '4': Probe, '5': AppServer}
	exampleLang = map[string]bool{"go": true, "yaml": true, "sh": true, "text": true}
)

// platformErrors: the real error text (FC-FACTS §9 and the linked docs) each
// rule's Why must quote, so users can match what they saw after a deploy.
var platformErrors = map[string]string{
	"FC101": "connection refused",
	"FC102": "Function instance health check failed on port 9001 in 120 seconds.",
	"FC103": "Function instance health check failed on port 9001 in 120 seconds.",
	"FC104": "Process exited unexpectedly before completing request",
	"FC105": "Process exited unexpectedly before completing request",
	"FC107": "expected ali FC environment variables [FC_RUNTIME_API] are not defined",
	"FC201": "the file /code/bootstrap is not exist",
	"FC202": "CAExited: can't open file '/code/app.py'",
	"FC203": "CAFilePermission",
	"FC204": "/bin/bash^M: bad interpreter",
	"FC205": "exec format error",
	"FC206": "version 'GLIBC_2.32' not found",
	"FC207": "message:no such file or directory",
	"FC210": "message:no such file or directory",
	"FC302": "connection refused",
	"FC401": "Function instance health check failed on port 9001 in 120 seconds.",
	"FC402": "connection refused",
	"FC403": "Function instance health check failed on port 9001 in 120 seconds.",
	"FC404": "Process exited unexpectedly before completing request",
	"FC405": "Process exited unexpectedly before completing request",
	"FC501": "connection refused",
	"FC502": "Process exited unexpectedly before completing request",
	"FC503": "Process exited unexpectedly before completing request",
}

func TestCatalogRecordsComplete(t *testing.T) {
	seenID := map[string]bool{}
	seenName := map[string]bool{}
	prev := ""
	for i, r := range catalog {
		if !idPattern.MatchString(r.ID) {
			t.Errorf("record %d: ID %q is not FCnnn", i, r.ID)
			continue
		}
		if r.ID <= prev {
			t.Errorf("%s: catalog not ordered by ID (after %s)", r.ID, prev)
		}
		prev = r.ID
		if seenID[r.ID] || seenName[r.Name] {
			t.Errorf("%s: duplicate ID or name %q", r.ID, r.Name)
		}
		seenID[r.ID], seenName[r.Name] = true, true
		if !kebabCase.MatchString(r.Name) {
			t.Errorf("%s: name %q is not kebab-case", r.ID, r.Name)
		}
		if want := familyOfID[r.ID[2]]; r.Family != want {
			t.Errorf("%s: family %q, want %q for its hundreds", r.ID, r.Family, want)
		}
		if r.Severity < Info || r.Severity > Error {
			t.Errorf("%s: bad severity %d", r.ID, r.Severity)
		}
		for field, v := range map[string]string{
			"Summary": r.Summary, "Details": r.Details, "Why": r.Why, "Fix": r.Fix,
			"Wrong": r.Wrong, "Right": r.Right, "Lang": r.Lang,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", r.ID, field)
			}
		}
		for field, v := range map[string]string{"Summary": r.Summary, "Fix": r.Fix} {
			if strings.Contains(v, "\n") || strings.HasSuffix(v, ".") {
				t.Errorf("%s: %s must be one line without a trailing period: %q", r.ID, field, v)
			}
		}
		if !exampleLang[r.Lang] {
			t.Errorf("%s: Lang %q is not one of go, yaml, sh, text", r.ID, r.Lang)
		}
		if (r.Family == Code || r.Family == Meta) && r.Lang != "go" {
			t.Errorf("%s: Go rules need Go examples, Lang is %q", r.ID, r.Lang)
		}
		if r.Wrong == r.Right {
			t.Errorf("%s: Wrong and Right are the same", r.ID)
		}
		for field, v := range map[string]string{"Details": r.Details, "Why": r.Why, "Wrong": r.Wrong, "Right": r.Right} {
			for n, line := range strings.Split(v, "\n") {
				if len([]rune(line)) > 110 {
					t.Errorf("%s: %s line %d is %d characters; wrap it", r.ID, field, n+1, len([]rune(line)))
				}
			}
		}
	}
	if len(catalog) != 40 {
		t.Errorf("catalog has %d rules; SPEC §4 has 26, issue 13 adds FC212-FC216, issue 11 FC406-FC411, issue 12 FC501-FC503", len(catalog))
	}
}

func TestWhyQuotesPlatformError(t *testing.T) {
	for id, quote := range platformErrors {
		r := MustGet(id)
		// Compare with line breaks folded: the catalog hard-wraps its prose.
		if !strings.Contains(strings.Join(strings.Fields(r.Why), " "), strings.Join(strings.Fields(quote), " ")) {
			t.Errorf("%s: Why does not quote the platform's error %q", id, quote)
		}
	}
}

// The Go examples are checked by the real analyzers, through the check
// driver: see TestCatalogGoExamples in gocheck. The package examples are
// checked by the package checker: see TestCatalogPackageExamples in packaging.

func TestLookup(t *testing.T) {
	for _, q := range []string{"FC101", "fc101", "loopback-listen", "LOOPBACK-LISTEN"} {
		if r, ok := Lookup(q); !ok || r.ID != "FC101" {
			t.Errorf("Lookup(%q) = %v, %v; want FC101", q, r, ok)
		}
	}
	if _, ok := Lookup("FC999"); ok {
		t.Error("Lookup(FC999) found a rule")
	}
}
