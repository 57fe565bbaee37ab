package archive

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/packaging/internal/ziptest"
)

type zf = ziptest.File

func TestZipEntries(t *testing.T) {
	data := ziptest.Bytes(t,
		zf{Name: "bootstrap", Body: "#!/bin/sh\n", Mode: 0o755},
		zf{Name: "win.exe", Body: "MZ", NoUnix: true},
		zf{Name: "dir/", Mode: os.ModeDir | 0o755},
		zf{Name: "dir/link", Body: "../bootstrap", Mode: os.ModeSymlink | 0o777},
	)
	pkg, err := NewZip("f.zip", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	b := pkg.Lookup("bootstrap")
	if b == nil || !b.Executable() || !b.UnixMode || b.Mode.Perm() != 0o755 {
		t.Fatalf("bootstrap: %+v", b)
	}
	if w := pkg.Lookup("win.exe"); w.UnixMode || w.Executable() {
		t.Errorf("windows entry: %+v", w)
	}
	if d := pkg.Lookup("dir"); d == nil || !d.IsDir() {
		t.Errorf("dir: %+v", d)
	}
	if got := pkg.Resolve("dir/link"); got != b {
		t.Errorf("Resolve(dir/link) = %v", got)
	}
	if dups := pkg.Duplicates(); len(dups) != 0 {
		t.Errorf("duplicates %v", dups)
	}
	if head, _ := b.Head(4); string(head) != "#!/b" {
		t.Errorf("Head = %q", head)
	}
	if top := pkg.TopLevel(); top != "" {
		t.Errorf("TopLevel = %q", top)
	}
}

func TestNotAZip(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("hello"), ziptest.Bytes(t, zf{Name: "a", Body: "b"})[:30]} {
		_, err := NewZip("x.zip", bytes.NewReader(data), int64(len(data)))
		if _, ok := err.(*FormatError); !ok {
			t.Errorf("%q: err = %v, want *FormatError", data, err)
		}
	}
}

func TestTopLevel(t *testing.T) {
	data := ziptest.Bytes(t, zf{Name: "app/", Mode: os.ModeDir | 0o755}, zf{Name: "app/bootstrap"}, zf{Name: "app/lib/x"})
	pkg, _ := NewZip("f.zip", bytes.NewReader(data), int64(len(data)))
	if top := pkg.TopLevel(); top != "app" {
		t.Errorf("TopLevel = %q", top)
	}
	// Finder's Compress: the folder plus resource forks under __MACOSX/.
	data = ziptest.Bytes(t, zf{Name: "code/bootstrap"}, zf{Name: "__MACOSX/code/._bootstrap"}, zf{Name: ".DS_Store"})
	pkg, _ = NewZip("f.zip", bytes.NewReader(data), int64(len(data)))
	if top := pkg.TopLevel(); top != "code" {
		t.Errorf("TopLevel with __MACOSX = %q", top)
	}
}

func TestResolveLink(t *testing.T) {
	cases := []struct {
		name, target, want string
		ok                 bool
	}{
		{"bootstrap", "main", "main", true},
		{"a/b", "../c", "c", true},
		{"a/b", "../../c", "", false},
		{"x", "/code/bin/main", "bin/main", true},
		{"x", "/usr/bin/python3", "", false},
		{"x", "/code/../etc/passwd", "", false}, // /code/.. is /
		{"x", "/code/bin/../main", "main", true},
	}
	for _, c := range cases {
		got, ok := ResolveLink(c.name, c.target)
		if got != c.want || ok != c.ok {
			t.Errorf("ResolveLink(%q, %q) = %q %v", c.name, c.target, got, ok)
		}
	}
}

func TestSymlinkLoop(t *testing.T) {
	data := ziptest.Bytes(t, zf{Name: "a", Body: "b", Mode: os.ModeSymlink | 0o777}, zf{Name: "b", Body: "a", Mode: os.ModeSymlink | 0o777})
	pkg, _ := NewZip("f.zip", bytes.NewReader(data), int64(len(data)))
	if got := pkg.Resolve("a"); got != nil {
		t.Errorf("loop resolved to %v", got)
	}
}

