package fclint_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

// processWide are calls that change the whole test process and that the
// testing package offers a restoring form of (t.Setenv, t.Chdir).
var processWide = map[string]string{
	"os.Setenv":      "t.Setenv",
	"os.Unsetenv":    "t.Setenv",
	"os.Clearenv":    "t.Setenv for each variable",
	"os.Chdir":       "t.Chdir",
	"syscall.Setenv": "t.Setenv",
}

// restoredGlobals are package variables that tests set and must set back
// (in a t.Cleanup or a defer) in the same function.
var restoredGlobals = []string{"fcconfig.Current"} // gone since the analyzers take their settings; kept so it cannot come back unrestored

// TestTestsRestoreProcessState: tests leave the process as they found it, so
// that they can run in any order and in parallel. A test that changes the
// environment or working directory without the restoring t.Setenv/t.Chdir, or
// sets a shared global without setting it back, fails here. The analyzers'
// own tests (analyzers/) have their helper for the settings and are left out.
func TestTestsRestoreProcessState(t *testing.T) {
	var problems []string
	checked := 0
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "testdata", "analyzers":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		checked++
		problems = append(problems, processStateProblems(t, p)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d test files found", checked)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func TestProcessStateProblemsFindsThem(t *testing.T) {
	src := `package x

func TestA(t *testing.T) { os.Setenv("A", "1"); os.Chdir("/") }
func TestB(t *testing.T) { fcconfig.Current = fcconfig.Settings{Port: 1} }
func TestC(t *testing.T) {
	saved := fcconfig.Current
	t.Cleanup(func() { fcconfig.Current = saved })
	fcconfig.Current = fcconfig.Settings{Port: 1}
	t.Setenv("A", "1")
}
`
	got := problemsIn(token.NewFileSet(), "x_test.go", src)
	if len(got) != 3 || !strings.Contains(got[0], "os.Setenv") || !strings.Contains(got[1], "os.Chdir") || !strings.Contains(got[2], "TestB") {
		t.Errorf("problems:\n%s\nwant os.Setenv and os.Chdir in TestA, fcconfig.Current in TestB", strings.Join(got, "\n"))
	}
}

func processStateProblems(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return problemsIn(token.NewFileSet(), file, string(data))
}

func problemsIn(fset *token.FileSet, file, src string) []string {
	f, err := parser.ParseFile(fset, file, src, 0)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		set := map[string]token.Pos{} // globals assigned outside cleanups
		restored := map[string]bool{} // globals assigned inside a t.Cleanup or defer
		var walk func(n ast.Node, inCleanup bool)
		walk = func(n ast.Node, inCleanup bool) {
			ast.Inspect(n, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.DeferStmt:
					walk(n.Call, true)
					return false
				case *ast.CallExpr:
					name := exprName(n.Fun)
					if strings.HasSuffix(name, ".Cleanup") {
						for _, a := range n.Args {
							walk(a, true)
						}
						return false
					}
					if better, ok := processWide[name]; ok {
						problems = append(problems, fset.Position(n.Pos()).String()+": "+name+" changes the whole process; use "+better)
					}
				case *ast.AssignStmt:
					for _, lhs := range n.Lhs {
						name := exprName(lhs)
						for _, g := range restoredGlobals {
							if name != g {
								continue
							}
							if inCleanup {
								restored[g] = true
							} else if _, seen := set[g]; !seen {
								set[g] = n.Pos()
							}
						}
					}
				}
				return true
			})
		}
		walk(fn.Body, false)
		for g, pos := range set {
			if !restored[g] {
				problems = append(problems, fset.Position(pos).String()+": "+fn.Name.Name+" sets "+g+" and never sets it back (t.Cleanup or defer)")
			}
		}
	}
	return problems
}

// exprName is "pkg.Name" or "x.Method" for a selector, "" otherwise.
func exprName(e ast.Expr) string {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			return id.Name + "." + sel.Sel.Name
		}
	}
	return ""
}

// TestCIRunsPinnedLinters: .ci/run runs staticcheck and deadcode, and both come
// from tools/go.mod's tool directives at the versions it requires, so CI does
// not depend on whatever is installed.
func TestCIRunsPinnedLinters(t *testing.T) {
	script, err := os.ReadFile(filepath.Join(".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	toolsMod, err := os.ReadFile(filepath.Join("tools", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	mod, err := modfile.Parse("tools/go.mod", toolsMod, nil)
	if err != nil {
		t.Fatal(err)
	}
	for tool, module := range map[string]string{
		"staticcheck": "honnef.co/go/tools",
		"deadcode":    "golang.org/x/tools",
	} {
		if !strings.Contains(string(script), `$tools `+tool+` `) || !strings.Contains(string(script), `tools="go tool -modfile=tools/go.mod"`) {
			t.Errorf(".ci/run does not run %s through the tools module", tool)
		}
		declared := slices.ContainsFunc(mod.Tool, func(tl *modfile.Tool) bool {
			return path.Base(tl.Path) == tool && strings.HasPrefix(tl.Path, module+"/")
		})
		required := slices.ContainsFunc(mod.Require, func(r *modfile.Require) bool { return r.Mod.Path == module && r.Mod.Version != "" })
		if !declared || !required {
			t.Errorf("tools/go.mod: tool %s declared %v, %s required at a version %v", tool, declared, module, required)
		}
	}
}
