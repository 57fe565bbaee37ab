// Package archive is a read-only view of a function package: a ZIP file (also
// .jar/.war) or a directory that will become one. Both give the same entries
// (name, Unix mode, symlink target, sizes) and capped readers, so the package
// checks, `fclint pack` and the probe never care which one they have. Nothing is
// extracted to disk and nothing is inflated unless a reader asks for it.
package archive

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Kind says where a package's entries come from.
type Kind int

const (
	ZIP Kind = iota + 1 // a .zip, .jar or .war file
	Dir                 // a directory that will be zipped (the s.yaml code: folder)
)

// Zip creator host IDs (APPNOTE 4.4.2): only these record a Unix mode.
const (
	creatorUnix  = 3
	creatorMacOS = 19
)

// MaxLinkTarget caps the bytes read for a symlink's target.
const MaxLinkTarget = 4096

// Entry is one file, directory or symlink of a package.
type Entry struct {
	// Name is slash-separated and relative to the package root, as stored; it
	// may be unsafe (see CheckName). Directories end without a slash.
	Name string
	// Mode holds the type (dir, symlink) and permission bits. Without a Unix
	// mode (UnixMode false) it is what archive/zip infers from MS-DOS attributes.
	Mode fs.FileMode
	// UnixMode is true when the entry records a Unix mode: a ZIP made by a Unix
	// tool with mode bits in its external attributes, or a file on disk.
	UnixMode bool
	// Size and CompressedSize are as declared in the central directory (ZIP),
	// untrusted; for a directory both are the file size.
	Size, CompressedSize uint64

	zf   *zip.File  // ZIP entries
	pkg  *Package   // ZIP entries: the archive, for random access to stored entries
	disk *diskEntry // directory entries
}

// diskEntry is what a directory package's entry knows about its file.
type diskEntry struct {
	path string // the path on disk
	link string // a symlink's target, read while walking
}

// IsDir reports whether the entry is a directory.
func (e *Entry) IsDir() bool { return e.Mode.IsDir() }

// IsSymlink reports whether the entry is a symbolic link.
func (e *Entry) IsSymlink() bool { return e.Mode&fs.ModeSymlink != 0 }

// Executable reports whether any exec bit is set in a recorded Unix mode.
func (e *Entry) Executable() bool { return e.UnixMode && e.Mode&0o111 != 0 }

// ZipFile returns the underlying ZIP entry, or nil for a directory package.
func (e *Entry) ZipFile() *zip.File { return e.zf }

// DiskPath returns the file's path on disk, or "" for a ZIP entry.
func (e *Entry) DiskPath() string {
	if e.disk == nil {
		return ""
	}
	return e.disk.path
}

// Open returns the entry's content (for a ZIP symlink: its target text). A
// directory package's symlink is not followed: Open fails for it.
func (e *Entry) Open() (io.ReadCloser, error) {
	if e.IsDir() {
		return nil, fmt.Errorf("%s is a directory", e.Name)
	}
	if e.zf != nil {
		return e.zf.Open()
	}
	if e.IsSymlink() {
		return nil, fmt.Errorf("%s is a symlink", e.Name)
	}
	return OpenRegular(e.disk.path)
}

