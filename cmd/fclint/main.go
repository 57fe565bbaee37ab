// Command fclint is a preflight linter for Alibaba Cloud Function Compute
// custom-runtime functions. See README.md.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/fclint/fclint/analyzers"
	"github.com/fclint/fclint/analyzers/fcconfig"
)

func main() {
	// go vet -vettool=$(command -v fclint) speaks the unitchecker protocol; it
	// must be recognized before cobra parses anything.
	if vetMode(os.Args[1:]) {
		// fcconfig is listed so that its flags (-fclint.port, ...) are accepted.
		unitchecker.Main(append(analyzers.All(), fcconfig.Analyzer)...)
	}
	os.Exit(execute(os.Args[1:]))
}

// vetMode reports whether go vet (or go fix) is driving us.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-flags" || strings.HasPrefix(a, "-V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
