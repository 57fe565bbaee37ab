package image

import (
	"archive/tar"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// maxCapture bounds one file kept for inspection (an entrypoint binary).
const maxCapture = 512 << 20

// maxLinks bounds symlink hops while resolving a path, as Linux's 40.
const maxLinks = 40

// maxNodes bounds the filesystem index (files, folders and links).
const maxNodes = 4 << 20

// node is one file of the merged filesystem, with the metadata of the
// topmost layer that wrote it.
type node struct {
	typ      byte // tar.TypeReg, TypeDir, TypeSymlink, TypeLink, ...
	mode     fs.FileMode
	size     int64
	link     string // symlink or hard-link target
	layer    int
	children map[string]*node // folders only
	data     *os.File         // captured content, or nil
}

// FS is the merged filesystem of an image: every layer's tar headers with
// whiteouts applied, and the content of the few files a check asked for.
type FS struct {
	im   *Image
	root *node
	// Uncompressed is the total size of the layers' tar streams once
	// decompressed: the image's unpacked size.
	Uncompressed int64
	// Capped: the layers inflate past maxIndexed, where Index stopped
	// reading; Uncompressed is then a lower bound and later layers unread.
	Capped   bool
	nodes    int
	captures []*os.File
}

// Index reads every layer's headers once. want reports, for a path, whether
// its content should be kept (files on the entrypoint's path); other
// contents are skipped, never buffered.
func (im *Image) Index(want func(name string) bool) (*FS, error) {
	fsys := &FS{im: im, root: &node{typ: tar.TypeDir, mode: fs.ModeDir | 0o755, children: map[string]*node{}}}
	for i := range im.Layers {
		err := fsys.indexLayer(i, want)
		if errors.Is(err, errCapped) {
			break // too big whatever the rest holds: FC215 says so
		}
		if err != nil {
			fsys.Close()
			return nil, err
		}
	}
	return fsys, nil
}

// countingReader counts bytes read: the layer's decompressed size.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (fsys *FS) indexLayer(i int, want func(string) bool) error {
	rc, err := fsys.im.openLayer(i)
	if err != nil {
		return err
	}
	defer rc.Close()
	limit := maxIndexed - fsys.Uncompressed
	cr := &countingReader{r: io.LimitReader(rc, limit)}
	tr := tar.NewReader(cr)
	written := map[*node]bool{}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if cr.n >= limit {
				return fsys.capped()
			}
			return fmt.Errorf("layer %d (%s): %v", i+1, fsys.im.Layers[i].Name, err)
		}
		name := entryName(h.Name)
		if name == "" {
			continue
		}
		if err := checkNameLength(name); err != nil {
			return err
		}
		dir, base := path.Split(name)
		parent := fsys.mkdirs(strings.TrimSuffix(dir, "/"), i, written)
		if fsys.nodes > maxNodes { // implied folders count too
			return fmt.Errorf("%w: more than %d files", ErrLimit, maxNodes)
		}
		switch {
		case base == opaqueMarker:
			for k, c := range parent.children {
				if !written[c] {
					delete(parent.children, k)
				}
			}
			continue
		case strings.HasPrefix(base, whiteoutPrefix):
			delete(parent.children, strings.TrimPrefix(base, whiteoutPrefix))
			continue
		}
		if fsys.nodes++; fsys.nodes > maxNodes {
			return fmt.Errorf("%w: more than %d files", ErrLimit, maxNodes)
		}
		n := &node{typ: h.Typeflag, mode: h.FileInfo().Mode(), size: h.Size, link: h.Linkname, layer: i}
		if old := parent.children[base]; n.typ == tar.TypeDir {
			if old != nil && old.typ == tar.TypeDir {
				old.mode, old.layer = n.mode, i // a folder over a folder merges
				written[old] = true
				continue
			}
			n.children = map[string]*node{}
		}
		if n.typ == tar.TypeLink {
			n.link = entryName(h.Linkname)
		}
		parent.children[base] = n
		written[n] = true
		if n.typ == tar.TypeReg && want != nil && want(name) && h.Size <= maxCapture {
			if n.data, err = fsys.capture(tr); err != nil {
				return err
			}
		}
	}
	// Read to the end: the tar's trailing blocks count toward its size.
	if _, err := io.Copy(io.Discard, cr); err != nil {
		return err
	}
	if cr.n >= limit {
		return fsys.capped()
	}
	fsys.Uncompressed += cr.n
	return nil
}

// maxIndexed bounds how much of the layers Index inflates in all: past it
// (above FC's largest image limit, 15 GB) the size is known to be too big,
// and a decompression bomb of terabytes is not read to its end. The layer
// then ends early, as a truncated tar, and the check reports it.
var maxIndexed int64 = 16 << 30 // a variable for the tests

// errCapped ends Index early once maxIndexed bytes were inflated.
var errCapped = errors.New("image: the layers inflate past the index limit")

func (fsys *FS) capped() error {
	fsys.Uncompressed, fsys.Capped = maxIndexed, true
	return errCapped
}

