// Command fclint is a preflight linter for Alibaba Cloud Function Compute
// custom-runtime functions. See README.md.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/fclint/fclint/analyzers"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/probe"
	"github.com/fclint/fclint/rules"
)

func main() {
	// fclint probe re-executes itself to set up the function's /code mount.
	if probe.IsHelper() {
		os.Exit(probe.HelperMain())
	}
	// go vet -vettool=$(command -v fclint) speaks the unitchecker protocol; it
	// must be recognized before cobra parses anything.
	if vetMode(os.Args[1:]) {
		if code := vetMain(os.Args[1:], os.Stdout, os.Stderr); code >= 0 {
			os.Exit(code)
		}
		// go vet (1.26) always asks the tool for -json and prints the text
		// itself, so the ID goes into every message.
		list := vetAnalyzers(os.Args[1:])
		withRuleIDs(list)
		unitchecker.Main(list...)
	}
	os.Exit(execute(os.Args[1:]))
}

// vetAnalyzers is the analyzer list under go vet. fcconfig is listed so that
// its flags (-fclint.port, ...) are accepted. go vet has no severities: any
// report fails the build, so info-level rules (FC103) run only when named
// (-FC103); they stay listed for -flags so that go vet accepts the flag.
func vetAnalyzers(args []string) []*analysis.Analyzer {
	all := append(analyzers.All(), fcconfig.Analyzer)
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return all
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if r, ok := rules.Lookup(a.Name); ok && r.Severity == rules.Info && !named(args, a.Name) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// named reports whether -NAME or -NAME=true is among the flags.
func named(args []string, name string) bool {
	for _, a := range args {
		if a == "-"+name || a == "-"+name+"=true" || a == "--"+name || a == "--"+name+"=true" {
			return true
		}
	}
	return false
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
