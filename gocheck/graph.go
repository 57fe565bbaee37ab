package gocheck

import (
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/fclint/fclint/analyzers/fcconfig"
)

// The server model (analyzers/model, listen) passes what a package of the
// module decides to the packages importing it as analysis facts. x/tools'
// checker runs a fact-using analyzer on every dependency, which needs every
// dependency parsed and type-checked from source: the standard library and
// every module in the cache, several times the cost of the check itself.
// fclint needs facts only from the packages of the analyzed module(s) (the
// model summarizes nothing else), so the driver loads those from source, all
// of them, and hands the checker a graph whose import edges are only those
// between them. Dependencies keep their types from export data. go vet gets
// the same facts its own way (cmd/go runs the tool on every dependency and
// the model skips the ones outside the module), so both report the same.

// missingModulePackages returns the patterns that load the rest of the main
// module(s) when a root imports a package of one that the patterns left
// out: its facts are needed, so it must be analyzed too.
func missingModulePackages(pkgs []*packages.Package) []string {
	roots := map[string]bool{}
	mods := map[string]string{} // main module path → its directory
	for _, p := range pkgs {
		roots[p.PkgPath] = true
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			mods[p.Module.Path] = p.Module.Dir
		}
	}
	need := map[string]bool{}
	for _, p := range pkgs {
		for path := range p.Imports {
			if roots[path] || outsideDots(path) {
				continue
			}
			for mod, dir := range mods {
				if path == mod || strings.HasPrefix(path, mod+"/") {
					need[dir] = true
				}
			}
		}
	}
	var out []string
	for dir := range need {
		out = append(out, dir+"/...")
	}
	return out
}

// outsideDots reports whether "./..." never matches the package at path: a
// testdata folder, or one whose name starts with "." or "_". A test helper
// importing grpc's testdata package is no reason to load the module twice.
func outsideDots(path string) bool {
	for _, elem := range strings.Split(path, "/") {
		if elem == "testdata" || strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_") {
			return true
		}
	}
	return false
}

// moduleGraph returns copies of the loaded packages whose Imports hold only
// the other loaded packages, so that the checker runs fact-using analyzers
// on the module's packages alone.
func moduleGraph(pkgs []*packages.Package) []*packages.Package {
	copies := map[*packages.Package]*packages.Package{}
	for _, p := range pkgs {
		c := *p
		copies[p] = &c
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		if p.ID == p.PkgPath { // test variants keep their own imports below
			byPath[p.PkgPath] = copies[p]
		}
	}
	out := make([]*packages.Package, len(pkgs))
	for i, p := range pkgs {
		c := copies[p]
		c.Imports = map[string]*packages.Package{}
		for path, imp := range p.Imports {
			if ic, ok := copies[imp]; ok {
				c.Imports[path] = ic
			} else if ic, ok := byPath[imp.PkgPath]; ok && imp.Types == ic.Types {
				c.Imports[path] = ic
			}
		}
		out[i] = c
	}
	return out
}

// unimported returns the loaded packages that no other loaded package
// imports: the server model need not summarize them (no one reads their
// facts), which fclint check knows and go vet cannot.
func unimported(pkgs []*packages.Package) *fcconfig.PackageSet {
	imported := map[string]bool{}
	for _, p := range pkgs {
		for path := range p.Imports {
			imported[path] = true
		}
	}
	var out []string
	for _, p := range pkgs {
		if !imported[p.PkgPath] {
			out = append(out, p.PkgPath)
		}
	}
	return fcconfig.NewPackageSet(out...)
}
