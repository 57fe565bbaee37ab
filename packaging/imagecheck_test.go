package packaging

import (
	"archive/tar"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/internal/imagetest"
	"github.com/fclint/fclint/packaging/image"
	"github.com/fclint/fclint/packaging/internal/testbin"
	"github.com/fclint/fclint/report"
)

type imf = imagetest.File

func containerFn(mod func(f *config.Function)) *config.Function {
	f := &config.Function{Format: config.FormatFC3, File: "/nonexistent/s.yaml"}
	f.Runtime = config.Field[string]{Value: "custom-container", Set: true}
	f.Container = &config.Container{Image: config.Field[string]{Value: "registry.example/x:1", Set: true}}
	if mod != nil {
		mod(f)
	}
	return f
}

func withPort(p int) func(*config.Function) {
	return func(f *config.Function) { f.Port = config.Field[int]{Value: p, Set: true} }
}

// checkImage writes im as a docker save archive (Docker 25's layout) and
// checks it.
func checkImage(t *testing.T, fn *config.Function, im imagetest.Image) []report.Finding {
	t.Helper()
	p := filepath.Join(t.TempDir(), "image.tar")
	if err := imagetest.DockerSave(p, im, true); err != nil {
		t.Fatal(err)
	}
	return checkImagePath(t, fn, p)
}

func checkImagePath(t *testing.T, fn *config.Function, p string) []report.Finding {
	t.Helper()
	fs, err := Check(Options{Path: p, Function: fn, WorkDir: filepath.Dir(p)})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return fs
}

func binFile(t *testing.T, target, name string) imf {
	t.Helper()
	b, err := os.ReadFile(testbin.Path(t, target))
	if err != nil {
		t.Fatal(err)
	}
	return imf{Name: name, Mode: 0o755, Body: b}
}

func TestImageCompliant(t *testing.T) {
	server := binFile(t, "linux-amd64", "app/server")
	for _, kind := range []string{"legacy", "docker", "oci"} {
		t.Run(kind, func(t *testing.T) {
			im := imagetest.Image{
				Entrypoint: []string{"./server"}, WorkingDir: "/app", ExposedPorts: []string{"9000/tcp"},
				Layers: [][]imf{{{Name: "app/"}, server}},
			}
			p := filepath.Join(t.TempDir(), "image.tar")
			var err error
			switch kind {
			case "legacy":
				err = imagetest.DockerSave(p, im, false)
			case "docker":
				err = imagetest.DockerSave(p, im, true)
			default:
				err = imagetest.OCI(p, im)
			}
			if err != nil {
				t.Fatal(err)
			}
			if fs := checkImagePath(t, containerFn(nil), p); len(fs) != 0 {
				t.Errorf("compliant image: %s", dump(fs))
			}
		})
	}
}

