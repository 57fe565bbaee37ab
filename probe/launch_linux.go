package probe

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

const noFollow = syscall.O_NOFOLLOW

// helperArg marks a re-execution of this program as the sandbox helper.
const helperArg = "__fclint_probe_namespace_helper"

// process is the started function.
type process struct {
	cmd    *exec.Cmd
	pid    int // the sandbox helper's (the function's init), or the function's in place
	output *tailBuffer
	exited chan struct{} // closed when the process has been waited for
	err    error         // Wait's result, valid after exited
	marker string        // runMarker=ID in the environment of a run without the sandbox

	// In the sandbox: the helper's control socket, and what it said.
	ctl      *net.UnixConn
	ctlDone  chan struct{} // the helper closed the control socket
	first    chan string   // the helper's first message: started, setup or exec
	dials    chan dialResult
	dialMu   sync.Mutex
	exitText string // "exit status 3" from the helper, valid after exited
}

type dialResult struct {
	conn net.Conn
	err  error
}

// runMarker names the variable that marks the processes of one run made
// without the sandbox.
const runMarker = "FCLINT_PROBE_RUN"

// startError is a function that could not be started at all (FC401).
type startError struct{ err error }

func (e *startError) Error() string { return e.err.Error() }

// SandboxError says why the sandbox cannot be built on this machine (user
// namespaces disabled, say). The probe never falls back silently: the caller
// stops, or runs again with NoSandbox.
type SandboxError struct{ Err error }

func (e *SandboxError) Error() string {
	return "cannot isolate the function here (" + e.Err.Error() + "); user namespaces are needed, or pass --no-sandbox to run it unisolated"
}

func (e *SandboxError) Unwrap() error { return e.Err }

// launch starts argv: in the sandbox, where the function sees the package at
// /code; in place with NoSandbox, where /code/... arguments are rewritten to
// dir.
func launch(p *prober, dir string, argv []string) (*process, error) {
	output := newTail(64 << 10)
	if p.opts.Verbose != nil {
		output.echo = p.opts.Verbose
	}
	if !p.opts.NoSandbox {
		proc, err := launchSandboxed(p, dir, argv, output)
		if err == nil {
			p.res.Namespace = true
		}
		return proc, err
	}
	argv = outsideCode(argv, dir)
	env := environment(p.opts.Function, p.opts.Port, dir, p.opts.Env, p.resources.memoryMB)
	// Without a PID namespace a daemon that double-forks leaves the tree and
	// the process group; the variable is how kill still finds it.
	// It names this fclint, so a later run can kill what a killed one left.
	marker := runMarker + "=" + strconv.Itoa(os.Getpid()) + "-" + randomID()
	env = append(env, marker)
	path, err := lookPath(argv[0], envValue(env, "PATH"), dir)
	if err != nil {
		return nil, &startError{err}
	}
	cmd := &exec.Cmd{Path: path, Args: argv, Dir: dir, Env: env, Stdout: output, Stderr: output}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return nil, &startError{err}
	}
	if err := p.awaitLimits().attach(cmd.Process.Pid); err != nil {
		fmt.Fprintf(p.opts.Notes, "fclint: probe: %v\n", err)
	}
	proc := watchExit(cmd, output, nil)
	proc.marker = marker
	return proc, nil
}

// nobodyID is the host user and group the sandbox's root maps to when the
// probe runs as root: the function then owns nothing on the host.
const nobodyID = 65534

