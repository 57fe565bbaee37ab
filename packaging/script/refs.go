package script

import (
	"path"
	"strings"
)

// Interpreters whose first non-option argument is a program file, and the
// options after which the argument is not a file (python -c code, node -e).
var fileTakers = map[string]struct{ stop, withValue []string }{
	"python":  {stop: []string{"-c", "-m"}, withValue: []string{"-W", "-X"}},
	"node":    {stop: []string{"-e", "--eval", "-p", "--print"}, withValue: []string{"-r", "--require", "--import", "--env-file"}},
	"nodejs":  {stop: []string{"-e", "--eval", "-p", "--print"}, withValue: []string{"-r", "--require", "--import"}},
	"php":     {stop: []string{"-r", "-S"}, withValue: []string{"-c", "-d", "-t"}},
	"ruby":    {stop: []string{"-e"}, withValue: []string{"-I", "-r"}},
	"bash":    {stop: []string{"-c"}, withValue: []string{"-o", "-O"}},
	"sh":      {stop: []string{"-c"}, withValue: []string{"-o"}},
	"perl":    {stop: []string{"-e", "-E"}, withValue: []string{"-I", "-M"}},
	"deno":    {stop: []string{"eval"}, withValue: nil},
	"bun":     {stop: []string{"-e"}, withValue: nil},
	"source":  {},
	".":       {},
	"pwsh":    {stop: []string{"-c", "-Command"}, withValue: nil},
	"dotnet":  {stop: []string{"new", "build"}, withValue: nil},
	"python2": {stop: []string{"-c", "-m"}, withValue: []string{"-W"}},
}

// interpreterKey maps "python3.10" to "python" and "node20" to "node".
func interpreterKey(name string) string {
	switch {
	case strings.HasPrefix(name, "python3") || name == "python":
		return "python"
	case strings.HasPrefix(name, "node"):
		if name == "nodejs" {
			return "nodejs"
		}
		return "node"
	case strings.HasPrefix(name, "php"):
		return "php"
	}
	return name
}

// FileRefs returns the words of a command that name files the package must
// hold: the program itself when it is a path (./main, /code/main), the script
// an interpreter runs (python3 app.py, node server.js, php router.php), and
// the jar of java -jar. Words are as written (not yet expanded).
func FileRefs(c Command) []string {
	if len(c.Words) == 0 {
		return nil
	}
	var refs []string
	prog := c.Words[0]
	if strings.Contains(prog, "/") {
		refs = append(refs, prog)
	}
	name := interpreterKey(baseName(prog))
	args := c.Words[1:]
	if name == "java" {
		for i, a := range args {
			if a == "-jar" && i+1 < len(args) {
				refs = append(refs, args[i+1])
				break
			}
			if a == "-cp" || a == "-classpath" || a == "--class-path" {
				break
			}
		}
		return refs
	}
	taker, ok := fileTakers[name]
	if !ok {
		return refs
	}
	if name == "php" { // php -S addr [-t docroot] [router.php]
		for i := 0; i+1 < len(args); i++ {
			if args[i] == "-S" {
				rest := args[i+2:]
				for j := 0; j < len(rest); j++ {
					if rest[j] == "-t" {
						j++
						continue
					}
					if !strings.HasPrefix(rest[j], "-") {
						return append(refs, rest[j])
					}
				}
				return refs
			}
		}
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if contains(taker.stop, a) {
			return refs
		}
		if contains(taker.withValue, a) {
			i++
			continue
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		return append(refs, a)
	}
	return refs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// CodeRoot is where FC unpacks the package.
const CodeRoot = "/code"

// InPackage maps a file word to its package-relative name, given the current
// folder (package-relative, "" for /code, FC's working directory). It returns
// false for words that read variables, globs, and absolute paths outside /code.
func InPackage(word, cwd string) (string, bool) {
	if word == "" || strings.ContainsAny(word, "$*?[`~") {
		return "", false
	}
	var p string
	switch {
	case word == CodeRoot || strings.HasPrefix(word, CodeRoot+"/"):
		p = path.Clean(strings.TrimPrefix(word, CodeRoot))
	case strings.HasPrefix(word, "/"):
		return "", false
	default:
		p = path.Join("/", cwd, word)
	}
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasPrefix(p, "..") {
		return "", false
	}
	return p, true
}

// fileTests are the test(1) operators that ask whether a file exists.
var fileTests = map[string]bool{"-e": true, "-f": true, "-x": true, "-r": true, "-s": true, "-d": true, "-L": true, "-h": true, "-a": true}

// TestedFiles returns the words a script tests for existence ([ -f FILE ],
// [[ -x FILE ]], test -e FILE): a script that checks for a file before using
// it does not fail when the file is absent. Words are as written.
func TestedFiles(cmds []Command) map[string]bool {
	tested := map[string]bool{}
	for _, c := range cmds {
		inTest := false
		for i, w := range c.Words {
			switch {
			case w == "[" || w == "[[" || w == "test":
				inTest = true
			case inTest && fileTests[w] && i+1 < len(c.Words):
				tested[c.Words[i+1]] = true
				tested[path.Clean(c.Words[i+1])] = true
			}
		}
	}
	return tested
}
