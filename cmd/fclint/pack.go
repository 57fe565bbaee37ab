package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/fclint/fclint/packaging"
	"github.com/fclint/fclint/packaging/pack"
)

// progressMin is the folder size from which pack shows progress on a terminal.
const progressMin = 50 << 20

func newPackCmd(g *globalFlags) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "pack DIR -o function.zip",
		Short: "Write a ZIP of DIR that FC runs as is (modes, root layout), then check it",
		Long: `pack zips the contents of DIR (not DIR itself) the way FC needs them: entries at
the root, Unix modes recorded, 0755 for bootstrap, ELF binaries and #! scripts,
0644 for other files, .fcignore honored, symlinks kept when they stay inside DIR
(one that escapes is an error). Files are compressed on all cores; data that
does not compress (images, archives, random bytes) is stored as is. The output
is deterministic: the same files give a byte-identical ZIP. DIR is never
modified; the ZIP appears only once complete.

Then pack checks the ZIP it wrote as "fclint package" does, with the
configuration found from DIR upward (--config, --port and --runtime apply),
and prints the findings in --format with the same exit code (--fail-on).`,
		Example: `  fclint pack ./code/target -o function.zip
  fclint pack . -o dist/function.zip --format json`,
		Args: exactArgs(1, "DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageErr("pack needs -o FILE (the ZIP to write)")
			}
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			p, err := g.printerFor(stdout, "package")
			if err != nil {
				return err
			}
			dir := filepath.Clean(args[0])
			fi, err := os.Stat(dir)
			if err != nil {
				return usageErr("%s", pathError(err))
			}
			if !fi.IsDir() {
				return usageErr("%s is not a directory", args[0])
			}
			conf, err := packageConfig(g, stderr, dir)
			if err != nil {
				return err
			}
			// Interrupted, pack removes its temporary file before exiting.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			bar := newProgress(stderr)
			res, err := pack.Write(ctx, dir, out, pack.Options{Progress: bar.update})
			bar.finish()
			if errors.Is(err, context.Canceled) {
				return &exitErr{code: exitError, msg: "pack: interrupted; " + out + " was not written"}
			}
			if err != nil {
				return usageErr("pack: %s", pathError(err))
			}
			fmt.Fprintf(stderr, "fclint: wrote %s: %s, %d executable, %s\n", out,
				pluralize(res.Entries, "entry", "entries"), len(res.Executables), pluralize(int(res.Size), "byte", "bytes"))
			findings, err := packaging.Check(packaging.Options{Path: out, Function: conf.Function})
			if err != nil {
				return usageErr("%s", pathError(err))
			}
			return g.emit(stdout, p, findings)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the ZIP file to write (required)")
	return cmd
}

// pluralize is "1 entry" or "3 entries".
func pluralize(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// progress shows "packing 42% (57/137 MB)" on a terminal, for folders of at
// least progressMin, redrawn at most ten times a second.
type progress struct {
	w     io.Writer // nil: no progress
	last  time.Time
	shown bool
}

func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return &progress{}
	}
	return &progress{w: stderr}
}

func (p *progress) update(done, total int64) {
	if p.w == nil || total < progressMin || time.Since(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = time.Now()
	p.shown = true
	fmt.Fprintf(p.w, "\rfclint: packing %3d%% (%d/%d MB)", done*100/total, done>>20, total>>20)
}

func (p *progress) finish() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
