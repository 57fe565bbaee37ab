package packaging

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/binary"
	"github.com/fclint/fclint/packaging/runtimes"
	"github.com/fclint/fclint/rules"
)

const goRebuild = "CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build"

// checkBinary is FC205 (not a Linux x86-64 executable) and FC206 (needs a
// newer glibc than the image has).
func (c *checker) checkBinary(e *archive.Entry, word string) {
	ra, err := e.ReaderAt()
	if err != nil {
		c.add(rules.MustGet("FC211"), c.entryFile(e.Name), 0, "", fmt.Sprintf("%s cannot be read: %v", e.Name, err))
		return
	}
	defer ra.Close()
	rec := &readErrRecorder{r: ra}
	info, err := binary.Inspect(rec)
	file := c.entryFile(e.Name)
	if rec.err != nil {
		// The entry's data is damaged (corrupt deflate stream, bad CRC, short
		// file): that is a broken archive, not a binary for another platform.
		c.add(rules.MustGet("FC211"), file, 0, "", fmt.Sprintf("%s cannot be read: %v", e.Name, rec.err))
		return
	}
	fc205 := rules.MustGet("FC205")
	if info == nil || (err != nil && info.Format == binary.ELF && info.Machine == "") {
		c.add(fc205, file, 0, "", fmt.Sprintf("%s looks like an executable but cannot be parsed (%v): the start fails with \"exec format error\"", word, err))
		return
	}
	built := ""
	if info.Go != nil {
		built = " (Go, built with " + info.Go.String() + ")"
	}
	fix := "build for Linux x86-64 (amd64)"
	if info.Go != nil {
		fix = "rebuild with " + goRebuild
	}
	bad := ""
	switch info.Format {
	case binary.MachO, binary.MachOFat:
		bad = "a macOS (" + info.Format.String() + ") executable"
	case binary.PE:
		bad = "a Windows (PE) executable"
	case binary.ELF:
		switch {
		case !info.AMD64:
			bad = fmt.Sprintf("a Linux %s executable", info.Machine)
		case info.Class != 64:
			bad = fmt.Sprintf("a Linux %s executable (%d-bit)", info.Machine, info.Class)
		case info.Type != "executable" && info.Type != "shared object (PIE)":
			bad = "an ELF " + info.Type + ", not an executable"
		}
	}
	if bad != "" {
		f := c.add(fc205, file, 0, "", fmt.Sprintf("%s is %s%s: FC custom runtimes run Linux x86-64 only, and the start fails with \"exec format error\"", word, bad, built))
		f.Fix = fix
		return
	}
	if info.Go != nil {
		c.checkGoSDK(rec, file, word, info.Go)
		c.checkFrameworkModules(file, word, info.Go)
	}
	if info.Dynamic {
		if c.checkLoader(file, word, info) {
			c.checkGLIBC(file, word, info)
		}
	}
}

// foreignLoaders are dynamic loaders that Debian images do not have: the
// kernel cannot find them and exec fails before the program runs.
var foreignLoaders = []struct{ marker, what string }{
	{"ld-musl", "musl libc (built on Alpine)"},
	{"/nix/store/", "a Nix store path"},
}

// checkLoader is FC206 for a binary linked against a C library the image
// lacks; it reports whether the glibc check still applies.
func (c *checker) checkLoader(file, word string, info *binary.Info) bool {
	for _, l := range foreignLoaders {
		if !strings.Contains(info.Interpreter, l.marker) {
			continue
		}
		f := c.add(rules.MustGet("FC206"), file, 0, "", fmt.Sprintf("%s is dynamically linked against %s: its loader %s does not exist in %s%s (Debian, glibc), and the start fails with \"no such file or directory\"", word, l.what, info.Interpreter, c.env.Image.ID, c.imageNote()))
		f.Fix = "link statically (-static, or a static musl build), or build on Debian"
		if info.Go != nil {
			f.Fix = "rebuild with " + goRebuild + " (a static binary needs no loader)"
		}
		return false
	}
	return true
}

// checkGLIBC is FC206.
func (c *checker) checkGLIBC(file, word string, info *binary.Info) {
	have, ok := binary.ParseGLIBC(c.env.Image.GLIBC)
	if !ok {
		return
	}
	above := info.Above(have)
	if len(above) == 0 {
		return
	}
	top := above[0]
	var more string
	if len(above) > 1 {
		var vs []string
		for _, v := range above[1:] {
			vs = append(vs, v.String())
		}
		more = " (also " + strings.Join(vs, ", ") + ")"
	}
	built := ""
	if info.Go != nil {
		built = ", built with " + info.Go.String()
	}
	msg := fmt.Sprintf("%s is dynamically linked and needs GLIBC_%s%s%s; %s%s has glibc %s: the start fails with \"version `GLIBC_%s' not found\"",
		word, top, more, built, c.env.Image.ID, c.imageNote(), c.env.Image.GLIBC, top)
	f := c.add(rules.MustGet("FC206"), file, 0, "", msg)
	fix := "link statically, or build on a system with glibc " + c.env.Image.GLIBC + " or older"
	if info.Go != nil {
		fix = "rebuild with " + goRebuild + " (a static binary needs no glibc)"
	}
	var enough []string // the custom runtimes whose glibc is new enough
	for _, im := range runtimes.Images {
		if v, ok := binary.ParseGLIBC(im.GLIBC); ok && !v.Less(top) {
			if len(enough) == 0 {
				fix += ", or use runtime " + im.ID + " (glibc " + im.GLIBC + ")"
			}
			enough = append(enough, im.ID)
		}
	}
	f.Fix = fix
	c.softenFor(f, enough, "glibc GLIBC_"+top.String()+" or newer")
}

// readErrRecorder remembers the first error reading the entry's data itself,
// other than reaching its end; binary.Inspect's own parse errors stay apart.
type readErrRecorder struct {
	r   io.ReaderAt
	err error
}

func (r *readErrRecorder) ReadAt(p []byte, off int64) (int, error) {
	n, err := r.r.ReadAt(p, off)
	if err != nil && !errors.Is(err, io.EOF) && r.err == nil {
		r.err = err
	}
	return n, err
}
