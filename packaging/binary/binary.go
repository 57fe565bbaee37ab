// Package binary identifies executables by their magic numbers and inspects
// ELF files: class, machine, dynamic linking and the GLIBC_x.y versions they
// need (.gnu.version_r). Go build info (GOOS, GOARCH, CGO_ENABLED) comes from
// debug/buildinfo. Inputs are untrusted: every section read is size-checked
// before it is made, so a header claiming a 4 GB section allocates nothing.
package binary

import (
	"bytes"
	"debug/buildinfo"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Format is an executable file format.
type Format int

const (
	Unknown  Format = iota // not a known executable: a script, or data
	ELF                    // Linux and other Unix systems
	MachO                  // macOS
	MachOFat               // macOS universal binary (the magic Java class files share)
	PE                     // Windows (.exe)
)

func (f Format) String() string {
	switch f {
	case ELF:
		return "ELF"
	case MachO:
		return "Mach-O"
	case MachOFat:
		return "Mach-O universal"
	case PE:
		return "PE (Windows)"
	}
	return "unknown"
}

// HeadSize is enough of a file to tell its format (Sniff) and, for ELF, its class and machine.
const HeadSize = 64

// Sniff tells an executable's format from its first bytes.
func Sniff(head []byte) Format {
	switch {
	case bytes.HasPrefix(head, []byte(elf.ELFMAG)):
		return ELF
	case len(head) >= 4 && isMachO(binary.LittleEndian.Uint32(head)):
		return MachO
	case len(head) >= 4 && isMachO(binary.BigEndian.Uint32(head)):
		return MachO
	case bytes.HasPrefix(head, []byte{0xca, 0xfe, 0xba, 0xbe}):
		return MachOFat
	case bytes.HasPrefix(head, []byte("MZ")):
		return PE
	}
	return Unknown
}

func isMachO(magic uint32) bool { return magic == 0xfeedface || magic == 0xfeedfacf }

// Limits for hostile files: version sections and string tables larger than
// this are not read (real ones are a few KiB).
const maxVersionSection = 4 << 20

// maxRead bounds the bytes one Inspect reads in total (and so what it can
// allocate): headers, version sections and the Go build info search fit easily.
const maxRead = 32 << 20

// errBudget stops an inspection that would read more than maxRead.
var errBudget = errors.New("executable needs too much reading to inspect")

type budgetReader struct {
	r    io.ReaderAt
	left int64
}

func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	if int64(len(p)) > b.left {
		return 0, errBudget
	}
	n, err := b.r.ReadAt(p, off)
	b.left -= int64(n)
	return n, err
}

// Info is what the package checks need to know about an executable.
type Info struct {
	Format  Format
	Class   int    // ELF: 32 or 64
	Machine string // ELF: "x86-64", "aarch64", "386", ...
	AMD64   bool   // ELF: EM_X86_64
	Type    string // ELF: "executable", "shared object (PIE)", "relocatable", "core"
	// Dynamic: the ELF has a program interpreter (ld-linux), so it needs shared libraries.
	Dynamic     bool
	Interpreter string
	// GLIBC lists the GLIBC_x.y versions needed from libc and friends, as written.
	GLIBC []string
	// Go is the Go build information; nil when the file is not a Go program.
	Go *GoBuild
}

// GoBuild is the subset of Go build information fclint reports.
type GoBuild struct {
	GoVersion string
	GOOS      string
	GOARCH    string
	CGO       string // CGO_ENABLED: "0", "1" or "" when not recorded
	// Modules are the modules linked in, main module first, then the
	// dependencies that provide packages (what `go version -m` lists).
	Modules []Module
}

// Module is one module of a Go binary's build info.
type Module struct {
	Path, Version string
}

func (g *GoBuild) String() string {
	cgo := g.CGO
	if cgo == "" {
		cgo = "?"
	}
	return fmt.Sprintf("GOOS=%s GOARCH=%s CGO_ENABLED=%s", g.GOOS, g.GOARCH, cgo)
}

