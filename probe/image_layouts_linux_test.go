package probe

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/internal/imagetest"
)

// The archive layouts fclint probe takes, as docker save and OCI tools
// write them.
var layouts = []string{
	"legacy", // docker save before Docker 25: ID/layer.tar, manifest.json, repositories
	"docker", // Docker 25+: blobs/sha256/..., manifest.json, index.json, oci-layout, repositories
	"oci",    // an OCI image layout whose index lists arm64 before amd64
}

// serverImage writes an image archive in layout whose /app/server is the
// test server name, started by ENTRYPOINT in WORKDIR /app; mod changes the
// image before it is written. In the OCI layout an arm64 image comes first
// in the index, with a server that is not a program: the probe must take
// the amd64 one.
func serverImage(t *testing.T, layout, name string, mod func(*imagetest.Image)) string {
	t.Helper()
	bin, err := os.ReadFile(server(t, name))
	if err != nil {
		t.Fatal(err)
	}
	im := imagetest.Image{
		Entrypoint: []string{"/app/server"},
		Env:        []string{"PATH=/app:/usr/bin:/bin"},
		WorkingDir: "/app",
		Gzip:       layout != "legacy",
		Layers: [][]imagetest.File{{
			{Name: "app/"}, {Name: "app/server", Mode: 0o755, Body: bin},
		}},
	}
	if mod != nil {
		mod(&im)
	}
	p := filepath.Join(t.TempDir(), "image.tar")
	switch layout {
	case "legacy", "docker":
		err = imagetest.DockerSave(p, im, layout == "docker")
	default:
		arm := im
		arm.Arch, arm.Variant = "arm64", "v8"
		arm.Layers = [][]imagetest.File{{{Name: "app/"}, {Name: "app/server", Mode: 0o755, Body: []byte("not an amd64 program")}}}
		err = imagetest.OCI(p, arm, im)
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Layers apply in order in every layout: a later file replaces an earlier
// one, a whiteout deletes, an opaque folder hides what lower layers put
// there; ENV and WORKDIR are the image's.
func TestProbeImageLayers(t *testing.T) {
	for _, layout := range layouts {
		t.Run(layout, func(t *testing.T) {
			path := serverImage(t, layout, "exits", func(im *imagetest.Image) {
				attacker, err := os.ReadFile(server(t, "attacker"))
				if err != nil {
					t.Fatal(err)
				}
				im.Env = append(im.Env, "ATTACK=read", "READ_PATHS="+strings.Join([]string{
					"config.txt", "/etc/kept.conf", "/etc/removed.conf", "/data/cache/old", "/data/cache/sub/deep", "/data/cache/new", "/data/other",
				}, ":"))
				im.WorkingDir = "/srv/site"
				im.Layers[0] = append(im.Layers[0],
					imagetest.File{Name: "etc/"}, imagetest.File{Name: "etc/kept.conf", Body: []byte("k")}, imagetest.File{Name: "etc/removed.conf", Body: []byte("r")},
					imagetest.File{Name: "data/"}, imagetest.File{Name: "data/other", Body: []byte("o")},
					imagetest.File{Name: "data/cache/"}, imagetest.File{Name: "data/cache/old", Body: []byte("old")},
					imagetest.File{Name: "data/cache/sub/"}, imagetest.File{Name: "data/cache/sub/deep", Body: []byte("deep")},
				)
				im.Layers = append(im.Layers, []imagetest.File{
					{Name: "app/server", Mode: 0o755, Body: attacker}, // replaces "exits"
					{Name: "etc/.wh.removed.conf"},
					{Name: "data/cache/.wh..wh..opq"}, {Name: "data/cache/new", Body: []byte("new")},
					{Name: "srv/"}, {Name: "srv/site/"}, {Name: "srv/site/config.txt", Body: []byte("c")},
				})
			})
			res := runProbe(t, Options{Path: path, Hold: 100 * time.Millisecond})
			out := res.Output
			for _, ok := range []string{"config.txt", "/etc/kept.conf", "/data/cache/new", "/data/other"} {
				allowed(t, out, "read "+ok)
			}
			for _, gone := range []string{"/etc/removed.conf", "/data/cache/old", "/data/cache/sub/deep"} {
				denied(t, out, "read "+gone)
			}
		})
	}
}

// FC401-FC405 come out of an image as out of a package, in every layout.
func TestProbeImageFindings(t *testing.T) {
	other := freePort(t)
	cases := []struct {
		server string
		env    []string
		want   string
		check  string // in the finding's message
	}{
		{"clean", nil, "", ""},
		{"exits", nil, "FC401", "exit status 3"},
		{"loopback", nil, "FC402", "127.0.0.1:"},
		{"wrongport", []string{"OTHER_PORT=" + strconv.Itoa(other)}, "FC403", ":" + strconv.Itoa(other)},
		{"connclose", nil, "FC404", "Connection: close"},
		{"idle", nil, "FC405", "idle"},
	}
	for i, c := range cases {
		layout := layouts[i%len(layouts)]
		t.Run(c.server+"/"+layout, func(t *testing.T) {
			path := serverImage(t, layout, c.server, func(im *imagetest.Image) { im.Env = append(im.Env, c.env...) })
			var want []string
			if c.want != "" {
				want = []string{c.want}
			}
			res := runProbe(t, Options{Path: path, wrongPortSettle: 300 * time.Millisecond}, want...)
			if c.check != "" && len(res.Findings) == 1 && !strings.Contains(res.Findings[0].Message, c.check) {
				t.Errorf("message lacks %q: %s", c.check, res.Findings[0].Message)
			}
			for _, f := range res.Findings {
				if strings.Contains(f.Message+f.Fix, "customRuntimeConfig") {
					t.Errorf("an image's finding names customRuntimeConfig: %s; fix: %s", f.Message, f.Fix)
				}
			}
		})
	}
}

// customContainerConfig's healthCheckConfig is honoured for an image.
func TestProbeImageHealthCheck(t *testing.T) {
	path := serverImage(t, "docker", "lifecycle", func(im *imagetest.Image) {
		im.Env = append(im.Env, "HEALTH_PATH=/ready")
	})
	hc := config.HealthCheck{HTTPGetURL: set("/ready"), PeriodSeconds: set(1)}
	f := &config.Function{HealthCheck: hc, Container: &config.Container{}}
	res := runProbe(t, Options{Path: path, Function: f, Hold: 100 * time.Millisecond})
	if !strings.Contains(res.Output, "ROUTE GET /ready") {
		t.Errorf("no health check reached the image's server:\n%s", res.Output)
	}
	hc.HTTPGetURL, hc.FailureThreshold = set("/missing"), set(2)
	f = &config.Function{HealthCheck: hc, Container: &config.Container{}}
	res = runProbe(t, Options{Path: path, Function: f, Hold: 100 * time.Millisecond}, "FC410")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "GET /missing failed 2 time(s) in a row") {
		t.Errorf("message: %s", msg)
	}
}

// A script entrypoint runs through its shebang's interpreter, found in the
// image; CRLF line endings make the interpreter "/app/server\r", which no
// image has: the start fails (FC401).
func TestProbeImageScriptEntrypoint(t *testing.T) {
	for _, c := range []struct {
		script string
		want   []string
	}{
		{"#!/app/server\necho never run\n", nil},
		{"#!/app/server\r\necho never run\r\n", []string{"FC401"}},
		{"echo no shebang\n", []string{"FC401"}},
	} {
		path := serverImage(t, "legacy", "clean", func(im *imagetest.Image) {
			im.Entrypoint = []string{"start.sh"} // found through PATH=/app
			im.Layers = append(im.Layers, []imagetest.File{{Name: "app/start.sh", Mode: 0o755, Body: []byte(c.script)}})
		})
		res := runProbe(t, Options{Path: path, Hold: 100 * time.Millisecond}, c.want...)
		if len(c.want) == 0 && !strings.Contains(res.Steps[0].Detail, "start.sh") {
			t.Errorf("started: %s", res.Steps[0].Detail)
		}
	}
}

// flipCtx reports cancellation once its Err has been asked n times: a
// Ctrl-C in the middle of flattening a layer, without timing.
type flipCtx struct {
	context.Context
	n    *atomic.Int64
	done chan struct{} // never closed: only Err tells
}

func (c flipCtx) Done() <-chan struct{} { return c.done }

func (c flipCtx) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// Ctrl-C while the image is flattened stops the probe there: nothing is
// started and the scratch folder is gone.
func TestProbeImageCanceledWhileFlattening(t *testing.T) {
	path := serverImage(t, "docker", "clean", func(im *imagetest.Image) {
		im.Layers = append(im.Layers, []imagetest.File{{Name: "data/zeros", Body: make([]byte, 16<<20)}})
	})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Options{Path: path, Port: freePort(t), Notes: io.Discard}); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled before: err = %v, want context.Canceled", err)
	}
	n := &atomic.Int64{}
	n.Store(40) // a few entries and reads into the layers
	start := time.Now()
	_, err := Run(flipCtx{context.Background(), n, make(chan struct{})}, Options{Path: path, Port: freePort(t), Notes: io.Discard})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled while flattening: err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Run took %s after the cancellation", d)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("left behind: %v", entries)
	}
}
