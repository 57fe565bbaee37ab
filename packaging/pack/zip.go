package pack

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"github.com/klauspost/compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sync/semaphore"

	"github.com/fclint/fclint/packaging/archive"
)

// level is the deflate level: fixed, so that output depends on input only.
// klauspost/compress level 5 is within 1% of zip -6 in size at about half
// its CPU time (the standard library's flate needs twice that).
const level = 5

// inMemoryMax is the largest file compressed by a worker in memory; larger
// files are streamed by the writer (in order, one at a time). A variable so
// that tests can stream small files.
var inMemoryMax int64 = 16 << 20

// inFlightMax bounds the file bytes read but not yet written, so that a few
// slow entries at the head of the order cannot make the workers buffer the
// whole folder.
const inFlightMax = 128 << 20

// trialSize is how much of a file a quick compression tries before the whole
// file is deflated: data that does not shrink by storeRatio there is stored.
const (
	trialSize  = 64 << 10
	storeRatio = 0.97
)

// storedExtensions are formats that are already compressed: deflating them
// again costs time and saves nothing.
var storedExtensions = map[string]bool{
	".zip": true, ".jar": true, ".war": true, ".whl": true, ".apk": true, ".nupkg": true,
	".gz": true, ".tgz": true, ".bz2": true, ".xz": true, ".zst": true, ".lz4": true, ".br": true, ".7z": true, ".rar": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".heic": true, ".ico": false,
	".woff": true, ".woff2": true, ".mp3": true, ".mp4": true, ".m4a": true, ".aac": true, ".ogg": true, ".opus": true,
	".webm": true, ".mov": true, ".avi": true, ".mkv": true, ".flac": true,
}

// packed is one entry ready to be written: header, and for files compressed
// in memory, the bytes that follow it.
type packed struct {
	header *zip.FileHeader
	data   *bytes.Buffer // raw (stored or deflated) bytes; nil for folders and streamed files
	disk   string        // streamed: the file to read
	size   int64         // file bytes, for progress
	exec   bool
	stored bool
	err    error
}

