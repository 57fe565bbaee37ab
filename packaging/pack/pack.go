// Package pack writes a function folder as a ZIP that FC runs as is: entries
// at the root, a Unix creator with real modes (0755 for bootstrap, ELF files
// and #! scripts, 0644 for the rest, 0755 for folders), .fcignore honored,
// symlinks kept when they stay inside the folder, and byte-identical output
// for identical input (sorted names, fixed timestamps, fixed compression).
//
// Files are compressed in parallel, one per worker, and written in name
// order; data that does not compress (already-compressed formats by their
// extension, or a trial compression of its start) is stored as is.
package pack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/fclint/fclint/packaging/archive"
)

// TempPrefix starts the name of the temporary file pack writes next to its
// output; files with this prefix are never packed (one left by an
// interrupted run must not end up in the next ZIP).
const TempPrefix = ".fclint-pack-"

// Result summarizes a written package.
type Result struct {
	Entries     int
	Executables []string // entries written with mode 0755 (not folders)
	Size        int64    // bytes written
	Stored      int      // files stored without compression (it would not shrink them)
}

// Options tune Write.
type Options struct {
	// Workers is how many files are compressed at once; 0 uses every core.
	Workers int
	// Progress, when set, is called from one goroutine after each entry is
	// written, with the file bytes done so far and the total.
	Progress func(done, total int64)
}

// Write packs dir into the ZIP file out. out may lie inside dir (it is then
// left out of the package); dir itself is only read. The ZIP is written to a
// temporary file next to out and renamed, so a failure or a cancelled ctx
// leaves no partial file.
func Write(ctx context.Context, dir, out string, opts Options) (*Result, error) {
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
		if inside && e.Name == outRel || strings.HasPrefix(pathBase(e.Name), TempPrefix) {
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

	tmp, err := os.CreateTemp(filepath.Dir(absOut), TempPrefix+"*.zip")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this is a no-op
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	res, err := writeZip(ctx, tmp, entries, workers, opts.Progress)
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

func pathBase(name string) string {
	return name[strings.LastIndexByte(name, '/')+1:]
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
