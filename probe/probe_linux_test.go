package probe

import (
	"archive/zip"
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fclint/fclint/config"
)

var (
	buildOnce sync.Once
	buildErr  error
)

// server returns the path of a test server from testdata/servers, built once.
func server(t testing.TB, name string) string {
	t.Helper()
	buildOnce.Do(func() {
		// Under the temporary folder of the whole run, not a test's TMPDIR,
		// which goes away with that test.
		binDir, buildErr = os.MkdirTemp(runTempDir, "fclint-probe-servers-")
		if buildErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", binDir+string(filepath.Separator), "./testdata/servers/...")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = &buildError{string(out), err}
		}
	})
	if buildErr != nil {
		t.Fatalf("building test servers: %v", buildErr)
	}
	return filepath.Join(binDir, name)
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// freePort picks a port that is free right now and that no other test of
// this run was given. It is taken below the kernel's ephemeral range: a port
// from ":0" is ephemeral, so the source port of any outgoing connection (the
// probe's own, a concurrent run's) could take it before the function binds
// it, which made concurrent tests fail now and then.
func freePort(t testing.TB) int {
	t.Helper()
	portMu.Lock()
	defer portMu.Unlock()
	low, _ := ephemeralRange()
	if nextPort == 0 {
		// Spread by PID: test binaries of other packages run at the same time.
		nextPort = portSpanStart(low) + os.Getpid()%portSpan
	}
	for range portSpan {
		port := nextPort
		nextPort++
		if nextPort >= portSpanStart(low)+portSpan {
			nextPort = portSpanStart(low)
		}
		if ln, err := net.Listen("tcp", ":"+strconv.Itoa(port)); err == nil {
			ln.Close()
			return port
		}
	}
	t.Fatal("no free port below the ephemeral range")
	return 0
}

var (
	portMu   sync.Mutex
	nextPort int
)

const portSpan = 8000

func portSpanStart(ephemeralLow int) int { return max(1024, ephemeralLow-portSpan) }

// ephemeralRange is the kernel's range for automatic source ports.
func ephemeralRange() (low, high int) {
	low, high = 32768, 60999
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return low, high
	}
	f := strings.Fields(string(b))
	if len(f) == 2 {
		l, err1 := strconv.Atoi(f[0])
		h, err2 := strconv.Atoi(f[1])
		if err1 == nil && err2 == nil && l > 1024 {
			return l, h
		}
	}
	return low, high
}

// packageDir makes a package folder holding the given files (name -> path
// of a file to copy, or "text:..." for literal content), all executable.
func packageDir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		var b []byte
		if text, ok := strings.CutPrefix(src, "text:"); ok {
			b = []byte(text)
		} else {
			var err error
			if b, err = os.ReadFile(src); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runProbe runs one probe with short limits, in a private TMPDIR, and checks
// the findings, that no process survives and that the scratch folder is gone.
func runProbe(t *testing.T, opts Options, want ...string) *Result {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if opts.Port == 0 {
		opts.Port = freePort(t)
	}
	if opts.StartTimeout == 0 {
		opts.StartTimeout = 20 * time.Second // generous: the machine may be busy; success ends the wait early
	}
	if opts.Hold == 0 {
		opts.Hold = 1500 * time.Millisecond
	}
	var notes bytes.Buffer
	opts.Notes = &notes
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	res, err := Run(ctx, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule)
		if f.File != opts.Path || f.Line != 0 {
			t.Errorf("finding at %s:%d, want %s:0", f.File, f.Line, opts.Path)
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("findings %v, want %v", res.Findings, want)
		t.Logf("steps: %+v\nnotes: %s\noutput: %s", res.Steps, notes.String(), res.Output)
	}
	for _, pid := range res.PIDs {
		if running(pid) {
			t.Errorf("process %d is still running after Run", pid)
		}
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("temporary folder left behind: %v", entries)
	}
	return res
}

func TestCleanServer(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "clean")})
	res := runProbe(t, Options{Path: dir})
	if res.Listening.IsZero() || res.FirstInvoke.IsZero() {
		t.Errorf("listening %v, first invoke %v: want both", res.Listening, res.FirstInvoke)
	}
	var names []string
	for _, s := range res.Steps {
		if !s.OK {
			t.Errorf("step %s failed: %s", s.Name, s.Detail)
		}
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ","); got != "started,listening,invoke,keep-alive,idle hold" {
		t.Errorf("steps %s", got)
	}
	if !strings.Contains(res.Output, "FC Invoke Start RequestId: fclint-probe-") {
		t.Errorf("the server did not get FC's request ID header; output:\n%s", res.Output)
	}
}

