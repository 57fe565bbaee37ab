package image

import (
	"archive/tar"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/internal/imagetest"
)

// untar unpacks an archive made by imagetest into a folder: an OCI layout
// folder as skopeo or crane write them.
func untar(t *testing.T, p, dir string) {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, filepath.FromSlash(h.Name))
		os.MkdirAll(filepath.Dir(out), 0o755)
		b, _ := io.ReadAll(tr)
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpenLayoutFolder(t *testing.T) {
	arm := imagetest.Image{Arch: "arm64", Entrypoint: []string{"/arm"}, Layers: [][]imagetest.File{{{Name: "arm", Body: []byte("a")}}}}
	amd := imagetest.Image{Entrypoint: []string{"/amd"}, Cmd: []string{"-v"}, Gzip: true, Layers: [][]imagetest.File{{{Name: "amd", Mode: 0o755, Body: []byte("b")}}}}
	p := filepath.Join(t.TempDir(), "oci.tar")
	if err := imagetest.OCI(p, arm, amd); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	untar(t, p, dir)
	fi, _ := os.Stat(dir)
	if !Looks(dir, fi) {
		t.Fatal("Looks(layout folder) = false")
	}
	im, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer im.Close()
	if im.Format != OCILayout || im.Platform() != "linux/amd64" {
		t.Errorf("Format %q, Platform %q: want the linux/amd64 manifest of the index", im.Format, im.Platform())
	}
	if !slices.Equal(im.Platforms, []string{"linux/arm64", "linux/amd64"}) {
		t.Errorf("Platforms = %v", im.Platforms)
	}
	argv, _ := im.StartCommand(nil)
	if !slices.Equal(argv, []string{"/amd", "-v"}) {
		t.Errorf("StartCommand(nil) = %q", argv)
	}
	cc := &config.Container{Entrypoint: config.Field[[]string]{Value: []string{"/x"}, Set: true}}
	if argv, _ := im.StartCommand(cc); !slices.Equal(argv, []string{"/x"}) {
		t.Errorf("a configured entrypoint must drop the image's CMD: %q", argv)
	}
	cc.Cmd = config.Field[[]string]{Set: true, Unknown: true}
	if _, known := im.StartCommand(cc); known {
		t.Error("a placeholder command must make the start command unknown")
	}
	fsys, err := im.Index(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	f, err := fsys.Stat("/amd")
	if err != nil {
		t.Fatal(err)
	}
	if head, err := fsys.Head(f, 10); err != nil || string(head) != "b" {
		t.Errorf("Head(/amd) = %q, %v (read in a second pass: not captured)", head, err)
	}
	if fsys.Exists("/arm") {
		t.Error("/arm comes from the arm64 manifest")
	}
}

func TestStatLinks(t *testing.T) {
	im := imagetest.Image{Layers: [][]imagetest.File{
		{{Name: "usr/lib/"}, {Name: "lib", Type: tar.TypeSymlink, Link: "usr/lib"}, {Name: "usr/lib/libc.so.6", Body: []byte("c")}},
		{{Name: "bin/loop", Type: tar.TypeSymlink, Link: "/bin/loop"}, {Name: "bin/rel", Type: tar.TypeSymlink, Link: "../lib/libc.so.6"}, {Name: "lib/new.so", Body: []byte("n")}},
	}}
	p := filepath.Join(t.TempDir(), "i.tar")
	if err := imagetest.DockerSave(p, im, false); err != nil {
		t.Fatal(err)
	}
	img, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer img.Close()
	fsys, err := img.Index(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	for name, want := range map[string]string{"/lib/libc.so.6": "/usr/lib/libc.so.6", "/bin/rel": "/usr/lib/libc.so.6", "/usr/lib/new.so": "/usr/lib/new.so"} {
		f, err := fsys.Stat(name)
		if err != nil || f.Path != want {
			t.Errorf("Stat(%s) = %v, %v; want %s", name, f, err, want)
		}
	}
	if _, err := fsys.Stat("/bin/loop"); !errors.Is(err, ErrLoop) {
		t.Errorf("Stat(/bin/loop) err = %v, want ErrLoop", err)
	}
	if !fsys.HasName("new.so") || fsys.HasName("nothere.so") {
		t.Error("HasName")
	}
	if fsys.Uncompressed == 0 {
		t.Error("Uncompressed = 0")
	}
}
