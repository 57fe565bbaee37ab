package packaging

import (
	"path/filepath"
	"testing"

	"github.com/fclint/fclint/config"
)

func TestContainerBuild(t *testing.T) {
	proj := filepath.FromSlash("/proj")
	p := func(s string) string { return filepath.Join(proj, filepath.FromSlash(s)) }
	fn := func(code string, actions ...config.Action) *config.Function {
		f := &config.Function{File: p("s.yaml"), Runtime: config.Field[string]{Value: "custom-container", Set: true}, Actions: actions}
		if code != "" {
			f.CodeDir = p(code)
		}
		return f
	}
	comp := func(c string) config.Action { return config.Action{Hook: "pre-deploy", Component: c, Dir: proj} }
	run := func(r, dir string) config.Action { return config.Action{Hook: "pre-deploy", Run: r, Dir: p(dir)} }
	for _, c := range []struct {
		name          string
		fn            *config.Function
		file, ctx     string
		ok, isDefault bool
	}{
		{"default", fn("code"), "code/Dockerfile", "code", true, true},
		{"no code, no build", fn(""), "", "", false, false},
		{"fc3 build default", fn("code", comp("fc3 build")), "code/Dockerfile", "code", true, false},
		{"fc3 build --dockerfile: its folder is the context", fn("code", comp("fc3 build --dockerfile ./docker/Dockerfile.prod")), "docker/Dockerfile.prod", "docker", true, false},
		{"fc3 build -f and --context", fn("code", comp("devsapp/fc3 build -f docker/Dockerfile --context=./src")), "docker/Dockerfile", "src", true, false},
		{"fc3 build without code builds nothing", fn("", comp("fc3 build --dockerfile ./Dockerfile")), "", "", false, false},
		{"another component", fn("code", comp("fc3-domain build --dockerfile x")), "code/Dockerfile", "code", true, true},
		{"post-deploy is not the build", fn("code", config.Action{Hook: "post-deploy", Component: "fc3 build --dockerfile x", Dir: proj}), "code/Dockerfile", "code", true, true},
		{"s build", fn("code", run("s build --dockerfile ./Dockerfile.prod --context ./src", ".")), "Dockerfile.prod", "src", true, false},
		{"s RESOURCE build", fn("code", run("cd web && s web build -f build/Dockerfile", ".")), "build/Dockerfile", "build", true, false},
		{"docker build -f FILE CTX", fn("", run("docker build --platform linux/amd64 -t img:v1 -f build/api.Dockerfile api", "svc")), "svc/build/api.Dockerfile", "svc/api", true, false},
		{"docker buildx build CTX", fn("", run("cd app && docker buildx build --push -t x .", ".")), "app/Dockerfile", "app", true, false},
		{"docker build -fFILE", fn("", run("podman build -fContainerfile --build-arg A=1 ctx", ".")), "Containerfile", "ctx", true, false},
		{"docker build from stdin", fn("code", run("docker build - < Dockerfile", ".")), "code/Dockerfile", "code", true, true},
		{"docker build of a URL", fn("code", run("docker build https://example.com/repo.git", ".")), "code/Dockerfile", "code", true, true},
	} {
		b, ok := ContainerBuild(c.fn)
		if ok != c.ok {
			t.Errorf("%s: ok = %v", c.name, ok)
			continue
		}
		if !ok {
			continue
		}
		if b.Dockerfile != p(c.file) || b.Context != p(c.ctx) || (b.Via == "") != c.isDefault {
			t.Errorf("%s: %+v, want %s in %s (default %v)", c.name, b, p(c.file), p(c.ctx), c.isDefault)
		}
	}
	if _, ok := ContainerBuild(&config.Function{Runtime: config.Field[string]{Value: "custom.debian12", Set: true}, CodeDir: p("code")}); ok {
		t.Error("a custom-runtime function has a container build")
	}
}
