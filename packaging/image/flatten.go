package image

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Limits bound what Flatten writes, so that a hostile image (a size bomb:
// a small gzip layer that inflates to terabytes, or millions of entries)
// ends in an error instead of filling the disk.
type Limits struct {
	MaxBytes   int64 // file content written, all layers together
	MaxEntries int   // entries written, all layers together
}

// DefaultLimits allow FC's largest image: 15 GB uncompressed on GPU
// instances (10 GB on CPU instances).
var DefaultLimits = Limits{MaxBytes: 15 << 30, MaxEntries: 4 << 20}

// ErrLimit is wrapped by Flatten's error when a limit is hit.
var ErrLimit = errors.New("image exceeds the flatten limit")

// FlattenOptions are Flatten's limits and how it sets owners.
type FlattenOptions struct {
	Limits
	// KeepOwners gives every entry the uid and gid its layer records
	// (which needs the privilege to chown); otherwise entries belong to
	// the caller.
	KeepOwners bool
}

// Flattened says what Flatten wrote.
type Flattened struct {
	Bytes   int64 // file content written
	Entries int   // files, folders and links written
	// Skipped counts entries not written: devices and FIFOs (creating them
	// needs privileges), and paths that reach through a symlink out of the
	// root.
	Skipped int
}

// Flatten unpacks the image's layers, bottom first, into dir (which must
// exist, ideally empty), as a container runtime does: later layers replace
// earlier files, whiteouts delete them, opaque markers empty a folder of
// what lower layers put there. Every write goes through an os.Root, so no
// entry name or symlink can write outside dir. Owners are set only with
// KeepOwners, and setuid/setgid bits are dropped; files stay readable and
// folders writable by their owner. A canceled ctx stops Flatten within one
// read of a layer, with ctx's error.
func (im *Image) Flatten(ctx context.Context, dir string, opts FlattenOptions) (*Flattened, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	fl := &flattener{ctx: ctx, root: root, lim: opts.Limits, keepOwners: opts.KeepOwners, out: &Flattened{}}
	for i := range im.Layers {
		fl.written = map[string]bool{}
		if err := im.walkLayerContext(ctx, i, fl.entry); err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return fl.out, cerr
			}
			return fl.out, err
		}
	}
	return fl.out, nil
}

type flattener struct {
	ctx        context.Context
	root       *os.Root
	lim        Limits
	keepOwners bool
	out        *Flattened
	written    map[string]bool // names this layer wrote: an opaque marker keeps them
}

func (fl *flattener) entry(name string, h *tar.Header, r io.Reader) error {
	if err := fl.ctx.Err(); err != nil {
		return err
	}
	if name == "" {
		return nil // the root folder itself
	}
	dir, base := path.Split(name)
	dir = strings.TrimSuffix(dir, "/")
	if base == opaqueMarker {
		return fl.opaque(dir)
	}
	if strings.HasPrefix(base, whiteoutPrefix) {
		fl.remove(path.Join(dir, strings.TrimPrefix(base, whiteoutPrefix)))
		return nil
	}
	if fl.out.Entries >= fl.lim.MaxEntries {
		return fmt.Errorf("%w: more than %d entries", ErrLimit, fl.lim.MaxEntries)
	}
	if dir != "" {
		if err := fl.root.MkdirAll(dir, 0o755); err != nil {
			fl.out.Skipped++
			return nil
		}
	}
	for p := name; p != "." && !fl.written[p]; p = path.Dir(p) {
		fl.written[p] = true // and its folders: an opaque marker keeps them
	}
	perm := fs.FileMode(h.Mode).Perm()
	var err error
	switch h.Typeflag {
	case tar.TypeDir:
		if fi, lerr := fl.root.Lstat(name); lerr == nil && fi.IsDir() {
			err = fl.root.Chmod(name, perm|0o700)
		} else {
			fl.remove(name)
			err = fl.root.Mkdir(name, perm|0o700)
		}
	case tar.TypeReg: // archive/tar reads the old TypeRegA as TypeReg
		err = fl.file(name, perm, r)
	case tar.TypeSymlink:
		fl.remove(name)
		err = fl.root.Symlink(h.Linkname, name)
	case tar.TypeLink:
		fl.remove(name)
		err = fl.root.Link(entryName(h.Linkname), name)
	default: // devices, FIFOs: not needed to run a server, and need privileges
		fl.out.Skipped++
		return nil
	}
	if err != nil {
		if errors.Is(err, ErrLimit) || fl.ctx.Err() != nil {
			return err
		}
		fl.out.Skipped++ // e.g. a parent that is a symlink out of the root
		return nil
	}
	if fl.keepOwners {
		_ = fl.root.Lchown(name, h.Uid, h.Gid) // an id the system refuses leaves the caller's
	}
	fl.out.Entries++
	return nil
}

func (fl *flattener) file(name string, perm fs.FileMode, r io.Reader) error {
	fl.remove(name)
	f, err := fl.root.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm|0o600)
	if err != nil {
		return err
	}
	left := fl.lim.MaxBytes - fl.out.Bytes
	n, err := io.Copy(f, io.LimitReader(r, left+1))
	fl.out.Bytes += n
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if n > left {
		return fmt.Errorf("%w: more than %d bytes of files", ErrLimit, fl.lim.MaxBytes)
	}
	// Chmod, since the umask may have cleared bits of OpenFile's mode.
	return fl.root.Chmod(name, perm|0o600)
}

// remove deletes name (a file, link or whole folder) if it exists.
func (fl *flattener) remove(name string) {
	if name == "" || name == "." {
		return
	}
	_ = fl.root.RemoveAll(name)
}

// opaque empties dir of everything lower layers put there; what this layer
// already wrote stays.
func (fl *flattener) opaque(dir string) error {
	d := dir
	if d == "" {
		d = "."
	}
	f, err := fl.root.Open(d)
	if err != nil {
		return nil // nothing below to hide
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	for _, n := range names {
		if child := path.Join(dir, n); !fl.written[child] {
			fl.remove(child)
		}
	}
	return nil
}