// An HTTP function has no POST /invoke route: its 404 is no failure.
func TestHTTPFunction404(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "wrongport")})
	port := freePort(t)
	res := runProbe(t, Options{Path: dir, Port: port, Env: []string{"OTHER_PORT=" + strconv.Itoa(port)}})
	for _, s := range res.Steps {
		if !s.OK {
			t.Errorf("step %s failed: %s", s.Name, s.Detail)
		}
		if s.Name == "invoke" && !strings.Contains(s.Detail, "404 in") || s.Name == "invoke" && !strings.Contains(s.Detail, "HTTP function") {
			t.Errorf("invoke step %q does not explain the 404", s.Detail)
		}
	}
}

// An initializer configured but not served: FC fails the instance.
func TestInitializerNotFound(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "wrongport")})
	port := freePort(t)
	f := &config.Function{Initializer: config.Field[string]{Value: "true", Set: true}}
	res := runProbe(t, Options{Path: dir, Port: port, Function: f, Env: []string{"OTHER_PORT=" + strconv.Itoa(port)}}, "FC407")
	if len(res.Steps) < 3 || res.Steps[2].Name != "initialize" || res.Steps[2].OK || !strings.Contains(res.Steps[2].Detail, "failed initializer") {
		t.Errorf("steps %+v: want a failed initialize third", res.Steps)
	}
}

func TestReferenceServerFromZIP(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "fcserver")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/fclint/fclint/cmd/fcserver").CombinedOutput(); err != nil {
		t.Fatalf("building cmd/fcserver: %v\n%s", err, out)
	}
	zipPath := writeZIP(t, map[string]zipEntry{"bootstrap": {file: bin, mode: 0o755}})
	runProbe(t, Options{Path: zipPath})
}

func TestInitializerIsCalled(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "clean")})
	f := &config.Function{Initializer: config.Field[string]{Value: "true", Set: true}}
	res := runProbe(t, Options{Path: dir, Function: f})
	if len(res.Steps) < 3 || res.Steps[2].Name != "initialize" || !res.Steps[2].OK {
		t.Errorf("steps %+v: want initialize third", res.Steps)
	}
}

func TestExitsImmediately(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "exits")})
	res := runProbe(t, Options{Path: dir}, "FC401")
	msg := res.Findings[0].Message
	for _, want := range []string{"exit status 3", "DATABASE_URL is not set", "starting step 25"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "starting step 5\n") {
		t.Errorf("message shows more than the last 20 lines:\n%s", msg)
	}
}

func TestNeverListens(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "silent")})
	res := runProbe(t, Options{Path: dir, StartTimeout: time.Second}, "FC401")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "within 1s") || !strings.Contains(msg, "loading a very large model") {
		t.Errorf("message: %s", msg)
	}
}

func TestMissingBootstrap(t *testing.T) {
	dir := packageDir(t, map[string]string{"main": "text:#!/bin/sh\n"})
	runProbe(t, Options{Path: dir}, "FC401")
}

func TestLoopbackOnly(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "loopback")})
	res := runProbe(t, Options{Path: dir}, "FC402")
	if !strings.Contains(res.Findings[0].Message, "127.0.0.1:") {
		t.Errorf("message: %s", res.Findings[0].Message)
	}
}

func TestWrongPort(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "wrongport")})
	other := freePort(t)
	res := runProbe(t, Options{Path: dir, Env: []string{"OTHER_PORT=" + strconv.Itoa(other)}, wrongPortSettle: 300 * time.Millisecond}, "FC403")
	if !strings.Contains(res.Findings[0].Message, ":"+strconv.Itoa(other)) {
		t.Errorf("message does not name port %d: %s", other, res.Findings[0].Message)
	}
}

