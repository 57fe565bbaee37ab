package probe

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// prober carries one run's state.
type prober struct {
	ctx  context.Context
	opts *Options
	res  *Result
	proc *process
}

// step records a timeline step. Once the run is canceled nothing is
// recorded: a connection the probe closed itself is no finding.
func (p *prober) step(name string, ok bool, format string, args ...any) {
	if p.canceled() {
		return
	}
	var at time.Duration
	if !p.res.Started.IsZero() {
		at = time.Since(p.res.Started)
	}
	s := Step{Name: name, Detail: fmt.Sprintf(format, args...), At: at, OK: ok}
	p.res.Steps = append(p.res.Steps, s)
	if p.opts.OnStep != nil {
		p.opts.OnStep(s)
	}
}

func (p *prober) canceled() bool { return p.ctx != nil && p.ctx.Err() != nil }

func (p *prober) finding(id, format string, args ...any) {
	if p.canceled() {
		return
	}
	p.res.Findings = append(p.res.Findings, p.opts.finding(id, format, args...))
}

// exitSuffix says that the process is gone, when it is, with its last output.
func (p *prober) exitSuffix() string {
	if p.proc == nil {
		return ""
	}
	select {
	case <-p.proc.exited:
	case <-time.After(100 * time.Millisecond):
		return ""
	}
	return "; the process exited (" + p.proc.exitStatus() + ")" + p.outputTail()
}

// outputTail formats the last 20 lines of the function's output.
func (p *prober) outputTail() string {
	lines := lastLines(p.proc.output.String(), 20)
	if len(lines) == 0 {
		return "; it printed nothing"
	}
	return "; its last output:\n    " + strings.Join(lines, "\n    ")
}

