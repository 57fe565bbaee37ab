package main

// Placeholders until each command's own file lands; each helper deletes its
// stub here when adding cmd/fclint/<command>.go.

import "github.com/spf13/cobra"

func notYet(use string) *cobra.Command {
	return &cobra.Command{Use: use, RunE: func(*cobra.Command, []string) error { return usageErr("%s: not implemented yet", use) }}
}
