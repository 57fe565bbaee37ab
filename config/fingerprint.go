package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// maxFingerprintEntries bounds the walk below the start folder. Past it the
// fingerprint is unique per call: a cache then never reuses a result, which
// is slower but never wrong.
const maxFingerprintEntries = 200_000

// Fingerprint identifies every configuration file that fclint could use when
// it checks the packages at or below dir (a go vet or golangci-lint run
// started there): the file named by explicit (resolved against dir) when
// given, else the nearest trusted one above dir and every candidate file
// (s.yaml, s.yml, template.yml, template.yaml) below it, each with the
// content of the files it extends. Build caches include it in their keys so
// that a change to a configuration's content, or to which file is found,
// changes the cached result.
//
// Folders go itself ignores (testdata, vendor, names starting with . or _)
// and node_modules are not searched.
//
// Files lists the regular configuration files it covers (and explicit), for
// callers that want to check them up front.
func Fingerprint(dir, explicit string) (sum string, files []string) {
	h := sha256.New()
	hashConfig := func(h io.Writer, p string) {
		// Only regular files are listed for checking (discovery passes over
		// a FIFO named s.yaml); every name is hashed.
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() || p == explicit {
			files = append(files, p)
		}
		hashConfigFile(h, p)
	}
	fmt.Fprintf(h, "fclint config fingerprint 1\n")
	if explicit != "" {
		if !filepath.IsAbs(explicit) {
			explicit = filepath.Join(dir, explicit)
		}
		hashConfig(h, explicit)
		return hex.EncodeToString(h.Sum(nil)), files
	}
	d, err := Discover(dir)
	if err != nil {
		fmt.Fprintf(h, "discover error %v\n", err)
	}
	for _, s := range d.Skipped {
		fmt.Fprintf(h, "skipped %s\n", s)
	}
	if d.Path != "" {
		hashConfig(h, d.Path)
	}
	entries := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable folders hold no configuration fclint could read either
		}
		entries++
		if entries > maxFingerprintEntries {
			fmt.Fprintf(h, "too many files %d\n", time.Now().UnixNano())
			return filepath.SkipAll
		}
		if e.IsDir() {
			name := e.Name()
			if p != dir && (name == "testdata" || name == "vendor" || name == "node_modules" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if IsCandidateName(e.Name()) && p != d.Path {
			hashConfig(h, p)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), files
}

// hashConfigFile adds one configuration file (and the bases it extends) to h.
func hashConfigFile(h io.Writer, path string) {
	abs, _ := filepath.Abs(path)
	fmt.Fprintf(h, "file %q\n", abs)
	if fi, err := os.Stat(abs); err != nil || !fi.Mode().IsRegular() {
		fmt.Fprintf(h, "unreadable %v\n", err)
		return
	} else {
		fmt.Fprintf(h, "mode %v\n", fi.Mode())
	}
	data, err := readFile(abs)
	if err != nil {
		fmt.Fprintf(h, "error %v\n", err)
		return
	}
	sum := sha256.Sum256(data)
	fmt.Fprintf(h, "sha256 %x\n", sum)
	if f, err := Load(abs); err == nil {
		for _, base := range f.Bases {
			data, err := readFile(base)
			fmt.Fprintf(h, "base %q %x %v\n", base, sha256.Sum256(data), err)
		}
	} else {
		fmt.Fprintf(h, "load error %v\n", err)
	}
}
