package archive

import (
	"errors"
	"io"
)

// Stream limits: a compressed entry has no random access, so reads are served
// from 64 KiB blocks inflated in order. Requested blocks are kept (up to
// maxCachedBlocks) so that a parser going back to a header it already read
// costs nothing; a read before the stream position that misses the cache
// reopens the entry. maxInflate bounds the total work for hostile layouts.
const (
	blockSize       = 64 << 10
	maxCachedBlocks = 128 // 8 MiB
	recentBlocks    = 4   // the last blocks streamed past, kept for short backward reads
	maxInflate      = 1 << 30
)

// ErrInflateBudget is returned when serving reads would inflate more than 1 GiB.
var ErrInflateBudget = errors.New("archive: entry needs too much inflating to inspect")

// StreamReaderAt turns a reopenable stream into an io.ReaderAt that inflates
// only up to the furthest offset read.
type StreamReaderAt struct {
	open     func() (io.ReadCloser, error)
	rc       io.ReadCloser
	pos      int64 // bytes consumed from rc
	eof      int64 // stream length once known, else -1
	cache    map[int64][]byte
	order    []int64 // cached block indexes, oldest first
	recent   map[int64][]byte
	inflated int64
}

// NewStreamReaderAt returns a ReaderAt over the stream that open returns.
func NewStreamReaderAt(open func() (io.ReadCloser, error)) *StreamReaderAt {
	return &StreamReaderAt{open: open, eof: -1, cache: map[int64][]byte{}, recent: map[int64][]byte{}}
}

// ReadAt implements io.ReaderAt.
func (s *StreamReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("archive: negative offset")
	}
	n := 0
	for n < len(p) {
		at := off + int64(n)
		blk, err := s.block(at / blockSize)
		if err != nil {
			return n, err
		}
		i := int(at % blockSize)
		if i >= len(blk) {
			return n, io.EOF
		}
		c := copy(p[n:], blk[i:])
		n += c
		if len(blk) < blockSize && i+c >= len(blk) && n < len(p) {
			return n, io.EOF
		}
	}
	return n, nil
}

func (s *StreamReaderAt) block(idx int64) ([]byte, error) {
	if b, ok := s.cache[idx]; ok {
		return b, nil
	}
	if b, ok := s.recent[idx]; ok {
		s.keep(idx, b)
		return b, nil
	}
	start := idx * blockSize
	if s.eof >= 0 && start >= s.eof {
		return nil, nil
	}
	if s.rc == nil || start < s.pos {
		if err := s.reopen(); err != nil {
			return nil, err
		}
	}
	for {
		b, err := s.next()
		if err != nil {
			return nil, err
		}
		got := (s.pos - int64(len(b))) / blockSize
		if got == idx {
			s.keep(idx, b)
			return b, nil
		}
		if len(b) < blockSize { // the stream ended before idx
			return nil, nil
		}
	}
}

// next reads the next block from the stream into the recent ring.
func (s *StreamReaderAt) next() ([]byte, error) {
	if s.inflated > maxInflate {
		return nil, ErrInflateBudget
	}
	idx := s.pos / blockSize
	b := make([]byte, blockSize)
	m, err := io.ReadFull(s.rc, b)
	b = b[:m]
	s.pos += int64(m)
	s.inflated += int64(m)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		s.eof = s.pos
		err = nil
	}
	if err != nil {
		return nil, err
	}
	delete(s.recent, idx-recentBlocks)
	s.recent[idx] = b
	return b, nil
}

func (s *StreamReaderAt) keep(idx int64, b []byte) {
	if _, ok := s.cache[idx]; ok {
		return
	}
	if len(s.order) == maxCachedBlocks {
		delete(s.cache, s.order[0])
		s.order = s.order[1:]
	}
	s.cache[idx] = b
	s.order = append(s.order, idx)
}

func (s *StreamReaderAt) reopen() error {
	if s.rc != nil {
		s.rc.Close()
	}
	rc, err := s.open()
	if err != nil {
		s.rc = nil
		return err
	}
	s.rc, s.pos = rc, 0
	clear(s.recent)
	return nil
}

// Close releases the stream.
func (s *StreamReaderAt) Close() error {
	if s.rc != nil {
		return s.rc.Close()
	}
	return nil
}
