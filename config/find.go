package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// candidates are the configuration file names Find looks for, in the order
// they win within one folder: Serverless Devs prefers s.yaml over s.yml, and
// Funcraft's template.yml comes after both. Translations (s_en.yaml) and
// environment variants (s-prod.yaml) are never picked up: the user names them
// with --config.
var candidates = []string{"s.yaml", "s.yml", "template.yml", "template.yaml"}

// IsCandidateName reports whether base is a name discovery looks for.
func IsCandidateName(base string) bool {
	for _, c := range candidates {
		if base == c {
			return true
		}
	}
	return false
}

// Discovery is the outcome of a configuration search.
type Discovery struct {
	Path string // absolute path of the configuration in use; "" for none
	// Skipped says, one sentence each, which files the search passed over
	// because they cannot be trusted (another user's file, a folder others
	// can write).
	Skipped []string
}

// Find returns the absolute path of the nearest configuration file from dir
// upward, or "" when there is none. See Discover.
func Find(dir string) (string, error) {
	d, err := Discover(dir)
	return d.Path, err
}

// Discover finds the nearest trusted configuration file from dir upward. The
// search stops after the repository root (the folder holding .git, a
// directory or a file as in worktrees and submodules), after $HOME, or at the
// file-system root. The Go module root does not stop it: Serverless Devs
// keeps s.yaml above the code/ folder that holds go.mod. dir may also name a
// file (a ZIP): the search then starts in its folder.
//
// A file owned by another user (other than root), or in a folder that other
// users can write, is skipped: fclint probe runs the command a configuration
// names, so a planted s.yaml must never be used. Only regular files count: a
// FIFO named s.yaml must not make fclint wait.
func Discover(dir string) (Discovery, error) {
	return (&Discoverer{}).Discover(dir)
}

// Discoverer is Discover with a memo per folder: the packages of a module
// share the folders above them, and walking up from each one stated the
// same files again. Use one for one run; files may change between runs.
type Discoverer struct {
	mu   sync.Mutex
	memo map[string]Discovery
}

// Discover is Discover, remembering what each folder on the way holds.
func (m *Discoverer) Discover(dir string) (Discovery, error) {
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Discovery{}, err
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		abs = filepath.Dir(abs)
	}
	return m.from(abs, homeDir()), nil
}

// from is the discovery from folder d upward; the search stops at the first
// candidate, at a folder holding .git, at home, or at the root.
func (m *Discoverer) from(d, home string) Discovery {
	m.mu.Lock()
	if r, ok := m.memo[d]; ok {
		m.mu.Unlock()
		return r
	}
	m.mu.Unlock()
	var out Discovery
	found := false
	for _, name := range candidates {
		p := filepath.Join(d, name)
		// Unreadable folders on the way up (permissions) simply hold no candidate.
		fi, err := os.Stat(p)
		if err != nil || fi.IsDir() {
			continue
		}
		if !fi.Mode().IsRegular() {
			out.Skipped = append(out.Skipped, fmt.Sprintf("skipped %s: not a regular file", displayPath(p)))
			continue
		}
		if why := untrusted(p, fi); why != "" {
			out.Skipped = append(out.Skipped, fmt.Sprintf("skipped %s: %s", displayPath(p), why))
			continue
		}
		out.Path, found = p, true
		break
	}
	if !found {
		_, gitErr := os.Lstat(filepath.Join(d, ".git"))
		parent := filepath.Dir(d)
		if gitErr != nil && (home == "" || d != home) && parent != d {
			up := m.from(parent, home)
			out.Path = up.Path
			out.Skipped = append(out.Skipped, up.Skipped...)
		}
	}
	out.Skipped = slices.Clip(out.Skipped) // shared: an append must copy
	m.mu.Lock()
	if m.memo == nil {
		m.memo = map[string]Discovery{}
	}
	m.memo[d] = out
	m.mu.Unlock()
	return out
}

// homeDir is $HOME, cleaned and absolute, or "".
func homeDir() string {
	h := os.Getenv("HOME")
	if h == "" || !filepath.IsAbs(h) {
		return ""
	}
	return filepath.Clean(h)
}