// StreamReaderAt must return what a plain ReaderAt returns, for any order of reads.
func TestStreamReaderAt(t *testing.T) {
	content := make([]byte, 5*blockSize+123)
	rand.New(rand.NewSource(1)).Read(content)
	opens := 0
	s := NewStreamReaderAt(func() (io.ReadCloser, error) {
		opens++
		return io.NopCloser(bytes.NewReader(content)), nil
	})
	defer s.Close()
	ref := bytes.NewReader(content)
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 500; i++ {
		off := rng.Int63n(int64(len(content)) + 100)
		n := rng.Intn(3 * blockSize)
		got, want := make([]byte, n), make([]byte, n)
		gn, gerr := s.ReadAt(got, off)
		wn, werr := ref.ReadAt(want, off)
		if gn != wn || !bytes.Equal(got[:gn], want[:wn]) || (gerr == nil) != (werr == nil) {
			t.Fatalf("ReadAt(%d bytes, %d) = %d %v, want %d %v", n, off, gn, gerr, wn, werr)
		}
	}
	if opens > 200 {
		t.Errorf("%d reopens for 500 reads", opens)
	}
}

func TestOpenDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string, mode os.FileMode) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), mode)
		os.Chmod(p, mode)
	}
	write("bootstrap", "#!/bin/sh\n", 0o755)
	write("a.log", "x", 0o644)
	write("sub/keep.log", "x", 0o644)
	write("sub/.fcignore", "!keep.log\n", 0o644)
	write(".fcignore", "*.log\nnode_modules/\n", 0o644)
	write("node_modules/x/index.js", "x", 0o644)
	os.Symlink("bootstrap", filepath.Join(dir, "start"))
	pkg, err := OpenDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range pkg.Entries {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, " "); got != ".fcignore bootstrap start sub sub/.fcignore sub/keep.log" {
		t.Errorf("entries: %s", got)
	}
	if !pkg.Lookup("bootstrap").Executable() || pkg.Resolve("start") != pkg.Lookup("bootstrap") {
		t.Error("modes or symlinks lost")
	}
}

// Linux follows up to 40 symlinks in a path (MAXSYMLINKS): a chain of 39
// links resolves, one of 41 does not.
func TestSymlinkChainLikeLinux(t *testing.T) {
	chain := func(links int) *Package {
		files := []zf{{Name: "bootstrap", Body: "#!/bin/sh\n", Mode: 0o755}}
		for i := 0; i < links; i++ {
			target := "bootstrap"
			if i > 0 {
				target = fmt.Sprintf("l%d", i-1)
			}
			files = append(files, zf{Name: fmt.Sprintf("l%d", i), Body: target, Mode: os.ModeSymlink | 0o777})
		}
		data := ziptest.Bytes(t, files...)
		pkg, err := NewZip("f.zip", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	if e := chain(40).Resolve("l39"); e == nil || e.Name != "bootstrap" {
		t.Errorf("40 links: resolved to %v, want bootstrap", e)
	}
	if e := chain(41).Resolve("l40"); e != nil {
		t.Errorf("41 links: resolved to %s, want nothing (ELOOP)", e.Name)
	}
}

// Of duplicate entries, the last is the one that counts (unzip writes each
// over the one before); every later copy is listed as a duplicate.
func TestDuplicateLastWins(t *testing.T) {
	data := ziptest.Bytes(t, zf{Name: "bootstrap", Body: "first"}, zf{Name: "x"}, zf{Name: "./bootstrap", Body: "last", Mode: 0o755})
	pkg, err := NewZip("f.zip", bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	head, _ := pkg.Lookup("bootstrap").Head(10)
	if string(head) != "last" {
		t.Errorf("bootstrap is %q, want the last copy", head)
	}
	if d := pkg.Duplicates(); len(d) != 1 || d[0] != "./bootstrap" {
		t.Errorf("Duplicates = %q", d)
	}
}
