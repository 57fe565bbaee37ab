package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/fclint/fclint/internal/golden"
	"github.com/fclint/fclint/rules"
)

// sampleFindings covers every printer path: an error, a warning and an info,
// short messages and a long one split into headline and why,
// two source files (one indented with tabs), an archive entry with and without
// a line, and a file that cannot be read.
func sampleFindings() []Finding {
	fc101 := New(rules.MustGet("FC101"), "cmd/api/main.go", 11, 16,
		`server listens on 127.0.0.1:9000; FC reaches the function on 0.0.0.0:9000`)
	fc101.EndLine, fc101.EndColumn = 11, 32
	fc103 := New(rules.MustGet("FC103"), "cmd/api/main.go", 11, 16, "port 9000 is a literal")
	fc104 := New(rules.MustGet("FC104"), "cmd/api/main.go", 12, 3,
		"http.Server ReadTimeout is 30s: the server cuts a request it has not read within 30s, and with IdleTimeout unset it also closes idle keep-alive connections after 30s; FC keeps connections open and reuses them; a cut connection fails with \"Process exited unexpectedly before completing request\" (502)")
	fc203 := New(rules.MustGet("FC203"), "function.zip!bootstrap", 0, 0, "bootstrap has mode 0644: no exec bit")
	fc207 := New(rules.MustGet("FC207"), "function.zip!bootstrap", 3, 7, "/code/target/main is not in the package; the pre-deploy action builds it")
	fc207.Severity = rules.Warning
	fc207.Source = "\texec /code/target/main \"$@\"\r\n"
	fc001 := New(rules.MustGet("FC001"), "gone.go", 3, 1, "//fclint:ignore FC101 suppressed nothing")
	fc301 := New(rules.MustGet("FC301"), "s.yaml", 6, 16, `runtime "custom.debian9" does not exist; Debian 9 is "custom"`)
	fs := []Finding{fc301, fc104, fc207, fc101, fc001, fc203, fc103}
	Sort(fs)
	return fs
}

// goldenWorkDir is a copy of testdata/src inside a fake repository, so that
// SARIF and GitHub paths are resolved against the repository root ("sub/...").
func goldenWorkDir(t *testing.T) string {
	t.Helper()
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(repo, "sub")
	if err := os.CopyFS(sub, os.DirFS("testdata/src")); err != nil {
		t.Fatal(err)
	}
	return sub
}

func render(t *testing.T, format string, opts Options, fs []Finding) string {
	t.Helper()
	p, err := NewPrinter(format, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Print(&buf, fs); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// golden compares got with testdata/name, rewriting it under -update.
func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, "go test ./report -update")
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		color        bool
		findings     []Finding
	}{
		{"text.golden", "text", false, sampleFindings()},
		{"text-color.golden", "text", true, sampleFindings()},
		{"text-empty.golden", "text", false, nil},
		{"json.golden", "json", false, sampleFindings()},
		{"json-empty.golden", "json", false, nil},
		{"sarif.golden", "sarif", false, sampleFindings()},
		{"github.golden", "github", false, sampleFindings()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{WorkDir: goldenWorkDir(t), ToolVersion: "v1.2.3", Color: tc.color}
			goldenFile(t, tc.name, render(t, tc.format, opts, tc.findings))
		})
	}
}

func TestNewPrinterRejectsUnknownFormat(t *testing.T) {
	if _, err := NewPrinter("xml", Options{}); err == nil {
		t.Error("NewPrinter(xml) succeeded")
	}
	for _, f := range Formats {
		if _, err := NewPrinter(f, Options{}); err != nil {
			t.Errorf("NewPrinter(%s): %v", f, err)
		}
	}
}
