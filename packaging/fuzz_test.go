package packaging

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/internal/fuzzseed"
	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/internal/ziptest"
	"github.com/fclint/fclint/report"
)

// fuzzFunctions are the configurations each fuzzed package is checked under:
// none (bootstrap), a shell command line, and bash running bootstrap.
var fuzzFunctions = []*config.Function{
	nil,
	{Format: config.FormatFC3, Runtime: config.Field[string]{Value: "custom", Set: true},
		Command: config.Field[[]string]{Value: []string{"/bin/bash", "-c", "cd app && ./run.sh --port $FC_SERVER_PORT"}, Set: true}},
	{Format: config.FormatFC3, Command: config.Field[[]string]{Value: []string{"bash", "bootstrap"}, Set: true}},
}

// FuzzCheckZip runs the whole package check on arbitrary bytes, as
// `fclint package` reads them from a file. Properties: bytes archive/zip
// rejects are one FC211 finding and nothing else; every finding points into
// the input (see checkInside).
func FuzzCheckZip(f *testing.F) {
	f.Add(ziptest.Bytes(f, zf{Name: "bootstrap", Body: "#!/bin/bash\r\nexec gunicorn -b 127.0.0.1:8080 app:app\n./main\n", Mode: 0o755}, zf{Name: "main", Body: "\x7fELF\x02\x01\x01", Mode: 0o755, Store: true}))
	f.Add(ziptest.Bytes(f, zf{Name: "bootstrap", Body: "main", Mode: 0o120777}, zf{Name: "main", Body: "bootstrap", Mode: 0o120777}))
	f.Add(ziptest.Bytes(f, zf{Name: "app/bootstrap", Body: "x", NoUnix: true}, zf{Name: "../x"}, zf{Name: "/abs"}))
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte("not a zip"))
	for _, z := range fuzzseed.Zips(f) {
		f.Add(z)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "function.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, zipErr := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		for _, fn := range fuzzFunctions[:2] {
			fs, err := Check(Options{Path: p, Function: fn, WorkDir: dir})
			if err != nil {
				t.Fatalf("Check: %v (a file that exists is always checked)", err)
			}
			if zipErr != nil && (len(fs) != 1 || fs[0].Rule != "FC211" || fs[0].File != "function.zip") {
				t.Fatalf("archive/zip rejects the input (%v) but the findings are not one FC211 on function.zip:%s", zipErr, dump(fs))
			}
			if zipErr == nil {
				pkg, err := archive.NewZip(p, bytes.NewReader(data), int64(len(data)))
				if err != nil {
					checkInside(t, nil, fs)
					continue
				}
				checkInside(t, pkg, fs)
			}
		}
	})
}

