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

// maxMembers bounds the outer archive's member table: a docker save or OCI
// archive holds a few files per layer, so a million is hostile.
const maxMembers = 1 << 16

// store is where an image's files (manifest.json, index.json, blobs, layer
// tars) live: the members of an archive, or the files of an OCI layout
// folder. Open never reads more than the member itself.
type store interface {
	open(name string) (*io.SectionReader, error)
	has(name string) bool
	Close() error
}

// tarStore indexes an uncompressed tar once (headers only: archive/tar
// seeks over the data of an *os.File) and then reads members by offset.
type tarStore struct {
	f       *os.File
	members map[string]member
}

type member struct{ off, size int64 }

// ErrNotImage says the file is no image archive at all.
var ErrNotImage = errors.New("not a docker save or OCI image archive")

func openTar(p string) (*tarStore, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	s := &tarStore{f: f, members: map[string]member{}}
	if err := s.index(); err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

func (s *tarStore) index() error {
	tr := tar.NewReader(s.f)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if len(s.members) == 0 {
				return fmt.Errorf("%w: %v", ErrNotImage, err)
			}
			return fmt.Errorf("corrupt archive: %v", err)
		}
		if h.Typeflag != tar.TypeReg { // archive/tar reads the old TypeRegA as TypeReg
			continue
		}
		if len(s.members) >= maxMembers {
			return fmt.Errorf("corrupt archive: more than %d files", maxMembers)
		}
		off, err := s.f.Seek(0, io.SeekCurrent)
		if err != nil {
			return err
		}
		s.members[cleanMember(h.Name)] = member{off: off, size: h.Size}
	}
}

// cleanMember normalizes "./blobs/sha256/x" and "blobs//x" to "blobs/sha256/x".
func cleanMember(name string) string {
	return strings.TrimPrefix(path.Clean("/"+name), "/")
}

func (s *tarStore) has(name string) bool { _, ok := s.members[cleanMember(name)]; return ok }

func (s *tarStore) open(name string) (*io.SectionReader, error) {
	m, ok := s.members[cleanMember(name)]
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	return io.NewSectionReader(s.f, m.off, m.size), nil
}

func (s *tarStore) Close() error { return s.f.Close() }

// dirStore is an OCI image-layout folder; os.Root keeps every read inside it.
type dirStore struct {
	root  *os.Root
	files []*os.File
}

func openDir(p string) (*dirStore, error) {
	r, err := os.OpenRoot(p)
	if err != nil {
		return nil, err
	}
	return &dirStore{root: r}, nil
}

func (s *dirStore) has(name string) bool {
	fi, err := s.root.Stat(cleanMember(name))
	return err == nil && fi.Mode().IsRegular()
}

func (s *dirStore) open(name string) (*io.SectionReader, error) {
	f, err := s.root.Open(cleanMember(name))
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	s.files = append(s.files, f)
	return io.NewSectionReader(f, 0, fi.Size()), nil
}

func (s *dirStore) Close() error {
	for _, f := range s.files {
		f.Close()
	}
	return s.root.Close()
}
