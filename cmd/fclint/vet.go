package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/config"
)

// configFlag is fcconfig's -fclint.config flag as go vet passes it.
const configFlag = "fclint.config"

// vetMain runs fclint under go vet (or go fix). It returns the exit code
// when it handled the call itself, or -1 to go on with unitchecker.
//
// The go command caches vet results: the key is the tool's -V=full line, the
// vet flags and the package's source (cmd/go/internal/work: Builder.vet and
// Builder.toolID). The configuration is none of these, so -V=full carries it:
// its buildID hashes this executable and config.Fingerprint of the folder go
// vet was started in (the -V=full call runs there), with the -fclint.config
// file when one is given. A changed s.yaml, or a different file found, makes
// a different key and go vet runs fclint again.
func vetMain(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if a == "-V=full" {
			return vetVersion(stdout, stderr)
		}
	}
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return -1 // -flags, -V: unitchecker answers
	}
	// A relative -fclint.config names a file from where go vet was started,
	// not from each package's folder (where go runs the tool).
	value, at, ok := flagValue(args[:len(args)-1], configFlag)
	if ok {
		abs, err := vetConfigPath(value)
		if err != nil {
			fmt.Fprintf(stderr, "fclint: -%s=%s: %v\n", configFlag, value, err)
			return exitError
		}
		separate := !strings.Contains(args[at], "=") // -fclint.config FILE
		args[at] = "-" + configFlag + "=" + abs
		if separate {
			args = append(args[:at+1], args[at+2:]...)
		}
		value = abs
	}
	// A configuration that cannot be read stops the check with the same one
	// line as fclint check gives, never a silent fallback to the defaults.
	dir, vetxOnly := vetPackage(args[len(args)-1])
	if vetxOnly {
		// A dependency, vetted only for facts: fclint reports nothing there.
		os.Args = append(os.Args[:1], args...)
		return -1
	}
	res, err := config.Resolve(config.Options{ConfigPath: value, Dir: dir})
	if err == nil {
		err = config.ValueError(res.File)
	}
	if err != nil {
		fmt.Fprintf(stderr, "fclint: %s\n", oneLine(err.Error()))
		return exitError
	}
	os.Args = append(os.Args[:1], args...)
	return -1
}

// vetVersion answers go's -V=full: "fclint version devel ... buildID=HASH".
// go keys its vet cache with the hash (a "devel" version's buildID), so the
// hash covers the configuration too.
func vetVersion(stdout, stderr io.Writer) int {
	h := sha256.New()
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "fclint: %v\n", err)
		return exitError
	}
	explicit := ""
	if args, ok := parentArgs(); ok {
		if v, _, ok := flagValue(args, configFlag); ok {
			explicit = v
			if !filepath.IsAbs(explicit) {
				explicit = filepath.Join(wd, explicit)
			}
			if err := checkConfigFile(explicit); err != nil {
				fmt.Fprintf(stderr, "fclint: -%s=%s: %v\n", configFlag, v, err)
				return exitError
			}
		}
	}
	sum, files := config.Fingerprint(wd, explicit)
	// A configuration that cannot be parsed stops go vet here, once, rather
	// than in every package.
	if err := config.CheckFiles(files, explicit); err != nil {
		fmt.Fprintf(stderr, "fclint: %s\n", oneLine(err.Error()))
		return exitError
	}
	fmt.Fprintf(h, "config %s\n", sum)
	fmt.Fprintf(stdout, "%s version devel fclint-%s buildID=%x\n", filepath.Base(os.Args[0]), moduleVersion(), h.Sum(nil))
	return exitClean
}

// vetConfigPath makes a -fclint.config path absolute against go vet's
// working directory and checks that it names a regular file.
func vetConfigPath(value string) (string, error) {
	p := value
	if !filepath.IsAbs(p) {
		wd, err := goWorkingDir()
		if err != nil {
			return "", fmt.Errorf("a relative path is taken from the folder go vet was started in, which is unknown here (%v); give an absolute path", err)
		}
		p = filepath.Join(wd, p)
	}
	if err := checkConfigFile(p); err != nil {
		return "", err
	}
	return p, nil
}

// checkConfigFile reports a missing configuration or one that is not a
// regular file (a FIFO would block the read).
func checkConfigFile(p string) error {
	fi, err := os.Stat(p)
	switch {
	case os.IsNotExist(err):
		return fmt.Errorf("no such file")
	case err != nil:
		return err
	case !fi.Mode().IsRegular():
		return fmt.Errorf("not a regular file")
	}
	return nil
}

// goWorkingDir is the working directory of the go command that runs us: go
// starts the vet tool in the package's folder, so the folder go vet was
// started in is only known from the parent process.
func goWorkingDir() (string, error) {
	return os.Readlink("/proc/" + strconv.Itoa(os.Getppid()) + "/cwd")
}

// parentArgs is the go command's argument list (Linux: /proc), so that -V=full
// sees the -fclint.config flag go vet was given.
func parentArgs() ([]string, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(os.Getppid()) + "/cmdline")
	if err != nil || len(data) == 0 {
		return nil, false
	}
	return strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00"), true
}

// flagValue finds -name=value, --name=value or -name value in args and
// returns the value and the index of the flag.
func flagValue(args []string, name string) (string, int, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		flag := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if flag == a {
			continue
		}
		if v, ok := strings.CutPrefix(flag, name+"="); ok {
			return v, i, true
		}
		if flag == name && i+1 < len(args) {
			return args[i+1], i, true
		}
	}
	return "", 0, false
}

// vetPackage reads the package folder from go vet's .cfg file (else the
// working directory, where go runs the tool) and whether go wants only facts
// (a dependency of the packages named).
func vetPackage(cfgFile string) (dir string, vetxOnly bool) {
	var cfg struct {
		Dir      string
		VetxOnly bool
	}
	if data, err := os.ReadFile(cfgFile); err == nil && json.Unmarshal(data, &cfg) == nil && cfg.Dir != "" {
		return cfg.Dir, cfg.VetxOnly
	}
	wd, _ := os.Getwd()
	return wd, cfg.VetxOnly
}

// withRuleIDs makes each rule analyzer end its messages with the rule ID,
// "... (FC104)", as staticcheck does under go vet: go vet prints only the
// position and the message, and users need the ID to suppress a finding.
// The analyzers are changed in place (go vet runs one tool process per
// package, and the Requires graph must keep its pointers).
func withRuleIDs(list []*analysis.Analyzer) {
	for _, a := range list {
		if !isRuleID(a.Name) || a.Run == nil {
			continue
		}
		run, id := a.Run, a.Name
		a.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				if !strings.HasSuffix(d.Message, "("+id+")") {
					d.Message += " (" + id + ")"
				}
				report(d)
			}
			return run(pass)
		}
	}
}

func isRuleID(name string) bool {
	if len(name) != 5 || !strings.HasPrefix(name, "FC") {
		return false
	}
	_, err := strconv.Atoi(name[2:])
	return err == nil
}
