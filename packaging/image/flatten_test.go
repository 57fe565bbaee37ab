package image

import (
	"archive/tar"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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
			res, err := im.Flatten(context.Background(), dir, FlattenOptions{Limits: DefaultLimits})
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
	if _, err := im.Flatten(context.Background(), t.TempDir(), FlattenOptions{Limits: Limits{MaxBytes: 1 << 19, MaxEntries: 100}}); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "bytes") {
		t.Errorf("byte limit: err = %v, want ErrLimit", err)
	}
	if _, err := im.Flatten(context.Background(), t.TempDir(), FlattenOptions{Limits: Limits{MaxBytes: 1 << 30, MaxEntries: 2}}); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "entries") {
		t.Errorf("entry limit: err = %v, want ErrLimit", err)
	}
	if _, err := im.Flatten(context.Background(), t.TempDir(), FlattenOptions{Limits: Limits{MaxBytes: 1 << 20, MaxEntries: 4}}); err != nil {
		t.Errorf("at the limits exactly: %v", err)
	}
}

// cancelAfter is a context that reports cancellation after its Err has
// been asked n times: a cancellation in the middle of a layer, without
// timing.
type cancelAfter struct {
	context.Context
	n *int
}

func (c cancelAfter) Done() <-chan struct{} { return make(chan struct{}) }

func (c cancelAfter) Err() error {
	if *c.n <= 0 {
		return context.Canceled
	}
	*c.n--
	return nil
}

// A canceled Flatten stops within a read, also inside one large file.
func TestFlattenCanceled(t *testing.T) {
	big := imagetest.Image{Gzip: true, Layers: [][]imagetest.File{
		{{Name: "a", Body: []byte("a")}, {Name: "zeros", Body: make([]byte, 16<<20)}},
		{{Name: "b", Body: []byte("b")}},
	}}
	im, err := Open(writeImage(t, big, "docker"))
	if err != nil {
		t.Fatal(err)
	}
	defer im.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := im.Flatten(ctx, t.TempDir(), FlattenOptions{Limits: DefaultLimits})
	if !errors.Is(err, context.Canceled) || res.Entries != 0 {
		t.Errorf("canceled before: err = %v, %d entries written, want context.Canceled and none", err, res.Entries)
	}
	n := 8
	dir := t.TempDir()
	res, err = im.Flatten(cancelAfter{context.Background(), &n}, dir, FlattenOptions{Limits: DefaultLimits})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled during: err = %v, want context.Canceled", err)
	}
	if res.Bytes >= 16<<20 {
		t.Errorf("%d bytes written after the cancellation, want the large file cut short", res.Bytes)
	}
	if _, err := os.Stat(filepath.Join(dir, "b")); err == nil {
		t.Error("the second layer was written after the cancellation")
	}
}

// KeepOwners gives entries the owners their layer records.
func TestFlattenKeepOwners(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("chown needs root")
	}
	im, err := Open(writeImage(t, imagetest.Image{Layers: [][]imagetest.File{{
		{Name: "home/app/", UID: 1001, GID: 1002}, {Name: "home/app/data", UID: 1001, GID: 1002, Body: []byte("x")},
		{Name: "root.txt", Body: []byte("r")},
		{Name: "link", Type: tar.TypeSymlink, Link: "root.txt", UID: 7, GID: 8},
	}}}, "oci"))
	if err != nil {
		t.Fatal(err)
	}
	defer im.Close()
	for _, keep := range []bool{false, true} {
		dir := t.TempDir()
		if _, err := im.Flatten(context.Background(), dir, FlattenOptions{Limits: DefaultLimits, KeepOwners: keep}); err != nil {
			t.Fatal(err)
		}
		want := map[string][2]uint32{"home/app": {1001, 1002}, "home/app/data": {1001, 1002}, "root.txt": {0, 0}, "link": {7, 8}}
		for name, ids := range want {
			fi, err := os.Lstat(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			st := fi.Sys().(*syscall.Stat_t)
			if !keep {
				ids = [2]uint32{uint32(os.Getuid()), uint32(os.Getgid())}
			}
			if st.Uid != ids[0] || st.Gid != ids[1] {
				t.Errorf("KeepOwners=%v: %s is owned by %d:%d, want %d:%d", keep, name, st.Uid, st.Gid, ids[0], ids[1])
			}
		}
	}
}
