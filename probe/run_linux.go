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

	"github.com/fclint/fclint/packaging/image"
	"github.com/fclint/fclint/report"
)

// prober carries one run's state.
type prober struct {
	ctx       context.Context
	opts      *Options
	res       *Result
	proc      *process
	resources resources
	// limits is set by awaitLimits, from the cgroup made in the background
	// while the sandbox starts.
	limits      *limits
	limitsReady chan *limits
	image       *imageRun // a container image instead of a package
}

// awaitLimits waits for the run's cgroup (or rlimit) to be ready.
func (p *prober) awaitLimits() *limits {
	if p.limits == nil {
		p.limits = <-p.limitsReady
	}
	return p.limits
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
	s := Step{Name: name, Detail: sanitize(fmt.Sprintf(format, args...)), At: at, OK: ok}
	p.res.Steps = append(p.res.Steps, s)
	if p.opts.OnStep != nil {
		p.opts.OnStep(s)
	}
}

// waiting tells OnWait that a step waits: what for, and for how long at most.
func (p *prober) waiting(step, why string, d time.Duration) {
	if p.opts.OnWait != nil && !p.canceled() {
		p.opts.OnWait(Wait{Step: step, Why: why, Since: time.Now(), Deadline: time.Now().Add(d)})
	}
}

func (p *prober) canceled() bool { return p.ctx != nil && p.ctx.Err() != nil }

func (p *prober) finding(id, format string, args ...any) {
	p.add(p.opts.finding(id, format, args...))
}

// add records a finding, its text made safe for a terminal.
func (p *prober) add(f report.Finding) {
	if p.canceled() {
		return
	}
	f.Message = sanitize(f.Message)
	if p.image != nil {
		// An image's port is customContainerConfig's (caPort for the
		// legacy fc component, which the caller's PortKey rewrites).
		fs := []report.Finding{f}
		report.UsePortKey(fs, "customContainerConfig.port")
		f = fs[0]
	}
	p.res.Findings = append(p.res.Findings, f)
}

