package config

import (
	"os"
	"path/filepath"
)

// candidates are the configuration file names Find looks for, in the order
// they win within one folder: Serverless Devs prefers s.yaml over s.yml, and
// Funcraft's template.yml comes after both. Translations (s_en.yaml) and
// environment variants (s-prod.yaml) are never picked up: the user names them
// with --config.
var candidates = []string{"s.yaml", "s.yml", "template.yml", "template.yaml"}

// Find returns the absolute path of the nearest configuration file from dir
// upward, or "" when there is none. The search stops after the repository
// root (the folder holding .git, a directory or a file as in worktrees and
// submodules) or at the file-system root. The Go module root does not stop it:
// Serverless Devs keeps s.yaml above the code/ folder that holds go.mod.
// dir may also name a file (a ZIP): the search then starts in its folder.
func Find(dir string) (string, error) {
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		abs = filepath.Dir(abs)
	}
	for d := abs; ; {
		for _, name := range candidates {
			p := filepath.Join(d, name)
			// Unreadable folders on the way up (permissions) simply hold no candidate.
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p, nil
			}
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}
