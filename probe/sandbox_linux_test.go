package probe

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash/crc32"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fclint/fclint/config"
)

// These tests play the attacker: a function that tries to get out of the
// sandbox. Each attempt must be denied or reported, and leave nothing behind
// (runProbe checks processes and the temporary folder).

// attack runs the attacker server with env and returns its output.
func attack(t *testing.T, opts Options, env ...string) (*Result, string) {
	t.Helper()
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "attacker")})
	opts.Path = dir
	opts.Env = append(opts.Env, env...)
	if opts.Hold == 0 {
		opts.Hold = 100 * time.Millisecond
	}
	res := runProbe(t, opts)
	return res, res.Output
}

// denied checks that the attacker printed DENIED for what.
func denied(t *testing.T, output, what string) {
	t.Helper()
	if strings.Contains(output, "OK "+what+"\n") {
		t.Errorf("the function managed to %s:\n%s", what, output)
	} else if !strings.Contains(output, "DENIED "+what) {
		t.Errorf("no attempt to %s in the output:\n%s", what, output)
	}
}

func allowed(t *testing.T, output, what string) {
	t.Helper()
	if !strings.Contains(output, "OK "+what+"\n") {
		t.Errorf("the function could not %s:\n%s", what, output)
	}
}

func TestAttackWriteOutsideCodeAndTmp(t *testing.T) {
	hostDir := t.TempDir() // a folder the host can write, as the function's real package path can be
	victim := filepath.Join(hostDir, "pwned")
	etc := "/etc/fclint-probe-pwned"
	// The package folder by its real host path: readable through
	// /proc/self/mountinfo, and under /tmp, which the sandbox replaces.
	paths := []string{"/code/pwned", etc, "/root/pwned", "/var/tmp/fclint-probe-pwned", victim, "/tmp/fine", "/dev/shm/fine"}
	_, out := attack(t, Options{}, "ATTACK=write", "WRITE_PATHS="+strings.Join(paths, ":"))
	for _, p := range paths[:5] {
		denied(t, out, "write "+p)
	}
	allowed(t, out, "write /tmp/fine")
	allowed(t, out, "write /dev/shm/fine")
	for _, p := range []string{etc, "/root/pwned", "/var/tmp/fclint-probe-pwned", victim} {
		if _, err := os.Stat(p); err == nil {
			os.Remove(p)
			t.Errorf("%s was written on the host", p)
		}
	}
}

func TestAttackReadSecrets(t *testing.T) {
	_, out := attack(t, Options{}, "ATTACK=read", "READ_PATHS=/etc/shadow:/etc/hostname")
	denied(t, out, "read /etc/shadow")
}

func TestAttackRemountCode(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "attacker")})
	res := runProbe(t, Options{Path: dir, Hold: 100 * time.Millisecond, Env: []string{"ATTACK=remount"}})
	denied(t, res.Output, "remount /code")
	denied(t, res.Output, "remount /code in a new user namespace")
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("the function wrote into the package folder")
	}
}

func TestAttackHostLoopback(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan struct{}, 1)
	go func() {
		if c, err := ln.Accept(); err == nil {
			c.Close()
			accepted <- struct{}{}
		}
	}()
	_, out := attack(t, Options{}, "ATTACK=connect", "CONNECT_ADDR="+ln.Addr().String())
	denied(t, out, "connect "+ln.Addr().String())
	select {
	case <-accepted:
		t.Error("the host's listener accepted a connection from the function")
	default:
	}
	// --network host opts out, and then it does connect.
	_, out = attack(t, Options{HostNetwork: true}, "ATTACK=connect", "CONNECT_ADDR="+ln.Addr().String())
	allowed(t, out, "connect "+ln.Addr().String())
}

func TestAttackMemory(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "attacker")})
	f := &config.Function{MemorySize: config.Field[int]{Value: 128, Set: true}}
	res := runProbe(t, Options{Path: dir, Function: f, Hold: 100 * time.Millisecond, Env: []string{"ATTACK=alloc", "ALLOC_MB=2048"}}, limitFindings()...)
	if strings.Contains(res.Output, "OK alloc") {
		t.Errorf("the function allocated 2 GiB under memorySize 128:\n%s", res.Output)
	}
	if !strings.Contains(res.Limits, "memorySize 128 MB") {
		t.Errorf("limits %q do not name memorySize 128 MB", res.Limits)
	}
	if strings.Contains(res.Limits, "cgroup") && !strings.Contains(res.Findings[len(res.Findings)-1].Message, "memorySize is 128 MB") {
		t.Errorf("the finding does not name memorySize: %v", res.Findings)
	}
}