// Inspect reads an executable's headers. Unknown formats give Info{Format: Unknown}.
func Inspect(r io.ReaderAt) (*Info, error) {
	r = &budgetReader{r: r, left: maxRead}
	head := make([]byte, HeadSize)
	n, err := r.ReadAt(head, 0)
	if n == 0 && err != nil {
		return nil, err
	}
	info := &Info{Format: Sniff(head[:n])}
	switch info.Format {
	case ELF:
		if err := inspectELF(r, info); err != nil {
			return info, err
		}
	case Unknown:
		return info, nil
	}
	info.Go = goBuild(r)
	return info, nil
}

func inspectELF(r io.ReaderAt, info *Info) (err error) {
	// debug/elf is hardened and fuzzed upstream; the recover is a last line of
	// defense so that one hostile entry can never take the whole run down.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed ELF: %v", p)
		}
	}()
	f, err := elf.NewFile(r)
	if err != nil {
		return fmt.Errorf("malformed ELF: %w", err)
	}
	switch f.Class {
	case elf.ELFCLASS32:
		info.Class = 32
	case elf.ELFCLASS64:
		info.Class = 64
	}
	info.Machine = machineName(f.Machine)
	info.AMD64 = f.Machine == elf.EM_X86_64
	info.Type = typeName(f.Type)
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			info.Dynamic = true
			if p.Filesz > 0 && p.Filesz < 4096 {
				b := make([]byte, p.Filesz)
				if _, err := p.ReadAt(b, 0); err == nil {
					info.Interpreter = strings.TrimRight(string(b), "\x00")
				}
			}
		}
	}
	if !info.Dynamic {
		return nil
	}
	needs, err := versionNeeds(f)
	if err != nil {
		return err
	}
	info.GLIBC = needs
	return nil
}

// versionNeeds returns the GLIBC_* versions from .gnu.version_r, after
// checking that the sections it reads are of a sane size.
func versionNeeds(f *elf.File) ([]string, error) {
	vn := f.SectionByType(elf.SHT_GNU_VERNEED)
	if vn == nil {
		return nil, nil
	}
	if vn.Size > maxVersionSection {
		return nil, errors.New("malformed ELF: oversized .gnu.version_r")
	}
	if int(vn.Link) >= len(f.Sections) || f.Sections[vn.Link].Size > maxVersionSection {
		return nil, errors.New("malformed ELF: bad .gnu.version_r string table")
	}
	data, err := vn.Data()
	if err != nil {
		return nil, fmt.Errorf("malformed ELF: .gnu.version_r: %w", err)
	}
	str, err := f.Sections[vn.Link].Data()
	if err != nil {
		return nil, fmt.Errorf("malformed ELF: .gnu.version_r strings: %w", err)
	}
	return parseVerneed(data, str, f.ByteOrder), nil
}

// parseVerneed walks Elf_Verneed records and their Elf_Vernaux entries
// (the layout debug/elf's DynamicVersionNeeds reads, minus its need for the
// whole dynamic symbol table) and returns the GLIBC_* names, deduplicated.
// Every offset is bounds-checked and the walk is capped, so loops in the
// next links end.
func parseVerneed(d, str []byte, bo binary.ByteOrder) []string {
	seen := map[string]bool{}
	var out []string
	steps := 0
	for i := 0; i+16 <= len(d) && steps < 1<<16; steps++ {
		if bo.Uint16(d[i:]) != 1 { // vn_version
			break
		}
		cnt := int(bo.Uint16(d[i+2:]))
		aux := int(bo.Uint32(d[i+8:]))
		next := int(bo.Uint32(d[i+12:]))
		j := i + aux
		for c := 0; c < cnt && aux > 0 && j >= 0 && j+16 <= len(d); c++ {
			name := cString(str, int(bo.Uint32(d[j+8:])))
			if strings.HasPrefix(name, "GLIBC_") && !seen[name] {
				if _, ok := ParseGLIBC(name); ok {
					seen[name] = true
					out = append(out, name)
				}
			}
			n := int(bo.Uint32(d[j+12:]))
			if n <= 0 {
				break
			}
			j += n
		}
		if next <= 0 {
			break
		}
		i += next
	}
	return out
}

