package packaging

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/internal/testbin"
	"github.com/fclint/fclint/packaging/internal/ziptest"
	"github.com/fclint/fclint/rules"
)

func TestBinaries(t *testing.T) {
	cases := []struct {
		target   string
		runtime  string
		want     string
		contains []string
	}{
		{"linux-amd64", "custom.debian10", "", nil},
		{"linux-arm64", "custom.debian10", "FC205", []string{"arm64", "GOOS=linux GOARCH=arm64 CGO_ENABLED=0", "exec format error"}},
		{"linux-386", "custom.debian10", "FC205", []string{"32-bit"}},
		{"darwin-amd64", "custom.debian10", "FC205", []string{"macOS", "GOOS=darwin"}},
		{"windows-amd64", "custom.debian10", "FC205", []string{"Windows", "GOOS=windows"}},
		// The cgo binary is linked against this machine's glibc and needs GLIBC_2.34.
		{"linux-amd64-cgo", "custom.debian10", "FC206", []string{"GLIBC_2.34", "glibc 2.28", "CGO_ENABLED=1"}},
		{"linux-amd64-cgo", "custom", "FC206", []string{"glibc 2.24"}},
		{"linux-amd64-cgo", "custom.debian12", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.target+"/"+tc.runtime, func(t *testing.T) {
			body, err := os.ReadFile(testbin.Path(t, tc.target))
			if err != nil {
				t.Fatal(err)
			}
			fn := fnWith(func(f *config.Function) { f.Runtime.Value = tc.runtime })
			fs := checkZip(t, fn, zf{Name: "bootstrap", Body: string(body), Mode: 0o755})
			if got := ruleIDs(fs); got != tc.want {
				t.Fatalf("rules = %q, want %q%s", got, tc.want, dump(fs))
			}
			for _, s := range tc.contains {
				if !strings.Contains(fs[0].Message, s) {
					t.Errorf("message %q lacks %q", fs[0].Message, s)
				}
			}
			if tc.want != "" && !strings.Contains(fs[0].Fix, "CGO_ENABLED=0 GOOS=linux GOARCH=amd64") {
				t.Errorf("fix %q", fs[0].Fix)
			}
		})
	}
}

// A stored (uncompressed) entry is read in place; a bootstrap script that
// execs a binary gets the binary checked too.
func TestBinaryRunByScript(t *testing.T) {
	body, err := os.ReadFile(testbin.Path(t, "linux-arm64"))
	if err != nil {
		t.Fatal(err)
	}
	fs := checkZip(t, fnWith(nil),
		zf{Name: "bootstrap", Body: okScript, Mode: 0o755},
		zf{Name: "main", Body: string(body), Mode: 0o755, Store: true})
	if f := find(t, fs, "FC205"); f.File != "function.zip!main" {
		t.Errorf("FC205 on %s", f.File)
	}
}

func TestUnknownRuntimeGLIBC(t *testing.T) {
	body, err := os.ReadFile(testbin.Path(t, "linux-amd64-cgo"))
	if err != nil {
		t.Fatal(err)
	}
	fs := checkZip(t, nil, zf{Name: "bootstrap", Body: string(body), Mode: 0o755})
	f := find(t, fs, "FC206")
	if !strings.Contains(f.Message, "custom.debian10 (assumed: the runtime is unknown)") {
		t.Errorf("FC206 %q", f.Message)
	}
	// Built here against a newer glibc than debian10's 2.28; custom.debian12
	// (2.36) runs it, so with no runtime configured it is not certain to fail.
	if f.Severity != rules.Warning || !strings.Contains(f.Message, "the configuration does not say the runtime, and custom.debian12") {
		t.Errorf("FC206 with no runtime: %s %q, want a warning naming custom.debian12", f.Severity, f.Message)
	}
}

// With the runtime configured, a glibc that runtime lacks is an error.
func TestConfiguredRuntimeGLIBC(t *testing.T) {
	body, err := os.ReadFile(testbin.Path(t, "linux-amd64-cgo"))
	if err != nil {
		t.Fatal(err)
	}
	fs := checkZip(t, fnWith(nil), zf{Name: "bootstrap", Body: string(body), Mode: 0o755})
	if f := find(t, fs, "FC206"); f.Severity != rules.Error || strings.Contains(f.Message, "assumed") {
		t.Errorf("FC206 with runtime custom.debian10: %s %q, want an error", f.Severity, f.Message)
	}
}

// A binary built on Alpine asks for /lib/ld-musl-x86_64.so.1, which Debian
// lacks: exec fails with "no such file or directory".
func TestMuslLoader(t *testing.T) {
	body, err := os.ReadFile(testbin.Path(t, "linux-amd64-cgo"))
	if err != nil {
		t.Fatal(err)
	}
	glibc, musl := "/lib64/ld-linux-x86-64.so.2", "/lib/ld-musl-x86_64.so.1"
	if !bytes.Contains(body, []byte(glibc)) {
		t.Skip("the cgo test binary has another loader")
	}
	patched := bytes.Replace(body, []byte(glibc), append([]byte(musl), make([]byte, len(glibc)-len(musl))...), 1)
	fn := fnWith(func(f *config.Function) { f.Runtime.Value = "custom.debian12" })
	fs := checkZip(t, fn, zf{Name: "bootstrap", Body: string(patched), Mode: 0o755})
	if got := ruleIDs(fs); got != "FC206" || !strings.Contains(fs[0].Message, "musl") || !strings.Contains(fs[0].Message, musl) {
		t.Fatalf("rules = %q%s", got, dump(fs))
	}
}

// A binary whose deflated data is damaged past its first bytes is a broken
// archive (FC211), not a binary for another platform (FC205).
func TestCorruptBinaryIsFC211(t *testing.T) {
	body, err := os.ReadFile(testbin.Path(t, "linux-amd64"))
	if err != nil {
		t.Fatal(err)
	}
	data := ziptest.Bytes(t, zf{Name: "bootstrap", Body: string(body), Mode: 0o755})
	for i := len(data) / 3; i < len(data)/3+64; i++ {
		data[i] ^= 0x5a
	}
	p := filepath.Join(t.TempDir(), "function.zip")
	os.WriteFile(p, data, 0o644)
	fs, err := Check(Options{Path: p, WorkDir: filepath.Dir(p), Function: fnWith(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if got := ruleIDs(fs); got != "FC211" {
		t.Fatalf("rules = %q, want FC211%s", got, dump(fs))
	}
}