// exitSuffix says that the process is gone, when it is, with its last output.
// A process that closed the connection by exiting is reaped through the
// sandbox's PID 1, which can take a while on a loaded machine: it gets a
// second before the finding goes out without its output.
func (p *prober) exitSuffix() string {
	if p.proc == nil {
		return ""
	}
	select {
	case <-p.proc.exited:
	case <-time.After(time.Second):
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
	// Only a function in the host's network competes for the port.
	if opts.NoSandbox || opts.HostNetwork {
		if err := portFree(opts.Port); err != nil {
			return nil, err
		}
	}
	sweepScratch()
	scratch, err := os.MkdirTemp("", scratchPrefix())
	if err != nil {
		return nil, err
	}
	defer removeScratch(scratch)

	p := &prober{ctx: ctx, opts: opts, res: &Result{}, resources: resourcesOf(opts.Function, opts.requestTimeout), limitsReady: make(chan *limits, 1)}
	// The cgroup and the sweep of killed runs' processes take a few
	// milliseconds: they run while the package unpacks and the sandbox starts.
	go func() {
		sweepMarked()
		p.limitsReady <- newLimits(p.resources)
	}()
	defer func() { p.awaitLimits().close() }()
	note := func(s string) { fmt.Fprintln(opts.Notes, "fclint: probe: "+sanitize(s)) }
	dir := opts.Path
	if image.Looks(opts.Path, fi) {
		if opts.NoSandbox {
			return nil, errors.New("a container image runs only in the sandbox; drop --no-sandbox")
		}
		if p.image, err = prepareImage(ctx, opts, scratch); err != nil {
			return nil, err
		}
		if p.image.userErr != nil {
			// Docker refuses to start such a container, and so does FC.
			p.step("started", false, "USER %s: %v", p.image.user, p.image.userErr)
			f := p.opts.finding("FC401", "the function could not be started: the image's USER %s does not resolve: %v", p.image.user, p.image.userErr)
			f.Fix = "create the user in the image (RUN useradd, or adduser on Alpine, before USER), or write USER as a numeric uid[:gid]"
			p.add(f)
			return p.res, nil
		}
		dir = p.image.rootfs
	} else if !fi.IsDir() {
		dir = filepath.Join(scratch, "code")
		if err := os.Mkdir(dir, 0o755); err != nil {
			return nil, err
		}
		if err := unpack(ctx, opts.Path, dir, note); err != nil {
			var bad *errInvalidArchive
			var bomb *errBomb
			switch {
			case errors.As(err, &bad):
				p.finding("FC211", "%s is not a valid ZIP: %v", opts.File, bad.err)
				return p.res, nil
			case errors.As(err, &bomb):
				p.finding("FC209", "%s; nothing was unpacked", bomb.msg)
				return p.res, nil
			}
			return nil, err
		}
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	for _, name := range unresolvedEnv(opts.Function, opts.Env) {
		note(fmt.Sprintf("environment variable %s has a placeholder value in the configuration and is not set; pass --env %s=VALUE", name, name))
	}
	switch {
	case opts.NoSandbox:
		note("--no-sandbox: the function runs in place as you, unisolated: it can read and write your files, reach the network and this machine's services, and /code paths are rewritten to the package folder")
	case opts.HostNetwork:
		note("--network host: the function shares this machine's network; it can reach outside services and every service listening on this machine")
	}
	argv := commandLine(opts.Function)
	if p.image != nil {
		argv = p.image.argv
	}
	launchStart := time.Now()
	p.res.Started = launchStart // until the exec succeeds
	proc, err := launch(p, dir, argv)
	if err != nil {
		var se *startError
		if errors.As(err, &se) {
			p.step("started", false, "%v", se.err)
			p.finding("FC401", "the function could not be started: %v", se.err)
			return p.res, nil
		}
		return nil, err
	}
	// The function's clock starts at its exec, after the sandbox's setup:
	// the time to listen is the function's own, as FC would see it.
	p.res.Started = time.Now()
	setup := p.res.Started.Sub(launchStart)
	p.proc = proc
	p.res.Limits = p.awaitLimits().describe()
	note("limits: " + p.res.Limits)
	defer func() {
		seen := proc.kill()
		p.res.PIDs = mergePIDs(p.res.PIDs, seen)
		p.res.Output = proc.output.String()
	}()
	where := "in place, unisolated"
	if p.res.Namespace {
		where = "in the sandbox, set up in " + ms(setup)
		if p.image != nil {
			where = "in the sandbox on the image's root, set up in " + ms(setup)
		}
	}
	p.step("started", true, "%s (%s)", strings.Join(argv, " "), where)

	conn, err := p.waitListening(ctx)
	if err != nil {
		return nil, err
	}
	if conn == nil {
		p.checkOOM()
		return p.res, nil
	}
	if !p.healthCheck(ctx) {
		conn.Close()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.checkOOM()
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
	p.checkOOM()
	return p.res, nil
}

// checkOOM reports a function the kernel killed for memory.
func (p *prober) checkOOM() {
	killed, peak := p.limits.oomKilled()
	if !killed {
		return
	}
	peakText := "its peak is unknown"
	if peak > 0 {
		peakText = fmt.Sprintf("it reached %d MB", peak>>20)
	}
	p.finding("FC406", "the function was killed for memory: memorySize is %d MB and %s; FC kills it the same way and answers \"Process exited unexpectedly\"", p.limits.memoryMB, peakText)
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
	p.waiting("listening", fmt.Sprintf("the function to accept connections on CAPort %d", port), p.opts.StartTimeout)
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
				if conn := p.dialLoopback(port, onPort); conn != nil {
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
			if conn := p.dialLoopback(port, reachable); conn != nil {
				p.res.Listening = time.Now()
				p.step("listening", true, "after %s on %s", ms(p.res.Listening.Sub(p.res.Started)), joinListeners(onPort))
				return conn, nil
			}
		}
		if exited {
			p.step("exited", false, "%s after %s", p.proc.exitStatus(), ms(time.Since(p.res.Started)))
			f := p.opts.finding("FC401", "the process exited (%s) before accepting connections on port %d%s", p.proc.exitStatus(), port, p.outputTail())
			// A crash at start is rarely about the port: most often
			// configuration the function expects is missing.
			f.Fix = "its output is above; if it needs configuration, pass --env NAME=VALUE or set environmentVariables in the configuration"
			p.add(f)
			return nil, nil
		}
		if len(other) > 0 && len(onPort) == 0 {
			if otherSince.IsZero() {
				otherSince = time.Now()
			}
			if time.Since(otherSince) >= p.opts.wrongPortSettle || time.Now().After(deadline) {
				p.step("listening", false, "on %s, not on port %d", joinListeners(other), port)
				f := p.opts.finding("FC403", "the process listens on %s but not on CAPort %d; FC sends requests to port %d only", joinListeners(other), port, port)
				if randomPorts(other) {
					// Setting CAPort to a port that changes every start
					// cannot work: the code must listen on CAPort.
					f.Fix = fmt.Sprintf("the port looks chosen at random (port 0, or a random pick in the system's ephemeral range): make the code that picks it listen on $FC_CUSTOM_LISTEN_PORT (%d) instead", port)
				}
				p.add(f)
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
func (p *prober) dialLoopback(port int, ls []listener) net.Conn {
	hosts := []string{"127.0.0.1"}
	for _, l := range ls {
		if l.IP.To4() == nil {
			hosts = append(hosts, "::1")
			break
		}
	}
	for _, h := range hosts {
		conn, err := p.proc.dial(h, port)
		if err == nil && conn != nil {
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

// randomPorts reports whether every listener is on a port of the kernel's
// ephemeral range, where port 0 binds land.
func randomPorts(ls []listener) bool {
	low, high := 32768, 60999
	if b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range"); err == nil {
		if f := strings.Fields(string(b)); len(f) == 2 {
			if l, err := strconv.Atoi(f[0]); err == nil {
				low = l
			}
			if h, err := strconv.Atoi(f[1]); err == nil {
				high = h
			}
		}
	}
	for _, l := range ls {
		if l.Port < low || l.Port > high {
			return false
		}
	}
	return len(ls) > 0
}