func writeZip(ctx context.Context, w io.Writer, entries []*archive.Entry, workers int, progress func(done, total int64)) (*Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	var total int64
	for _, e := range entries {
		total += int64(e.Size)
	}
	results := make([]chan packed, len(entries))
	for i := range results {
		results[i] = make(chan packed, 1)
	}
	jobs := make(chan int)
	budget := semaphore.NewWeighted(inFlightMax)
	weight := func(e *archive.Entry) int64 { return min(int64(e.Size), inMemoryMax) }

	// The dispatcher hands out entries in order, within the memory budget;
	// the writer below gives the budget back in the same order.
	go func() {
		defer close(jobs)
		for i, e := range entries {
			if err := budget.Acquire(ctx, weight(e)); err != nil {
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newCompressor()
			for i := range jobs {
				results[i] <- c.pack(entries[i])
			}
		}()
	}
	// On an early return, stop the dispatcher first, then wait for the workers.
	defer func() { cancel(); wg.Wait() }()

	cw := &countingWriter{w: w}
	zw := zip.NewWriter(cw)
	// Streamed entries use the same fixed level as the in-memory ones.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, level) })
	c := newCompressor()
	res := &Result{}
	var done int64
	for i, e := range entries {
		var p packed
		select {
		case p = <-results[i]:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if p.err == nil {
			p.err = c.write(zw, p)
		}
		budget.Release(weight(e))
		if bytesBuf := p.data; bytesBuf != nil {
			bufPool.Put(bytesBuf)
		}
		if p.err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name, p.err)
		}
		res.Entries++
		if p.exec {
			res.Executables = append(res.Executables, e.Name)
		}
		if p.stored {
			res.Stored++
		}
		done += p.size
		if progress != nil {
			progress(done, total)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	res.Size = cw.n
	return res, nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// compressor holds one goroutine's reusable deflate state.
type compressor struct {
	full, trial *flate.Writer
	read        []byte
}

func newCompressor() *compressor {
	full, _ := flate.NewWriter(io.Discard, level)
	trial, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return &compressor{full: full, trial: trial}
}

// header is the fixed part of every entry's header: a Unix creator, the
// 1980-01-01 timestamp (the earliest MS-DOS time), no data descriptor.
func header(name string, mode fs.FileMode) *zip.FileHeader {
	// ModifiedDate, not Modified: Modified adds an extended-timestamp field
	// whose value depends on the zone the ZIP is written in.
	//lint:ignore SA1019 the raw MS-DOS date keeps the output byte-for-byte the same everywhere
	h := &zip.FileHeader{Name: name, ReaderVersion: 20, CreatorVersion: 20, ModifiedDate: 1<<5 | 1}
	if !isASCII(name) && utf8.ValidString(name) {
		h.Flags |= 0x800 // the name is UTF-8
	}
	h.SetMode(mode)
	return h
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// pack prepares one entry: folders and symlinks directly, small files read
// and compressed (or stored) in memory, large ones marked to be streamed.
func (c *compressor) pack(e *archive.Entry) packed {
	switch {
	case e.IsDir():
		return packed{header: header(e.Name+"/", fs.ModeDir|0o755)}
	case e.IsSymlink():
		target, err := e.LinkTarget()
		if err != nil {
			return packed{err: err}
		}
		h := header(e.Name, fs.ModeSymlink|0o777)
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		buf.WriteString(target)
		setStored(h, buf.Bytes())
		return packed{header: h, data: buf}
	}
	if int64(e.Size) > inMemoryMax {
		head, err := e.Head(4)
		if err != nil {
			return packed{err: err}
		}
		exec := Executable(e.Name, head)
		return packed{header: header(e.Name, fileMode(exec)), disk: e.DiskPath(), size: int64(e.Size), exec: exec}
	}
	data, err := c.readFile(e.DiskPath())
	if err != nil {
		return packed{err: err}
	}
	exec := Executable(e.Name, data)
	h := header(e.Name, fileMode(exec))
	p := packed{header: h, size: int64(len(data)), exec: exec}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	p.data = buf
	if len(data) == 0 || !c.worthDeflating(e.Name, data) {
		setStored(h, data)
		buf.Write(data)
		p.stored = len(data) > 0
		return p
	}
	c.full.Reset(buf)
	c.full.Write(data)
	c.full.Close()
	if buf.Len() >= len(data) {
		buf.Reset()
		buf.Write(data)
		setStored(h, data)
		p.stored = true
		return p
	}
	h.Method = zip.Deflate
	h.CRC32 = crc32.ChecksumIEEE(data)
	h.UncompressedSize64 = uint64(len(data))
	h.CompressedSize64 = uint64(buf.Len())
	return p
}

func fileMode(exec bool) fs.FileMode {
	if exec {
		return 0o755
	}
	return 0o644
}

func setStored(h *zip.FileHeader, data []byte) {
	h.Method = zip.Store
	h.CRC32 = crc32.ChecksumIEEE(data)
	h.UncompressedSize64 = uint64(len(data))
	h.CompressedSize64 = uint64(len(data))
}

// readFile reads a file into the compressor's reusable buffer.
func (c *compressor) readFile(name string) ([]byte, error) {
	f, err := archive.OpenRegular(name) // a FIFO would block
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c.read = c.read[:0]
	for {
		if len(c.read) == cap(c.read) {
			c.read = append(c.read, 0)[:len(c.read)]
		}
		n, err := f.Read(c.read[len(c.read):cap(c.read)])
		c.read = c.read[:len(c.read)+n]
		if err == io.EOF {
			return c.read, nil
		}
		if err != nil {
			return nil, err
		}
		if int64(len(c.read)) > inMemoryMax {
			return nil, fmt.Errorf("grew past %d bytes while being packed", inMemoryMax)
		}
	}
}

// worthDeflating is false for already-compressed formats and for data whose
// first trialSize bytes do not shrink at the fastest level.
func (c *compressor) worthDeflating(name string, data []byte) bool {
	if storedExtensions[strings.ToLower(path.Ext(name))] {
		return false
	}
	if len(data) < trialSize {
		return true
	}
	var n countingWriter
	n.w = io.Discard
	c.trial.Reset(&n)
	c.trial.Write(data[:trialSize])
	c.trial.Close()
	return float64(n.n) < storeRatio*trialSize
}

// write writes one prepared entry: raw bytes after a complete header, or a
// large file streamed through deflate with a data descriptor.
func (c *compressor) write(zw *zip.Writer, p packed) error {
	if p.disk == "" {
		fw, err := zw.CreateRaw(p.header)
		if err != nil {
			return err
		}
		if p.data != nil {
			_, err = fw.Write(p.data.Bytes())
		}
		return err
	}
	f, err := archive.OpenRegular(p.disk)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, trialSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return err
	}
	method := uint16(zip.Deflate)
	if !c.worthDeflating(p.header.Name, head[:n]) {
		method = zip.Store
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	// CreateHeader computes the CRC and sizes while streaming and writes them
	// in a data descriptor; the header keeps the fixed timestamp.
	h := p.header
	h.Method = method
	fw, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(fw, f)
	return err
}
