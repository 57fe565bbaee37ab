package binary

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/fclint/fclint/packaging/internal/testbin"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testbin.Cleanup()
	os.Exit(code)
}

func inspectFile(t *testing.T, target string) *Info {
	t.Helper()
	f, err := os.Open(testbin.Path(t, target))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := Inspect(f)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	return info
}

func TestInspectRealBinaries(t *testing.T) {
	cases := []struct {
		target  string
		format  Format
		amd64   bool
		class   int
		dynamic bool
		goos    string
	}{
		{"linux-amd64", ELF, true, 64, false, "linux"},
		{"linux-arm64", ELF, false, 64, false, "linux"},
		{"linux-386", ELF, false, 32, false, "linux"},
		{"darwin-amd64", MachO, false, 0, false, "darwin"},
		{"windows-amd64", PE, false, 0, false, "windows"},
		{"linux-amd64-cgo", ELF, true, 64, true, "linux"},
	}
	for _, c := range cases {
		t.Run(c.target, func(t *testing.T) {
			info := inspectFile(t, c.target)
			if info.Format != c.format || info.AMD64 != c.amd64 || info.Class != c.class || info.Dynamic != c.dynamic {
				t.Errorf("%+v", info)
			}
			if info.Go == nil || info.Go.GOOS != c.goos {
				t.Errorf("Go build info %+v", info.Go)
			}
		})
	}
}

// The cgo binary links against this machine's glibc (2.36 here) and needs
// GLIBC_2.34 (__libc_start_main moved there); a static one needs nothing.
func TestGLIBCNeeds(t *testing.T) {
	info := inspectFile(t, "linux-amd64-cgo")
	joined := strings.Join(info.GLIBC, " ")
	if !strings.Contains(joined, "GLIBC_2.34") || info.Go.CGO != "1" {
		t.Fatalf("GLIBC %v, cgo %q", info.GLIBC, info.Go.CGO)
	}
	above := info.Above(Version{2, 28, 0})
	if len(above) == 0 || above[0] != (Version{2, 34, 0}) {
		t.Errorf("Above(2.28) = %v", above)
	}
	if got := info.Above(Version{2, 36, 0}); len(got) != 0 {
		t.Errorf("Above(2.36) = %v", got)
	}
	if s := inspectFile(t, "linux-amd64"); len(s.GLIBC) != 0 || s.Dynamic {
		t.Errorf("static: %+v", s)
	}
}

func TestParseGLIBC(t *testing.T) {
	for in, want := range map[string]string{"GLIBC_2.2.5": "2.2.5", "2.34": "2.34", "GLIBC_2.3.2": "2.3.2"} {
		v, ok := ParseGLIBC(in)
		if !ok || v.String() != want {
			t.Errorf("%s: %v %v", in, v, ok)
		}
	}
	for _, in := range []string{"GLIBC_PRIVATE", "2", "a.b", "1.2.3.4"} {
		if _, ok := ParseGLIBC(in); ok {
			t.Errorf("%s parsed", in)
		}
	}
}

