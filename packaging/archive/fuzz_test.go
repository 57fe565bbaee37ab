package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/fclint/fclint/internal/fuzzseed"
	"github.com/fclint/fclint/packaging/internal/ziptest"
)

// FuzzZip reads arbitrary bytes as a package and checks it against
// archive/zip, the reference (see checkAgainstZip).
func FuzzZip(f *testing.F) {
	f.Add(ziptest.Bytes(f, zf{Name: "bootstrap", Body: "#!/bin/sh\n", Mode: 0o755}, zf{Name: "l", Body: "bootstrap", Mode: os.ModeSymlink | 0o777}))
	f.Add(ziptest.Bytes(f, zf{Name: "main", Body: strings.Repeat("\x7fELF", 1000), Mode: 0o755, Store: true}))
	f.Add(ziptest.Bytes(f, zf{Name: "../../x", Body: "x", NoUnix: true}, zf{Name: "a/", Mode: os.ModeDir}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	for _, z := range fuzzseed.Zips(f) {
		f.Add(z)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkAgainstZip(t, data) })
}

// FuzzZipEntries builds the ZIP from a fuzzed entry list (names, modes,
// methods, bodies, declared sizes), so that mutation explores packages rather
// than archive/zip's rejections.
func FuzzZipEntries(f *testing.F) {
	for _, tr := range fuzzseed.Trees(f) {
		l := tr.Spec()
		f.Add(l.Names, l.Attrs, l.Bodies)
	}
	f.Add("a\na/b\n./a\nl\nm", []byte{1, 0xed, 1, 0, 0, 0xa4, 1, 0, 0, 0, 0, 0, 2, 0xff, 1, 0, 2, 0xff, 1, 0}, "\x00x\x00dup\x00a/b\x00/code/l")
	f.Add("big\nshort", []byte{0xc, 0xa4, 1, 0x7f, 0x8, 0xa4, 1, 0x85}, strings.Repeat("x", 600)+"\x00"+strings.Repeat("y", 300))
	f.Fuzz(func(t *testing.T, names string, attrs []byte, bodies string) {
		checkAgainstZip(t, fuzzseed.EntryList{Names: names, Attrs: attrs, Bodies: bodies}.Zip())
	})
}

// checkAgainstZip: NewZip accepts exactly what archive/zip accepts, with the
// same entries in the same order; every entry is found by its own name; Head
// and ReaderAt return the bytes archive/zip decompresses; Resolve ends at a
// non-link or nil; symlinks at safe names that count as inside resolve inside; TopLevel holds every
// entry.
func checkAgainstZip(t *testing.T, data []byte) {
	zr, zerr := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	pkg, err := NewZip("f.zip", bytes.NewReader(data), int64(len(data)))
	zipAccepts := zerr == nil || errors.Is(zerr, zip.ErrInsecurePath) && zr != nil
	if (err == nil) != zipAccepts {
		t.Fatalf("NewZip error %v, archive/zip error %v", err, zerr)
	}
	if err != nil {
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Fatalf("rejected with %T, want *FormatError (FC211)", err)
		}
		return
	}
	if len(pkg.Entries) != len(zr.File) {
		t.Fatalf("%d entries, archive/zip has %d", len(pkg.Entries), len(zr.File))
	}
	for i, e := range pkg.Entries {
		if i == 64 {
			break
		}
		zf := zr.File[i]
		if e.Name != strings.TrimSuffix(zf.Name, "/") {
			t.Fatalf("entry %d is %q, archive/zip says %q", i, e.Name, zf.Name)
		}
		if pkg.Lookup(e.Name) == nil {
			t.Fatalf("Lookup(%q) found nothing", e.Name)
		}
		if r := pkg.Resolve(e.Name); r != nil && r.IsSymlink() {
			t.Fatalf("Resolve(%q) ends at the symlink %q", e.Name, r.Name)
		}
		if e.IsSymlink() && CheckName(e.Name) == nil { // an unsafe name is FC208 already
			if target, err := e.LinkTarget(); err == nil {
				if to, ok := ResolveLink(e.Name, target); ok && (to == ".." || strings.HasPrefix(to, "../") || path.IsAbs(to)) {
					t.Fatalf("symlink %s -> %s resolves to %q, outside the package, yet counts as inside", e.Name, target, to)
				}
			}
		}
		if e.IsDir() {
			continue
		}
		head, herr := e.Head(512)
		want, werr := referenceHead(zf, 512)
		if herr == nil && werr == nil && !bytes.Equal(head, want) {
			t.Fatalf("Head(%s) = %q, archive/zip reads %q", e.Name, head, want)
		}
		if herr != nil || len(head) < 164 {
			continue
		}
		ra, err := e.ReaderAt()
		if err != nil {
			continue
		}
		buf := make([]byte, 64)
		if n, err := ra.ReadAt(buf, 100); err == nil && !bytes.Equal(buf[:n], head[100:100+n]) {
			t.Fatalf("ReaderAt(%s).ReadAt(100) = %q, Head has %q", e.Name, buf[:n], head[100:100+n])
		}
		if n, err := ra.ReadAt(buf, 0); err == nil && !bytes.Equal(buf[:n], head[:n]) {
			t.Fatalf("ReaderAt(%s).ReadAt(0) after a later read = %q, Head has %q", e.Name, buf[:n], head[:n])
		}
		ra.Close()
	}
	if top := pkg.TopLevel(); top != "" {
		for _, e := range pkg.Entries {
			name := cleanName(e.Name)
			first, _, _ := strings.Cut(name, "/")
			if first != top && first != "__MACOSX" && first != ".DS_Store" {
				t.Fatalf("TopLevel is %q but %q is outside it", top, e.Name)
			}
		}
	}
}

// referenceHead is the first n bytes as archive/zip decompresses them.
func referenceHead(zf *zip.File, n int) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(rc, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return buf[:m], err
}
