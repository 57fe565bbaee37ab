//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A configuration someone else could have planted is never used: another
// user's file, a file others can write, or a file in a folder others can
// write (a shared /tmp). The search goes on upward and says what it skipped.
func TestDiscoverSkipsUntrustedFiles(t *testing.T) {
	for _, tc := range []struct {
		name   string
		setup  func(t *testing.T, root string)
		reason string
	}{
		{"a file others can write", func(t *testing.T, root string) {
			chmod(t, filepath.Join(root, "shared/s.yaml"), 0o666)
		}, "other users can write it"},
		{"a folder others can write", func(t *testing.T, root string) {
			chmod(t, filepath.Join(root, "shared"), 0o777)
		}, "can be written by other users"},
		{"another user's file", func(t *testing.T, root string) {
			if os.Getuid() != 0 {
				t.Skip("needs root to give a file to another user")
			}
			if err := os.Chown(filepath.Join(root, "shared/s.yaml"), 4242, 4242); err != nil {
				t.Fatal(err)
			}
		}, "owned by another user (uid 4242)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := tree(t, ".git/", "s.yaml", "shared/s.yaml", "shared/code/")
			tc.setup(t, root)
			d, err := Discover(filepath.Join(root, "shared/code"))
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(root, "s.yaml"); d.Path != want {
				t.Errorf("Discover = %q, want %q (the planted file skipped)", d.Path, want)
			}
			if len(d.Skipped) != 1 || !strings.Contains(d.Skipped[0], tc.reason) {
				t.Errorf("Skipped = %q, want one note with %q", d.Skipped, tc.reason)
			}
		})
	}
}

// The search stops after $HOME, as after a repository root.
func TestDiscoverStopsAtHome(t *testing.T) {
	root := tree(t, "s.yaml", "home/project/")
	t.Setenv("HOME", filepath.Join(root, "home"))
	if d, _ := Discover(filepath.Join(root, "home/project")); d.Path != "" {
		t.Errorf("Discover = %q, want none above $HOME", d.Path)
	}
}

// A FIFO named s.yaml is passed over, never opened (opening it would block).
func TestDiscoverSkipsFIFO(t *testing.T) {
	root := tree(t, ".git/", "s.yaml", "code/")
	if err := syscall.Mkfifo(filepath.Join(root, "code/s.yaml"), 0o644); err != nil {
		t.Skip(err)
	}
	d, _ := Discover(filepath.Join(root, "code"))
	if d.Path != filepath.Join(root, "s.yaml") {
		t.Errorf("Discover = %q, want the regular s.yaml above", d.Path)
	}
	if _, err := Load(filepath.Join(root, "code/s.yaml")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Load(FIFO) = %v, want not a regular file", err)
	}
}

func chmod(t *testing.T, p string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
}

// The fingerprint changes with a configuration's content and with which
// files exist, and lists only regular files for checking.
func TestFingerprint(t *testing.T) {
	root := tree(t, ".git/", "code/s.yaml", "code/testdata/s.yaml")
	sum := func() (string, []string) { return Fingerprint(root, "") }
	first, files := sum()
	if len(files) != 1 || files[0] != filepath.Join(root, "code/s.yaml") {
		t.Errorf("files = %q, want code/s.yaml only (testdata is skipped)", files)
	}
	if err := os.WriteFile(filepath.Join(root, "code/s.yaml"), []byte("y"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, _ := sum()
	if err := syscall.Mkfifo(filepath.Join(root, "s.yml"), 0o644); err != nil {
		t.Skip(err)
	}
	withFIFO, files := sum()
	if first == changed || changed == withFIFO {
		t.Errorf("fingerprints %s, %s, %s: want a new one for each change", first, changed, withFIFO)
	}
	for _, f := range files {
		if filepath.Base(f) == "s.yml" {
			t.Errorf("the FIFO s.yml is listed for checking: %q", files)
		}
	}
	if again, _ := sum(); again != withFIFO {
		t.Errorf("fingerprint not stable: %s then %s", withFIFO, again)
	}
}
