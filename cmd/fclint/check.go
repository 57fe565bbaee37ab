package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/gocheck"
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
			p, err := g.printerFor(cmd.OutOrStdout(), "check")
			if err != nil {
				return err
			}
			// The analyzers find the configuration per package (so that go vet
			// and golangci-lint behave the same); resolving it once here lets
			// the user hear about problems with it.
			wd, _ := os.Getwd()
			switch conf, err := config.Resolve(g.configOptions(wd)); {
			case err != nil && g.config != "":
				return usageErr("%v", err) // a --config that cannot be read is not "no config"
			case err != nil:
				fmt.Fprintf(cmd.ErrOrStderr(), "fclint: warning: %v; the analyzers use CAPort %d\n", oneLine(err.Error()), g.caPortDefault())
			case conf.Note != "":
				fmt.Fprintln(cmd.ErrOrStderr(), "fclint: "+conf.Note)
			}
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
				wd, _ := os.Getwd()
				for _, n := range res.FixNotes {
					fmt.Fprintln(cmd.ErrOrStderr(), "fclint: "+n)
				}
				if len(res.Files) > 0 {
					rel := make([]string, len(res.Files))
					for i, f := range res.Files {
						rel[i] = gocheck.RelPath(wd, f)
					}
					fmt.Fprintf(cmd.ErrOrStderr(), "fclint: fixed %d finding(s); changed %s\n", res.Fixed, strings.Join(rel, ", "))
				}
			}
			return g.emit(cmd.OutOrStdout(), p, res.Findings)
		},
	}
	cmd.Flags().BoolVar(&tests, "tests", false, "also analyze _test.go files")
	cmd.Flags().BoolVar(&fix, "fix", false, "apply suggested fixes to the source files")
	return cmd
}
