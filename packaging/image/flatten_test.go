package image

import (
	"archive/tar"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/internal/imagetest"
)

func writeImage(t *testing.T, im imagetest.Image, kind string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "image.tar")
	var err error
	switch kind {
	case "legacy":
		err = imagetest.DockerSave(p, im, false)
	case "docker":
		err = imagetest.DockerSave(p, im, true)
	default:
		err = imagetest.OCI(p, im)
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// layered is three layers exercising replacement, whiteouts and an opaque folder.
var layered = imagetest.Image{Layers: [][]imagetest.File{
	{
		{Name: "bin/"}, {Name: "bin/app", Mode: 0o755, Body: []byte("v1")},
		{Name: "etc/"}, {Name: "etc/old.conf", Body: []byte("old")}, {Name: "etc/keep.conf", Body: []byte("keep")},
		{Name: "var/cache/"}, {Name: "var/cache/a", Body: []byte("a")}, {Name: "var/cache/sub/"}, {Name: "var/cache/sub/b", Body: []byte("b")},
		{Name: "usr/lib/"}, {Name: "lib", Type: tar.TypeSymlink, Link: "usr/lib"},
	},
	{
		{Name: "bin/app", Mode: 0o755, Body: []byte("v2")},
		{Name: "etc/.wh.old.conf"},
		{Name: "var/cache/.wh..wh..opq"}, {Name: "var/cache/new", Body: []byte("new")},
		{Name: "lib/libx.so", Body: []byte("lib")},             // through the in-root symlink lib -> usr/lib
		{Name: "bin/sh", Type: tar.TypeLink, Link: "/bin/app"}, // a hard link
		{Name: "suid", Mode: 0o4755, Body: []byte("s")},
	},
	{
		{Name: "../../escape", Body: []byte("x")},          // cleaned into the root
		{Name: "out", Type: tar.TypeSymlink, Link: "/tmp"}, // absolute: never followed while flattening
		{Name: "out/evil", Body: []byte("x")},              // through an absolute symlink: skipped
		{Name: "dev/null", Type: tar.TypeChar},             // a device: skipped
	},
}}

func TestFlatten(t *testing.T) {
	for _, kind := range []string{"legacy", "docker", "oci"} {
		t.Run(kind, func(t *testing.T) {
			im, err := Open(writeImage(t, layered, kind))
			if err != nil {
				t.Fatal(err)
			}
			defer im.Close()
			dir := t.TempDir()
			res, err := im.Flatten(dir, DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			read := func(name string) string {
				b, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					return "<" + err.Error() + ">"
				}
				return string(b)
			}
			exists := func(name string) bool { _, err := os.Lstat(filepath.Join(dir, name)); return err == nil }
			checks := []struct{ name, want string }{
				{"bin/app", "v2"}, {"etc/keep.conf", "keep"}, {"var/cache/new", "new"},
				{"usr/lib/libx.so", "lib"}, {"bin/sh", "v2"}, {"escape", "x"},
			}
			for _, c := range checks {
				if got := read(c.name); got != c.want {
					t.Errorf("%s = %q, want %q", c.name, got, c.want)
				}
			}
			for _, gone := range []string{"etc/old.conf", "var/cache/a", "var/cache/sub", "out/evil", "dev/null"} {
				if exists(gone) {
					t.Errorf("%s exists, want it removed or skipped", gone)
				}
			}
			if _, err := os.Stat("/tmp/evil"); err == nil {
				b, _ := os.ReadFile("/tmp/evil")
				if string(b) == "x" {
					t.Error("flatten wrote through an absolute symlink out of the root")
				}
			}
			fi, err := os.Stat(filepath.Join(dir, "suid"))
			if err != nil || fi.Mode()&os.ModeSetuid != 0 {
				t.Errorf("suid: %v, mode %v: the setuid bit must be dropped", err, fi.Mode())
			}
			if fi, err := os.Stat(filepath.Join(dir, "bin/app")); err != nil || fi.Mode().Perm()&0o111 == 0 {
				t.Errorf("bin/app lost its exec bits: %v", fi.Mode())
			}
			if res.Skipped != 2 {
				t.Errorf("Skipped = %d, want 2 (out/evil, dev/null)", res.Skipped)
			}
		})
	}
}

func TestFlattenLimits(t *testing.T) {
	big := imagetest.Image{Gzip: true, Layers: [][]imagetest.File{{
		{Name: "zeros", Body: make([]byte, 1<<20)}, // 1 MiB of zeros: a kilobyte of gzip
		{Name: "a"}, {Name: "b"}, {Name: "c"},
	}}}
	im, err := Open(writeImage(t, big, "oci"))
	if err != nil {
		t.Fatal(err)
	}
	defer im.Close()
	if _, err := im.Flatten(t.TempDir(), Limits{MaxBytes: 1 << 19, MaxEntries: 100}); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "bytes") {
		t.Errorf("byte limit: err = %v, want ErrLimit", err)
	}
	if _, err := im.Flatten(t.TempDir(), Limits{MaxBytes: 1 << 30, MaxEntries: 2}); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "entries") {
		t.Errorf("entry limit: err = %v, want ErrLimit", err)
	}
	if _, err := im.Flatten(t.TempDir(), Limits{MaxBytes: 1 << 20, MaxEntries: 4}); err != nil {
		t.Errorf("at the limits exactly: %v", err)
	}
}
