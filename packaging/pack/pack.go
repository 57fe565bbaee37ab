// Package pack writes a function folder as a ZIP that FC runs as is: entries
// at the root, a Unix creator with real modes (0755 for bootstrap, ELF files
// and #! scripts, 0644 for the rest, 0755 for folders), .fcignore honored,
// symlinks kept when they stay inside the folder, and byte-identical output
// for identical input (sorted names, fixed timestamps).
package pack

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fclint/fclint/packaging/archive"
)

// epoch is every entry's timestamp: the earliest MS-DOS time, so that output
// depends on content only.
var epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Result summarizes a written package.
type Result struct {
	Entries     int
	Executables []string // entries written with mode 0755 (not folders)
	Size        int64    // bytes written
}

// Write packs dir into the ZIP file out. out may lie inside dir (it is then
// left out of the package); dir itself is only read. The ZIP is written to a
// temporary file next to out and renamed, so a failure leaves no partial file.
func Write(dir, out string) (*Result, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if absOut == absDir {
		return nil, errors.New("the output cannot be the folder itself")
	}
	if fi, err := os.Stat(absOut); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory", out)
	}
	if fi, err := os.Stat(filepath.Dir(absOut)); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("cannot write %s: its folder does not exist", out)
	}
	pkg, err := archive.OpenDir(absDir, archive.DirOptions{Exclude: absOut})
	if err != nil {
		return nil, err
	}
	outRel, inside := relInside(absDir, absOut)
	entries := make([]*archive.Entry, 0, len(pkg.Entries))
	for _, e := range pkg.Entries {
		if inside && e.Name == outRel {
			continue
		}
		if e.IsSymlink() {
			target, _ := e.LinkTarget()
			if err := checkLink(e.Name, target); err != nil {
				return nil, err
			}
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })

	tmp, err := os.CreateTemp(filepath.Dir(absOut), ".fclint-pack-*.zip")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	res, err := writeZip(tmp, entries)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp.Name(), absOut); err != nil {
		return nil, err
	}
	return res, nil
}

func relInside(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// checkLink refuses symlinks that leave the folder: at /code they would
// point at nothing, or at the runtime's own files.
func checkLink(name, target string) error {
	if strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "/code/") {
		return fmt.Errorf("symlink %s points to the absolute path %s, which will not exist under /code", name, target)
	}
	if _, ok := archive.ResolveLink(name, target); !ok {
		return fmt.Errorf("symlink %s points to %s, outside the folder", name, target)
	}
	return nil
}

func writeZip(w io.Writer, entries []*archive.Entry) (*Result, error) {
	cw := &countingWriter{w: w}
	zw := zip.NewWriter(cw)
	res := &Result{}
	for _, e := range entries {
		if err := writeEntry(zw, e, res); err != nil {
			return nil, err
		}
		res.Entries++
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	res.Size = cw.n
	return res, nil
}

func writeEntry(zw *zip.Writer, e *archive.Entry, res *Result) error {
	h := &zip.FileHeader{Name: e.Name, Modified: epoch, Method: zip.Deflate}
	var body io.Reader
	switch {
	case e.IsDir():
		h.Name += "/"
		h.Method = zip.Store
		h.SetMode(fs.ModeDir | 0o755)
	case e.IsSymlink():
		target, err := e.LinkTarget()
		if err != nil {
			return err
		}
		h.Method = zip.Store
		h.SetMode(fs.ModeSymlink | 0o777)
		body = strings.NewReader(target)
	default:
		f, err := archive.OpenRegular(e.DiskPath()) // a FIFO would block
		if err != nil {
			return err
		}
		defer f.Close()
		head := make([]byte, 4)
		n, _ := io.ReadFull(f, head)
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		mode := fs.FileMode(0o644)
		if Executable(e.Name, head[:n]) {
			mode = 0o755
			res.Executables = append(res.Executables, e.Name)
		}
		h.SetMode(mode)
		body = f
	}
	zf, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	if body != nil {
		if _, err := io.Copy(zf, body); err != nil {
			return fmt.Errorf("%s: %w", e.Name, err)
		}
	}
	return nil
}

// Executable decides the mode pack writes: bootstrap (FC's default start
// file), ELF binaries and #! scripts get 0755.
func Executable(name string, head []byte) bool {
	return name == "bootstrap" || bytes.HasPrefix(head, []byte("\x7fELF")) || bytes.HasPrefix(head, []byte("#!"))
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
