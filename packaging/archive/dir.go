package archive

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fclint/fclint/packaging/fcignore"
)

// DirOptions tune OpenDir.
type DirOptions struct {
	// Exclude is a file to leave out (fclint pack's own output inside DIR).
	Exclude string
	// NoIgnore disables .fcignore handling.
	NoIgnore bool
}

// OpenDir lists a directory as the package Serverless Devs would zip from it:
// .fcignore files are honored, symlinks are recorded (not followed), modes
// come from the file system. Only regular files, directories and symlinks are
// entries; sockets, devices and pipes cannot be zipped and are skipped.
func OpenDir(root string, opts DirOptions) (*Package, error) {
	fi, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: root, Err: errNotDir}
	}
	var exclude os.FileInfo
	if opts.Exclude != "" {
		exclude, _ = os.Lstat(opts.Exclude)
	}
	pkg := &Package{Path: root, Kind: Dir}
	var stack fcignore.Stack
	var walk func(disk, rel string) error
	walk = func(disk, rel string) error {
		if !opts.NoIgnore {
			if m, err := readIgnore(filepath.Join(disk, fcignore.FileName)); err != nil {
				return err
			} else if m != nil {
				stack.Push(rel, m)
			}
		}
		des, err := os.ReadDir(disk) // sorted by name
		if err != nil {
			return err
		}
		for _, de := range des {
			name := de.Name()
			childRel := name
			if rel != "" {
				childRel = rel + "/" + name
			}
			childDisk := filepath.Join(disk, name)
			info, err := de.Info()
			if err != nil {
				return err
			}
			if exclude != nil && os.SameFile(exclude, info) {
				continue
			}
			mode := info.Mode()
			if mode&(fs.ModeDevice|fs.ModeNamedPipe|fs.ModeSocket|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
				continue
			}
			stack.PopTo(childRel)
			if stack.Ignored(childRel, mode.IsDir()) {
				continue
			}
			e := &Entry{Name: childRel, Mode: mode, UnixMode: true, disk: &diskEntry{path: childDisk}}
			if mode.IsRegular() {
				e.Size, e.CompressedSize = uint64(info.Size()), uint64(info.Size())
				pkg.Size += info.Size()
			}
			if mode&fs.ModeSymlink != 0 {
				if e.disk.link, err = os.Readlink(childDisk); err != nil {
					return err
				}
			}
			pkg.Entries = append(pkg.Entries, e)
			if mode.IsDir() {
				if err := walk(childDisk, childRel); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(root, ""); err != nil {
		return nil, err
	}
	pkg.index()
	return pkg, nil
}

type dirError string

func (e dirError) Error() string { return string(e) }

const errNotDir = dirError("not a directory")

func readIgnore(p string) (*fcignore.Matcher, error) {
	f, err := OpenRegular(p)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, fcignore.MaxFileSize))
	if err != nil {
		return nil, err
	}
	return fcignore.Parse(data), nil
}