func TestImageFindings(t *testing.T) {
	server := binFile(t, "linux-amd64", "app/server")
	arm := binFile(t, "linux-arm64", "app/server")
	cases := []struct {
		name string
		fn   *config.Function
		im   imagetest.Image
		want string // sorted rule IDs
		text string // in one message
	}{
		{"arm64 config", containerFn(nil), imagetest.Image{Arch: "arm64", Entrypoint: []string{"/app/server"}, Layers: [][]imf{{arm}}}, "FC205,FC212", "linux/arm64"},
		{"exposed 8080, port 9000", containerFn(nil), imagetest.Image{Entrypoint: []string{"/app/server"}, ExposedPorts: []string{"8080/tcp"}, Layers: [][]imf{{server}}}, "FC213", "exposes 8080/tcp"},
		{"exposed 8080, port 8080", containerFn(withPort(8080)), imagetest.Image{Entrypoint: []string{"/app/server"}, ExposedPorts: []string{"8080/tcp"}, Layers: [][]imf{{server}}}, "", ""},
		{"udp only", containerFn(nil), imagetest.Image{Entrypoint: []string{"/app/server"}, ExposedPorts: []string{"9000/udp"}, Layers: [][]imf{{server}}}, "FC213", "9000/udp"},
		{"no entrypoint", containerFn(nil), imagetest.Image{Layers: [][]imf{{server}}}, "FC201", "no ENTRYPOINT or CMD"},
		{"missing program", containerFn(nil), imagetest.Image{Entrypoint: []string{"/app/serve"}, Layers: [][]imf{{server}}}, "FC207", "/app/serve"},
		{"not on PATH", containerFn(nil), imagetest.Image{Cmd: []string{"server"}, Layers: [][]imf{{server}}}, "FC207", "PATH"},
		{"absolute entrypoint under a WORKDIR", containerFn(nil), imagetest.Image{WorkingDir: "/srv", Entrypoint: []string{"/app/server"}, Layers: [][]imf{{server}}}, "", ""},
		{"PATH under a WORKDIR", containerFn(nil), imagetest.Image{WorkingDir: "/srv", Cmd: []string{"server"}, Env: []string{"PATH=/app:/bin"}, Layers: [][]imf{{server}}}, "", ""},
		{"on PATH from ENV", containerFn(nil), imagetest.Image{Cmd: []string{"server"}, Env: []string{"PATH=/app:/bin"}, Layers: [][]imf{{server}}}, "", ""},
		{"not executable", containerFn(nil), imagetest.Image{Entrypoint: []string{"/app/server"}, Layers: [][]imf{{{Name: "app/server", Mode: 0o644, Body: server.Body}}}}, "FC203", "not executable"},
		{"whited out", containerFn(nil), imagetest.Image{Entrypoint: []string{"/app/server"}, Layers: [][]imf{{server}, {{Name: "app/.wh.server"}}}}, "FC207", "not in the image"},
		{"symlinked", containerFn(nil), imagetest.Image{Entrypoint: []string{"/usr/local/bin/app"}, Layers: [][]imf{{server}, {{Name: "usr/local/bin/app", Type: tar.TypeSymlink, Link: "/app/server"}}}}, "", ""},
		{"config entrypoint replaces the image's", containerFn(func(f *config.Function) {
			f.Container.Entrypoint = config.Field[[]string]{Value: []string{"/app/missing"}, Set: true}
		}), imagetest.Image{Entrypoint: []string{"/app/server"}, Layers: [][]imf{{server}}}, "FC207", "/app/missing"},
		{"loopback bind", containerFn(nil), imagetest.Image{Entrypoint: []string{"gunicorn", "-b", "127.0.0.1:9000", "app:app"}, Env: []string{"PATH=/usr/bin"}, Layers: [][]imf{{{Name: "usr/bin/gunicorn", Mode: 0o755, Body: []byte("#!/usr/bin/python3\nimport gunicorn\n")}, {Name: "usr/bin/python3", Mode: 0o755, Body: server.Body}}}}, "FC302", "127.0.0.1"},
		{"shell form keeps sh as PID 1", containerFn(nil), imagetest.Image{Entrypoint: []string{"/bin/sh", "-c", "cd /app && ./server"}, Layers: [][]imf{{server, {Name: "bin/sh", Mode: 0o755, Body: server.Body}}}}, "FC214", "SIGTERM"},
		{"shell form with exec", containerFn(nil), imagetest.Image{Entrypoint: []string{"/bin/sh", "-c", "exec /app/server"}, Layers: [][]imf{{server, {Name: "bin/sh", Mode: 0o755, Body: server.Body}}}}, "", ""},
		{"CRLF script, interpreter missing", containerFn(nil), imagetest.Image{Entrypoint: []string{"/start.sh"}, Layers: [][]imf{{{Name: "start.sh", Mode: 0o755, Body: []byte("#!/bin/bash\r\nexec /app/server\r\n")}}}}, "FC204,FC210", "CRLF"},
		{"start script binds loopback", containerFn(nil), imagetest.Image{Entrypoint: []string{"/start.sh"}, Env: []string{"PATH=/bin"}, Layers: [][]imf{{{Name: "bin/sh", Mode: 0o755, Body: server.Body}, {Name: "start.sh", Mode: 0o755, Body: []byte("#!/bin/sh\nPORT=8000\nexec gunicorn -b 127.0.0.1:$PORT app:app\n")}}}}, "FC302", "127.0.0.1"},
		{"start script binds 0.0.0.0:9000", containerFn(nil), imagetest.Image{Entrypoint: []string{"/start.sh"}, Layers: [][]imf{{{Name: "bin/sh", Mode: 0o755, Body: server.Body}, {Name: "start.sh", Mode: 0o755, Body: []byte("#!/bin/sh\nexec gunicorn -b 0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000} -k gthread app:app\n")}}}}, "", ""},
		{"env interpreter missing", containerFn(nil), imagetest.Image{Entrypoint: []string{"/start.py"}, Layers: [][]imf{{{Name: "start.py", Mode: 0o755, Body: []byte("#!/usr/bin/env python3\nprint(1)\n")}, {Name: "usr/bin/env", Mode: 0o755, Body: server.Body}}}}, "FC210", "python3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkImage(t, tc.fn, tc.im)
			if got := ruleIDs(fs); got != tc.want {
				t.Fatalf("rules = %q, want %q:%s", got, tc.want, dump(fs))
			}
			if tc.text != "" && !strings.Contains(dump(fs), tc.text) {
				t.Errorf("no message mentions %q:%s", tc.text, dump(fs))
			}
		})
	}
}

