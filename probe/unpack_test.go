package probe

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type entry struct {
	name, body string
	mode       os.FileMode
}

func zipBytes(t testing.TB, entries []entry) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		h.SetMode(e.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUnpackRefusesUnsafeEntries(t *testing.T) {
	work := t.TempDir()
	zipPath := filepath.Join(work, "f.zip")
	os.WriteFile(zipPath, zipBytes(t, []entry{
		{"bootstrap", "#!/bin/sh\n", 0o755},
		{"lib/data.txt", "data", 0o600},
		{"empty/", "", os.ModeDir | 0o755},
		{"../evil", "x", 0o644},                             // traversal
		{"/abs", "x", 0o644},                                // absolute
		{`win\path`, "x", 0o644},                            // backslash
		{"ok-link", "lib/data.txt", os.ModeSymlink | 0o777}, // inside
		{"code-link", "/code/bootstrap", os.ModeSymlink | 0o777},
		{"up", "../../outside", os.ModeSymlink | 0o777},
		{"etc", "/etc/passwd", os.ModeSymlink | 0o777},
		// A link to "." makes "dot/x" lexically inside but "dot/.." physically outside.
		{"dot", ".", os.ModeSymlink | 0o777},
		{"dot/esc", "..", os.ModeSymlink | 0o777},
		// Looks like it stays under /code, resolves to /etc.
		{"via-code", "/code/../etc/passwd", os.ModeSymlink | 0o777},
		{"fifo", "", os.ModeNamedPipe | 0o644},
	}), 0o644)
	dest := filepath.Join(work, "code")
	os.Mkdir(dest, 0o755)
	var notes []string
	if err := unpack(context.Background(), zipPath, dest, func(s string) { notes = append(notes, s) }); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dest, "bootstrap")); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("bootstrap: %v %v", fi, err)
	}
	if fi, err := os.Stat(filepath.Join(dest, "lib", "data.txt")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("lib/data.txt: %v %v", fi, err)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "ok-link")); err != nil || string(b) != "data" {
		t.Errorf("ok-link: %q %v", b, err)
	}
	if target, err := os.Readlink(filepath.Join(dest, "code-link")); err != nil || target != "/code/bootstrap" {
		t.Errorf("code-link: %q %v", target, err)
	}
	for _, bad := range []string{"evil", "../evil", "abs", `win\path`, "up", "etc", "dot/esc", "via-code", "fifo"} {
		if _, err := os.Lstat(filepath.Join(dest, bad)); err == nil {
			t.Errorf("%s was extracted", bad)
		}
	}
	if _, err := os.Lstat(filepath.Join(work, "evil")); err == nil {
		t.Error("../evil escaped")
	}
	joined := strings.Join(notes, "\n")
	for _, want := range []string{`"../evil"`, `"/abs"`, `"win\\path"`, `"up"`, `"etc"`, `"dot/esc"`, `"via-code"`, `"fifo": a special file`} {
		if !strings.Contains(joined, want) {
			t.Errorf("no note for %s:\n%s", want, joined)
		}
	}
}

func TestUnpackCorrupt(t *testing.T) {
	b := zipBytes(t, []entry{{"bootstrap", strings.Repeat("x", 4096), 0o755}})
	// Flip a byte inside the compressed data: the CRC check fails.
	b[60] ^= 0xff
	work := t.TempDir()
	zipPath := filepath.Join(work, "f.zip")
	os.WriteFile(zipPath, b, 0o644)
	err := unpack(context.Background(), zipPath, t.TempDir(), func(string) {})
	if _, ok := err.(*errInvalidArchive); !ok {
		t.Fatalf("err = %v, want errInvalidArchive", err)
	}
}
