package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/scaffold"
)

func newInitCmd(g *globalFlags) *cobra.Command {
	var container bool
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Scaffold a compliant Go function (server, s.yaml, build) in DIR (default .)",
		Long: `init writes a new Function Compute custom-runtime function in Go that passes every
fclint check: s.yaml (fc3, custom.debian10, command /code/bootstrap, port 9000,
a pre-deploy build with CGO_ENABLED=0 GOOS=linux GOARCH=amd64), code/main.go (a
standard-library server on ":"+FC_CUSTOM_LISTEN_PORT without timeouts),
code/go.mod, code/.fcignore and a README with the build, pack, package, probe
and deploy steps. The function and module are named after DIR. Existing files
are never overwritten: if any is there, nothing is written.

With --container it writes a custom-container function instead: s.yaml (fc3,
runtime custom-container, customContainerConfig with port 9000), the same
server, and code/Dockerfile, a multi-stage build of a static linux/amd64 binary
into a scratch image that EXPOSEs 9000 and starts it in exec form.`,
		Example: `  fclint init hello && cd hello
  fclint init
  fclint init --container web`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			name := scaffold.Name(dir)
			render := scaffold.Render
			if container {
				render = scaffold.RenderContainer
			}
			files, err := render(name)
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
	cmd.Flags().BoolVar(&container, "container", false, "scaffold a custom-container function (Dockerfile and image) instead of a custom runtime ZIP")
	return cmd
}