// launchSandboxed re-executes this program as the sandbox helper in new
// user, mount, PID, IPC, UTS and (unless HostNetwork) network namespaces.
// The helper builds the root, starts the function as its child and reports
// over a SOCK_SEQPACKET control socket.
func launchSandboxed(p *prober, dir string, argv []string, output *tailBuffer) (*process, error) {
	// /proc/self/exe, not os.Executable(): it still runs if the binary was
	// replaced on disk (go install) while fclint runs.
	const self = "/proc/self/exe"
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_SEQPACKET|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	ours, theirs := os.NewFile(uintptr(fds[0]), "ctl"), os.NewFile(uintptr(fds[1]), "ctl")
	defer theirs.Close()
	c, err := net.FileConn(ours)
	ours.Close()
	if err != nil {
		return nil, err
	}
	ctl := c.(*net.UnixConn)
	uid, gid := os.Getuid(), os.Getgid()
	spec := sandboxSpec{
		TmpBytes:    p.resources.diskBytes,
		HostNetwork: p.opts.HostNetwork,
		Code:        dir,
		Argv:        argv,
	}
	env := environment(p.opts.Function, p.opts.Port, codeMountPoint, p.opts.Env, p.resources.memoryMB)
	if p.image != nil {
		spec.Code, spec.RootFS, spec.Workdir = "", p.image.rootfs, p.image.workdir
		env = imageEnvironment(p.image.env, env)
	}
	attr := &syscall.SysProcAttr{
		Cloneflags: syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS | syscall.CLONE_NEWPID | syscall.CLONE_NEWIPC | syscall.CLONE_NEWUTS,
		Setpgid:    true,
		Pdeathsig:  syscall.SIGKILL,
	}
	if !p.opts.HostNetwork {
		attr.Cloneflags |= syscall.CLONE_NEWNET
	}
	// The function's ids in the sandbox: root, or an image's USER.
	var fu, fg uint32
	if p.image != nil {
		fu, fg = uint32(p.image.ids.uid), uint32(p.image.ids.gid)
	}
	helperCaps := []uintptr{unix.CAP_SYS_ADMIN, unix.CAP_SETUID, unix.CAP_SETGID, unix.CAP_SETPCAP, unix.CAP_NET_ADMIN, unix.CAP_DAC_OVERRIDE}
	// Unprivileged, one id maps: the host's user is the function's user
	// (root, or USER). A helper that is not the sandbox's root keeps the
	// capabilities it needs as ambient ones; it drops them all before the
	// function's exec.
	attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: int(fu), HostID: uid, Size: 1}}
	attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: int(fg), HostID: gid, Size: 1}}
	if fu != 0 {
		attr.AmbientCaps = helperCaps
	}
	if uid == 0 {
		// As root, the function's user (the sandbox's root, or USER) is
		// the host's nobody, without groups: it owns nothing and reads no
		// root-only file of the host. The helper itself is the host's root,
		// with the capabilities it needs to build the sandbox, under an id
		// the function's does not take: the sandbox's 1 for a root
		// function, else its root, so that the files an image's root owns
		// show as root's (ownImage).
		helperID := func(f uint32) int {
			if f == 0 {
				return 1
			}
			return 0
		}
		hu, hg := helperID(fu), helperID(fg)
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: int(fu), HostID: nobodyID, Size: 1}, {ContainerID: hu, HostID: 0, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: int(fg), HostID: nobodyID, Size: 1}, {ContainerID: hg, HostID: 0, Size: 1}}
		attr.GidMappingsEnableSetgroups = true
		attr.Credential = &syscall.Credential{Uid: uint32(hu), Gid: uint32(hg), Groups: []uint32{}}
		attr.AmbientCaps = helperCaps
		spec.SetIDs, spec.UID, spec.GID = true, fu, fg
	}
	specJSON, _ := json.Marshal(spec)
	// Args[0] stays ours: test binaries (testscript) dispatch on it.
	args := []string{os.Args[0], helperArg, string(specJSON)}
	cmd := &exec.Cmd{Path: self, Args: args, Env: env, Stdout: output, Stderr: output, ExtraFiles: []*os.File{theirs}, SysProcAttr: attr}
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		ctl.Close()
		return nil, &SandboxError{err} // e.g. EPERM: unprivileged user namespaces are disabled
	}
	theirs.Close()
	proc := watchExit(cmd, output, ctl)
	if err := p.awaitLimits().attach(cmd.Process.Pid); err != nil {
		proc.kill()
		return nil, err
	}
	ctl.Write([]byte(msgGo))
	var msg string
	select {
	case msg = <-proc.first:
	case <-proc.exited:
		msg = msgSetup + ": the sandbox helper exited (" + proc.exitStatus() + ")"
	case <-time.After(10 * time.Second):
		msg = msgSetup + ": the sandbox helper did not answer within 10s"
	}
	kind, text, _ := strings.Cut(msg, ": ")
	switch {
	case strings.HasPrefix(msg, msgStarted+" "):
		return proc, nil
	case kind == msgExec:
		proc.kill()
		return nil, &startError{errors.New(text)}
	default:
		proc.kill()
		return nil, &SandboxError{errors.New(text)}
	}
}

// dial connects to the function: through the helper, from inside the
// sandbox's network namespace, or directly without one.
func (proc *process) dial(host string, port int) (net.Conn, error) {
	if proc.ctl == nil {
		return net.DialTimeout("tcp", net.JoinHostPort(host, strconv.Itoa(port)), 500*time.Millisecond)
	}
	proc.dialMu.Lock()
	defer proc.dialMu.Unlock()
	if _, err := proc.ctl.Write([]byte(msgDial + " " + host + " " + strconv.Itoa(port))); err != nil {
		return nil, err
	}
	select {
	case r := <-proc.dials:
		return r.conn, r.err
	case <-proc.ctlDone:
		return nil, errors.New("the function's sandbox is gone")
	case <-time.After(5 * time.Second):
		return nil, errors.New("the sandbox helper did not connect within 5s")
	}
}

