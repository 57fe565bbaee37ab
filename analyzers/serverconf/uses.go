package serverconf

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Every APISet, in creation order: UsesAnalyzer answers for all of them with
// one pass over a package's uses. Each rule's fast path used to walk
// TypesInfo.Uses on its own, four walks of the largest map of every package
// that reaches a server package (most of a real module).
var (
	setsMu sync.Mutex
	sets   []*APISet
)

func register(s *APISet) {
	setsMu.Lock()
	defer setsMu.Unlock()
	s.index = len(sets)
	sets = append(sets, s)
}

// UsesAnalyzer tells, for every APISet, whether the package reaches its
// packages and uses one of its objects. APISet.UsedIn reads it when the
// calling analyzer requires it.
var UsesAnalyzer = &analysis.Analyzer{
	Name:             "fclintapiuses",
	Doc:              "find which server APIs a package uses, for the rules' fast paths; reports nothing",
	Run:              runUses,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*apiUses)(nil)),
}

// apiUses is UsesAnalyzer's answer, by APISet index.
type apiUses struct{ used []bool }

func runUses(pass *analysis.Pass) (any, error) {
	setsMu.Lock()
	all := append([]*APISet(nil), sets...)
	setsMu.Unlock()
	u := &apiUses{used: make([]bool, len(all))}
	var pending []int // sets the package reaches but was not seen to use yet
	for i, s := range all {
		if s.reachedFrom(pass) {
			pending = append(pending, i)
		}
	}
	if len(pending) == 0 {
		return u, nil
	}
	// Most uses are of the package's own objects (locals, parameters):
	// those can belong to a set only when the package is one of its own.
	self := false
	for _, i := range pending {
		self = self || all[i].pkgs[pass.Pkg.Path()]
	}
	for _, obj := range pass.TypesInfo.Uses {
		if p := obj.Pkg(); p == nil || p == pass.Pkg && !self {
			continue
		}
		for j := 0; j < len(pending); j++ {
			i := pending[j]
			if all[i].uses(obj) {
				u.used[i] = true
				pending = append(pending[:j], pending[j+1:]...)
				j--
			}
		}
		if len(pending) == 0 {
			break
		}
	}
	return u, nil
}