// limitFindings is what an allocation past memorySize gives: the function
// dies before it listens (FC401); a cgroup also says it was for memory
// (FC406), an rlimit makes its allocation fail.
func limitFindings() []string {
	l := newLimits(resources{memoryMB: 128, diskBytes: 1 << 20})
	defer l.close()
	if l.rlimit {
		return []string{"FC401"}
	}
	return []string{"FC401", "FC406"}
}

func TestAttackEndlessHeaders(t *testing.T) {
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "attacker")})
	res := runProbe(t, Options{Path: dir, Env: []string{"ATTACK=headers"}}, "FC404")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "response headers over 1 MiB") {
		t.Errorf("message: %s", msg)
	}
}

// A ZIP bomb is refused from its central directory: FC209, nothing written.
func TestAttackZIPBomb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.zip")
	if err := os.WriteFile(path, zipBomb(t, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runProbe(t, Options{Path: path}, "FC209")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "decompression-bomb") || !strings.Contains(msg, "nothing was unpacked") {
		t.Errorf("message: %s", msg)
	}
}

// Leftovers of a killed run are swept by the next one, including folders
// the function locked (chmod 000).
func TestSweepLeftovers(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// A PID that no longer runs: a finished child's.
	dead := deadPID(t)
	left := filepath.Join(tmp, cgroupPrefix+dead+"-abc")
	locked := filepath.Join(left, "code", "locked")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(locked, "big"), bytes.Repeat([]byte("x"), 1<<16), 0o644)
	os.Chmod(locked, 0)
	os.Chmod(filepath.Join(left, "code"), 0)
	mine := filepath.Join(tmp, scratchPrefix()+"live")
	os.Mkdir(mine, 0o755)
	sweepScratch()
	if _, err := os.Lstat(left); err == nil {
		t.Errorf("a killed run's folder was left: %s", left)
	}
	if _, err := os.Lstat(mine); err != nil {
		t.Errorf("a running probe's folder was swept")
	}
}

// deadPID is the PID of a process that has ended.
func deadPID(t *testing.T) string {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true: ", err)
	}
	return strconv.Itoa(cmd.Process.Pid)
}

// zipBomb is a real ZIP whose one entry inflates to mib MiB of zeros: one
// deflated MiB repeated (its back-references only reach zeros), then an
// empty final block.
func zipBomb(t *testing.T, mib int) []byte {
	t.Helper()
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestCompression)
	zeros := make([]byte, 1<<20)
	fw.Write(zeros)
	fw.Flush() // ends on a byte boundary, not final
	var body bytes.Buffer
	crc := crc32.NewIEEE()
	for range mib {
		body.Write(chunk.Bytes())
		crc.Write(zeros)
	}
	body.Write([]byte{0x03, 0x00}) // final empty fixed-Huffman block
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "bootstrap", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(body.Len()), UncompressedSize64: uint64(mib) << 20,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body.Bytes())
	zw.Close()
	return out.Bytes()
}

// The bomb of TestAttackZIPBomb is real: it inflates to what it declares.
func TestZIPBombIsReal(t *testing.T) {
	r, err := zip.NewReader(bytes.NewReader(zipBomb(t, 4)), int64(len(zipBomb(t, 4))))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := r.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, rc)
	if err != nil || n != 4<<20 {
		t.Fatalf("inflated %d bytes, err %v; want 4 MiB", n, err)
	}
}

// A daemon left by a run without the sandbox whose fclint was killed dies
// at the next run; one of a live fclint does not.
func TestSweepMarkedProcesses(t *testing.T) {
	start := func(owner string) *exec.Cmd {
		cmd := exec.Command("sleep", "300")
		cmd.Env = []string{runMarker + "=" + owner + "-x"}
		if err := cmd.Start(); err != nil {
			t.Skip("cannot start sleep: ", err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd
	}
	orphan := start(deadPID(t))
	mine := start(strconv.Itoa(os.Getpid()))
	sweepMarked()
	done := make(chan error, 1)
	go func() { done <- orphan.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Error("the process of a killed run survived the sweep")
	}
	if !running(mine.Process.Pid) {
		t.Error("the sweep killed a process of a running probe")
	}
}

// Ctrl-C while a big (legitimate) package unpacks: Run stops at once and
// leaves no temporary folder.
func TestCanceledDuringUnpack(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := filepath.Join(t.TempDir(), "big.zip")
	if err := os.WriteFile(path, zipBomb(t, 900), 0o644); err != nil { // under 1 GiB: no bomb
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := Run(ctx, Options{Path: path, StartTimeout: 30 * time.Second})
	if err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Run returned %s after the cancel", d)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("temporary folder left behind: %v", entries)
	}
}
