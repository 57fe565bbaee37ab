package pack

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fclint/fclint/packaging"
	"github.com/fclint/fclint/packaging/archive"
)

func tree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"bootstrap":       "#!/bin/bash\nexec ./server\n", // mode 0644 on disk: pack fixes it
		"server":          "\x7fELF\x02\x01\x01rest",
		"lib/run.sh":      "#!/bin/sh\n",
		"static/a.txt":    "hello",
		"node_modules/x":  "ignored",
		".fcignore":       "node_modules/\n*.log\n",
		"debug.log":       "ignored",
		"empty/.keep":     "",
		"static/b/c.json": "{}",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("server", filepath.Join(dir, "main"))
	return dir
}

func TestPack(t *testing.T) {
	dir := tree(t)
	out := filepath.Join(t.TempDir(), "function.zip")
	res, err := Write(context.Background(), dir, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := archive.OpenZip(out)
	if err != nil {
		t.Fatal(err)
	}
	defer pkg.Close()
	want := map[string]os.FileMode{
		".fcignore": 0o644, "bootstrap": 0o755, "empty": os.ModeDir | 0o755, "empty/.keep": 0o644,
		"lib": os.ModeDir | 0o755, "lib/run.sh": 0o755, "main": os.ModeSymlink | 0o777, "server": 0o755,
		"static": os.ModeDir | 0o755, "static/a.txt": 0o644, "static/b": os.ModeDir | 0o755, "static/b/c.json": 0o644,
	}
	if len(pkg.Entries) != len(want) || res.Entries != len(want) {
		t.Errorf("%d entries, want %d", len(pkg.Entries), len(want))
	}
	prev := ""
	for _, e := range pkg.Entries {
		if e.Name <= prev {
			t.Errorf("entries not sorted: %s after %s", e.Name, prev)
		}
		prev = e.Name
		m, ok := want[e.Name]
		if !ok {
			t.Errorf("unexpected entry %s", e.Name)
			continue
		}
		if e.Mode != m || !e.UnixMode || e.ZipFile().CreatorVersion>>8 != 3 {
			t.Errorf("%s: mode %v unix %v creator %d, want %v", e.Name, e.Mode, e.UnixMode, e.ZipFile().CreatorVersion>>8, m)
		}
	}
	if target, _ := pkg.Lookup("main").LinkTarget(); target != "server" {
		t.Errorf("symlink target %q", target)
	}
	// fclint package accepts what pack writes (bootstrap runs ./server, a fake ELF).
	fs, err := packaging.Check(packaging.Options{Path: out, WorkDir: filepath.Dir(out)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Rule == "FC201" || f.Rule == "FC202" || f.Rule == "FC203" || f.Rule == "FC204" || f.Rule == "FC208" {
			t.Errorf("package finding on packed ZIP: %s %s", f.Rule, f.Message)
		}
	}
}

func TestDeterministic(t *testing.T) {
	dir := tree(t)
	a := filepath.Join(t.TempDir(), "a.zip")
	b := filepath.Join(t.TempDir(), "b.zip")
	if _, err := Write(context.Background(), dir, a, Options{}); err != nil {
		t.Fatal(err)
	}
	// Touch every file: timestamps must not matter.
	filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error {
		now := time.Now().Add(time.Hour)
		os.Chtimes(p, now, now)
		return nil
	})
	if _, err := Write(context.Background(), dir, b, Options{}); err != nil {
		t.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if !bytes.Equal(da, db) {
		t.Fatal("same input gave different ZIPs")
	}
}

func TestOutputInsideDir(t *testing.T) {
	dir := tree(t)
	before := snapshot(t, dir)
	out := filepath.Join(dir, "function.zip")
	for i := 0; i < 2; i++ { // the second run must leave the first output out
		if _, err := Write(context.Background(), dir, out, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	pkg, err := archive.OpenZip(out)
	if err != nil {
		t.Fatal(err)
	}
	defer pkg.Close()
	if pkg.Lookup("function.zip") != nil {
		t.Error("the output packed itself")
	}
	after := snapshot(t, dir)
	delete(after, "function.zip")
	delete(before, ".") // the folder's own mtime changes when -o writes into it
	delete(after, ".")
	if len(before) != len(after) {
		t.Errorf("pack changed DIR: %v -> %v", before, after)
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("pack changed %s", k)
		}
	}
}

func TestRefusesEscapingSymlinks(t *testing.T) {
	for _, target := range []string{"../outside", "/etc/passwd"} {
		dir := tree(t)
		os.Symlink(target, filepath.Join(dir, "evil"))
		out := filepath.Join(t.TempDir(), "f.zip")
		if _, err := Write(context.Background(), dir, out, Options{}); err == nil {
			t.Errorf("%s: no error", target)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: a partial output was left", target)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, _ := os.ReadFile(p)
		m[rel] = fi.Mode().String() + fi.ModTime().String() + string(b)
		return nil
	})
	return m
}

// unpack reads every entry of a ZIP with archive/zip: names, methods, data.
func unpack(t *testing.T, file string) map[string]*zip.File {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { zr.Close() })
	m := map[string]*zip.File{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, rc); err != nil { // checks the CRC too
			t.Fatalf("%s: %v", f.Name, err)
		}
		rc.Close()
		m[f.Name] = f
	}
	return m
}

// Random data and already-compressed formats are stored, text is deflated,
// and every entry reads back intact, whether compressed in memory or
// streamed (a file over inMemoryMax).
func TestStoresIncompressibleData(t *testing.T) {
	dir := tree(t)
	random := make([]byte, 200<<10)
	rand.NewChaCha8([32]byte{1}).Read(random)
	os.WriteFile(filepath.Join(dir, "blob.bin"), random, 0o644)
	os.WriteFile(filepath.Join(dir, "logo.png"), bytes.Repeat([]byte("png "), 1000), 0o644) // compressible, but a .png
	os.WriteFile(filepath.Join(dir, "app.js"), bytes.Repeat([]byte("module.exports = 1;\n"), 5000), 0o644)
	os.WriteFile(filepath.Join(dir, "big.js"), bytes.Repeat([]byte("var x = 2;\n"), 20000), 0o644)
	os.WriteFile(filepath.Join(dir, "big.bin"), random, 0o644)
	defer func(old int64) { inMemoryMax = old }(inMemoryMax)
	inMemoryMax = 150 << 10 // big.js and big.bin are streamed

	out := filepath.Join(t.TempDir(), "f.zip")
	res, err := Write(context.Background(), dir, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := unpack(t, out)
	for name, method := range map[string]uint16{
		"blob.bin": zip.Store, "logo.png": zip.Store, "app.js": zip.Deflate,
		"big.js": zip.Deflate, "big.bin": zip.Store, "main": zip.Store, "static/": zip.Store,
	} {
		if f := files[name]; f == nil || f.Method != method {
			t.Errorf("%s: method %v, want %d", name, f, method)
		}
	}
	if res.Stored < 2 {
		t.Errorf("Stored = %d, want at least blob.bin and logo.png", res.Stored)
	}
}

// The number of workers changes nothing in the output.
func TestDeterministicAcrossWorkers(t *testing.T) {
	dir := tree(t)
	for i := range 50 {
		os.WriteFile(filepath.Join(dir, "static", fmt.Sprintf("f%02d.js", i)), bytes.Repeat([]byte{byte(i)}, i*100), 0o644)
	}
	var prev []byte
	for _, workers := range []int{1, 3, 8} {
		out := filepath.Join(t.TempDir(), "f.zip")
		if _, err := Write(context.Background(), dir, out, Options{Workers: workers}); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(out)
		if prev != nil && !bytes.Equal(prev, data) {
			t.Fatalf("%d workers gave a different ZIP", workers)
		}
		prev = data
	}
}

// A temporary file left by an interrupted run is never packed.
func TestSkipsOwnTempFiles(t *testing.T) {
	dir := tree(t)
	os.WriteFile(filepath.Join(dir, TempPrefix+"123.zip"), []byte("half a zip"), 0o644)
	os.WriteFile(filepath.Join(dir, "static", TempPrefix+"9.zip"), []byte("half a zip"), 0o644)
	out := filepath.Join(dir, "function.zip")
	if _, err := Write(context.Background(), dir, out, Options{}); err != nil {
		t.Fatal(err)
	}
	for name := range unpack(t, out) {
		if strings.Contains(name, TempPrefix) {
			t.Errorf("packed its own temporary file %s", name)
		}
	}
}

// Cancelled (Ctrl-C), pack leaves neither the output nor its temporary file.
func TestCancelLeavesNothing(t *testing.T) {
	dir := tree(t)
	outDir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := Write(ctx, dir, filepath.Join(outDir, "f.zip"), Options{Progress: func(done, total int64) {
		if calls++; calls == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if left, _ := os.ReadDir(outDir); len(left) != 0 {
		t.Errorf("left %v behind", left)
	}
}
