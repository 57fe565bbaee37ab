package binary

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"slices"
	"strings"
	"testing"
)

// craftGoELF is a minimal Linux x86-64 ELF holding a Go build info section
// (.go.buildinfo, in the inline-strings format of Go 1.18+) with goVersion
// and the module lines of modinfo ("path\t...\nmod\t...\ndep\t...\n").
func craftGoELF(goVersion, modinfo string) []byte {
	le := binary.LittleEndian
	const vaddr = 0x10000
	var data bytes.Buffer
	data.WriteString("\xff Go buildinf:")
	data.WriteByte(8)   // pointer size
	data.WriteByte(0x2) // little-endian, strings inline
	data.Write(make([]byte, 32-data.Len()))
	put := func(s string) {
		data.Write(binary.AppendUvarint(nil, uint64(len(s))))
		data.WriteString(s)
	}
	put(goVersion)
	sentinel := "0123456789abcdef"
	put(sentinel + modinfo + sentinel)
	shstr := []byte("\x00.go.buildinfo\x00.shstrtab\x00")
	const ehsize, phsize, shsize = 64, 56, 64
	dataOff := uint64(ehsize + phsize)
	shstrOff := dataOff + uint64(data.Len())
	shOff := (shstrOff + uint64(len(shstr)) + 7) &^ 7
	buf := make([]byte, shOff+3*shsize)
	copy(buf, elf.ELFMAG)
	buf[4], buf[5], buf[6] = byte(elf.ELFCLASS64), byte(elf.ELFDATA2LSB), 1
	le.PutUint16(buf[16:], uint16(elf.ET_EXEC))
	le.PutUint16(buf[18:], uint16(elf.EM_X86_64))
	le.PutUint32(buf[20:], 1)
	le.PutUint64(buf[32:], ehsize) // phoff
	le.PutUint64(buf[40:], shOff)
	le.PutUint16(buf[52:], ehsize)
	le.PutUint16(buf[54:], phsize)
	le.PutUint16(buf[56:], 1)
	le.PutUint16(buf[58:], shsize)
	le.PutUint16(buf[60:], 3)
	le.PutUint16(buf[62:], 2) // shstrndx
	ph := buf[ehsize:]
	le.PutUint32(ph[0:], uint32(elf.PT_LOAD))
	le.PutUint32(ph[4:], uint32(elf.PF_R|elf.PF_W))
	le.PutUint64(ph[8:], dataOff)
	le.PutUint64(ph[16:], vaddr)
	le.PutUint64(ph[24:], vaddr)
	le.PutUint64(ph[32:], uint64(data.Len()))
	le.PutUint64(ph[40:], uint64(data.Len()))
	le.PutUint64(ph[48:], 0x1000)
	copy(buf[dataOff:], data.Bytes())
	copy(buf[shstrOff:], shstr)
	sh := buf[shOff+shsize:] // [0] is the null section
	le.PutUint32(sh[0:], 1)  // name: .go.buildinfo
	le.PutUint32(sh[4:], uint32(elf.SHT_PROGBITS))
	le.PutUint64(sh[8:], uint64(elf.SHF_ALLOC|elf.SHF_WRITE))
	le.PutUint64(sh[16:], vaddr)
	le.PutUint64(sh[24:], dataOff)
	le.PutUint64(sh[32:], uint64(data.Len()))
	le.PutUint64(sh[48:], 16)
	sh = buf[shOff+2*shsize:]
	le.PutUint32(sh[0:], 15) // name: .shstrtab
	le.PutUint32(sh[4:], uint32(elf.SHT_STRTAB))
	le.PutUint64(sh[24:], shstrOff)
	le.PutUint64(sh[32:], uint64(len(shstr)))
	le.PutUint64(sh[48:], 1)
	return buf
}

const ginModinfo = "path\texample.com/web\nmod\texample.com/web\t(devel)\t\n" +
	"dep\tgithub.com/gin-gonic/gin\tv1.10.0\th1:abc=\n" +
	"dep\tgithub.com/labstack/echo/v4\tv4.12.0\t\n=>\t./echo\t\t\n" +
	"build\tGOOS=linux\nbuild\tGOARCH=amd64\nbuild\tCGO_ENABLED=0\n"

func TestGoModules(t *testing.T) {
	b := craftGoELF("go1.22.5", ginModinfo)
	want := []string{"example.com/web", "github.com/gin-gonic/gin", "github.com/labstack/echo/v4"}
	if got := GoModules(bytes.NewReader(b)); !slices.Equal(got, want) {
		t.Errorf("GoModules = %q, want %q", got, want)
	}
	info, err := Inspect(bytes.NewReader(b))
	if err != nil || info.Go == nil {
		t.Fatalf("Inspect: %+v, %v", info, err)
	}
	if info.Go.GoVersion != "go1.22.5" || info.Go.GOOS != "linux" || info.Go.CGO != "0" {
		t.Errorf("GoBuild = %+v", info.Go)
	}
	wantMods := []Module{{"example.com/web", "(devel)"}, {"github.com/gin-gonic/gin", "v1.10.0"}, {"github.com/labstack/echo/v4", "v4.12.0"}}
	if !slices.Equal(info.Go.Modules, wantMods) {
		t.Errorf("Modules = %+v, want %+v (a replaced module keeps its own path and version)", info.Go.Modules, wantMods)
	}
	if got := GoModules(bytes.NewReader(craftELF(48, nil))); got != nil {
		t.Errorf("a C program has Go modules: %q", got)
	}
}

// FuzzGoModules reads arbitrary bytes, and mutated build info sections, as
// a Go binary's module list. Properties: no panic; at most maxRead bytes
// read; GoModules and Inspect agree on the modules.
func FuzzGoModules(f *testing.F) {
	f.Add(craftGoELF("go1.22.5", ginModinfo), "")
	f.Add(craftGoELF("go1.26.0", "path\tx\nmod\tx\t(devel)\t\n"), "dep\tgoogle.golang.org/grpc\tv1.85.0\t\n")
	f.Add([]byte("\x7fELF\x02\x01\x01"), "dep\t\t\t\n=>\n")
	f.Add(craftELF(48, []string{"GLIBC_2.34"}), "")
	f.Fuzz(func(t *testing.T, data []byte, modinfo string) {
		for _, b := range [][]byte{data, craftGoELF("go1.22", modinfo)} {
			cr := &countingReader{r: bytes.NewReader(b)}
			mods := GoModules(cr)
			if cr.read > maxRead {
				t.Fatalf("GoModules read %d bytes, over its %d budget", cr.read, maxRead)
			}
			info, _ := Inspect(bytes.NewReader(b))
			var fromInfo []string
			if info != nil && info.Go != nil {
				for _, m := range info.Go.Modules {
					fromInfo = append(fromInfo, m.Path)
				}
			}
			if !slices.Equal(mods, fromInfo) {
				t.Fatalf("GoModules %q, Inspect %q", mods, fromInfo)
			}
			for _, m := range mods {
				if strings.ContainsAny(m, "\n") {
					t.Fatalf("module path %q spans lines", m)
				}
			}
		}
	})
}