// Head returns at most n bytes from the start of the entry: all a script
// check or a magic-number sniff needs. A short entry is not an error.
func (e *Entry) Head(n int) ([]byte, error) {
	rc, err := e.Open()
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

// LinkTarget returns a symlink's target ("" for other entries), read with a cap.
func (e *Entry) LinkTarget() (string, error) {
	if !e.IsSymlink() {
		return "", nil
	}
	if e.zf == nil {
		return e.disk.link, nil
	}
	b, err := e.Head(MaxLinkTarget + 1)
	if err != nil {
		return "", err
	}
	if len(b) > MaxLinkTarget {
		return "", errors.New("symlink target longer than 4 KiB")
	}
	return string(b), nil
}

// ReaderAt gives random access to the entry: the file itself on disk, a
// section of the ZIP for stored entries, else a stream that inflates only up
// to the furthest offset read (see StreamReaderAt).
func (e *Entry) ReaderAt() (ReaderAtCloser, error) {
	if e.zf == nil {
		if e.IsSymlink() || e.IsDir() {
			return nil, fmt.Errorf("%s is not a regular file", e.Name)
		}
		return OpenRegular(e.disk.path)
	}
	if e.zf.Method == zip.Store {
		if off, err := e.zf.DataOffset(); err == nil && e.pkg != nil && e.pkg.src != nil {
			return nopCloser{io.NewSectionReader(e.pkg.src, off, int64(e.zf.CompressedSize64))}, nil
		}
	}
	return NewStreamReaderAt(e.zf.Open), nil
}

// ReaderAtCloser is an io.ReaderAt that must be closed.
type ReaderAtCloser interface {
	io.ReaderAt
	io.Closer
}

type nopCloser struct{ io.ReaderAt }

func (nopCloser) Close() error { return nil }

// Package is an opened ZIP or directory.
type Package struct {
	Path    string // as given to Open
	Kind    Kind
	Entries []*Entry // ZIP: central directory order; Dir: walk order (sorted)
	// Size is the ZIP file's size, or the total size of a directory's files.
	Size int64
	// Comment is the ZIP comment.
	Comment string

	src    io.ReaderAt       // the ZIP's bytes
	byName map[string]*Entry // first entry per cleaned name
	dups   []string
	closer io.Closer
}

// FormatError means the input is not a readable ZIP: not a ZIP at all,
// truncated, or corrupt (FC211). Other errors from Open mean the path could
// not be read at all.
type FormatError struct {
	Path string
	Err  error
}

func (e *FormatError) Error() string { return fmt.Sprintf("%s: not a valid ZIP: %v", e.Path, e.Err) }
func (e *FormatError) Unwrap() error { return e.Err }

// OpenZip opens a ZIP file and reads its central directory.
func OpenZip(p string) (*Package, error) {
	f, err := OpenRegular(p)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s is not a regular file", p)
	}
	pkg, err := NewZip(p, f, fi.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	pkg.closer = f
	return pkg, nil
}

// NewZip reads a ZIP from r; p only names it in errors and Package.Path.
func NewZip(p string, r io.ReaderAt, size int64) (*Package, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		return nil, &FormatError{Path: p, Err: err}
	}
	pkg := &Package{Path: p, Kind: ZIP, Size: size, Comment: zr.Comment, Entries: make([]*Entry, len(zr.File)), src: r}
	// One backing array instead of one allocation per entry: 100,000-entry
	// packages are routine for node_modules-heavy functions.
	backing := make([]Entry, len(zr.File))
	for i, zf := range zr.File {
		e := &backing[i]
		*e = zipEntry(zf)
		e.pkg = pkg
		pkg.Entries[i] = e
	}
	pkg.index()
	return pkg, nil
}

func zipEntry(zf *zip.File) Entry {
	name := strings.TrimSuffix(zf.Name, "/")
	e := Entry{Name: name, Size: zf.UncompressedSize64, CompressedSize: zf.CompressedSize64, zf: zf}
	unixBits := zf.ExternalAttrs >> 16
	creator := zf.CreatorVersion >> 8
	e.UnixMode = (creator == creatorUnix || creator == creatorMacOS) && unixBits != 0
	e.Mode = zf.Mode()
	if strings.HasSuffix(zf.Name, "/") {
		e.Mode |= fs.ModeDir
	}
	return e
}

// index builds the name lookup and records duplicates. Of several entries
// with one name, the last wins: unzip writes them in order, each over the
// one before, so the last copy is what FC runs.
func (p *Package) index() {
	p.byName = make(map[string]*Entry, len(p.Entries))
	for _, e := range p.Entries {
		key := cleanName(e.Name)
		if prev, ok := p.byName[key]; ok {
			// A directory listed once explicitly and implied again is no conflict.
			if prev.IsDir() && e.IsDir() {
				continue
			}
			p.dups = append(p.dups, e.Name)
		}
		p.byName[key] = e
	}
}

