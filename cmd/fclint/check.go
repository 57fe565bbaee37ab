package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/gocheck"
	"github.com/fclint/fclint/packaging"
	"github.com/fclint/fclint/report"
)

func newCheckCmd(g *globalFlags) *cobra.Command {
	var tests, fix bool
	cmd := &cobra.Command{
		Use:   "check [flags] [packages]",
		Short: "Run the Go analyzers (FC1xx) on packages (default ./...)",
		Long: `check loads Go packages (go/packages patterns, default ./...) and reports servers
that listen on loopback or a port other than CAPort, server timeouts that cut
FC's keep-alive connections, disabled keep-alive, short handler timeouts and the
go1 SDK used in a custom runtime. Test files are skipped unless --tests.`,
		Example: `  fclint ./...
  fclint check --port 8080 ./cmd/api
  fclint check --format sarif ./... > fclint.sarif
  fclint check --fix ./...`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir, ok := projectDir(g, args); ok {
				return runProject(cmd, g, dir, tests, fix)
			}
			p, err := g.printerFor(cmd.OutOrStdout(), "check")
			if err != nil {
				return err
			}
			// The analyzers find the configuration per package (so that go vet
			// and golangci-lint behave the same); resolving it once here names
			// it and stops on a file that cannot be read: exit 2, one line,
			// never a silent fallback to the defaults.
			wd, _ := os.Getwd()
			conf, err := config.Resolve(g.configOptions(wd))
			if err != nil {
				return usageErr("%v", err)
			}
			if err := checkConfigsBelow(wd, g.config); err != nil {
				return usageErr("%v", err)
			}
			if conf.Note != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "fclint: "+conf.Note)
			}
			g.announceConfig(cmd.ErrOrStderr(), conf)
			res, err := gocheck.Run(gocheck.Options{
				Patterns: args,
				Settings: fcconfig.Settings{Port: g.port, Runtime: g.runtime, Config: g.config, Tests: tests},
				Fix:      fix,
			})
			var le *gocheck.LoadError
			if errors.As(err, &le) {
				return usageErr("%s", le.Msg)
			}
			if err != nil {
				return usageErr("%v", err)
			}
			if fix {
				reportFixes(cmd.ErrOrStderr(), res)
			}
			// The fixes name the port key the function's configuration uses.
			report.UsePortKey(res.Findings, conf.Function.PortKey())
			// A value of the wrong type or out of range (port: abc, port: 0) is
			// FC301 here too, at its line, as in fclint package.
			if conf.File != nil {
				res.Findings = append(res.Findings, packaging.CheckConfigValues(packaging.Options{Path: ".", Function: conf.Function})...)
			}
			return g.emit(cmd.OutOrStdout(), p, res.Findings)
		},
	}
	cmd.Flags().BoolVar(&tests, "tests", false, "also analyze _test.go files")
	cmd.Flags().BoolVar(&fix, "fix", false, "apply suggested fixes to the source files")
	return cmd
}

// checkConfigsBelow loads every configuration file the packages below dir
// could use (as config.Fingerprint finds them): one that cannot be parsed is
// an error here rather than the defaults, silently, in its packages.
func checkConfigsBelow(dir, explicit string) error {
	if explicit != "" {
		return nil // the one file was resolved already
	}
	_, files := config.Fingerprint(dir, "")
	for _, f := range files {
		if _, err := config.Load(f); err != nil {
			return err
		}
	}
	return nil
}
