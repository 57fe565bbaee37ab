package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	idPattern   = regexp.MustCompile(`^FC[0-4][0-9]{2}$`)
	kebabCase   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	familyOfID  = map[byte]Family{'0': Meta, '1': Code, '2': Package, '3': Config, '4': Probe}
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
	if len(catalog) != 36 {
		t.Errorf("catalog has %d rules, SPEC §4 has 26, plus FC406-FC411 (probe) and the container rules", len(catalog))
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

// parseGoExample parses a Go example: a whole file when it starts with a
// package clause, else top-level declarations, else statements in a function.
func parseGoExample(fset *token.FileSet, src string) (*ast.File, error) {
	if strings.HasPrefix(src, "package ") {
		return parser.ParseFile(fset, "example.go", src, parser.ParseComments)
	}
	if f, err := parser.ParseFile(fset, "example.go", "package p\n\n"+src, parser.ParseComments); err == nil {
		return f, nil
	}
	return parser.ParseFile(fset, "example.go", "package p\n\nfunc _() {\n"+src+"\n}\n", parser.ParseComments)
}

func TestGoExamplesParse(t *testing.T) {
	for _, r := range All() {
		if r.Lang != "go" {
			continue
		}
		for name, src := range map[string]string{"Wrong": r.Wrong, "Right": r.Right} {
			if _, err := parseGoExample(token.NewFileSet(), src); err != nil {
				t.Errorf("%s %s example does not parse: %v", r.ID, name, err)
			}
		}
	}
}

func TestParseGoExampleRejectsBrokenCode(t *testing.T) {
	for _, src := range []string{"srv := &http.Server{", "func main() {", "package main\n\nx := 1"} {
		if _, err := parseGoExample(token.NewFileSet(), src); err == nil {
			t.Errorf("parseGoExample(%q) succeeded; the example check could never fail", src)
		}
	}
}

// TestGoRightExamplesCompliant checks the Right examples against the FC1xx
// rules themselves, syntactically: what users copy must be what fclint accepts.
func TestGoRightExamplesCompliant(t *testing.T) {
	for _, r := range All() {
		if r.Lang != "go" {
			continue
		}
		if problems := fcProblems(t, r.Right); len(problems) > 0 {
			t.Errorf("%s Right example is not compliant: %s", r.ID, strings.Join(problems, "; "))
		}
	}
}

// TestGoWrongExamplesHaveAProblem keeps the Wrong examples honest: each shows
// something the Right one fixes.
func TestGoWrongExamplesHaveAProblem(t *testing.T) {
	for _, r := range All() {
		if r.Lang == "go" && len(fcProblems(t, r.Wrong)) == 0 {
			t.Errorf("%s Wrong example shows no problem", r.ID)
		}
	}
}

func TestFCProblemsFindsViolations(t *testing.T) {
	cases := map[string]string{
		"loopback":     `http.ListenAndServe("127.0.0.1:9000", nil)`,
		"localhost":    `port := os.Getenv("FC_CUSTOM_LISTEN_PORT"); http.ListenAndServe("localhost:"+port, nil)`,
		"literal port": `http.ListenAndServe(":9000", nil)`,
		"timeout": `port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
if port == "" { port = "9000" }
srv := &http.Server{Addr: ":" + port, IdleTimeout: time.Minute}
srv.ListenAndServe()`,
		"keepalive off": `srv.SetKeepAlivesEnabled(false)`,
		"handler":       `mux.Handle("/", http.TimeoutHandler(h, time.Second, ""))`,
	}
	for name, src := range cases {
		if len(fcProblems(t, src)) == 0 {
			t.Errorf("%s: fcProblems found nothing in %q", name, src)
		}
	}
}

func fcProblems(t *testing.T, src string) []string {
	t.Helper()
	f, err := parseGoExample(token.NewFileSet(), src)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var problems []string
	listens, readsPort, fallback := false, false, false
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				break
			}
			s, _ := strconv.Unquote(n.Value)
			switch {
			case strings.Contains(s, "127.0.0.1"), strings.Contains(s, "localhost"), strings.Contains(s, "[::1]"):
				problems = append(problems, "loopback address "+n.Value)
			case s == "FC_CUSTOM_LISTEN_PORT":
				readsPort = true
			case s == "9000":
				fallback = true
			case strings.HasPrefix(s, ":") && len(s) > 1:
				problems = append(problems, "literal listen port "+n.Value)
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				switch id.Name {
				case "ReadTimeout", "WriteTimeout", "IdleTimeout":
					problems = append(problems, id.Name+" set")
				case "Addr":
					listens = true
				}
			}
		case *ast.SelectorExpr:
			switch n.Sel.Name {
			case "ListenAndServe", "Run", "Start", "Listen":
				listens = true
			case "SetKeepAlivesEnabled":
				problems = append(problems, "SetKeepAlivesEnabled called")
			case "TimeoutHandler":
				if !strings.Contains(src, "//fclint:ignore FC106 ") {
					problems = append(problems, "TimeoutHandler without a reasoned //fclint:ignore")
				}
			}
		}
		return true
	})
	if listens && !(readsPort && fallback) {
		problems = append(problems, `listens without reading FC_CUSTOM_LISTEN_PORT with fallback "9000"`)
	}
	return problems
}

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
