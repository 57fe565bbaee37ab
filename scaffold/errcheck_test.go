package scaffold

import (
	"go/ast"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// errcheckExcluded are the calls errcheck (on in golangci-lint's default
// linters) does not report by default and the scaffold uses.
var errcheckExcluded = map[string]bool{"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true}

// The generated main.go leaves no error unchecked, as golangci-lint's default
// errcheck sees it: no call whose last result is an error is used as a bare
// statement, a defer or a go statement.
func TestScaffoldHasNoUncheckedErrors(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	files, err := Render("orders")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:  filepath.Join(dir, "code"),
		Env:  append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local"),
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("load: %v %v", err, pkgs)
	}
	pkg := pkgs[0]
	unchecked := func(call *ast.CallExpr) {
		sig, ok := pkg.TypesInfo.TypeOf(call.Fun).(*types.Signature)
		if !ok || sig.Results().Len() == 0 {
			return
		}
		last := sig.Results().At(sig.Results().Len() - 1).Type()
		if !types.Identical(last, types.Universe.Lookup("error").Type()) {
			return
		}
		if fn, ok := calleeOf(pkg.TypesInfo, call).(*types.Func); ok && fn.Pkg() != nil && errcheckExcluded[fn.Pkg().Name()+"."+fn.Name()] {
			return
		}
		t.Errorf("%s: unchecked error from %s", pkg.Fset.Position(call.Pos()), types.ExprString(call.Fun))
	}
	for _, f := range pkg.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.ExprStmt:
				if call, ok := s.X.(*ast.CallExpr); ok {
					unchecked(call)
				}
			case *ast.DeferStmt:
				unchecked(s.Call)
			case *ast.GoStmt:
				unchecked(s.Call)
			}
			return true
		})
	}
}

// calleeOf is the function or method a call names, or nil.
func calleeOf(info *types.Info, call *ast.CallExpr) types.Object {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return info.Uses[fun]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[fun]; ok {
			return sel.Obj()
		}
		return info.Uses[fun.Sel]
	}
	return nil
}
