package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging"
)

func newPackageCmd(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "package [flags] PATH",
		Short: "Check a function package: a ZIP, or the folder that becomes it (FC2xx, FC3xx)",
		Long: `package inspects what FC will unpack to /code: a .zip (.jar and .war too), or the
code folder Serverless Devs zips (honoring .fcignore). It checks the entrypoint
(bootstrap or customRuntimeConfig.command), exec bits and Unix modes, scripts
(shebang, CRLF, the address the server binds), binaries (Linux x86-64, glibc),
unsafe entries, size limits and the configuration. It reads the ZIP's central
directory and a few bytes per entrypoint; nothing is extracted.

The configuration comes from --config, else the nearest s.yaml / s.yml /
template.yml from the package's folder upward.`,
		Example: `  fclint package function.zip
  fclint package ./code/target
  fclint package --runtime custom.debian12 --format json function.zip`,
		Args: exactArgs(1, "PATH"),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			p, err := g.printerFor(out, "package")
			if err != nil {
				return err
			}
			path := filepath.Clean(args[0])
			fi, err := os.Stat(path)
			if err != nil {
				return usageErr("%s", pathError(err))
			}
			dir := path
			if !fi.IsDir() {
				dir = filepath.Dir(path)
			}
			conf, err := config.Resolve(g.configOptions(dir))
			if err != nil {
				return usageErr("%v", err)
			}
			if conf.Note != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "fclint: "+conf.Note)
			}
			findings, err := packaging.Check(packaging.Options{Path: path, Function: conf.Function})
			if err != nil {
				return usageErr("%s", pathError(err))
			}
			return g.emit(out, p, findings)
		},
	}
}

// exactArgs is cobra.ExactArgs with a message that names the argument.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErr("%s needs %s (got %d arguments)", cmd.Name(), what, len(args))
		}
		return nil
	}
}

// pathError words a file error as one line without Go's op prefix.
func pathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return pe.Path + ": no such file or directory"
		case errors.Is(err, fs.ErrPermission):
			return pe.Path + ": permission denied"
		}
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}