// readControl reads the helper's messages until it closes the socket.
func (proc *process) readControl() {
	defer close(proc.ctlDone)
	buf := make([]byte, 4096)
	oob := make([]byte, syscall.CmsgSpace(4))
	for {
		n, oobn, _, _, err := proc.ctl.ReadMsgUnix(buf, oob)
		if err != nil || n == 0 && oobn == 0 {
			return
		}
		msg := string(buf[:n])
		kind, text, _ := strings.Cut(msg, ": ")
		switch {
		case msg == msgDialOK:
			proc.dials <- dialResult{conn: connFromRights(oob[:oobn])}
		case kind == msgDialErr:
			proc.dials <- dialResult{err: errors.New(text)}
		case kind == msgExit:
			proc.exitText = text
		default:
			select {
			case proc.first <- msg:
			default:
			}
		}
	}
}

// connFromRights turns the descriptor of an SCM_RIGHTS message into a
// connection; nil when there is none.
func connFromRights(oob []byte) net.Conn {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil || len(msgs) == 0 {
		return nil
	}
	fds, err := syscall.ParseUnixRights(&msgs[0])
	if err != nil || len(fds) == 0 {
		return nil
	}
	for _, fd := range fds[1:] {
		syscall.Close(fd)
	}
	f := os.NewFile(uintptr(fds[0]), "conn")
	defer f.Close()
	conn, err := net.FileConn(f)
	if err != nil {
		return nil
	}
	return conn
}

// watchExit waits for the process in the background; with a control socket,
// also for the helper's last words on it.
func watchExit(cmd *exec.Cmd, output *tailBuffer, ctl *net.UnixConn) *process {
	proc := &process{cmd: cmd, pid: cmd.Process.Pid, output: output, exited: make(chan struct{}), ctl: ctl}
	if ctl != nil {
		proc.ctlDone = make(chan struct{})
		proc.first = make(chan string, 1)
		proc.dials = make(chan dialResult, 1)
		go proc.readControl()
	}
	go func() {
		proc.err = cmd.Wait()
		if ctl != nil {
			// The helper is gone, so the socket ends; its last message
			// (the function's exit) has been read when readControl returns.
			select {
			case <-proc.ctlDone:
			case <-time.After(time.Second):
			}
			ctl.Close()
		}
		close(proc.exited)
	}()
	return proc
}

// kill ends the whole process tree: the process group, and every descendant
// that left it, then waits for the process itself.
func (proc *process) kill() []int {
	pids := processTree(proc.pid)
	syscall.Kill(-proc.pid, syscall.SIGKILL)
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGKILL)
	}
	if proc.marker != "" {
		// Twice: a daemon may fork once more before the signal lands.
		for range 2 {
			for _, pid := range markedProcesses(proc.marker) {
				tree := processTree(pid)
				for _, p := range tree {
					syscall.Kill(p, syscall.SIGKILL)
				}
				pids = mergePIDs(pids, tree)
			}
		}
	}
	<-proc.exited
	// Run promises that no process of the function is left running: wait
	// (bounded: a pid may have been reused) for the killed daemons too.
	awaitGone(pids, 2*time.Second)
	return pids
}

func (proc *process) hasExited() bool {
	select {
	case <-proc.exited:
		return true
	default:
		return false
	}
}

// exitStatus describes how the process ended, e.g. "exit status 1".
func (proc *process) exitStatus() string {
	if proc.exitText != "" {
		return proc.exitText
	}
	if proc.err == nil {
		return "exit status 0"
	}
	return proc.err.Error()
}

func envValue(env []string, key string) string {
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// lookPath resolves the command like execvp does with the function's PATH
// (not fclint's). Names with a slash are taken relative to dir.
func lookPath(name, pathEnv, dir string) (string, error) {
	if strings.Contains(name, "/") {
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		return name, nil
	}
	for _, d := range filepath.SplitList(pathEnv) {
		if d == "" {
			d = "."
		}
		if !filepath.IsAbs(d) {
			d = filepath.Join(dir, d)
		}
		p := filepath.Join(d, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: not found in PATH %s", name, pathEnv)
}

// IsHelper reports whether this process was started as the probe's namespace
// helper. Programs that run probes (fclint, and tests of this package) call it
// first thing in main and then exit with HelperMain.
func IsHelper() bool { return len(os.Args) > 1 && os.Args[1] == helperArg }
