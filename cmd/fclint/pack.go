package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/fclint/fclint/packaging/pack"
)

func newPackCmd(g *globalFlags) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "pack DIR -o function.zip",
		Short: "Write a ZIP of DIR that FC runs as is (modes, root layout)",
		Long: `pack zips the contents of DIR (not DIR itself) the way FC needs them: entries at
the root, Unix modes recorded, 0755 for bootstrap, ELF binaries and #! scripts,
0644 for other files, .fcignore honored, symlinks kept when they stay inside DIR
(one that escapes is an error). The output is deterministic: the same files give
a byte-identical ZIP. DIR is never modified.`,
		Example: `  fclint pack ./code/target -o function.zip
  fclint pack . -o dist/function.zip`,
		Args: exactArgs(1, "DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageErr("pack needs -o FILE (the ZIP to write)")
			}
			fi, err := os.Stat(args[0])
			if err != nil {
				return usageErr("%s", pathError(err))
			}
			if !fi.IsDir() {
				return usageErr("%s is not a directory", args[0])
			}
			res, err := pack.Write(args[0], out)
			if err != nil {
				return usageErr("pack: %s", pathError(err))
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "fclint: wrote %s: %d entries, %d executable, %d bytes\n", out, res.Entries, len(res.Executables), res.Size)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the ZIP file to write (required)")
	return cmd
}