// The host's own listener on the function's other port must not count as
// the function listening on CAPort.
func TestHostListenersIgnored(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "silent")})
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	// Unsandboxed, the probe refuses a CAPort that is busy on the host...
	_, err = Run(context.Background(), Options{Path: dir, Port: ln.Addr().(*net.TCPAddr).Port, StartTimeout: time.Second, NoSandbox: true})
	if err == nil || !strings.Contains(err.Error(), "already in use") {
		t.Errorf("busy CAPort: err = %v", err)
	}
	// ...and other host listeners are not the function's (no FC403).
	runProbe(t, Options{Path: dir, StartTimeout: 500 * time.Millisecond}, "FC401")
}

func TestConnectionClose(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "connclose")})
	res := runProbe(t, Options{Path: dir}, "FC404")
	if !strings.Contains(res.Findings[0].Message, "Connection: close") {
		t.Errorf("message: %s", res.Findings[0].Message)
	}
}

func TestClosesAfterResponse(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "rawclose")})
	res := runProbe(t, Options{Path: dir}, "FC404")
	msg := res.Findings[0].Message
	if !strings.Contains(msg, "after the first response") || !strings.Contains(msg, "by the server)") {
		t.Errorf("message: %s", msg)
	}
	// No ephemeral address: the same problem gives the same message (and
	// SARIF fingerprint) on every run.
	if strings.Contains(msg, "127.0.0.1") {
		t.Errorf("message names a connection's addresses: %s", msg)
	}
}

func TestExitsOnInvoke(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "crashinvoke")})
	res := runProbe(t, Options{Path: dir}, "FC404")
	msg := res.Findings[0].Message
	if !strings.Contains(msg, "exit status 7") || !strings.HasSuffix(msg, "\n    fatal: config.yaml not found") {
		t.Errorf("message does not end with the process's last output:\n%s", msg)
	}
}

// A function that never answers is not a keep-alive problem: a failed step
// and a note, no finding.
func TestNoResponse(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "hang")})
	res := runProbe(t, Options{Path: dir, requestTimeout: 500 * time.Millisecond})
	last := res.Steps[len(res.Steps)-1]
	if last.Name != "invoke" || last.OK || !strings.Contains(last.Detail, "no response within 500ms") {
		t.Errorf("last step %+v, want a failed invoke without response", last)
	}
}

func TestIdleTimeout(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "idle")})
	res := runProbe(t, Options{Path: dir, Hold: 1500 * time.Millisecond}, "FC405")
	msg := res.Findings[0].Message
	// Closed after ~500ms: the message says when, not the hold.
	m := regexp.MustCompile(`after (\d+)ms`).FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("message does not report the close time: %s", msg)
	}
	if d, _ := strconv.Atoi(m[1]); d < 400 || d >= 1500 {
		t.Errorf("close reported after %dms, want about 500ms: %s", d, msg)
	}
}

const scriptBootstrap = "#!/bin/sh\necho starting\nexec /code/server\n"

func TestScriptBootstrapUsesCodeMount(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": "text:" + scriptBootstrap, "server": server(t, "clean")})
	res := runProbe(t, Options{Path: dir})
	if !res.Namespace {
		t.Skip("user namespaces unavailable here; the fallback is tested separately")
	}
}

func TestScriptBootstrapWithoutNamespace(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": "text:" + scriptBootstrap, "server": server(t, "clean")})
	res := runProbe(t, Options{Path: dir, NoSandbox: true}, "FC401")
	if res.Namespace {
		t.Error("ran in a namespace although told not to")
	}
	if !strings.Contains(res.Findings[0].Message, "/code/server") {
		t.Errorf("message does not show the script's error: %s", res.Findings[0].Message)
	}
}

// Without namespaces, /code in the command itself still resolves.
func TestCommandRewrittenWithoutNamespace(t *testing.T) {
	dir := packageDir(t, map[string]string{"server": server(t, "clean")})
	f := &config.Function{Command: config.Field[[]string]{Value: []string{"/code/server"}, Set: true}}
	runProbe(t, Options{Path: dir, Function: f, NoSandbox: true})
}

