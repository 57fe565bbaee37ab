package eval

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/fclint/fclint/analyzers/internal/fixture"
)

// program turns fuzz bytes into a package main of string variables v0..v5 and
// server pointers s0..s3 (type T, field Addr) that main re-assigns, joins,
// reads from the environment, passes through functions and closures and
// guards with fallbacks: the shapes the evaluator follows, in any order and
// any number, cycles included.
func program(ops []byte) string {
	var b strings.Builder
	b.WriteString(`package main

import (
	"fmt"
	"os"
	"strconv"
)

type T struct{ Addr string }

var v0, v1, v2, v3, v4, v5 string = "127.0.0.1", ":9000", "", "0.0.0.0", "8080", ""
var s0, s1, s2, s3 = &T{Addr: "127.0.0.1:9000"}, &T{}, new(T), &T{Addr: v1}

var _, _, _ = fmt.Sprint, os.Getenv, strconv.Itoa

func id(x string) string { return x }
func same(s *T) *T       { return s }
func port(p string) string {
	if p == "" {
		p = "9000"
	}
	return ":" + p
}

func main() {
`)
	for i := 0; i+2 < len(ops) && i < 3*400; i += 3 {
		op, a, c := ops[i], ops[i+1], ops[i+2]
		v, w := fmt.Sprintf("v%d", a%6), fmt.Sprintf("v%d", c%6)
		s, t := fmt.Sprintf("s%d", a%4), fmt.Sprintf("s%d", c%4)
		switch op % 16 {
		case 0:
			fmt.Fprintf(&b, "\t%s = %s\n", v, w)
		case 1:
			fmt.Fprintf(&b, "\t%s = %s + \":\" + %s\n", v, v, w)
		case 2:
			fmt.Fprintf(&b, "\t%s = os.Getenv(%q)\n", v, []string{"PORT", "FC_CUSTOM_LISTEN_PORT", "HOST"}[c%3])
		case 3:
			fmt.Fprintf(&b, "\t%s = %s\n", s, t)
		case 4:
			fmt.Fprintf(&b, "\t%s.Addr = %s\n", s, w)
		case 5:
			fmt.Fprintf(&b, "\t%s = &T{Addr: %s}\n", s, w)
		case 6:
			fmt.Fprintf(&b, "\t%s = id(%s)\n", v, w)
		case 7:
			fmt.Fprintf(&b, "\t%s = same(%s)\n", s, t)
		case 8:
			fmt.Fprintf(&b, "\tif %s == \"\" {\n\t\t%s = %s\n\t}\n", v, v, w)
		case 9:
			fmt.Fprintf(&b, "\t%s = fmt.Sprintf(\"%%s:%%d\", %s, %d)\n", v, w, c)
		case 10:
			fmt.Fprintf(&b, "\tif n, err := strconv.Atoi(%s); err == nil {\n\t\t%s = strconv.Itoa(n)\n\t}\n", w, v)
		case 11:
			fmt.Fprintf(&b, "\tfunc() { %s = %s }()\n", v, w)
		case 12:
			fmt.Fprintf(&b, "\t%s = port(%s)\n", v, w)
		case 13:
			fmt.Fprintf(&b, "\t%s = %s.Addr\n", v, t)
		case 14:
			fmt.Fprintf(&b, "\t%s += %s\n", v, w)
		case 15:
			fmt.Fprintf(&b, "\tfor range 2 {\n\t\t%s = %s + %s\n\t}\n", v, w, v)
		}
	}
	b.WriteString("\t_ = s0.Addr + s1.Addr + s2.Addr + s3.Addr\n}\n")
	return b.String()
}

// fuzzFset and fuzzStd are shared by all inputs: stand-ins of the standard
// library packages the programs import, with the signatures the evaluator knows.
var (
	fuzzFset = token.NewFileSet()
	fuzzStd  = fixture.StubImporter(fuzzFset, map[string]string{
		"os":      "package os\nfunc Getenv(key string) string\nfunc LookupEnv(key string) (string, bool)\n",
		"fmt":     "package fmt\nfunc Sprintf(format string, a ...any) string\nfunc Sprint(a ...any) string\n",
		"strconv": "package strconv\nfunc Atoi(s string) (int, error)\nfunc Itoa(i int) string\n",
	})
)

// FuzzEval: on any program (up to 400 statements), the evaluator never
// panics, stays well within its budget, and an evaluator with a small budget answers with a subset
// of the known values of one with the full budget: running out of budget
// makes values unknown, never different.
func FuzzEval(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 1, 0, 3, 1, 0, 3, 2, 1, 3, 2, 1, 3, 3, 2, 3, 3, 2}) // a re-assignment chain
	f.Add([]byte{0, 0, 1, 0, 1, 0, 1, 0, 1, 4, 0, 0, 13, 1, 0})         // a cycle through a field
	f.Add([]byte{2, 1, 0, 8, 1, 1, 12, 2, 1, 9, 3, 2, 10, 4, 3, 11, 5, 4, 6, 0, 5, 7, 1, 2, 14, 0, 1, 15, 2, 2})
	f.Fuzz(func(t *testing.T, ops []byte) {
		pass, err := fixture.NewPass(fuzzFset, program(ops), nil, fuzzStd)
		if err != nil {
			t.Fatalf("generated program does not type-check: %v\n%s", err, program(ops))
		}
		full, small := New(pass), New(pass)
		small.budget = 64
		var exprs []ast.Expr
		ast.Inspect(pass.Files[0], func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok {
				exprs = append(exprs, x)
			}
			return true
		})
		for _, x := range exprs {
			known := map[string]bool{}
			fullVals := full.Eval(x)
			for _, v := range fullVals {
				if v.Known() {
					known[v.Const.ExactString()] = true
				}
			}
			for _, v := range small.Eval(x) {
				if v.Known() && !known[v.Const.ExactString()] && len(fullVals) < maxValues {
					t.Fatalf("with a small budget %s has the value %s, which the full evaluation lacks (%v)", types.ExprString(x), v.Const, fullVals)
				}
			}
			if isServer(pass.TypesInfo, x) {
				full.Field(x, "Addr")
				small.Field(x, "Addr")
			}
		}
		if full.Exhausted() {
			t.Fatalf("a program of %d lines spent the whole budget of %d steps", strings.Count(program(ops), "\n"), full.budget)
		}
		if !small.Exhausted() && len(exprs) > 64 {
			t.Fatalf("%d expressions evaluated in %d steps: some evaluation does not count its steps", len(exprs), small.steps)
		}
	})
}

func isServer(pass interface{ TypeOf(ast.Expr) types.Type }, x ast.Expr) bool {
	t := pass.TypeOf(x)
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	return ok && n.Obj().Name() == "T"
}

// FuzzConfigLookup: any configuration file parses or fails cleanly, and a
// lookup never panics.
func FuzzConfigLookup(f *testing.F) {
	f.Add([]byte("Name: api\nHost: 0.0.0.0\nPort: 8888\nMiddlewares:\n  Timeout: true\n"))
	f.Add([]byte(`{"Port": 9000, "Nested": {"Port": [1, 2]}}`))
	f.Add([]byte("&a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := parseConfig(data)
		if err != nil {
			return
		}
		for _, keys := range [][]string{{"Port"}, {"Middlewares", "Timeout"}, {"a", "b", "c"}} {
			lookupKeys(n, keys)
		}
	})
}
