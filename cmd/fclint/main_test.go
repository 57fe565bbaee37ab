package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite testscript files whose cmp fails")

// TestMain lets the test binary act as the fclint command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"fclint": main})
}

// TestScript runs testdata/script/*.txtar against the real command.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup:               setupGo,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"mkfifo": cmdMkfifo, "ci-steps": cmdCISteps},
	})
}

// setupGo lets scripts run the go command offline with the caller's caches,
// so fixtures build fast and nothing is fetched.
func setupGo(env *testscript.Env) error {
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT"} {
		if v := goEnv(k); v != "" {
			env.Setenv(k, v)
		}
	}
	env.Setenv("GOPROXY", "off")
	env.Setenv("GOFLAGS", "-mod=mod -buildvcs=false") // $WORK/.git is no repository
	env.Setenv("GOTOOLCHAIN", "local")
	env.Setenv("GOWORK", "off")
	env.Setenv("NO_COLOR", "")
	// The repository, for scripts that check its documented commands.
	if repo, err := filepath.Abs(filepath.Join("..", "..")); err == nil {
		env.Setenv("FCLINT_REPO", repo)
	}
	// A repository root at $WORK: configuration discovery stops here, so an
	// s.yaml in a folder above the test's temporary directory cannot leak in.
	if err := os.Mkdir(filepath.Join(env.WorkDir, ".git"), 0o755); err != nil {
		return err
	}
	// go vet needs the tool's absolute path.
	for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
		if p := filepath.Join(dir, "fclint"); fileExists(p) {
			env.Setenv("FCLINT_BIN", p)
			break
		}
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func goEnv(key string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return ""
	}
	return string(trimNewline(out))
}

func trimNewline(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
