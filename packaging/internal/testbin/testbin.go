// Package testbin builds small real executables for tests with the Go
// toolchain: Linux x86-64 static, arm64, 386, macOS, Windows and a cgo
// (dynamically linked) one. Each is built once per test process.
package testbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// Target is one build.
type Target struct {
	Name         string
	GOOS, GOARCH string
	CGO          bool
}

// Targets are the builds tests use.
var Targets = []Target{
	{"linux-amd64", "linux", "amd64", false},
	{"linux-arm64", "linux", "arm64", false},
	{"linux-386", "linux", "386", false},
	{"darwin-amd64", "darwin", "amd64", false},
	{"windows-amd64", "windows", "amd64", false},
	{"linux-amd64-cgo", "linux", "amd64", true},
}

const pureMain = "package main\n\nfunc main() { println(\"hi\") }\n"

const cgoMain = `package main

// #include <stdio.h>
// static void hello(void) { puts("hi"); }
import "C"

func main() { C.hello() }
`

var (
	once  sync.Once
	dir   string
	built map[string]string
	errs  map[string]error
)

// Path returns the binary for a target, building all of them on first use.
// Tests skip when the toolchain (or, for cgo, gcc) cannot build it.
//
// Only the native linux-amd64 build runs by default: cross-compiling the
// others builds the standard library once per platform, minutes on a cold
// cache, so they need FCLINT_SLOW_TESTS=1 (.ci/run sets it).
func Path(t testing.TB, name string) string {
	t.Helper()
	if name != "linux-amd64" && os.Getenv("FCLINT_SLOW_TESTS") != "1" {
		t.Skipf("the cross-compiled %s binary is built only with FCLINT_SLOW_TESTS=1 (.ci/run sets it)", name)
	}
	once.Do(buildAll)
	if err := errs[name]; err != nil {
		t.Skipf("cannot build %s: %v", name, err)
	}
	p, ok := built[name]
	if !ok {
		t.Fatalf("no test binary %s", name)
	}
	return p
}

// Cleanup removes the built binaries; call it from TestMain.
func Cleanup() {
	if dir != "" {
		os.RemoveAll(dir)
	}
}

func buildAll() {
	built, errs = map[string]string{}, map[string]error{}
	var err error
	dir, err = os.MkdirTemp("", "fclint-testbin-")
	if err != nil {
		for _, tg := range Targets {
			errs[tg.Name] = err
		}
		return
	}
	for _, tg := range Targets {
		if tg.Name != "linux-amd64" && os.Getenv("FCLINT_SLOW_TESTS") != "1" {
			continue
		}
		p, err := build(tg)
		if err != nil {
			errs[tg.Name] = err
			continue
		}
		built[tg.Name] = p
	}
}

func build(tg Target) (string, error) {
	src := filepath.Join(dir, "src-"+tg.Name)
	if err := os.MkdirAll(src, 0o755); err != nil {
		return "", err
	}
	body := pureMain
	if tg.CGO {
		if _, err := exec.LookPath("gcc"); err != nil {
			return "", err
		}
		body = cgoMain
	}
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(body), 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), []byte("module testbin\n\ngo 1.21\n"), 0o644); err != nil {
		return "", err
	}
	out := filepath.Join(dir, tg.Name)
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = src
	cgo := "0"
	if tg.CGO {
		cgo = "1"
	}
	cmd.Env = append(os.Environ(), "GOOS="+tg.GOOS, "GOARCH="+tg.GOARCH, "CGO_ENABLED="+cgo, "GOFLAGS=-mod=mod", "GOWORK=off")
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", &buildError{string(b), err}
	}
	return out, nil
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + ": " + e.out }
