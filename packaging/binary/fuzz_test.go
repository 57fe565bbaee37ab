package binary

import (
	"bytes"
	"debug/elf"
	"os"
	"slices"
	"testing"
)

// countingReader records how many bytes Inspect asked for.
type countingReader struct {
	r    *bytes.Reader
	read int64
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	c.read += int64(len(p))
	return c.r.ReadAt(p, off)
}

// FuzzInspect inspects arbitrary bytes as an executable. Properties: Inspect
// reads at most maxRead bytes however hostile the headers; its format is
// Sniff's; for an ELF that debug/elf parses, class, machine and dynamic
// linking agree with debug/elf; Above returns only needed versions above the
// limit, highest first.
func FuzzInspect(f *testing.F) {
	f.Add(craftELF(48, []string{"GLIBC_2.2.5", "GLIBC_2.34"}), uint8(2), uint8(28))
	f.Add(craftELF(48, []string{"GLIBC_2.2.5", "GLIBC_2.34", "GLIBC_2.17"}), uint8(0), uint8(0))
	f.Add(craftELF(4<<30, []string{"GLIBC_2.34"}), uint8(2), uint8(17))
	f.Add([]byte("\xcf\xfa\xed\xfe\x07\x00\x00\x01"), uint8(2), uint8(28))
	f.Add([]byte("MZ"), uint8(0), uint8(0))
	f.Add([]byte("\x7fELF\x01\x01\x01"), uint8(2), uint8(28))
	// A real dynamically linked executable of the host, with real version needs.
	if b, err := os.ReadFile("/bin/true"); err == nil && len(b) < 1<<20 {
		f.Add(b, uint8(2), uint8(28))
	}
	f.Fuzz(func(t *testing.T, data []byte, major, minor uint8) {
		cr := &countingReader{r: bytes.NewReader(data)}
		info, err := Inspect(cr)
		if cr.read > maxRead {
			t.Fatalf("Inspect read %d bytes, over its %d budget", cr.read, maxRead)
		}
		if info == nil {
			if len(data) > 0 {
				t.Fatalf("no Info for %d bytes (err %v)", len(data), err)
			}
			return
		}
		if want := Sniff(data[:min(len(data), HeadSize)]); info.Format != want {
			t.Fatalf("format %v, Sniff says %v", info.Format, want)
		}
		if ef := parseELF(data); info.Format == ELF && ef != nil {
			wantClass := map[elf.Class]int{elf.ELFCLASS32: 32, elf.ELFCLASS64: 64}[ef.Class]
			wantDynamic := slices.ContainsFunc(ef.Progs, func(p *elf.Prog) bool { return p.Type == elf.PT_INTERP })
			if info.Class != wantClass || info.AMD64 != (ef.Machine == elf.EM_X86_64) || info.Dynamic != wantDynamic {
				t.Fatalf("class %d, amd64 %v, dynamic %v; debug/elf says %v, %v, interpreter %v", info.Class, info.AMD64, info.Dynamic, ef.Class, ef.Machine, wantDynamic)
			}
		}
		limit := Version{int(major % 4), int(minor % 40), 0}
		above := info.Above(limit)
		for i, v := range above {
			if !limit.Less(v) {
				t.Fatalf("Above(%v) returned %v", limit, v)
			}
			if i > 0 && above[i-1].Less(v) {
				t.Fatalf("Above(%v) is not highest first: %v", limit, above)
			}
			if !slices.ContainsFunc(info.GLIBC, func(s string) bool { w, ok := ParseGLIBC(s); return ok && w == v }) {
				t.Fatalf("Above returned %v, which the file does not need (%v)", v, info.GLIBC)
			}
		}
	})
}

// parseELF is debug/elf's reading, or nil when it rejects (or panics on) the input.
func parseELF(data []byte) (f *elf.File) {
	defer func() {
		if recover() != nil {
			f = nil
		}
	}()
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return f
}
