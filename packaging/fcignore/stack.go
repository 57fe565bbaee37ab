package fcignore

import "strings"

// Stack applies the .fcignore files of nested folders: a deeper file's
// patterns win over a shallower one's, as with .gitignore.
type Stack struct {
	levels []level
}

type level struct {
	dir string // slash-separated folder of the .fcignore, "" for the root
	m   *Matcher
}

// Push adds the matcher of the .fcignore in dir (relative to the root).
func (s *Stack) Push(dir string, m *Matcher) { s.levels = append(s.levels, level{dir, m}) }

// PopTo drops the levels that do not contain rel (call before Ignored when
// walking leaves a folder).
func (s *Stack) PopTo(rel string) {
	for len(s.levels) > 0 {
		d := s.levels[len(s.levels)-1].dir
		if d == "" || strings.HasPrefix(rel, d+"/") {
			return
		}
		s.levels = s.levels[:len(s.levels)-1]
	}
}

// Ignored reports whether rel (relative to the root) is left out.
func (s *Stack) Ignored(rel string, isDir bool) bool {
	for i := len(s.levels) - 1; i >= 0; i-- {
		l := s.levels[i]
		sub := rel
		if l.dir != "" {
			if !strings.HasPrefix(rel, l.dir+"/") {
				continue
			}
			sub = rel[len(l.dir)+1:]
		}
		if matched, ignored := l.m.Match(sub, isDir); matched {
			return ignored
		}
	}
	return false
}
