//go:build !linux

package probe

import (
	"context"
	"os"
)

const noFollow = 0

func run(context.Context, *Options) (*Result, error) { return nil, ErrUnsupported }

// IsHelper reports whether this process is the probe's namespace helper
// (never, outside Linux).
func IsHelper() bool { return false }

// HelperMain is the namespace helper's entry point (Linux only).
func HelperMain() int {
	os.Stderr.WriteString("fclint: probe helper: Linux only\n")
	return 2
}
