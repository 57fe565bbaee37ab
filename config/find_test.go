package config

import (
	"os"
	"path/filepath"
	"testing"
)

// tree creates files (content "x") and folders (names ending in "/") under a
// fresh temporary folder and returns it.
func tree(t *testing.T, paths ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		if p[len(p)-1] == '/' {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paths []string
		from  string
		want  string // relative to the tree; "" for none
	}{
		{"crosses the Go module root", []string{".git/", "s.yaml", "code/go.mod", "code/cmd/api/"}, "code/cmd/api", "s.yaml"},
		{"stops at the repository root", []string{"s.yaml", "repo/.git/", "repo/code/"}, "repo/code", ""},
		{"a .git file (worktree) is a root too", []string{"s.yaml", "repo/.git", "repo/code/"}, "repo/code", ""},
		{"the repository root itself is searched", []string{"repo/.git/", "repo/template.yml", "repo/code/"}, "repo/code", "repo/template.yml"},
		{"nearest wins", []string{".git/", "s.yaml", "code/s.yaml", "code/pkg/"}, "code/pkg", "code/s.yaml"},
		{"s.yaml over s.yml", []string{".git/", "s.yml", "s.yaml", "template.yml"}, ".", "s.yaml"},
		{"s.yml over template.yml", []string{".git/", "template.yml", "s.yml"}, ".", "s.yml"},
		{"template.yml over template.yaml", []string{".git/", "template.yaml", "template.yml"}, ".", "template.yml"},
		{"template.yaml", []string{".git/", "template.yaml"}, ".", "template.yaml"},
		{"translations are not candidates", []string{".git/", "s_en.yaml", "s-prod.yaml", "S.YAML.bak"}, ".", ""},
		{"a folder named s.yaml is not a file", []string{".git/", "s.yaml/", "s.yml"}, ".", "s.yml"},
		{"a ZIP starts the search in its folder", []string{".git/", "s.yaml", "dist/function.zip"}, "dist/function.zip", "s.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := tree(t, tc.paths...)
			got, err := Find(filepath.Join(root, tc.from))
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tc.want != "" {
				want = filepath.Join(root, tc.want)
			}
			if got != want {
				t.Errorf("Find = %q, want %q", got, want)
			}
		})
	}
}

// Without a .git anywhere the search ends at the file-system root.
func TestFindFileSystemRoot(t *testing.T) {
	root := tree(t, "a/b/c/")
	if above, _ := Find(filepath.Dir(root)); above != "" {
		t.Skipf("this machine has %s above the temporary folder", above)
	}
	got, err := Find(filepath.Join(root, "a/b/c"))
	if err != nil || got != "" {
		t.Errorf("Find = %q, %v; want none", got, err)
	}
}

// A relative directory is resolved against the working directory.
func TestFindRelative(t *testing.T) {
	got, err := Find(filepath.Join("testdata", "fc3-facts"))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.Abs(filepath.Join("testdata", "fc3-facts", "s.yaml"))
	if got != want {
		t.Errorf("Find = %q, want %q", got, want)
	}
}