// FuzzCheckZipEntries builds packages from fuzzed entry lists (names, modes,
// methods, bodies, declared sizes), so mutation reaches the checks rather
// than archive/zip's parser, and checks properties that hold for any package:
// findings point into it; without bootstrap (and no command) FC201 or FC202
// is reported; a bootstrap file is FC203 exactly when it lacks the exec bit;
// an unsafe entry name gives FC208.
func FuzzCheckZipEntries(f *testing.F) {
	for _, tr := range fuzzseed.Trees(f) {
		l := tr.Spec()
		f.Add(l.Names, l.Attrs, l.Bodies)
	}
	f.Add("bootstrap\n../etc/x\nl", []byte{0, 0xa4, 1, 0, 0, 0xa4, 1, 0, 2, 0xff, 1, 0}, "#!/bin/sh\nexec ./main\n\x00x\x00/etc")
	f.Add("app/\napp/bootstrap", []byte{1, 0xed, 1, 0, 0, 0xed, 1, 0}, "\x00#!/bin/sh\n")
	f.Add("bootstrap\nmain", []byte{3, 0, 0, 0, 0xc, 0xed, 1, 0x7f}, "#!/bin/bash\nexec /code/main\n\x00\x7fELF\x02\x01\x01")
	f.Fuzz(func(t *testing.T, names string, attrs []byte, bodies string) {
		data := fuzzseed.EntryList{Names: names, Attrs: attrs, Bodies: bodies}.Zip()
		pkg, err := archive.NewZip("function.zip", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return // archive/zip wrote something it cannot read back: FuzzCheckZip's domain
		}
		for _, fn := range fuzzFunctions {
			fs := CheckPackage(pkg, Options{Path: "function.zip", Function: fn})
			checkInside(t, pkg, fs)
			if fn != nil {
				continue
			}
			bootstrap := pkg.Lookup("bootstrap")
			if bootstrap == nil && !hasRule(fs, "", "FC201") && !hasRule(fs, "", "FC202") {
				t.Fatalf("no bootstrap and no command, but no FC201 or FC202:%s", dump(fs))
			}
			if bootstrap != nil && !bootstrap.IsDir() && !bootstrap.IsSymlink() {
				wantFC203 := !bootstrap.Executable()
				if got := hasRule(fs, "function.zip!"+bootstrap.Name, "FC203"); got != wantFC203 {
					t.Fatalf("bootstrap mode %v (Unix mode recorded: %v): FC203 reported %v, want %v:%s", bootstrap.Mode, bootstrap.UnixMode, got, wantFC203, dump(fs))
				}
			}
			for _, e := range pkg.Entries {
				if archive.CheckName(e.Name) != nil && !hasRule(fs, "", "FC208") {
					t.Fatalf("unsafe entry name %q, but no FC208:%s", e.Name, dump(fs))
				}
			}
		}
	})
}

// hasRule reports whether a finding of the rule exists (on file, unless "").
func hasRule(fs []report.Finding, file, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule && (file == "" || f.File == file) {
			return true
		}
	}
	return false
}

// checkInside fails unless every finding points into the input: the package
// itself (function.zip) or one of its entries (function.zip!NAME), at a line
// the entry has, and any source line shown is that line of the entry.
func checkInside(t *testing.T, pkg *archive.Package, fs []report.Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Line < 0 || f.Column < 0 {
			t.Fatalf("negative position:%s", dump([]report.Finding{f}))
		}
		if f.File == "function.zip" || f.File == "" && f.Line == 0 {
			if f.Line != 0 {
				t.Fatalf("a line in the ZIP file itself:%s", dump([]report.Finding{f}))
			}
			continue
		}
		name, ok := strings.CutPrefix(f.File, "function.zip!")
		if !ok || pkg == nil {
			t.Fatalf("finding outside the package:%s", dump([]report.Finding{f}))
		}
		e := entryNamed(pkg, name)
		if e == nil {
			t.Fatalf("finding on %q, which is no entry of the package:%s", name, dump([]report.Finding{f}))
		}
		if f.Line == 0 {
			continue
		}
		content, complete := readCapped(e, 1<<20)
		lines := strings.Split(string(content), "\n")
		if f.Line > len(lines) {
			if complete {
				t.Fatalf("line %d of %s, which has %d lines:%s", f.Line, name, len(lines), dump([]report.Finding{f}))
			}
			continue
		}
		if f.Source != "" && strings.TrimSuffix(lines[f.Line-1], "\r") != strings.TrimSuffix(f.Source, "\r") {
			t.Fatalf("source %q is not line %d of %s (%q)", f.Source, f.Line, name, lines[f.Line-1])
		}
	}
}

func entryNamed(pkg *archive.Package, name string) *archive.Entry {
	for _, e := range pkg.Entries {
		if e.Name == name {
			return e
		}
	}
	return pkg.Lookup(name)
}

// readCapped reads at most n bytes of the entry and says whether that was all of it.
func readCapped(e *archive.Entry, n int64) ([]byte, bool) {
	rc, err := e.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, n+1))
	return data[:min(int64(len(data)), n)], err == nil && int64(len(data)) <= n
}