func TestImageMultiPlatform(t *testing.T) {
	server := binFile(t, "linux-amd64", "app/server")
	arm := binFile(t, "linux-arm64", "app/server")
	armIm := imagetest.Image{Arch: "arm64", Entrypoint: []string{"/app/server"}, Layers: [][]imf{{arm}}}
	amdIm := imagetest.Image{Entrypoint: []string{"/app/server"}, Layers: [][]imf{{server}}}
	p := filepath.Join(t.TempDir(), "multi.tar")
	if err := imagetest.OCI(p, armIm, amdIm); err != nil {
		t.Fatal(err)
	}
	if fs := checkImagePath(t, containerFn(nil), p); len(fs) != 0 {
		t.Errorf("index with linux/amd64: %s", dump(fs))
	}
	p2 := filepath.Join(t.TempDir(), "armonly.tar")
	armIm2 := armIm
	armIm2.Variant = "v8"
	if err := imagetest.OCI(p2, armIm, armIm2); err != nil {
		t.Fatal(err)
	}
	fs := checkImagePath(t, containerFn(nil), p2)
	if f := find(t, fs, "FC212"); !strings.Contains(f.Message, "not linux/amd64") {
		t.Errorf("FC212 message: %s", f.Message)
	}
}

func TestImageDynamicBinary(t *testing.T) {
	cgo := binFile(t, "linux-amd64-cgo", "app/server")
	im := imagetest.Image{Entrypoint: []string{"/app/server"}, Layers: [][]imf{{cgo}}}
	// scratch: no loader at all.
	fs := checkImage(t, containerFn(nil), im)
	if f := find(t, fs, "FC206"); !strings.Contains(f.Message, "loader") {
		t.Errorf("FC206 message: %s", f.Message)
	}
	// The loader but no libc.so.6: a missing library.
	im.Layers = append(im.Layers, []imf{{Name: "lib64/ld-linux-x86-64.so.2", Mode: 0o755, Body: []byte("x")}})
	fs = checkImage(t, containerFn(nil), im)
	if f := find(t, fs, "FC206"); !strings.Contains(f.Message, "libc.so.6") {
		t.Errorf("FC206 message: %s", f.Message)
	}
	// The host's own libc: the binary was linked against it, so it is new enough.
	libc, err := os.ReadFile("/lib/x86_64-linux-gnu/libc.so.6")
	if err != nil {
		t.Skip("no host libc to put in the image")
	}
	im.Layers = append(im.Layers, []imf{{Name: "lib/x86_64-linux-gnu/libc.so.6", Mode: 0o755, Body: libc}})
	if fs := checkImage(t, containerFn(nil), im); len(fs) != 0 {
		t.Errorf("loader and libc present: %s", dump(fs))
	}
}

func TestImageNotAnImage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.tar")
	f, _ := os.Create(p)
	tw := tar.NewWriter(f)
	tw.WriteHeader(&tar.Header{Name: "hello.txt", Mode: 0o644, Size: 2})
	tw.Write([]byte("hi"))
	tw.Close()
	f.Close()
	fs := checkImagePath(t, containerFn(nil), p)
	if f := find(t, fs, "FC211"); !strings.Contains(f.Message, "no manifest.json") {
		t.Errorf("FC211 message: %s", f.Message)
	}
}

func TestResolveIn(t *testing.T) {
	for _, c := range [][3]string{{"/app", "/start.sh", "/start.sh"}, {"/app", "./s", "/app/s"}, {"/app", "../bin/x", "/bin/x"}, {"", "s", "/s"}, {"/", "/usr/bin/", "/usr/bin"}} {
		if got := resolveIn(c[0], c[1]); got != c[2] {
			t.Errorf("resolveIn(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

func TestImageSize(t *testing.T) {
	const gbytes = 1 << 30
	gpu := func(f *config.Function) { f.Container.GPU = true }
	cases := []struct {
		fn   *config.Function
		size int64
		want string // "" none, else severity
	}{
		{containerFn(nil), 10 * gbytes, ""},
		{containerFn(nil), 12 * gbytes, "error"},
		{containerFn(gpu), 12 * gbytes, ""},
		{containerFn(gpu), 16 * gbytes, "error"},
		{&config.Function{Format: config.FormatFlags}, 12 * gbytes, "warning"}, // no configuration: maybe GPU
	}
	for _, tc := range cases {
		c := newChecker(Options{Path: "image.tar", Function: tc.fn, WorkDir: "/"})
		ic := &imageChecker{checker: c, fsys: &image.FS{Uncompressed: tc.size}}
		ic.checkImageSize()
		got := ""
		if len(c.findings) == 1 && c.findings[0].Rule == "FC215" {
			got = c.findings[0].Severity.String()
		}
		if got != tc.want || len(c.findings) > 1 {
			t.Errorf("size %d GB, GPU %v: got %q, want %q:%s", tc.size/gbytes, tc.fn.Container != nil && tc.fn.Container.GPU, got, tc.want, dump(c.findings))
		}
	}
}
