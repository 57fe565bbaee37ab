package stubcheck

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// Tree is the fixture tree (analyzers/testdata, a GOPATH whose src holds the
// stand-ins) type-checked, with every package its packages import.
type Tree struct {
	Root string
	// Types holds the loaded packages and every package they import.
	Types map[string]*types.Package
	// Syntax holds the files of the loaded packages (not of their imports).
	Syntax map[string][]*ast.File
}

// Load type-checks the given import paths in the fixture tree rooted at root
// (analyzers/testdata) the way analysistest does: GOPATH mode, so a path with
// a stand-in resolves to it and a standard one to GOROOT.
func Load(root string, paths ...string) (*Tree, error) {
	cfg := &packages.Config{
		// No NeedDeps: imports come from export data, which keeps the
		// standard library out of the type checker.
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes,
		Dir:  root,
		Env:  append(os.Environ(), "GOPATH="+root, "GO111MODULE=off", "GOFLAGS=", "GOTOOLCHAIN=local"),
	}
	roots, err := packages.Load(cfg, paths...)
	if err != nil {
		return nil, err
	}
	t := &Tree{Root: root, Types: map[string]*types.Package{}, Syntax: map[string][]*ast.File{}}
	var problems []string
	for _, p := range roots {
		for _, e := range p.Errors {
			problems = append(problems, e.Error())
		}
		t.Syntax[p.PkgPath] = p.Syntax
		t.add(p.Types)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("loading stand-ins: %s", strings.Join(problems, "; "))
	}
	return t, nil
}

func (t *Tree) add(p *types.Package) {
	if p == nil || t.Types[p.Path()] != nil {
		return
	}
	t.Types[p.Path()] = p
	for _, imp := range p.Imports() {
		t.add(imp)
	}
}

// StandIns lists the import paths of every stand-in under root/src: the
// packages whose first path element is a host name (github.com/...).
func StandIns(root string) ([]string, error) {
	src := filepath.Join(root, "src")
	var out []string
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, err := filepath.Rel(src, filepath.Dir(path))
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		first, _, _ := strings.Cut(rel, "/")
		if strings.Contains(first, ".") && (len(out) == 0 || out[len(out)-1] != rel) {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// CheckNames fails t for every table name that the fixture tree does not
// declare as named. Names are written as the tables write them:
// types.Func.FullName ("(*net/http.Server).ListenAndServe", "net.Listen"),
// a qualified type ("net/http.Server") or a qualified field or method
// ("net/http.Server.ReadTimeout").
func CheckNames(t testing.TB, root string, names ...string) {
	t.Helper()
	seen := map[string]bool{}
	var paths []string
	for _, n := range names {
		p := PackageOf(n)
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	tree, err := Load(root, paths...)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if err := tree.Resolve(n); err != nil {
			t.Errorf("table row %q: %v", n, err)
		}
	}
}

// Resolve reports whether name is declared, as written, in the tree.
func (t *Tree) Resolve(name string) error {
	if strings.HasPrefix(name, "(") {
		recv, method, ok := strings.Cut(name[1:], ").")
		if !ok {
			return fmt.Errorf("not a method name")
		}
		named, pkg, err := t.namedType(strings.TrimPrefix(recv, "*"))
		if err != nil {
			return err
		}
		obj, _, _ := types.LookupFieldOrMethod(named, true, pkg, method)
		fn, ok := obj.(*types.Func)
		if !ok {
			return fmt.Errorf("%s has no method %s", recv, method)
		}
		if fn.FullName() != name {
			return fmt.Errorf("the stand-in declares it as %s", fn.FullName())
		}
		return nil
	}
	pkgPath, rest := splitQualified(name)
	typeName, member, isMember := strings.Cut(rest, ".")
	if !isMember {
		p := t.Types[pkgPath]
		if p == nil {
			return fmt.Errorf("package %s is not loaded", pkgPath)
		}
		if p.Scope().Lookup(rest) == nil {
			return fmt.Errorf("%s declares no %s", pkgPath, rest)
		}
		return nil
	}
	named, pkg, err := t.namedType(pkgPath + "." + typeName)
	if err != nil {
		return err
	}
	obj, index, _ := types.LookupFieldOrMethod(named, true, pkg, member)
	switch obj := obj.(type) {
	case *types.Var:
		if len(index) != 1 {
			return fmt.Errorf("%s.%s is promoted, not declared in %s", typeName, member, typeName)
		}
		return nil
	case *types.Func:
		if !strings.Contains(obj.FullName(), "."+typeName+")") {
			return fmt.Errorf("%s.%s is promoted: %s", typeName, member, obj.FullName())
		}
		return nil
	}
	return fmt.Errorf("%s has no field or method %s", typeName, member)
}

// namedType finds "importpath.Type" in the tree.
func (t *Tree) namedType(qualified string) (types.Type, *types.Package, error) {
	pkgPath, name := splitQualified(qualified)
	p := t.Types[pkgPath]
	if p == nil {
		return nil, nil, fmt.Errorf("package %s is not loaded", pkgPath)
	}
	tn, ok := p.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil, nil, fmt.Errorf("%s declares no type %s", pkgPath, name)
	}
	return tn.Type(), p, nil
}

// PackageOf extracts the import path from any name CheckNames accepts.
func PackageOf(name string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(name, "("), "*")
	if i := strings.IndexByte(s, ')'); i >= 0 {
		s = s[:i]
	}
	p, _ := splitQualified(s)
	return p
}

// splitQualified splits "importpath.Name..." at the first dot after the
// last slash.
func splitQualified(s string) (pkg, rest string) {
	slash := strings.LastIndexByte(s, '/')
	dot := strings.IndexByte(s[slash+1:], '.')
	if dot < 0 {
		return s, ""
	}
	return s[:slash+1+dot], s[slash+2+dot:]
}
