package probe

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/internal/imagetest"
)

// imageWith is a docker-save archive of one layer holding the attacker
// server at /app/server, started by its ENTRYPOINT in WORKDIR /app.
func imageWith(t *testing.T, env ...string) string {
	t.Helper()
	bin, err := os.ReadFile(server(t, "attacker"))
	if err != nil {
		t.Fatal(err)
	}
	im := imagetest.Image{
		Entrypoint: []string{"/app/server"},
		Env:        append([]string{"PATH=/app:/usr/bin:/bin"}, env...),
		WorkingDir: "/app",
		Layers: [][]imagetest.File{{
			{Name: "app/"}, {Name: "app/server", Mode: 0o755, Body: bin},
			{Name: "app/secret.txt", Mode: 0o600, Body: []byte("only root reads this")},
			{Name: "etc/"}, {Name: "etc/hostname", Body: []byte("image\n")},
		}},
	}
	p := filepath.Join(t.TempDir(), "image.tar")
	if err := imagetest.DockerSave(p, im, true); err != nil {
		t.Fatal(err)
	}
	return p
}

// An image runs on its own root, with its ENV and WORKDIR, in the same
// sandbox as a package: it cannot write its root, only /tmp.
func TestProbeImage(t *testing.T) {
	path := imageWith(t, "ATTACK=write,read", "WRITE_PATHS=/app/pwned:/etc/pwned:/tmp/fine", "READ_PATHS=/app/secret.txt:/etc/hostname:server:/usr/bin/env")
	res := runProbe(t, Options{Path: path, Hold: 100 * time.Millisecond})
	if !strings.Contains(res.Steps[0].Detail, "/app/server (in the sandbox on the image's root") {
		t.Errorf("started: %s", res.Steps[0].Detail)
	}
	out := res.Output
	denied(t, out, "write /app/pwned")
	denied(t, out, "write /etc/pwned")
	allowed(t, out, "write /tmp/fine")
	allowed(t, out, "read /app/secret.txt") // the image's root owns its files
	allowed(t, out, "read /etc/hostname")   // the image's, not the host's
	allowed(t, out, "read server")          // relative to WORKDIR
	denied(t, out, "read /usr/bin/env")     // the host's folders are not there
}

// customContainerConfig's entrypoint replaces the image's.
func TestProbeImageConfiguredEntrypoint(t *testing.T) {
	path := imageWith(t)
	f := &config.Function{Container: &config.Container{Entrypoint: set([]string{"/bin/false"})}}
	res := runProbe(t, Options{Path: path, Function: f, Hold: 100 * time.Millisecond}, "FC401")
	if !strings.Contains(res.Steps[0].Detail, "/bin/false") {
		t.Errorf("started: %s", res.Steps[0].Detail)
	}
}
