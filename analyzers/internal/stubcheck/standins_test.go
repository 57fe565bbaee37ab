package stubcheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

func testdataRoot(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func loadStandIns(t *testing.T) (*Tree, []string) {
	root := testdataRoot(t)
	paths, err := StandIns(root)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := Load(root, paths...)
	if err != nil {
		t.Fatal(err)
	}
	return tree, paths
}

// TestStandInsArePinned: every stand-in belongs to a module pinned in
// Modules, and a stand-in of a module the proxy does not serve says in its
// package comment that it is modelled from the source, and at which tag.
func TestStandInsArePinned(t *testing.T) {
	tree, paths := loadStandIns(t)
	for _, p := range paths {
		m, ok := ModuleOf(p)
		if !ok {
			t.Errorf("%s: no module in Modules pins it", p)
			continue
		}
		if m.Unserved == "" {
			continue
		}
		var doc strings.Builder
		for _, f := range tree.Syntax[p] {
			if f.Doc != nil {
				doc.WriteString(f.Doc.Text())
			}
		}
		text := strings.Join(strings.Fields(doc.String()), " ")
		if !strings.Contains(text, "not served by the Go module proxy") || !strings.Contains(text, m.Version) {
			t.Errorf("%s: the package comment must say it is modelled from the source at %s because it is not served by the Go module proxy", p, m.Version)
		}
	}
}

// TestStandInsMatchRealModules downloads every served module at its pinned
// version through the Go module proxy and compares each stand-in with the
// real package. It needs the network, so it runs only with
// FCLINT_STUBCHECK=1; a cold module and build cache takes minutes (use
// -timeout 30m). FCLINT_STUBCHECK_SOURCE="module=dir,..." adds the
// source of an unserved module (a checkout of its pinned tag), which is
// otherwise skipped.
func TestStandInsMatchRealModules(t *testing.T) {
	if os.Getenv("FCLINT_STUBCHECK") != "1" {
		t.Skip("set FCLINT_STUBCHECK=1 to compare the stand-ins with the real modules (downloads them)")
	}
	tree, paths := loadStandIns(t)
	sources := map[string]string{}
	for _, kv := range strings.Split(os.Getenv("FCLINT_STUBCHECK_SOURCE"), ",") {
		if mod, dir, ok := strings.Cut(kv, "="); ok {
			sources[mod] = dir
		}
	}

	var checked []string
	modules := map[string]Module{}
	for _, p := range paths {
		m, _ := ModuleOf(p)
		if m.Unserved != "" && sources[m.Path] == "" {
			t.Logf("skipped %s: %s; the stand-in is modelled from the source at %s", p, m.Unserved, m.Version)
			continue
		}
		checked = append(checked, p)
		modules[m.Path] = m
	}

	work := t.TempDir()
	goVersion := strings.Join(strings.SplitN(strings.TrimPrefix(runtime.Version(), "go"), ".", 3)[:2], ".")
	var imports strings.Builder
	imports.WriteString("package stubcheck\n\nimport (\n")
	for _, p := range checked {
		imports.WriteString("\t_ \"" + p + "\"\n")
	}
	imports.WriteString(")\n")
	writeFile(t, filepath.Join(work, "go.mod"), "module fclint.test/stubcheck\n\ngo "+goVersion+"\n")
	writeFile(t, filepath.Join(work, "imports.go"), imports.String())

	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local", "GO111MODULE=on")
	edit := []string{"mod", "edit"}
	for _, m := range modules {
		edit = append(edit, "-require="+m.Path+"@"+m.Version)
		if dir := sources[m.Path]; dir != "" {
			edit = append(edit, "-replace="+m.Path+"="+dir)
		}
	}
	for _, m := range Resolutions {
		edit = append(edit, "-require="+m.Path+"@"+m.Version)
	}
	goCmd(t, work, env, edit...)
	goCmd(t, work, env, "mod", "tidy")
	// Another module's requirement can raise a pinned one; then the
	// comparison would be against the wrong version.
	for _, m := range modules {
		if got := strings.TrimSpace(goCmd(t, work, env, "list", "-m", "-f", "{{.Version}}", m.Path)); got != m.Version {
			t.Errorf("%s resolved to %s, not the pinned %s", m.Path, got, m.Version)
		}
	}

	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: work, Env: env}
	reals, err := packages.Load(cfg, checked...)
	if err != nil {
		t.Fatal(err)
	}
	for _, real := range reals {
		if len(real.Errors) > 0 {
			t.Errorf("%s: %v", real.PkgPath, real.Errors)
			continue
		}
		for _, problem := range Compare(tree.Types[real.PkgPath], real.Types) {
			m, _ := ModuleOf(real.PkgPath)
			if why := knownDrift(problem); why != "" {
				t.Logf("known drift, kept: %s (%s)", problem, why)
				continue
			}
			t.Errorf("%s (against %s@%s)", problem, m.Path, m.Version)
		}
	}
	t.Logf("compared %d stand-in packages with %d real modules", len(checked), len(modules))
}

func knownDrift(problem string) string {
	for prefix, why := range KnownDrift {
		if strings.HasPrefix(problem, prefix+":") {
			return why
		}
	}
	return ""
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func goCmd(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestResolve(t *testing.T) {
	tree, err := Load(testdataRoot(t), "net", "net/http", "github.com/gin-gonic/gin", "github.com/cloudwego/hertz/pkg/app/server", "github.com/gofiber/fiber/v2")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"(*github.com/gin-gonic/gin.Engine).Run",
		"(*github.com/cloudwego/hertz/pkg/route.Engine).Run",
		"net.Listen",
		"net/http.Server",
		"net/http.Server.ReadTimeout",
		"(net/http.Header).Set",
		"github.com/gofiber/fiber/v2.Config.IdleTimeout",
	} {
		if err := tree.Resolve(name); err != nil {
			t.Errorf("Resolve(%s): %v", name, err)
		}
	}
	for name, want := range map[string]string{
		"(github.com/gin-gonic/gin.Engine).Run":                  "declares it as (*github.com/gin-gonic/gin.Engine).Run",
		"(*github.com/cloudwego/hertz/pkg/app/server.Hertz).Run": "declares it as (*github.com/cloudwego/hertz/pkg/route.Engine).Run",
		"(*github.com/gin-gonic/gin.Engine).Serve":               "has no method Serve",
		"net/http.Server.Nope":                                   "has no field or method Nope",
		"github.com/gin-gonic/gin.Nope":                          "declares no Nope",
		"github.com/gin-gonic/gin.Nope.Field":                    "declares no type Nope",
		"github.com/nowhere/fw.New":                              "is not loaded",
	} {
		err := tree.Resolve(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Resolve(%s) = %v, want an error containing %q", name, err, want)
		}
	}
}
