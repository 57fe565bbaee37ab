package scaffold

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
)

func TestName(t *testing.T) {
	cases := map[string]string{
		"hello":                 "hello",
		"My App":                "my-app",
		"/tmp/x/Order.Service":  "order-service",
		"123go":                 "fn-123go",
		"--__--":                "function",
		"日本":                    "function",
		"a__b--c":               "a__b-c",
		strings.Repeat("x", 80): strings.Repeat("x", 64),
	}
	for in, want := range cases {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRenderedProject(t *testing.T) {
	files, err := Render("orders")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"s.yaml", "README.md", "code/go.mod", "code/main.go", "code/.fcignore"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
	// s.yaml is what the config reader (and FC) expects of a custom-runtime function.
	file, err := config.Load(filepath.Join(dir, "s.yaml"))
	if err != nil {
		t.Fatalf("s.yaml: %v", err)
	}
	if len(file.Functions) != 1 {
		t.Fatalf("s.yaml declares %d functions", len(file.Functions))
	}
	f := file.Functions[0]
	if f.Name != "orders" || f.Runtime.Value != "custom.debian10" || f.CAPort() != 9000 {
		t.Errorf("function %q runtime %q port %d", f.Name, f.Runtime.Value, f.CAPort())
	}
	if got := strings.Join(f.Command.Value, " "); got != "/code/bootstrap" {
		t.Errorf("command %q", got)
	}
	if want := filepath.Join(dir, "code"); f.CodeDir != want {
		t.Errorf("code dir %q, want %q", f.CodeDir, want)
	}
	var build string
	for _, a := range f.Actions {
		if a.Hook == "pre-deploy" {
			build = a.Run
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64", "-o bootstrap"} {
		if !strings.Contains(build, want) {
			t.Errorf("pre-deploy %q lacks %s", build, want)
		}
	}
	// main.go builds with the standard library only, offline.
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = filepath.Join(dir, "code")
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

func TestWriteRefusesExisting(t *testing.T) {
	files, _ := Render("x")
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "code"), 0o755)
	os.WriteFile(filepath.Join(dir, "code", "main.go"), []byte("mine"), 0o644)
	_, err := Write(dir, files)
	var exists *ExistsError
	if !errors.As(err, &exists) || !strings.HasSuffix(exists.Path, filepath.Join("code", "main.go")) {
		t.Fatalf("err = %v, want ExistsError for code/main.go", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files were written: %v", entries)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "code", "main.go")); string(b) != "mine" {
		t.Errorf("main.go overwritten")
	}
}
