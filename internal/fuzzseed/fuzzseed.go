// Package fuzzseed gives fuzz targets their seed corpus from the project's
// real fixtures: the packages, bootstrap scripts, .fcignore files and
// configurations of the CLI's testscripts (cmd/fclint/testdata/script), and
// the configuration fixtures. Seeds that mirror what users feed fclint let
// mutation start from inputs that reach the checks, not only the parsers.
package fuzzseed

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// File is one file of a fixture tree.
type File struct {
	Name string // slash-separated, relative to the tree's root
	Data []byte
}

// Tree is one package folder of a testscript: the files under one top-level
// folder of its txtar archive.
type Tree struct {
	Script string // the testscript's base name
	Root   string // the top-level folder
	Files  []File
}

// RepoRoot returns the folder that holds the module's go.mod, from the test's
// working directory (its package folder) upward.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(data, []byte("module github.com/fclint/fclint\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("fuzzseed: no go.mod of fclint above the working directory")
		}
		dir = parent
	}
}

// Trees returns the package folders of every CLI testscript.
func Trees(tb testing.TB) []Tree {
	tb.Helper()
	scripts, err := filepath.Glob(filepath.Join(RepoRoot(tb), "cmd", "fclint", "testdata", "script", "*.txtar"))
	if err != nil || len(scripts) == 0 {
		tb.Fatalf("fuzzseed: no testscripts (%v)", err)
	}
	var trees []Tree
	for _, script := range scripts {
		ar, err := txtar.ParseFile(script)
		if err != nil {
			tb.Fatal(err)
		}
		byRoot := map[string]*Tree{}
		var roots []string
		for _, f := range ar.Files {
			root, rest, ok := strings.Cut(f.Name, "/")
			if !ok || rest == "" {
				root, rest = ".", f.Name
			}
			tr := byRoot[root]
			if tr == nil {
				tr = &Tree{Script: filepath.Base(script), Root: root}
				byRoot[root] = tr
				roots = append(roots, root)
			}
			tr.Files = append(tr.Files, File{Name: rest, Data: f.Data})
		}
		sort.Strings(roots)
		for _, root := range roots {
			trees = append(trees, *byRoot[root])
		}
	}
	return trees
}

// executable says which fixture files a package would carry with exec bits:
// the testscripts chmod their entry points (bootstrap, main, start scripts).
func executable(name string) bool {
	base := path.Base(name)
	return base == "bootstrap" || base == "main" || strings.HasSuffix(base, ".sh") || !strings.Contains(base, ".")
}

// Zip returns the tree as a function package, as `zip -r` in its folder would.
func (tr Tree) Zip(tb testing.TB) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range tr.Files {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		mode := fs.FileMode(0o644)
		if executable(f.Name) {
			mode = 0o755
		}
		h.SetMode(mode)
		fw, err := w.CreateHeader(h)
		if err != nil {
			tb.Fatal(err)
		}
		fw.Write(f.Data)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Zips returns every testscript package folder as a ZIP.
func Zips(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, tr := range Trees(tb) {
		out = append(out, tr.Zip(tb))
	}
	return out
}

// Named returns the contents of the fixture files whose base name matches
// (path.Match pattern), from the testscripts and from the fixture folders
// given relative to the repository root.
func Named(tb testing.TB, pattern string, dirs ...string) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, tr := range Trees(tb) {
		for _, f := range tr.Files {
			if ok, _ := path.Match(pattern, path.Base(f.Name)); ok {
				out = append(out, f.Data)
			}
		}
	}
	root := RepoRoot(tb)
	for _, dir := range dirs {
		filepath.WalkDir(filepath.Join(root, filepath.FromSlash(dir)), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if ok, _ := path.Match(pattern, d.Name()); ok {
				if data, err := os.ReadFile(p); err == nil {
					out = append(out, data)
				}
			}
			return nil
		})
	}
	if len(out) == 0 {
		tb.Fatalf("fuzzseed: no fixture named %s", pattern)
	}
	return out
}

// EntryList is a ZIP described by fields a fuzzer mutates one by one, so that
// mutation changes names, modes, methods and declared sizes of entries rather
// than breaking the ZIP's structure: Names and Bodies hold one item per entry
// (split at '\n' and '\x00'), Attrs four bytes per entry:
//
//	[0] bits 0-1: 0 file, 1 folder, 2 symlink (Body is the target), 3 file written
//	    by a Windows tool (no Unix mode); bit 2: stored, not deflated;
//	    bit 3: the header declares a wrong uncompressed size
//	[1:3] permission bits, little endian (low 9 bits)
//	[3] how far the declared size is off (bit 7: too small, else too large)
type EntryList struct {
	Names  string
	Attrs  []byte
	Bodies string
}

// MaxEntries bounds the entries an EntryList makes.
const MaxEntries = 32

// Spec describes a fixture tree as an EntryList.
func (tr Tree) Spec() EntryList {
	var names, bodies []string
	var attrs []byte
	for _, f := range tr.Files {
		names = append(names, f.Name)
		bodies = append(bodies, string(f.Data))
		perm := 0o644
		if executable(f.Name) {
			perm = 0o755
		}
		attrs = append(attrs, 0, byte(perm), byte(perm>>8), 0)
	}
	return EntryList{Names: strings.Join(names, "\n"), Attrs: attrs, Bodies: strings.Join(bodies, "\x00")}
}

// Zip writes the entries as a ZIP. Entries that archive/zip refuses to write
// are left out.
func (l EntryList) Zip() []byte {
	names := strings.Split(l.Names, "\n")
	bodies := strings.Split(l.Bodies, "\x00")
	var buf, compressed bytes.Buffer
	w := zip.NewWriter(&buf)
	deflate, _ := flate.NewWriter(&compressed, flate.BestSpeed) // one for all entries: each costs ~1 MB
	for i, name := range names {
		if i == MaxEntries {
			break
		}
		var a [4]byte
		copy(a[:], l.Attrs[min(4*i, len(l.Attrs)):])
		body := ""
		if i < len(bodies) {
			body = bodies[i]
		}
		perm := fs.FileMode(uint16(a[1])|uint16(a[2])<<8) & 0o777
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		switch a[0] & 3 {
		case 0:
			h.SetMode(perm)
		case 1:
			h.SetMode(fs.ModeDir | perm)
			body = ""
		case 2:
			h.SetMode(fs.ModeSymlink | perm)
		case 3:
			h.CreatorVersion = 20 // FAT host: no Unix mode
			h.ExternalAttrs = 0x20
		}
		if a[0]&4 != 0 {
			h.Method = zip.Store
		}
		data := []byte(body)
		if h.Method == zip.Deflate {
			compressed.Reset()
			deflate.Reset(&compressed)
			deflate.Write(data)
			deflate.Close()
			data = compressed.Bytes()
		}
		h.CRC32 = crc32.ChecksumIEEE([]byte(body))
		h.CompressedSize64 = uint64(len(data))
		h.UncompressedSize64 = uint64(len(body))
		if a[0]&8 != 0 {
			off := uint64(a[3] & 0x7f)
			if a[3]&0x80 != 0 && off <= h.UncompressedSize64 {
				h.UncompressedSize64 -= off
			} else {
				h.UncompressedSize64 += off << (a[3] & 0x7f % 40)
			}
		}
		fw, err := w.CreateRaw(h)
		if err != nil {
			continue
		}
		fw.Write(data)
	}
	w.Close()
	return buf.Bytes()
}