// A bootstrap script that leaves a background child: the child must die too.
func TestBackgroundChildKilled(t *testing.T) {
	script := "#!/bin/sh\nsleep 300 &\nexec /code/server\n"
	dir := packageDir(t, map[string]string{"bootstrap": "text:" + script, "server": server(t, "clean")})
	res := runProbe(t, Options{Path: dir, Hold: 100 * time.Millisecond})
	if len(res.PIDs) < 2 {
		t.Errorf("saw processes %v, want the server and the background sleep", res.PIDs)
	}
}

// A daemon that double-forks into its own session leaves both the process
// tree and the process group: it must die too.
func TestDaemonKilled(t *testing.T) {
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("setsid not installed")
	}
	for i, noNamespace := range []bool{false, true} {
		t.Run("noNamespace="+strconv.FormatBool(noNamespace), func(t *testing.T) {
			// A sleep time no other process has, to find the daemon afterwards.
			marker := "300." + strconv.Itoa(os.Getpid()) + strconv.Itoa(i)
			script := "#!/bin/sh\n(setsid sleep " + marker + " &)\nexec ./server\n"
			dir := packageDir(t, map[string]string{"bootstrap": "text:" + script, "server": server(t, "clean")})
			runProbe(t, Options{Path: dir, Hold: 100 * time.Millisecond, NoSandbox: noNamespace})
			var left []string
			procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
			for _, p := range procs {
				b, _ := os.ReadFile(p)
				if strings.Contains(string(b), marker) && running(pidOf(p)) {
					left = append(left, p)
					syscall.Kill(pidOf(p), syscall.SIGKILL)
				}
			}
			if len(left) > 0 {
				t.Errorf("the daemonized child survived the probe: %v", left)
			}
		})
	}
}

func pidOf(procPath string) int {
	pid, _ := strconv.Atoi(strings.Split(procPath, "/")[2])
	return pid
}

func TestPythonHTTPServer(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	// Resolve shims (pyenv) to the real interpreter: the function gets FC's PATH, not ours.
	out, err := exec.Command(python, "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		t.Skip("python3 does not run: ", err)
	}
	python = strings.TrimSpace(string(out))
	// The sandbox hides home folders (as FC has none of the host's): an
	// interpreter installed there runs only unisolated.
	hidden := hiddenFromSandbox(python)
	for _, tc := range []struct {
		bind string
		want string
	}{
		{"127.0.0.1", "FC402,FC404"}, // loopback only; the probe goes on through loopback and sees HTTP/1.0
		{"0.0.0.0", "FC404"},         // http.server speaks HTTP/1.0: one request per connection
	} {
		t.Run(tc.bind, func(t *testing.T) {
			script := "#!/bin/sh\nexec " + python + " -m http.server --bind " + tc.bind + " \"$FC_CUSTOM_LISTEN_PORT\"\n"
			dir := packageDir(t, map[string]string{"bootstrap": "text:" + script})
			runProbe(t, Options{Path: dir, StartTimeout: 30 * time.Second, NoSandbox: hidden}, strings.Split(tc.want, ",")...)
		})
	}
}

// Node's http server closes idle keep-alive connections after about 5-6s
// (server.keepAliveTimeout, plus a grace second in recent versions): FC405
// within the default hold.
func TestNodeHTTPServer(t *testing.T) {
	if testing.Short() {
		t.Skip("holds the connection for 8s")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	if node, err = filepath.EvalSymlinks(node); err != nil {
		t.Skip(err)
	}
	server := "require('http').createServer((req, res) => res.end('ok')).listen(process.env.FC_CUSTOM_LISTEN_PORT)\n"
	script := "#!/bin/sh\nexec " + node + " /code/server.js\n"
	dir := packageDir(t, map[string]string{"bootstrap": "text:" + script, "server.js": "text:" + server})
	res := runProbe(t, Options{Path: dir, Hold: 8 * time.Second, StartTimeout: 30 * time.Second, NoSandbox: hiddenFromSandbox(node)}, "FC405")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "closed an idle keep-alive connection after ") {
		t.Errorf("message does not say when the server closed the connection: %s", msg)
	}
}

