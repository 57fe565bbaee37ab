//go:build unix

package main

import (
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdMkfifo is the script command "mkfifo PATH...": named pipes that must
// never make fclint wait.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! mkfifo")
	}
	for _, a := range args {
		if err := syscall.Mkfifo(ts.MkAbs(a), 0o644); err != nil {
			ts.Fatalf("mkfifo %s: %v", a, err)
		}
	}
}
