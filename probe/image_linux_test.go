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

// userImage is the attacker image with USER user, an /etc/passwd and
// /etc/group, a file the user owns and one only root reads.
func userImage(t *testing.T, user string, env ...string) string {
	t.Helper()
	bin, err := os.ReadFile(server(t, "attacker"))
	if err != nil {
		t.Fatal(err)
	}
	im := imagetest.Image{
		Entrypoint: []string{"/app/server"},
		Env:        append([]string{"PATH=/app:/usr/bin:/bin", "ATTACK=whoami,read", "READ_PATHS=/app/own.txt:/app/secret.txt"}, env...),
		WorkingDir: "/app",
		User:       user,
		Layers: [][]imagetest.File{{
			{Name: "etc/"},
			{Name: "etc/passwd", Body: []byte("root:x:0:0:root:/root:/bin/sh\n# a comment\nbroken line\napp:x:1001:1002::/home/app:/bin/sh\n")},
			{Name: "etc/group", Body: []byte("root:x:0:\nstaff:x:50:app\napp:x:1002:\n")},
			{Name: "app/"}, {Name: "app/server", Mode: 0o755, Body: bin},
			{Name: "app/secret.txt", Mode: 0o600, Body: []byte("only root reads this")},
		}, {
			{Name: "app/own.txt", Mode: 0o600, UID: 1001, GID: 1002, Body: []byte("the user's own")},
		}},
	}
	p := filepath.Join(t.TempDir(), "image.tar")
	if err := imagetest.DockerSave(p, im, false); err != nil {
		t.Fatal(err)
	}
	return p
}

// The entrypoint runs as the image's USER, resolved in the image's own
// /etc/passwd and /etc/group, with HOME from passwd unless the image sets
// one; it reads what that user owns and not what only root reads.
func TestProbeImageUser(t *testing.T) {
	for _, c := range []struct {
		user string
		env  []string
		want string
	}{
		{"app", nil, "ID uid=1001 gid=1002 home=/home/app"},
		{"app:staff", nil, "ID uid=1001 gid=50 home=/home/app"},
		{"1001", []string{"HOME=/custom"}, "ID uid=1001 gid=1002 home=/custom"},
		{"1500:7", nil, "ID uid=1500 gid=7 home=/"},
		{"", nil, "ID uid=0 gid=0 home=/tmp"},
		{"root", nil, "ID uid=0 gid=0 home=/root"},
	} {
		t.Run(c.user, func(t *testing.T) {
			res := runProbe(t, Options{Path: userImage(t, c.user, c.env...), Hold: 100 * time.Millisecond})
			if !strings.Contains(res.Output, c.want+"\n") {
				t.Errorf("want %q in the output:\n%s", c.want, res.Output)
			}
			if os.Geteuid() != 0 {
				return // unprivileged, the image's files all belong to the one id mapped
			}
			root := c.user == "" || c.user == "root"
			if root || strings.HasPrefix(c.user, "app") || c.user == "1001" {
				allowed(t, res.Output, "read /app/own.txt")
			} else {
				denied(t, res.Output, "read /app/own.txt")
			}
			if root {
				allowed(t, res.Output, "read /app/secret.txt")
			} else {
				denied(t, res.Output, "read /app/secret.txt")
			}
		})
	}
}

// A USER name the image's passwd lacks stops the start, as Docker's
// "unable to find user".
func TestProbeImageUnknownUser(t *testing.T) {
	for _, user := range []string{"ghost", "app:nogroup", "99999999999"} {
		res := runProbe(t, Options{Path: userImage(t, user), Hold: 100 * time.Millisecond}, "FC401")
		if msg := res.Findings[0].Message; !strings.Contains(msg, "USER "+user+" does not resolve") {
			t.Errorf("USER %s: %s", user, msg)
		}
	}
}
