package image

import (
	"archive/tar"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/fclint/fclint/internal/imagetest"
)

// exercise runs every reader over an archive: Open, Index with a capture,
// Stat/Open of a file, and Flatten under small limits. None may panic or
// hang; errors are fine.
func exercise(t *testing.T, p string) {
	im, err := Open(p)
	if err != nil {
		return
	}
	defer im.Close()
	_ = im.Platform()
	fsys, err := im.Index(func(string) bool { return true })
	if err == nil {
		for _, name := range []string{"/app/server", "/bin/sh", "/lib", "/a/b/c"} {
			if f, err := fsys.Stat(name); err == nil && f.IsRegular() {
				_, _ = fsys.Head(f, 64)
			}
		}
		_ = fsys.HasName("libc.so.6")
		fsys.Close()
	}
	_, _ = im.Flatten(context.Background(), t.TempDir(), FlattenOptions{Limits: Limits{MaxBytes: 1 << 20, MaxEntries: 1000}})
}

func seedImages(f *testing.F) {
	im := imagetest.Image{Entrypoint: []string{"/app/server"}, Layers: [][]imagetest.File{
		{{Name: "app/"}, {Name: "app/server", Mode: 0o755, Body: []byte("#!/bin/sh\n")}, {Name: "lib", Type: tar.TypeSymlink, Link: "usr/lib"}},
		{{Name: "app/.wh..wh..opq"}, {Name: "etc/.wh.x"}, {Name: "bin/sh", Type: tar.TypeLink, Link: "app/server"}},
	}}
	dir := f.TempDir()
	for i, write := range []func(string) error{
		func(p string) error { return imagetest.DockerSave(p, im, false) },
		func(p string) error { return imagetest.DockerSave(p, im, true) },
		func(p string) error { gz := im; gz.Gzip = true; return imagetest.OCI(p, gz, gz) },
	} {
		p := filepath.Join(dir, "seed"+string(rune('0'+i))+".tar")
		if err := write(p); err != nil {
			f.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
}

// FuzzOpen feeds whole archives: the outer tar, manifest.json, index.json,
// the config and the layers are all fuzzed together.
func FuzzOpen(f *testing.F) {
	seedImages(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "image.tar")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		exercise(t, p)
	})
}

// FuzzDocuments fuzzes manifest.json, index.json and the config inside an
// otherwise valid archive, so the JSON readers get most of the mutations.
func FuzzDocuments(f *testing.F) {
	f.Add([]byte(`[{"Config":"c.json","Layers":["l.tar"]}]`), []byte(`{"manifests":[]}`), []byte(`{"architecture":"amd64","os":"linux","config":{"Entrypoint":["/x"]}}`))
	f.Add([]byte(`[]`), []byte(`{"manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:00"}]}`), []byte(`{}`))
	f.Add([]byte(`[{"Config":"../../etc/passwd","Layers":["/l.tar","l.tar"]}]`), []byte(`null`), []byte(`{"rootfs":{"diff_ids":["x"]}}`))
	layer := imagetest.LayerTar([]imagetest.File{{Name: "x", Mode: 0o755, Body: []byte("#!/bin/sh\n")}}, false)
	f.Fuzz(func(t *testing.T, manifest, index, config []byte) {
		var buf bytes.Buffer
		tw := tar.NewWriter(&buf)
		for _, m := range []struct {
			name string
			data []byte
		}{{"manifest.json", manifest}, {"index.json", index}, {"c.json", config}, {"l.tar", layer}, {"blobs/sha256/00", index}} {
			if len(m.data) == 0 && m.name == "manifest.json" {
				continue // exercise the OCI path too
			}
			tw.WriteHeader(&tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.data))})
			tw.Write(m.data)
		}
		tw.Close()
		p := filepath.Join(t.TempDir(), "image.tar")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		exercise(t, p)
	})
}
