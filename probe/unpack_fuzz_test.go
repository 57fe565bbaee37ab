package probe

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/internal/fuzzseed"
)

// FuzzUnpackStaysInRoot unpacks arbitrary bytes. Property: nothing is written
// outside the destination by any path: not beside it, not at an absolute
// name, not through a symlink made earlier, and no symlink left in it points
// out of it (except into /code, where FC mounts the package).
func FuzzUnpackStaysInRoot(f *testing.F) {
	f.Add(zipBytes(f, []entry{{"bootstrap", "#!/bin/sh\n", 0o755}, {"a/b", "x", 0o644}}))
	f.Add(zipBytes(f, []entry{{"../x", "x", 0o644}, {"l", "../..", os.ModeSymlink | 0o777}}))
	f.Add(zipBytes(f, []entry{{"d", ".", os.ModeSymlink | 0o777}, {"d/e", "..", os.ModeSymlink | 0o777}}))
	f.Add(zipBytes(f, []entry{{"out", "../../..", os.ModeSymlink | 0o777}, {"out/escaped", "x", 0o644}}))
	f.Add(zipBytes(f, []entry{{"/tmp/fclint-fuzz-abs", "x", 0o644}, {"a/../../../up", "x", 0o644}}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	for _, z := range fuzzseed.Zips(f) {
		f.Add(z)
	}
	f.Fuzz(func(t *testing.T, data []byte) { unpackStaysInRoot(t, data) })
}

// FuzzUnpackEntries is FuzzUnpackStaysInRoot over ZIPs built from fuzzed
// entry lists (names, modes, methods, bodies, declared sizes), so mutation
// tries paths and links rather than broken ZIPs.
func FuzzUnpackEntries(f *testing.F) {
	for _, tr := range fuzzseed.Trees(f) {
		l := tr.Spec()
		f.Add(l.Names, l.Attrs, l.Bodies)
	}
	f.Add("l\nl/x\n../y\n/tmp/fclint-fuzz-abs", []byte{2, 0xff, 1, 0, 0, 0xa4, 1, 0, 0, 0xa4, 1, 0, 0, 0xa4, 1, 0}, "../..\x00x\x00y\x00z")
	f.Add("d\nd/e\nd/e/f", []byte{2, 0xff, 1, 0, 2, 0xff, 1, 0, 0, 0xa4, 1, 0}, ".\x00..\x00x")
	f.Fuzz(func(t *testing.T, names string, attrs []byte, bodies string) {
		unpackStaysInRoot(t, fuzzseed.EntryList{Names: names, Attrs: attrs, Bodies: bodies}.Zip())
	})
}

func unpackStaysInRoot(t *testing.T, data []byte) {
	work := t.TempDir()
	zipPath := filepath.Join(work, "f.zip")
	if err := os.WriteFile(zipPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// Three levels between work and dest: a write that climbs one to three
	// levels out lands in work, where the walk below sees it.
	dest := filepath.Join(work, "s1", "s2", "code")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	outside := escapeCandidates(data, dest, work)
	existed := map[string]bool{}
	for _, p := range outside {
		if _, err := os.Lstat(p); err == nil {
			existed[p] = true
		}
	}

	unpack(context.Background(), zipPath, dest, func(string) {})

	filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		switch rel, _ := filepath.Rel(work, p); rel {
		case ".", "f.zip", "s1", filepath.Join("s1", "s2"):
			return nil
		}
		if !within(dest, p) {
			t.Fatalf("unpack wrote %s, outside %s", p, dest)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			checkLinkInside(t, dest, p)
		}
		return nil
	})
	for _, p := range outside {
		if _, err := os.Lstat(p); err == nil && !existed[p] {
			os.Remove(p)
			t.Fatalf("unpack wrote %s, outside %s", p, dest)
		}
	}
}

// checkLinkInside fails for a symlink in dest whose target leaves dest
// (resolved from the link's real folder) or, when absolute, /code.
func checkLinkInside(t *testing.T, dest, link string) {
	target, err := os.Readlink(link)
	if err != nil {
		t.Fatal(err)
	}
	if path.IsAbs(target) {
		if target != codeMountPoint && !strings.HasPrefix(target, codeMountPoint+"/") {
			t.Fatalf("symlink %s -> %s leaves /code", link, target)
		}
		return
	}
	parent, err := filepath.EvalSymlinks(filepath.Dir(link))
	if err != nil {
		return
	}
	realDest, _ := filepath.EvalSymlinks(dest)
	if resolved := filepath.Join(parent, target); !within(realDest, resolved) {
		t.Fatalf("symlink %s -> %s resolves to %s, outside %s", link, target, resolved, dest)
	}
}

// escapeCandidates lists where a careless unpacker would write an entry that
// leaves dest: its absolute name, its name joined to dest, and names that
// continue through a symlink entry's target. Paths in work are left to the walk.
func escapeCandidates(data []byte, dest, work string) []string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var out []string
	add := func(p string) {
		p = filepath.Clean(p)
		if !within(dest, p) && !within(work, p) && p != "/" {
			out = append(out, p)
		}
	}
	links := map[string]string{} // link name -> target
	for _, f := range zr.File {
		if f.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if rc, err := f.Open(); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 4096))
			rc.Close()
			links[path.Clean(f.Name)] = string(b)
		}
	}
	for _, f := range zr.File {
		name := filepath.FromSlash(strings.ReplaceAll(f.Name, "\\", "/"))
		if filepath.IsAbs(name) {
			add(name)
		}
		add(filepath.Join(dest, name))
		for link, target := range links {
			rest, ok := strings.CutPrefix(path.Clean(f.Name), link+"/")
			if !ok {
				continue
			}
			if path.IsAbs(target) {
				add(filepath.Join(target, rest))
			} else {
				add(filepath.Join(dest, path.Dir(link), target, rest))
			}
		}
	}
	return out
}
