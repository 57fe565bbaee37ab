package gocheck_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/fclint/fclint/gocheck"
	"github.com/fclint/fclint/rules"
)

// TestCatalogGoExamples runs every Go example of the rule catalog (what
// `fclint explain` shows) through the real check driver, with the analyzers
// every driver uses: each Wrong example must get its own rule's finding and
// no other rule's (unless it names that rule), each Right example no finding at all. A Right example that
// the real analyzer flags, or a Wrong one it lets through, fails here.
func TestCatalogGoExamples(t *testing.T) {
	examples := map[string]string{} // package name -> file
	sources := map[string]string{}  // package name -> the example as written
	var names []string
	for _, r := range rules.All() {
		if r.Lang != "go" {
			continue
		}
		for kind, src := range map[string]string{"wrong": r.Wrong, "right": r.Right} {
			file, err := exampleFile(src)
			if err != nil {
				t.Errorf("%s %s example: %v", r.ID, kind, err)
				continue
			}
			name := strings.ToLower(r.ID) + kind
			examples[name] = file
			sources[name] = src
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		t.Fatal("the catalog has no Go examples")
	}
	byPackage := checkGoExamples(t, examples)
	sort.Strings(names)
	for _, name := range names {
		id := strings.ToUpper(name[:5])
		got := byPackage[name]
		switch {
		case strings.HasSuffix(name, "wrong"):
			// Another rule's finding is fine only where the example names
			// that rule itself (FC001's Wrong is a directive for FC106).
			other := func(rule string) bool { return rule != id && !strings.Contains(sources[name], rule) }
			if !slices.Contains(got, id) || slices.ContainsFunc(got, other) {
				t.Errorf("%s Wrong example: findings %v, want %s and no other rule\n%s", id, got, id, examples[name])
			}
		default:
			if len(got) > 0 {
				t.Errorf("%s Right example: findings %v, want none\n%s", id, got, examples[name])
			}
		}
	}
}

// TestExampleFileCompletesSnippets keeps the harness honest: a snippet gets
// the imports and declarations it needs, and a name the harness cannot supply
// is an error rather than a silently different program.
func TestExampleFileCompletesSnippets(t *testing.T) {
	file, err := exampleFile(`srv := &http.Server{Addr: ":" + port, Handler: mux}
log.Fatal(srv.ListenAndServe())`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"net/http"`, `"log"`, `"os"`, "var mux", "var port", "func main() {"} {
		if !strings.Contains(file, want) {
			t.Errorf("completed snippet lacks %s:\n%s", want, file)
		}
	}
	if _, err := exampleFile(`http.ListenAndServe(addr, nil)`); err == nil || !strings.Contains(err.Error(), "addr") {
		t.Errorf("an unknown free name gave %v, want an error naming it", err)
	}
	if _, err := exampleFile(`srv := &http.Server{`); err == nil {
		t.Error("a snippet that does not parse was accepted")
	}
}

// checkGoExamples writes each example as its own package main in a GOPATH
// beside the analyzers' framework stand-ins, runs gocheck once over all of
// them, and returns the rule IDs found per package.
func checkGoExamples(t *testing.T, examples map[string]string) map[string][]string {
	t.Helper()
	stubs, err := filepath.Abs(filepath.Join("..", "analyzers", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	gopath := t.TempDir()
	for name, file := range examples {
		dir := filepath.Join(gopath, "src", "examples", name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(file), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// GOPATH mode: the stand-ins (gin, the FC Go SDK, ...) resolve without a
	// network or a module cache, as in the analyzers' own tests.
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOPATH", gopath+string(os.PathListSeparator)+stubs)
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOPROXY", "off")
	res, err := gocheck.Run(gocheck.Options{Patterns: []string{"examples/..."}, Dir: filepath.Join(gopath, "src")})
	if err != nil {
		t.Fatalf("checking the examples: %v", err)
	}
	found := map[string][]string{}
	for _, f := range res.Findings {
		pkg := filepath.Base(filepath.Dir(filepath.FromSlash(f.File)))
		found[pkg] = append(found[pkg], f.Rule)
	}
	return found
}

// importPaths are the packages the examples may use by name.
var importPaths = map[string]string{
	"context": "context",
	"fmt":     "fmt",
	"http":    "net/http",
	"io":      "io",
	"log":     "log",
	"net":     "net",
	"os":      "os",
	"strconv": "strconv",
	"time":    "time",
	"gin":     "github.com/gin-gonic/gin",
	"fc":      "github.com/aliyun/fc-runtime-go-sdk/fc",
}

// environment declares the names snippets use without declaring them, each as
// plainly as FC expects (the port read from FC_CUSTOM_LISTEN_PORT), so that a
// finding can only come from the snippet itself.
var environment = map[string]string{
	"mux":    "var mux = http.NewServeMux()",
	"port":   `var port = os.Getenv("FC_CUSTOM_LISTEN_PORT")`,
	"hello":  "func hello(c *gin.Context) {}",
	"report": "func report(w http.ResponseWriter, r *http.Request) {}",
	"quote":  "var quote = http.NotFoundHandler()",
}

// exampleFile turns a catalog example into a complete package main: a whole
// file stays as it is; top-level declarations, or else statements (wrapped in
// main), get the imports and environment declarations for their free names.
func exampleFile(src string) (string, error) {
	if strings.HasPrefix(src, "package ") {
		if _, err := parser.ParseFile(token.NewFileSet(), "example.go", src, parser.ParseComments); err != nil {
			return "", err
		}
		return src, nil
	}
	body := src
	if _, err := parser.ParseFile(token.NewFileSet(), "example.go", "package main\n\n"+src, 0); err != nil {
		body = "func main() {\n" + src + "\n}"
	}
	imports, decls := map[string]bool{}, map[string]bool{}
	for {
		file := assemble(imports, decls, body)
		f, err := parser.ParseFile(token.NewFileSet(), "example.go", file, parser.ParseComments)
		if err != nil {
			return "", err
		}
		added := false
		for _, id := range f.Unresolved {
			name := id.Name
			switch {
			case types.Universe.Lookup(name) != nil:
			case importPaths[name] != "":
				added = added || !imports[name]
				imports[name] = true
			case environment[name] != "":
				added = added || !decls[name]
				decls[name] = true
			default:
				return "", fmt.Errorf("uses %q, which the test can neither import nor declare", name)
			}
		}
		if !added {
			return file, nil
		}
	}
}

func assemble(imports, decls map[string]bool, body string) string {
	var b strings.Builder
	b.WriteString("package main\n\n")
	for _, name := range sortedKeys(imports) {
		fmt.Fprintf(&b, "import %q\n", importPaths[name])
	}
	for _, name := range sortedKeys(decls) {
		b.WriteString("\n" + environment[name] + "\n")
	}
	b.WriteString("\n" + body + "\n")
	return b.String()
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestFcserverIsClean: the reference server, which users copy, gets no
// finding from fclint itself, its listen address coming from fcserver.Addr.
func TestFcserverIsClean(t *testing.T) {
	res, err := gocheck.Run(gocheck.Options{Patterns: []string{"./fcserver"}, Dir: ".."})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		t.Errorf("%s:%d: %s %s", f.File, f.Line, f.Rule, f.Message)
	}
}