// cleanName maps "./a//b" to "a/b"; names that climb out keep their "..".
func cleanName(name string) string {
	if isClean(name) {
		return name // the common case, without allocating
	}
	c := path.Clean("/" + strings.TrimPrefix(name, "./"))
	if strings.Contains(name, "..") {
		c = path.Clean(name)
	}
	return strings.TrimPrefix(c, "/")
}

// Lookup returns the entry with the given slash-separated name ("./x", "/code/x"
// are not special here: pass names relative to the package root), or nil.
func (p *Package) Lookup(name string) *Entry { return p.byName[cleanName(name)] }

// Duplicates lists names that appear more than once (each copy after the first).
func (p *Package) Duplicates() []string { return p.dups }

// maxLinkHops is how many symlinks Linux follows in one path lookup
// (MAXSYMLINKS) before it fails with ELOOP.
const maxLinkHops = 40

// Resolve follows symlinks inside the package (at most maxLinkHops, like
// Linux) and returns the entry a name finally refers to, or nil when the
// chain leaves the package, loops or ends at nothing.
func (p *Package) Resolve(name string) *Entry {
	e := p.Lookup(name)
	for hops := 0; e != nil && e.IsSymlink(); hops++ {
		if hops == maxLinkHops {
			return nil
		}
		target, err := e.LinkTarget()
		if err != nil {
			return nil
		}
		next, ok := ResolveLink(e.Name, target)
		if !ok {
			return nil
		}
		e = p.Lookup(next)
	}
	return e
}

// ResolveLink returns the package-relative name a symlink at name with the
// given target points to, and false when it escapes the package root (/code).
// Absolute targets under /code count as inside.
func ResolveLink(name, target string) (string, bool) {
	if strings.HasPrefix(target, "/") {
		target = path.Clean(target) // /code/../etc is /etc
		if target == "/code" || strings.HasPrefix(target, "/code/") {
			return strings.TrimPrefix(path.Clean(target[len("/code"):]+"/"), "/"), true
		}
		return "", false
	}
	joined := path.Join(path.Dir(name), target)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", false
	}
	if joined == "." {
		joined = ""
	}
	return joined, true
}

// TopLevel returns the single top-level folder that holds every entry, or ""
// when entries sit at the root or under several folders. macOS metadata
// (__MACOSX/, .DS_Store), which Finder's Compress adds beside the folder, does
// not count.
func (p *Package) TopLevel() string {
	top := ""
	for _, e := range p.Entries {
		name := cleanName(e.Name)
		first, _, nested := strings.Cut(name, "/")
		if first == "__MACOSX" || first == ".DS_Store" {
			continue
		}
		if !nested && !e.IsDir() {
			return ""
		}
		if top == "" {
			top = first
		} else if first != top {
			return ""
		}
	}
	return top
}

// Close releases the ZIP file.
func (p *Package) Close() error {
	if p.closer != nil {
		return p.closer.Close()
	}
	return nil
}

// isClean reports whether cleanName would return name unchanged.
func isClean(name string) bool {
	if name == "" || name[0] == '/' || name[len(name)-1] == '/' {
		return false
	}
	segStart := 0
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		seg := name[segStart:i]
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
		segStart = i + 1
	}
	return true
}

// OpenRegular opens a file only when it is a regular file: opening a FIFO
// (or some devices) blocks until a writer comes, which may be never.
// ReadRegular reads a file that must be a regular file (a FIFO would block).
func ReadRegular(p string) ([]byte, error) {
	f, err := OpenRegular(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func OpenRegular(p string) (*os.File, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &os.PathError{Op: "open", Path: p, Err: errors.New("not a regular file")}
	}
	return os.Open(p)
}
