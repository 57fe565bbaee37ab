// Package benchzip generates the large ZIP the package-check benchmark runs
// on: 100,000 entries, about 1 GB uncompressed, deflated from compressible
// text so that it is small on disk, shaped like a node_modules-heavy function.
package benchzip

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Version keys the cached file: bump it when the generated content changes.
const Version = 1

// Shape of the generated package.
const (
	Entries   = 100_000
	EntrySize = 10_000 // bytes per file: 100,000 × 10,000 ≈ 1 GB
)

// CachedPath is where the benchmark keeps the ZIP between runs.
func CachedPath() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("fclint-bench-%dx%d-v%d.zip", Entries, EntrySize, Version))
}

// Ensure returns CachedPath, generating it when missing.
func Ensure() (string, error) {
	p := CachedPath()
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	tmp := p + ".tmp"
	if err := Generate(tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return p, os.Rename(tmp, p)
}

// Generate writes the benchmark ZIP to p.
func Generate(p string) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	w := zip.NewWriter(f)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	line := "module.exports = function handler(req, res) { res.end('hello from function compute'); };\n"
	body := []byte(strings.Repeat(line, EntrySize/len(line)+1)[:EntrySize])
	mod := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(name string, mode os.FileMode, content []byte) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod}
		h.SetMode(mode)
		zw, err := w.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = zw.Write(content)
		return err
	}
	if err := add("bootstrap", 0o755, []byte("#!/bin/bash\nexport PATH=/var/fc/lang/nodejs20/bin:$PATH\nexec node server.js --port ${FC_CUSTOM_LISTEN_PORT:-9000}\n")); err != nil {
		return err
	}
	if err := add("server.js", 0o644, body); err != nil {
		return err
	}
	for i := 2; i < Entries; i++ {
		name := fmt.Sprintf("node_modules/pkg%04d/lib/file%03d.js", i/100, i%100)
		if err := add(name, 0o644, body); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return f.Close()
}

// Walk is the baseline the budget is measured against: open the ZIP with
// archive/zip and visit every central directory entry.
func Walk(p string) (int, error) {
	r, err := zip.OpenReader(p)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	n := 0
	for _, f := range r.File {
		if f.UncompressedSize64 > 0 || f.Name != "" {
			n++
		}
	}
	return n, nil
}