func TestSniff(t *testing.T) {
	cases := map[string]Format{"\x7fELF\x02": ELF, "\xcf\xfa\xed\xfe": MachO, "\xfe\xed\xfa\xce": MachO, "\xca\xfe\xba\xbe": MachOFat, "MZ\x90\x00": PE, "#!/bin/sh": Unknown, "": Unknown}
	for in, want := range cases {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
}

// craftELF builds a tiny dynamic ELF64 x86-64 whose .gnu.version_r claims
// size bytes; sections: null, .dynstr, .gnu.version_r, .shstrtab.
func craftELF(verneedSize uint64, needs []string) []byte {
	le := binary.LittleEndian
	dynstr := []byte("\x00libc.so.6\x00")
	var vern bytes.Buffer
	if len(needs) > 0 {
		// Verneed: version 1, count, file (offset of libc.so.6 = 1), aux offset 16, next 0.
		b := make([]byte, 16)
		le.PutUint16(b[0:], 1)
		le.PutUint16(b[2:], uint16(len(needs)))
		le.PutUint32(b[4:], 1)
		le.PutUint32(b[8:], 16)
		vern.Write(b)
		for i, n := range needs {
			off := uint32(len(dynstr))
			dynstr = append(append(dynstr, n...), 0)
			a := make([]byte, 16)
			le.PutUint32(a[0:], 0)           // hash (unused by the reader)
			le.PutUint16(a[6:], uint16(2+i)) // other: version index
			le.PutUint32(a[8:], off)         // name
			if i < len(needs)-1 {
				le.PutUint32(a[12:], 16) // next
			}
			vern.Write(a)
		}
	}
	shstr := []byte("\x00.dynstr\x00.gnu.version_r\x00.shstrtab\x00.interp\x00")
	interp := []byte("/lib64/ld-linux-x86-64.so.2\x00")
	const ehsize, phsize, shsize = 64, 56, 64
	off := uint64(ehsize + phsize)
	interpOff := off
	off += uint64(len(interp))
	dynstrOff := off
	off += uint64(len(dynstr))
	vernOff := off
	off += uint64(vern.Len())
	shstrOff := off
	off += uint64(len(shstr))
	shOff := off
	buf := make([]byte, shOff+5*shsize)
	copy(buf, elf.ELFMAG)
	buf[4], buf[5], buf[6] = byte(elf.ELFCLASS64), byte(elf.ELFDATA2LSB), 1
	le.PutUint16(buf[16:], uint16(elf.ET_DYN))
	le.PutUint16(buf[18:], uint16(elf.EM_X86_64))
	le.PutUint32(buf[20:], 1)
	le.PutUint64(buf[32:], ehsize) // phoff
	le.PutUint64(buf[40:], shOff)
	le.PutUint16(buf[52:], ehsize)
	le.PutUint16(buf[54:], phsize)
	le.PutUint16(buf[56:], 1)
	le.PutUint16(buf[58:], shsize)
	le.PutUint16(buf[60:], 5)
	le.PutUint16(buf[62:], 3) // shstrndx
	ph := buf[ehsize:]
	le.PutUint32(ph[0:], uint32(elf.PT_INTERP))
	le.PutUint64(ph[8:], interpOff)
	le.PutUint64(ph[32:], uint64(len(interp)))
	le.PutUint64(ph[40:], uint64(len(interp)))
	copy(buf[interpOff:], interp)
	copy(buf[dynstrOff:], dynstr)
	copy(buf[vernOff:], vern.Bytes())
	copy(buf[shstrOff:], shstr)
	sh := func(i int, name uint32, typ elf.SectionType, o, size uint64, link uint32, info uint32) {
		s := buf[shOff+uint64(i)*shsize:]
		le.PutUint32(s[0:], name)
		le.PutUint32(s[4:], uint32(typ))
		le.PutUint64(s[24:], o)
		le.PutUint64(s[32:], size)
		le.PutUint32(s[40:], link)
		le.PutUint32(s[44:], info)
	}
	sh(1, 1, elf.SHT_STRTAB, dynstrOff, uint64(len(dynstr)), 0, 0)
	sh(2, 9, elf.SHT_GNU_VERNEED, vernOff, verneedSize, 1, 1)
	sh(3, 25, elf.SHT_STRTAB, shstrOff, uint64(len(shstr)), 0, 0)
	sh(4, 35, elf.SHT_PROGBITS, interpOff, uint64(len(interp)), 0, 0)
	return buf
}

func TestCraftedELF(t *testing.T) {
	good := craftELF(16+32, []string{"GLIBC_2.2.5", "GLIBC_2.34"})
	info, err := Inspect(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if !info.Dynamic || strings.Join(info.GLIBC, ",") != "GLIBC_2.2.5,GLIBC_2.34" {
		t.Fatalf("%+v", info)
	}
	// A section claiming 4 GB is refused before any read or allocation.
	huge := craftELF(4<<30, []string{"GLIBC_2.34"})
	if _, err := Inspect(bytes.NewReader(huge)); err == nil || !strings.Contains(err.Error(), "oversized") {
		t.Fatalf("huge section: err = %v", err)
	}
	allocs := testing.AllocsPerRun(5, func() { Inspect(bytes.NewReader(huge)) })
	if allocs > 200 {
		t.Errorf("%v allocations for a hostile header", allocs)
	}
}