func run(ctx context.Context, opts *Options) (res *Result, err error) {
	fi, err := os.Stat(opts.Path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file or folder", opts.Path) // a FIFO would block
	}
	if err := portFree(opts.Port); err != nil {
		return nil, err
	}
	scratch, err := os.MkdirTemp("", "fclint-probe-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)

	p := &prober{ctx: ctx, opts: opts, res: &Result{}}
	note := func(s string) { fmt.Fprintln(opts.Notes, "fclint: probe: "+s) }
	dir, readOnly := opts.Path, true
	if !fi.IsDir() {
		dir, readOnly = filepath.Join(scratch, "code"), false
		if err := os.Mkdir(dir, 0o755); err != nil {
			return nil, err
		}
		if err := unpack(opts.Path, dir, note); err != nil {
			var bad *errInvalidArchive
			if errors.As(err, &bad) {
				p.finding("FC211", "%s is not a valid ZIP: %v", opts.File, bad.err)
				return p.res, nil
			}
			return nil, err
		}
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, err
	}

	for _, name := range unresolvedEnv(opts.Function, opts.Env) {
		note(fmt.Sprintf("environment variable %s has a placeholder value in the configuration and is not set; pass --env %s=VALUE", name, name))
	}
	argv := commandLine(opts.Function)
	launchStart := time.Now()
	p.res.Started = launchStart // until the exec succeeds
	proc, err := launch(p, dir, scratch, argv, readOnly)
	if err != nil {
		var se *startError
		if errors.As(err, &se) {
			p.step("started", false, "%v", se.err)
			p.finding("FC401", "the function could not be started: %v", se.err)
			return p.res, nil
		}
		return nil, err
	}
	// The function's clock starts at its exec, after the namespace setup:
	// the time to listen is the function's own, as FC would see it.
	p.res.Started = time.Now()
	setup := p.res.Started.Sub(launchStart)
	p.proc = proc
	defer func() {
		seen := proc.kill()
		p.res.PIDs = mergePIDs(p.res.PIDs, seen)
		p.res.Output = proc.output.String()
	}()
	where := "in place"
	if p.res.Namespace {
		where = "with the package at /code, set up in " + ms(setup)
	}
	p.step("started", true, "pid %d: %s (%s)", proc.pid, strings.Join(argv, " "), where)

	conn, err := p.waitListening(ctx)
	if err != nil {
		return nil, err
	}
	if conn == nil {
		return p.res, nil
	}
	done := make(chan struct{})
	go func() {
		exchange(p, conn)
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		conn.Close()
		<-done
		return nil, ctx.Err()
	}
	return p.res, nil
}

// portFree refuses to probe a port something on this machine already
// listens on: the function could not bind it, or the probe could reach the
// other server instead.
func portFree(port int) error {
	ln, err := net.Listen("tcp", ":"+strconv.Itoa(port))
	if err != nil {
		return fmt.Errorf("port %d is already in use on this machine; choose another with --port", port)
	}
	return ln.Close()
}

// waitListening polls the process tree's listening sockets until CAPort
// accepts a loopback connection on a non-loopback listener, and returns that
// connection. It returns nil (after recording findings) when the function
// fails to listen properly.
func (p *prober) waitListening(ctx context.Context) (net.Conn, error) {
	port := p.opts.Port
	deadline := p.res.Started.Add(p.opts.StartTimeout)
	var ls []listener
	var otherSince time.Time
	tick := time.NewTimer(pollInterval)
	defer tick.Stop()
	for {
		exited := p.proc.hasExited()
		pids := processTree(p.proc.pid)
		p.res.PIDs = mergePIDs(p.res.PIDs, pids)
		// The socket table is read on every poll while the tree holds
		// sockets: a socket appears (socket(2)) before it listens.
		ls = nil
		if inodes := socketInodes(pids); len(inodes) > 0 {
			ls = listeners(p.proc.pid, inodes)
		}
		var onPort, other []listener
		for _, l := range ls {
			if l.Port == port {
				onPort = append(onPort, l)
			} else {
				other = append(other, l)
			}
		}
		if len(onPort) > 0 {
			reachable := reachableListeners(onPort)
			if len(reachable) == 0 && allLoopback(onPort) {
				p.step("listening", false, "after %s on %s only", ms(time.Since(p.res.Started)), joinListeners(onPort))
				p.finding("FC402", "the process listens on %s only; FC connects from outside the instance, so requests fail with \"connection refused\"", joinListeners(onPort))
				// The probe itself can still get in through loopback: go on, so
				// that keep-alive problems show in the same run instead of
				// after the bind is fixed.
				if conn := dialLoopback(port, onPort); conn != nil {
					p.res.Listening = time.Now()
					return conn, nil
				}
				return nil, nil
			}
			if len(reachable) == 0 {
				p.step("listening", false, "on %s, which the probe cannot reach through loopback", joinListeners(onPort))
				fmt.Fprintf(p.opts.Notes, "fclint: probe: the process listens on %s, a specific address; FC needs 0.0.0.0 or [::] (the probe only connects through loopback and stops here)\n", joinListeners(onPort))
				return nil, nil
			}
			if conn := dialLoopback(port, reachable); conn != nil {
				p.res.Listening = time.Now()
				p.step("listening", true, "after %s on %s", ms(p.res.Listening.Sub(p.res.Started)), joinListeners(onPort))
				return conn, nil
			}
		}
		if exited {
			p.step("exited", false, "%s after %s", p.proc.exitStatus(), ms(time.Since(p.res.Started)))
			p.finding("FC401", "the process exited (%s) before accepting connections on port %d%s", p.proc.exitStatus(), port, p.outputTail())
			return nil, nil
		}
		if len(other) > 0 && len(onPort) == 0 {
			if otherSince.IsZero() {
				otherSince = time.Now()
			}
			if time.Since(otherSince) >= p.opts.wrongPortSettle || time.Now().After(deadline) {
				p.step("listening", false, "on %s, not on port %d", joinListeners(other), port)
				p.finding("FC403", "the process listens on %s but not on CAPort %d; FC sends requests to port %d only", joinListeners(other), port, port)
				return nil, nil
			}
		} else {
			otherSince = time.Time{}
		}
		if time.Now().After(deadline) {
			p.step("timeout", false, "nothing accepted connections on port %d within %s", port, p.opts.StartTimeout)
			p.finding("FC401", "nothing accepted connections on CAPort %d within %s (FC's limit is 120s)%s", port, p.opts.StartTimeout, p.outputTail())
			return nil, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-tick.C:
			tick.Reset(pollEvery(time.Since(p.res.Started)))
		case <-p.proc.exited:
		}
	}
}

// reachableListeners keeps the listeners a loopback connection reaches: the
// wildcard addresses. (Loopback ones are reachable too, but FC is not.)
func reachableListeners(ls []listener) []listener {
	var out []listener
	for _, l := range ls {
		if l.IP.IsUnspecified() {
			out = append(out, l)
		}
	}
	return out
}

func allLoopback(ls []listener) bool {
	for _, l := range ls {
		if !l.loopback() {
			return false
		}
	}
	return true
}

// dialLoopback connects to the listeners through loopback: 127.0.0.1 for
// 0.0.0.0 (and dual-stack [::]) or 127.0.0.1 itself, [::1] for IPv6 ones.
func dialLoopback(port int, ls []listener) net.Conn {
	hosts := []string{"127.0.0.1"}
	for _, l := range ls {
		if l.IP.To4() == nil {
			hosts = append(hosts, "::1")
			break
		}
	}
	for _, h := range hosts {
		conn, err := net.DialTimeout("tcp", net.JoinHostPort(h, strconv.Itoa(port)), 500*time.Millisecond)
		if err == nil {
			return conn
		}
	}
	return nil
}

func joinListeners(ls []listener) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = l.String()
	}
	return strings.Join(s, ", ")
}

func mergePIDs(have, more []int) []int {
	for _, pid := range more {
		found := false
		for _, h := range have {
			if h == pid {
				found = true
				break
			}
		}
		if !found {
			have = append(have, pid)
		}
	}
	return have
}
