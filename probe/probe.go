// Package probe starts a function package locally the way Function Compute
// does and tests what FC needs from it: that it accepts connections on CAPort
// on all interfaces in time (FC401-FC403), keeps connections alive across
// invocations (FC404) and does not close idle ones (FC405), within its
// memorySize (FC406), and that it serves the lifecycle FC configures:
// POST /initialize, POST /invoke for event functions, GET /pre-stop, the HTTP
// health check and instanceConcurrency (FC407-FC411).
//
// On Linux the function runs in a sandbox: new user, mount, PID, IPC, UTS and
// network namespaces; the host's folders read-only and locked, no homes, a
// private /tmp of diskSize, a fresh /proc, the package read-only at /code (or
// an image's flattened root), no capabilities, no_new_privs, and the
// configured memory and cpu limits. The probe reaches the function through
// the sandbox's own loopback. Without user namespaces it refuses, unless
// NoSandbox says to run the function in place.
package probe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// Defaults of Options.
const (
	DefaultStartTimeout = 120 * time.Second // FC's limit for accepting connections
	DefaultHold         = 10 * time.Second
)

// pollInterval is how often the process tree's sockets are inspected during
// the first pollFastFor of a start: short enough that the probe adds little
// to the measured start time. After that it is slowPollInterval: reading
// the socket tables costs about 2 ms of kernel time, which would keep a
// fifth of a core busy through a slow start or the FC403 settle time.
const (
	pollInterval     = 10 * time.Millisecond
	pollFastFor      = 2 * time.Second
	slowPollInterval = 50 * time.Millisecond
)

// pollEvery is the wait before the next poll, elapsed into the start.
func pollEvery(elapsed time.Duration) time.Duration {
	if elapsed < pollFastFor {
		return pollInterval
	}
	return slowPollInterval
}

// wrongPortSettle is how long the probe waits, once the process listens only
// on other ports, for CAPort to appear before reporting FC403. Servers that
// open a side port first usually bind CAPort right after.
const wrongPortSettle = 10 * time.Second

// requestTimeout bounds each request the probe sends.
const requestTimeout = 60 * time.Second

// Options configure one probe run.
type Options struct {
	Path     string           // a ZIP file or a package directory
	Function *config.Function // the resolved configuration (command, args, env, initializer); nil for none
	Port     int              // CAPort; 0 means Function.CAPort()
	// StartTimeout is how long the function may take to accept connections
	// (default DefaultStartTimeout).
	StartTimeout time.Duration
	// Hold is how long an idle keep-alive connection is held before it is
	// used again (default DefaultHold).
	Hold time.Duration
	Env  []string // extra KEY=VALUE pairs, applied after the configuration's environmentVariables
	// File is what findings name as their file (default Path).
	File string
	// Notes receives one-line remarks: running without namespaces, skipped
	// ZIP entries. Nil discards them.
	Notes io.Writer
	// OnStep, when set, is called as each step of the timeline completes.
	OnStep func(Step)
	// OnWait, when set, is called when the probe starts waiting: for the
	// function to listen, for a response, through the idle hold. The wait
	// ends with the next step or wait.
	OnWait func(Wait)

	// NoSandbox runs the function in place, unisolated: it sees and may
	// change everything the user running the probe may.
	NoSandbox bool
	// HostNetwork keeps the function in the host's network: it may reach
	// outside services (and anything on this machine) at start.
	HostNetwork bool
	// Verbose, when set, receives the function's output as it comes.
	Verbose io.Writer

	wrongPortSettle time.Duration // tests: shorten wrongPortSettle
	requestTimeout  time.Duration // tests: shorten requestTimeout
}

// Step is one event of the probe's timeline.
type Step struct {
	Name   string        // "started", "listening", "initialize", "invoke", "keep-alive", "idle hold"
	Detail string        // e.g. "after 132ms on 0.0.0.0:9000"
	At     time.Duration // since the process started
	OK     bool
}

// Wait is a step the probe is waiting on, for a live display.
type Wait struct {
	Step     string    // the step it will record: "listening", "invoke", "idle hold", ...
	Why      string    // what it waits for, e.g. "the function to accept connections on port 9000"
	Since    time.Time // when the wait began
	Deadline time.Time // when the probe gives up
}

// Result is what a probe run found.
type Result struct {
	Findings []report.Finding
	Steps    []Step
	// Namespace reports whether the function ran in the sandbox.
	Namespace bool
	// Limits says which resource limits were in force and what enforced them.
	Limits string
	// PIDs lists every process of the function's tree that the probe saw;
	// all of them are gone when Run returns.
	PIDs []int
	// Started is when the function's process started (its exec, after any
	// namespace setup); Listening when the
	// probe first connected to CAPort; FirstInvoke when the first /invoke
	// response arrived. Zero when not reached.
	Started, Listening, FirstInvoke time.Time
	// Output is the tail of the function's combined stdout and stderr.
	Output string
}

// ErrUnsupported is returned by Run where the probe cannot run (not Linux).
var ErrUnsupported = errors.New("probe runs on Linux only")

// Run starts the function, probes it and stops it. It returns an error only
// when the probe itself cannot run (the package cannot be opened or unpacked,
// CAPort is taken on this machine, ctx is canceled); what is wrong with the
// function becomes findings. The function's processes are gone and the
// temporary folder is removed when Run returns.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.StartTimeout <= 0 {
		opts.StartTimeout = DefaultStartTimeout
	}
	if opts.Hold <= 0 {
		opts.Hold = DefaultHold
	}
	if opts.Port == 0 {
		opts.Port = opts.Function.CAPort()
	}
	if opts.Port < 1 || opts.Port > 65535 {
		return nil, fmt.Errorf("invalid port %d", opts.Port)
	}
	if opts.File == "" {
		opts.File = opts.Path
	}
	if opts.Notes == nil {
		opts.Notes = io.Discard
	}
	if opts.wrongPortSettle == 0 {
		opts.wrongPortSettle = wrongPortSettle
	}
	if opts.requestTimeout == 0 {
		opts.requestTimeout = requestTimeout
	}
	return run(ctx, &opts)
}

// finding builds a probe finding; probe findings name the package, line 0.
func (o *Options) finding(id, format string, args ...any) report.Finding {
	return report.New(rules.MustGet(id), o.File, 0, 0, fmt.Sprintf(format, args...))
}
