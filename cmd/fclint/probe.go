package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/probe"
	"github.com/fclint/fclint/report"
)

func newProbeCmd(g *globalFlags) *cobra.Command {
	var startTimeout, hold time.Duration
	var env []string
	var noSandbox, verbose bool
	var network string
	cmd := &cobra.Command{
		Use:   "probe [flags] PATH|IMAGE.tar",
		Short: "Start the function locally as FC would, and test it (FC4xx)",
		Long: `probe starts a package (a ZIP, or the folder that becomes it) the way Function
Compute does: command and args from the configuration (or /code/bootstrap), FC's
environment and limits (memorySize, cpu, diskSize, timeout), the package
mounted read-only at /code, in a sandbox: the host read-only, no homes, a
private /tmp and network. It then checks that the function
accepts connections on CAPort on all interfaces within the start deadline
(FC401-FC403), keeps one connection alive across invocations (FC404) and does
not close it while idle (FC405). It only connects to loopback, and stops every
process it started. Linux only.`,
		Example: `  fclint probe function.zip
  fclint probe image.tar   # docker save or OCI archive: its entrypoint on its own root
  fclint probe --hold 30s --env DB_URL=postgres://localhost/test ./code
  fclint probe --port 8080 --start-timeout 20s --format json function.zip`,
		Args: exactArgs(1, "PATH: the ZIP or folder to start (e.g. fclint probe function.zip)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			p, err := g.printerFor(out, "probe")
			if err != nil {
				return err
			}
			if startTimeout <= 0 || hold <= 0 {
				return usageErr("--start-timeout and --hold must be positive")
			}
			if network != "sandbox" && network != "host" {
				return usageErr("--network must be sandbox or host")
			}
			if err := probe.ParseEnv(env); err != nil {
				return usageErr("%v", err)
			}
			path := filepath.Clean(args[0])
			conf, err := packageConfig(g, cmd.ErrOrStderr(), path)
			if err != nil {
				return err
			}
			opts := probe.Options{
				Path:         path,
				Function:     conf.Function,
				StartTimeout: startTimeout,
				Hold:         hold,
				Env:          env,
				Notes:        cmd.ErrOrStderr(),
				NoSandbox:    noSandbox,
				HostNetwork:  network == "host",
			}
			var tl *timeline
			if g.format == "text" {
				tl = newTimeline(out, colorEnabled(out, g.noColor))
				tl.live = isTerminal(out)
				tl.title = probe.Sanitize(fmt.Sprintf("probe %s (CAPort %d)", path, conf.Function.CAPort()))
				opts.OnStep = tl.step
				opts.OnWait = tl.wait
				defer tl.stop()
			}
			if verbose {
				dw := newDimWriter(cmd.ErrOrStderr(), colorEnabled(cmd.ErrOrStderr(), g.noColor))
				dw.tl = tl
				opts.Verbose = dw
				defer dw.flush()
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP) // SIGHUP: the terminal closed
			defer stop()
			res, err := probe.Run(ctx, opts)
			if errors.Is(err, context.Canceled) {
				return usageErr("probe interrupted; the function was stopped")
			}
			if err != nil {
				return usageErr("%v", err)
			}
			if tl != nil {
				tl.stop()
			}
			if g.format == "text" && len(res.Steps) > 0 {
				fmt.Fprintln(out)
			}
			report.UsePortKey(res.Findings, conf.Function.PortKey())
			if g.format == "json" {
				return g.emitWithProbe(out, p, res)
			}
			return g.emit(out, p, res.Findings)
		},
	}
	f := cmd.Flags()
	f.DurationVar(&startTimeout, "start-timeout", probe.DefaultStartTimeout, "how long the function may take to accept connections (FC's limit is 120s)")
	f.DurationVar(&hold, "hold", probe.DefaultHold, "how long an idle keep-alive connection is held before it is used again")
	f.BoolVar(&noSandbox, "no-sandbox", false, "run the function in place, unisolated (where user namespaces are unavailable)")
	f.StringVar(&network, "network", "sandbox", "sandbox: only the sandbox's own loopback; host: the function shares this machine's network")
	f.BoolVarP(&verbose, "verbose", "v", false, "stream the function's stdout and stderr (dimmed) as it runs")
	f.StringArrayVar(&env, "env", nil, "extra environment variable KEY=VALUE for the function (repeatable; after the configuration's environmentVariables)")
	return cmd
}

// sinceStart formats a step's time for the timeline's column: milliseconds
// while they fit, then seconds (the idle hold alone is 10s).
func sinceStart(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}
