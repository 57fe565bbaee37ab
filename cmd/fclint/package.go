package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/packaging"
	"github.com/fclint/fclint/report"
)

func newPackageCmd(g *globalFlags) *cobra.Command {
	var dockerfile string
	cmd := &cobra.Command{
		Use:   "package [flags] PATH...",
		Short: "Check a function package: a ZIP, or the folder that becomes it (FC2xx, FC3xx)",
		Long: `package inspects what FC will unpack to /code: a .zip (.jar and .war too), or the
code folder Serverless Devs zips (honoring .fcignore). It checks the entrypoint
(bootstrap or customRuntimeConfig.command), exec bits and Unix modes, scripts
(shebang, CRLF, the address the server binds), binaries (Linux x86-64, glibc),
unsafe entries, size limits and the configuration. It reads the ZIP's central
directory and a few bytes per entrypoint; nothing is extracted.

For a custom-container function it checks the image instead (FC212-FC215
and the rules above, against the image's own files): an image archive from
docker save or an OCI image layout (tar or folder) — platform linux/amd64,
ENTRYPOINT/CMD resolved with WORKDIR, PATH and whiteouts, the program's format,
loader, libraries and glibc, scripts, exposed ports vs the port, the unpacked
size — or a folder with a Dockerfile, read with BuildKit's parser (EXPOSE,
FROM --platform, start command, ENV ports, shell form). The folder's
Dockerfile is --dockerfile, else the one the configuration builds with (a
pre-deploy "fc3 build --dockerfile FILE", "s build --dockerfile FILE
--context DIR" or "docker build -f FILE DIR"), else FOLDER/Dockerfile.

The configuration comes from --config, else the nearest s.yaml / s.yml /
template.yml from the package's folder upward. Several PATHs (as pre-commit
passes them) are checked one after the other, each with its own configuration.`,
		Example: `  fclint package function.zip
  fclint package ./code/target
  docker save -o image.tar IMAGE && fclint package image.tar
  fclint package --dockerfile Dockerfile.prod ./src
  fclint package --runtime custom.debian12 --format json function.zip`,
		Args: minArgs(1, "PATH"),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			p, err := g.printerFor(out, "package")
			if err != nil {
				return err
			}
			// Every path must exist before anything is printed: a typo is exit 2,
			// not a partial report.
			for _, arg := range args {
				fi, err := os.Stat(arg)
				if err != nil {
					return usageErr("%s", pathError(err))
				}
				if dockerfile != "" && !fi.IsDir() {
					return usageErr("--dockerfile applies to a folder (the build context); %s is a file", arg)
				}
			}
			if dockerfile != "" {
				if len(args) > 1 {
					return usageErr("--dockerfile takes one folder (got %d paths)", len(args))
				}
				if fi, err := os.Stat(dockerfile); err != nil {
					return usageErr("--dockerfile: %s", pathError(err))
				} else if !fi.Mode().IsRegular() {
					return usageErr("--dockerfile: %s is not a regular file", dockerfile)
				}
			}
			var findings []report.Finding
			for _, arg := range args {
				found, err := checkPackage(g, cmd.ErrOrStderr(), filepath.Clean(arg), dockerfile)
				if err != nil {
					return err
				}
				findings = append(findings, found...)
			}
			return g.emit(out, p, findings)
		},
	}
	cmd.Flags().StringVar(&dockerfile, "dockerfile", "", "the Dockerfile of the folder PATH, the build context (docker build -f)")
	return cmd
}

// checkPackage checks one ZIP or folder with the configuration found for it.
func checkPackage(g *globalFlags, stderr io.Writer, path, dockerfile string) ([]report.Finding, error) {
	conf, err := packageConfig(g, stderr, path)
	if err != nil {
		return nil, err
	}
	findings, err := packaging.Check(packaging.Options{Path: path, Function: conf.Function, Dockerfile: dockerfile})
	if err != nil {
		return nil, usageErr("%s", pathError(err))
	}
	return findings, nil
}

// minArgs is cobra.MinimumNArgs with a message that names the argument.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usageErr("%s needs %s", cmd.Name(), what)
		}
		return nil
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