// mkdirs finds or makes the folder dir (implied folders, as runtimes
// create them).
func (fsys *FS) mkdirs(dir string, layer int, written map[*node]bool) *node {
	cur, curPath := fsys.root, ""
	if dir == "" {
		return cur
	}
	for part := range strings.SplitSeq(dir, "/") {
		curPath = path.Join(curPath, part)
		next := cur.children[part]
		if next == nil || next.typ != tar.TypeDir {
			// A symlinked folder (lib -> usr/lib) is written through by
			// runtimes; follow it when it resolves to a folder.
			if next != nil && next.typ == tar.TypeSymlink {
				if target, _, err := fsys.resolve(curPath, true); err == nil && target.typ == tar.TypeDir {
					cur = target
					continue
				}
			}
			next = &node{typ: tar.TypeDir, mode: fs.ModeDir | 0o755, children: map[string]*node{}, layer: layer}
			fsys.nodes++
			cur.children[part] = next
			written[next] = true
		}
		cur = next
	}
	return cur
}

func (fsys *FS) capture(r io.Reader) (*os.File, error) {
	f, err := os.CreateTemp("", "fclint-image-*")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // unlinked: gone when closed, whatever happens
	fsys.captures = append(fsys.captures, f)
	if _, err := io.Copy(f, io.LimitReader(r, maxCapture)); err != nil {
		return nil, err
	}
	return f, nil
}

// Close drops the captured contents.
func (fsys *FS) Close() {
	for _, f := range fsys.captures {
		f.Close()
	}
	fsys.captures = nil
}

// File is a resolved file of the image.
type File struct {
	Path string // absolute, symlinks resolved
	Mode fs.FileMode
	Size int64
	n    *node
}

// IsRegular reports whether the file is a regular file.
func (f *File) IsRegular() bool { return f.n.typ == tar.TypeReg }

// ErrLoop is returned for a path with too many symlinks.
var ErrLoop = errors.New("too many levels of symbolic links")

// Stat resolves an absolute path as the kernel would inside the image:
// every symlink (absolute ones from the image's root) and hard link
// followed. The error wraps fs.ErrNotExist when a component is missing.
func (fsys *FS) Stat(p string) (*File, error) {
	n, resolved, err := fsys.resolve(p, true)
	if err != nil {
		return nil, err
	}
	return &File{Path: "/" + resolved, Mode: n.mode, Size: n.size, n: n}, nil
}

func (fsys *FS) resolve(p string, followLast bool) (*node, string, error) {
	hops := 0
	return fsys.walkPath(entryName(p), followLast, &hops)
}

func (fsys *FS) walkPath(p string, followLast bool, hops *int) (*node, string, error) {
	cur, curPath := fsys.root, ""
	if p == "" {
		return cur, "", nil
	}
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if cur.typ != tar.TypeDir {
			return nil, "", fmt.Errorf("/%s: not a directory", curPath)
		}
		next := cur.children[part]
		if next == nil {
			return nil, "", fmt.Errorf("/%s: %w", path.Join(curPath, part), fs.ErrNotExist)
		}
		nextPath := path.Join(curPath, part)
		last := i == len(parts)-1
		for next.typ == tar.TypeLink {
			if *hops++; *hops > maxLinks {
				return nil, "", ErrLoop
			}
			t, _, err := fsys.walkPath(next.link, false, hops)
			if err != nil {
				return nil, "", err
			}
			next = t
		}
		if next.typ == tar.TypeSymlink && (!last || followLast) {
			if *hops++; *hops > maxLinks {
				return nil, "", ErrLoop
			}
			target := next.link
			if !strings.HasPrefix(target, "/") {
				target = path.Join(curPath, target)
			}
			t, tp, err := fsys.walkPath(entryName(target), true, hops)
			if err != nil {
				return nil, "", err
			}
			next, nextPath = t, tp
		}
		cur, curPath = next, nextPath
	}
	return cur, curPath, nil
}

// Exists reports whether an absolute path resolves to a file or folder.
func (fsys *FS) Exists(p string) bool {
	_, _, err := fsys.resolve(p, true)
	return err == nil
}

// Open returns a captured file's content. Files not captured by Index are
// read now from their layer (one more pass over that layer).
func (fsys *FS) Open(f *File) (io.ReaderAt, error) {
	if f.n.typ != tar.TypeReg {
		return nil, fmt.Errorf("%s is not a regular file", f.Path)
	}
	if f.n.data != nil {
		return f.n.data, nil
	}
	if f.n.size > maxCapture {
		return nil, fmt.Errorf("%s is %d bytes, over the %d bytes fclint inspects", f.Path, f.n.size, maxCapture)
	}
	err := fsys.im.walkLayer(f.n.layer, func(name string, h *tar.Header, r io.Reader) error {
		if f.n.data != nil || h.Typeflag != tar.TypeReg {
			return nil
		}
		if n, _, err := fsys.resolve("/"+name, true); err == nil && n == f.n {
			data, err := fsys.capture(r)
			f.n.data = data
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if f.n.data == nil {
		return nil, fmt.Errorf("%s: not found in layer %d", f.Path, f.n.layer+1)
	}
	return f.n.data, nil
}

// Head reads up to n bytes from the start of a file.
func (fsys *FS) Head(f *File, n int) ([]byte, error) {
	ra, err := fsys.Open(f)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, min(int64(n), f.Size))
	k, err := ra.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:k], nil
}

// HasName reports whether a file or link with this base name is anywhere
// in the image (a library the loader may find through ld.so.conf).
func (fsys *FS) HasName(base string) bool {
	var walk func(n *node, depth int) bool
	walk = func(n *node, depth int) bool {
		if depth > 64 {
			return false
		}
		if _, ok := n.children[base]; ok {
			return true
		}
		for _, c := range n.children {
			if c.typ == tar.TypeDir && walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(fsys.root, 0)
}
