package probe

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

const noFollow = syscall.O_NOFOLLOW

// helperArg marks a re-execution of this program as the namespace helper.
const helperArg = "__fclint_probe_namespace_helper"

// process is the started function.
type process struct {
	cmd    *exec.Cmd
	pid    int
	output *tailBuffer
	exited chan struct{} // closed when the process has been waited for
	err    error         // Wait's result, valid after exited
	marker string        // runMarker=ID in the environment of a run without namespaces
}

// runMarker names the variable that marks the processes of one run made
// without namespaces.
const runMarker = "FCLINT_PROBE_RUN"

// startError is a function that could not be started at all (FC401).
type startError struct{ err error }

func (e *startError) Error() string { return e.err.Error() }

// launch starts argv in dir. With namespaces the function sees dir at /code;
// without, /code/... arguments are rewritten to dir and a note says so.
func launch(p *prober, dir, scratch string, argv []string, readOnly bool) (*process, error) {
	output := newTail(64 << 10)
	if !p.opts.noNamespace {
		proc, err := launchInNamespace(p, dir, scratch, argv, readOnly, output)
		if err == nil {
			p.res.Namespace = true
			return proc, nil
		}
		var se *startError
		if errors.As(err, &se) {
			return nil, err
		}
		fmt.Fprintf(p.opts.Notes, "fclint: probe: cannot mount the package at /code (%v); running it in place, so /code paths inside scripts will not resolve\n", err)
	}
	argv = outsideCode(argv, dir)
	env := environment(p.opts.Function, p.opts.Port, dir, p.opts.Env)
	// Without a PID namespace a daemon that double-forks leaves the tree and
	// the process group; the variable is how kill still finds it.
	marker := runMarker + "=" + randomID()
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
	proc := watchExit(cmd, output)
	proc.marker = marker
	return proc, nil
}

// launchInNamespace re-executes this program as the helper inside new user
// and mount namespaces; the helper mounts dir at /code and execs argv. The
// helper reports over a close-on-exec pipe: nothing (EOF) when the exec
// succeeded, "setup: ..." when namespaces are unavailable, "exec: ..." when
// the function itself could not be executed.
func launchInNamespace(p *prober, dir, scratch string, argv []string, readOnly bool, output *tailBuffer) (*process, error) {
	// /proc/self/exe, not os.Executable(): it still runs if the binary was
	// replaced on disk (go install) while fclint runs.
	const self = "/proc/self/exe"
	root := filepath.Join(scratch, "root")
	if err := os.Mkdir(root, 0o700); err != nil {
		return nil, err
	}
	statusR, statusW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer statusR.Close()
	ro := "rw"
	if readOnly {
		ro = "ro"
	}
	// Args[0] stays ours: test binaries (testscript) dispatch on it.
	args := append([]string{os.Args[0], helperArg, dir, root, ro, "--"}, argv...)
	env := environment(p.opts.Function, p.opts.Port, codeMountPoint, p.opts.Env)
	uid, gid := os.Getuid(), os.Getgid()
	helper := func(cloneflags uintptr) *exec.Cmd {
		cmd := &exec.Cmd{Path: self, Args: args, Env: env, Stdout: output, Stderr: output, ExtraFiles: []*os.File{statusW}}
		cmd.SysProcAttr = &syscall.SysProcAttr{
			Cloneflags:                 cloneflags,
			UidMappings:                []syscall.SysProcIDMap{{ContainerID: 0, HostID: uid, Size: 1}},
			GidMappings:                []syscall.SysProcIDMap{{ContainerID: 0, HostID: gid, Size: 1}},
			GidMappingsEnableSetgroups: false,
			Setpgid:                    true,
			Pdeathsig:                  syscall.SIGKILL,
		}
		cmd.WaitDelay = time.Second
		return cmd
	}
	// A PID namespace too, where the kernel allows it: the function is its
	// init, so killing the function kills every process it left, even a
	// daemon that double-forked out of the process tree and the group.
	cmd := helper(syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS | syscall.CLONE_NEWPID)
	if err = cmd.Start(); err != nil {
		cmd = helper(syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS)
		err = cmd.Start()
	}
	statusW.Close()
	if err != nil {
		return nil, err // e.g. EPERM: unprivileged user namespaces are disabled
	}
	proc := watchExit(cmd, output)
	statusR.SetReadDeadline(time.Now().Add(10 * time.Second))
	msg, err := io.ReadAll(io.LimitReader(statusR, 4096))
	if err != nil {
		proc.kill()
		return nil, fmt.Errorf("namespace helper: %v", err)
	}
	kind, text, _ := strings.Cut(string(msg), ": ")
	switch kind {
	case "":
		return proc, nil
	case "exec":
		proc.kill()
		return nil, &startError{errors.New(text)}
	default:
		proc.kill()
		return nil, errors.New(text)
	}
}

// watchExit waits for the process in the background.
func watchExit(cmd *exec.Cmd, output *tailBuffer) *process {
	proc := &process{cmd: cmd, pid: cmd.Process.Pid, output: output, exited: make(chan struct{})}
	go func() {
		proc.err = cmd.Wait()
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

// HelperMain runs inside the new namespaces: it mounts the package at /code
// and executes the function. It returns only on failure, with the exit code.
// Arguments: helperArg DIR ROOT ro|rw -- ARGV...
func HelperMain() int {
	status := os.NewFile(3, "status")
	syscall.CloseOnExec(3)
	fail := func(kind string, err error) int {
		fmt.Fprintf(status, "%s: %v", kind, err)
		return 127
	}
	a := os.Args
	if len(a) < 7 || a[5] != "--" {
		return fail("setup", errors.New("bad helper arguments"))
	}
	dir, root, readOnly, argv := a[2], a[3], a[4] == "ro", a[6:]
	if err := mountCode(dir, root, readOnly); err != nil {
		return fail("setup", err)
	}
	path, err := lookPath(argv[0], os.Getenv("PATH"), codeMountPoint)
	if err != nil {
		return fail("exec", err)
	}
	err = syscall.Exec(path, argv, os.Environ())
	return fail("exec", fmt.Errorf("%s: %w", argv[0], err))
}
