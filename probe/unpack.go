package probe

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/fclint/fclint/packaging"
	"github.com/fclint/fclint/packaging/archive"
)

// maxUnpacked bounds what a package may expand to: FC's temporary disk.
const maxUnpacked = 10 << 30

// errInvalidArchive wraps why a ZIP could not be read at all (FC211).
type errInvalidArchive struct{ err error }

func (e *errInvalidArchive) Error() string { return e.err.Error() }

// errBomb is a ZIP that package's checks call a decompression bomb (FC209).
type errBomb struct{ msg string }

func (e *errBomb) Error() string { return e.msg }

// unpack extracts the ZIP at zipPath into dest, which must exist and be
// empty, after the checks `fclint package` makes, all from the central
// directory before a byte is written: a bomb (declared sizes, overlapping
// entries) is refused whole. Entries FC would refuse (FC208: absolute, "..",
// backslashes, symlinks leaving the package) and special files (FIFOs,
// devices) are skipped with a note. Symlinks are made last, so no file is
// ever written through one. ctx stops it between and within entries.
func unpack(ctx context.Context, zipPath, dest string, note func(string)) error {
	pkg, err := archive.OpenZip(zipPath)
	if err != nil {
		return &errInvalidArchive{err}
	}
	defer pkg.Close()
	if msg := packaging.BombMessage(pkg, zipPath); msg != "" {
		return &errBomb{msg}
	}
	budget := int64(maxUnpacked)
	var links []*zip.File
	for _, e := range pkg.Entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		f := e.ZipFile()
		if err := archive.CheckName(f.Name); err != nil {
			note(fmt.Sprintf("skipping ZIP entry %q: %v", f.Name, err))
			continue
		}
		name := path.Clean(f.Name)
		if name == "." {
			continue
		}
		target := filepath.Join(dest, filepath.FromSlash(name))
		mode := f.Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			links = append(links, f)
		case mode.IsDir() || strings.HasSuffix(f.Name, "/"):
			if err := os.MkdirAll(target, 0o755); err != nil {
				note(fmt.Sprintf("skipping ZIP entry %q: %v", f.Name, err))
			}
		case mode&(fs.ModeNamedPipe|fs.ModeDevice|fs.ModeCharDevice|fs.ModeSocket|fs.ModeIrregular) != 0:
			note(fmt.Sprintf("skipping ZIP entry %q: a special file (%s), not a regular file", f.Name, mode.Type()))
		default:
			n, err := extractFile(ctx, f, target, budget)
			if errors.Is(err, errTooLarge) {
				return &errBomb{fmt.Sprintf("%s expands to more than %d GB, FC's temporary disk", zipPath, maxUnpacked>>30)}
			}
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				var re *readError
				if errors.As(err, &re) {
					return &errInvalidArchive{fmt.Errorf("entry %q: %w", f.Name, re.err)}
				}
				note(fmt.Sprintf("skipping ZIP entry %q: %v", f.Name, err))
			}
			budget -= n
		}
	}
	for _, f := range links {
		if err := extractLink(f, dest); err != nil {
			note(fmt.Sprintf("skipping ZIP entry %q: %v", f.Name, err))
		}
	}
	return nil
}

// ctxReader stops a copy when its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

var errTooLarge = errors.New("package too large")

// readError is a failure to read an entry's data (corrupt, truncated,
// unsupported method), as opposed to writing it out.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }

type taggedReader struct{ r io.Reader }

func (t taggedReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		err = &readError{err}
	}
	return n, err
}

func extractFile(ctx context.Context, f *zip.File, target string, budget int64) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return 0, err
	}
	rc, err := f.Open()
	if err != nil {
		return 0, &readError{err}
	}
	defer rc.Close()
	// The ZIP's own permission bits, as FC applies them: a ZIP made on
	// Windows carries none, so nothing is executable (FC203).
	out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC|noFollow, f.Mode().Perm())
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, io.LimitReader(ctxReader{ctx, taggedReader{rc}}, budget+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > budget {
		err = errTooLarge
	}
	if err == nil {
		// OpenFile's mode is filtered by the umask; FC's is not.
		err = os.Chmod(target, f.Mode().Perm())
	}
	return n, err
}

// extractLink creates a symlink entry if it stays inside the package: a
// relative target that resolves inside dest, or an absolute one under /code.
func extractLink(f *zip.File, dest string) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	b, err := io.ReadAll(io.LimitReader(rc, 4096))
	rc.Close()
	if err != nil {
		return err
	}
	linkTarget := string(b)
	name := path.Clean(f.Name)
	switch {
	case linkTarget == "":
		return errors.New("empty symlink target")
	case path.IsAbs(linkTarget):
		if _, inside := archive.ResolveLink(name, linkTarget); !inside {
			return fmt.Errorf("symlink to %s leaves /code", linkTarget)
		}
	default:
		// Resolve against the real parent, in case an earlier link moved it.
		parent, err := filepath.EvalSymlinks(filepath.Join(dest, filepath.FromSlash(path.Dir(name))))
		if err != nil {
			return err
		}
		resolved := filepath.Join(parent, filepath.FromSlash(linkTarget))
		if !within(dest, parent) || !within(dest, resolved) {
			return fmt.Errorf("symlink to %s leaves the package", linkTarget)
		}
	}
	target := filepath.Join(dest, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	return os.Symlink(linkTarget, target)
}

// within reports whether p is dir or below it (both cleaned, absolute).
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
