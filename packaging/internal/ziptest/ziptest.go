// Package ziptest builds ZIP files for tests, with the exact modes, creator
// systems and odd names real packages have.
package ziptest

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// File is one entry to write.
type File struct {
	Name string
	Body string
	Mode fs.FileMode // permission bits; fs.ModeSymlink for a link (Body = target); fs.ModeDir for a folder
	// NoUnix writes the entry as a Windows tool does: FAT creator, no Unix mode.
	NoUnix bool
	// Store skips compression.
	Store bool
}

// Bytes returns the ZIP.
func Bytes(t testing.TB, files ...File) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		if f.Store {
			h.Method = zip.Store
		}
		if f.NoUnix {
			h.CreatorVersion = 20  // FAT (MS-DOS) host, spec version 2.0
			h.ExternalAttrs = 0x20 // MS-DOS "archive" attribute
			if f.Mode.IsDir() {
				h.ExternalAttrs = 0x10
			}
		} else {
			mode := f.Mode
			if mode.Perm() == 0 && mode&fs.ModeSymlink == 0 {
				mode |= 0o644
			}
			h.SetMode(mode)
		}
		fw, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte(f.Body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Write writes the ZIP as name in a new temporary folder and returns its path.
func Write(t testing.TB, name string, files ...File) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, Bytes(t, files...), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