func cString(b []byte, off int) string {
	if off < 0 || off >= len(b) {
		return ""
	}
	end := bytes.IndexByte(b[off:], 0)
	if end < 0 {
		return ""
	}
	return string(b[off : off+end])
}

func goBuild(r io.ReaderAt) (g *GoBuild) {
	defer func() {
		if recover() != nil {
			g = nil
		}
	}()
	bi, err := buildinfo.Read(r)
	if err != nil {
		return nil
	}
	g = &GoBuild{GoVersion: bi.GoVersion, Modules: modules(bi)}
	for _, s := range bi.Settings {
		switch s.Key {
		case "GOOS":
			g.GOOS = s.Value
		case "GOARCH":
			g.GOARCH = s.Value
		case "CGO_ENABLED":
			g.CGO = s.Value
		}
	}
	return g
}

func machineName(m elf.Machine) string {
	switch m {
	case elf.EM_X86_64:
		return "x86-64"
	case elf.EM_386:
		return "386 (32-bit x86)"
	case elf.EM_AARCH64:
		return "arm64 (aarch64)"
	case elf.EM_ARM:
		return "arm (32-bit)"
	case elf.EM_RISCV:
		return "riscv"
	case elf.EM_PPC64:
		return "ppc64"
	case elf.EM_S390:
		return "s390x"
	case elf.EM_LOONGARCH:
		return "loong64"
	case elf.EM_MIPS:
		return "mips"
	}
	return strings.TrimPrefix(m.String(), "EM_")
}

func typeName(t elf.Type) string {
	switch t {
	case elf.ET_EXEC:
		return "executable"
	case elf.ET_DYN:
		return "shared object (PIE)"
	case elf.ET_REL:
		return "relocatable object"
	case elf.ET_CORE:
		return "core dump"
	}
	return t.String()
}

// Version is a glibc version.
type Version struct{ Major, Minor, Patch int }

// ParseGLIBC parses "GLIBC_2.34" or "2.34".
func ParseGLIBC(s string) (Version, bool) {
	s = strings.TrimPrefix(s, "GLIBC_")
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return Version{}, false
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 999 {
			return Version{}, false
		}
		v[i] = n
	}
	return Version{v[0], v[1], v[2]}, true
}

// Less orders versions.
func (v Version) Less(w Version) bool {
	if v.Major != w.Major {
		return v.Major < w.Major
	}
	if v.Minor != w.Minor {
		return v.Minor < w.Minor
	}
	return v.Patch < w.Patch
}

func (v Version) String() string {
	if v.Patch != 0 {
		return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	}
	return fmt.Sprintf("%d.%d", v.Major, v.Minor)
}

// Above returns the needed GLIBC versions newer than max, highest first.
func (i *Info) Above(max Version) []Version {
	var out []Version
	for _, s := range i.GLIBC {
		if v, ok := ParseGLIBC(s); ok && max.Less(v) {
			out = append(out, v)
		}
	}
	for a := 1; a < len(out); a++ { // tiny insertion sort, highest first
		for b := a; b > 0 && out[b-1].Less(out[b]); b-- {
			out[b-1], out[b] = out[b], out[b-1]
		}
	}
	return out
}

// GoModules lists the module paths a Go binary was built with (its main
// module first); nil for anything else.
func GoModules(r io.ReaderAt) (mods []string) {
	defer func() {
		if recover() != nil {
			mods = nil
		}
	}()
	bi, err := buildinfo.Read(&budgetReader{r: r, left: maxRead})
	if err != nil {
		return nil
	}
	for _, m := range modules(bi) {
		mods = append(mods, m.Path)
	}
	return mods
}

// modules lists a build info's main module and dependencies; a replaced
// dependency keeps its own path and version (what the code imports).
func modules(bi *buildinfo.BuildInfo) []Module {
	out := []Module{{bi.Main.Path, bi.Main.Version}}
	for _, d := range bi.Deps {
		if d != nil {
			out = append(out, Module{d.Path, d.Version})
		}
	}
	return out
}