// Probes may run side by side (a library caller, parallel tests).
func TestConcurrentRuns(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "clean")})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := Run(context.Background(), Options{Path: dir, Port: freePort(t), Hold: 100 * time.Millisecond, StartTimeout: 30 * time.Second})
			if err != nil || len(res.Findings) > 0 {
				t.Errorf("Run: %v, findings %v", err, res)
			}
		}()
	}
	wg.Wait()
}

type zipEntry struct {
	file, text, link string
	mode             os.FileMode
}

func writeZIP(t testing.TB, entries map[string]zipEntry) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "function.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, e := range entries {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		body := []byte(e.text)
		mode := e.mode
		switch {
		case e.link != "":
			body, mode = []byte(e.link), os.ModeSymlink|0o777
		case e.file != "":
			var err error
			if body, err = os.ReadFile(e.file); err != nil {
				t.Fatal(err)
			}
		}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestZIPWithScriptAndSymlink(t *testing.T) {
	zipPath := writeZIP(t, map[string]zipEntry{
		"bootstrap":  {text: scriptBootstrap, mode: 0o755},
		"bin/server": {file: server(t, "clean"), mode: 0o755},
		"server":     {link: "bin/server"},
		"escape":     {link: "../../etc/passwd"}, // skipped (FC208)
	})
	runProbe(t, Options{Path: zipPath})
}

func TestZIPWithoutExecBit(t *testing.T) {
	zipPath := writeZIP(t, map[string]zipEntry{"bootstrap": {file: server(t, "clean"), mode: 0o644}})
	res := runProbe(t, Options{Path: zipPath}, "FC401")
	if !strings.Contains(res.Findings[0].Message, "permission denied") {
		t.Errorf("message: %s", res.Findings[0].Message)
	}
}

func TestNotAZIP(t *testing.T) {
	path := filepath.Join(t.TempDir(), "function.zip")
	os.WriteFile(path, []byte("not a zip"), 0o644)
	runProbe(t, Options{Path: path}, "FC211")
}

func TestCanceled(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "silent")})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	_, err := Run(ctx, Options{Path: dir, Port: freePort(t), StartTimeout: 30 * time.Second})
	if err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// Canceled during the idle hold: the probe closes the connection itself,
// which must not show as the server closing it.
func TestCanceledDuringHold(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "clean")})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var steps []Step
	onStep := func(s Step) {
		steps = append(steps, s)
		if s.Name == "keep-alive" {
			time.AfterFunc(200*time.Millisecond, cancel)
		}
	}
	_, err := Run(ctx, Options{Path: dir, Port: freePort(t), StartTimeout: 30 * time.Second, Hold: time.Minute, OnStep: onStep})
	if err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	for _, s := range steps {
		if !s.OK {
			t.Errorf("step after the cancel: %+v", s)
		}
	}
}

// The socket exists long before it listens: the probe must see the listen.
func TestSocketBeforeListen(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "slowbind")})
	res := runProbe(t, Options{Path: dir, Hold: 100 * time.Millisecond})
	if res.Listening.Sub(res.Started) < 500*time.Millisecond {
		t.Errorf("listening after %v, before the server listened", res.Listening.Sub(res.Started))
	}
}

// hiddenFromSandbox reports whether path lies in a host folder the sandbox
// does not show.
func hiddenFromSandbox(path string) bool {
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	return hostDirsHidden[first]
}

// A port the OS picked (port 0): the help points at the code, not at
// customRuntimeConfig.port.
func TestRandomPort(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "wrongport")})
	res := runProbe(t, Options{Path: dir, Env: []string{"OTHER_PORT=0"}, wrongPortSettle: 300 * time.Millisecond}, "FC403")
	if fix := res.Findings[0].Fix; !strings.Contains(fix, "chosen at random") || !strings.Contains(fix, "FC_CUSTOM_LISTEN_PORT") {
		t.Errorf("help: %s", fix)
	}
}
