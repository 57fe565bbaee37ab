// Command benchdir writes the folder scripts/bench-package.sh packs: 20,000
// small JavaScript-like files (about 107 MB, compressible like real code) and
// 30 MB of random data in three files, the same bytes on every run.
//
//	benchdir DIR    create DIR unless it already holds the finished tree
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

const (
	jsFiles     = 20000
	jsBytes     = 107 << 20
	randomFiles = 3
	randomBytes = 10 << 20 // each
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchdir DIR")
		os.Exit(2)
	}
	if err := ensure(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "benchdir:", err)
		os.Exit(1)
	}
}

func ensure(dir string) error {
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"function", "return", "const", "let", "var", "if", "else", "for", "while", "this",
		"module", "exports", "require", "undefined", "null", "true", "false", "new", "typeof", "async", "await",
		"prototype", "length", "push", "call", "apply", "Object", "Array", "Promise", "resolve", "reject"}
	ident := func() string {
		const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$"
		n := 2 + rng.IntN(10)
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	per := jsBytes / jsFiles
	for i := range jsFiles {
		pkg := filepath.Join(dir, "node_modules", fmt.Sprintf("pkg%03d", i/100), "lib")
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			return err
		}
		var b strings.Builder
		size := per/2 + rng.IntN(per)
		for b.Len() < size {
			switch rng.IntN(4) {
			case 0:
				fmt.Fprintf(&b, "%s %s = %s(%s, %d);\n", words[rng.IntN(3)+2], ident(), ident(), ident(), rng.IntN(1000))
			case 1:
				fmt.Fprintf(&b, "  if (%s.%s %s %s) { return %s; }\n", ident(), words[rng.IntN(len(words))], "===", words[13+rng.IntN(4)], ident())
			case 2:
				fmt.Fprintf(&b, "module.exports.%s = function %s(%s) {\n", ident(), ident(), ident())
			default:
				fmt.Fprintf(&b, "  %s %s %s %s;\n", words[rng.IntN(len(words))], ident(), words[rng.IntN(len(words))], ident())
			}
		}
		if err := os.WriteFile(filepath.Join(pkg, fmt.Sprintf("m%05d.js", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	data := make([]byte, randomBytes)
	for i := range randomFiles {
		for j := 0; j < len(data); j += 8 {
			v := rng.Uint64()
			for k := 0; k < 8 && j+k < len(data); k++ {
				data[j+k] = byte(v >> (8 * k))
			}
		}
		if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "assets", fmt.Sprintf("blob%d.bin", i)), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "bootstrap"), []byte("#!/bin/sh\nexec node index.js\n"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(done, nil, 0o644)
}
