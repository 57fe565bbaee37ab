package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/scaffold"
)

func newInitCmd(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Scaffold a compliant Go function (server, s.yaml, build) in DIR (default .)",
		Long: `init writes a new Function Compute custom-runtime function in Go that passes every
fclint check: s.yaml (fc3, custom.debian10, command /code/bootstrap, port 9000,
a pre-deploy build with CGO_ENABLED=0 GOOS=linux GOARCH=amd64), code/main.go (a
standard-library server on ":"+FC_CUSTOM_LISTEN_PORT without timeouts),
code/go.mod, code/.fcignore and a README with the build, pack, package, probe
and deploy steps. The function and module are named after DIR. Existing files
are never overwritten: if any is there, nothing is written.`,
		Example: `  fclint init hello && cd hello
  fclint init`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			name := scaffold.Name(dir)
			files, err := scaffold.Render(name)
			if err != nil {
				return usageErr("%v", err)
			}
			written, err := scaffold.Write(dir, files)
			var exists *scaffold.ExistsError
			if errors.As(err, &exists) {
				return usageErr("%v", err)
			}
			if err != nil {
				return usageErr("init: %v", err)
			}
			out := cmd.OutOrStdout()
			for _, p := range written {
				fmt.Fprintln(out, "created "+p)
			}
			fmt.Fprintf(out, "\nfunction %q: build, check and deploy it with the steps in %s\n", name, filepath.Join(dir, "README.md"))
			return nil
		},
	}
}
