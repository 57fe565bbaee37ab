package packaging

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/archive"
)

// BenchmarkNodeModules: a Node function (node index.js) with a 50,000-file
// node_modules. The application-server check reads only index.js and what
// it requires from the package, so "check" should cost at most 2x
// "baseline", the walk of the tree alone (issue 12's budget; memory is
// measured by scripts/bench-node.sh).
func BenchmarkNodeModules(b *testing.B) {
	dir := b.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("index.js", "const express = require('express')\nconst routes = require('./routes')\nconst app = express()\napp.use(routes)\nconst server = app.listen(process.env.FC_CUSTOM_LISTEN_PORT || 9000)\nserver.keepAliveTimeout = 0\n")
	write("routes.js", "module.exports = require('express').Router()\n")
	write("package.json", `{"main": "index.js", "dependencies": {"express": "^4"}}`)
	for i := 0; i < 500; i++ {
		for j := 0; j < 100; j++ {
			write(fmt.Sprintf("node_modules/pkg%03d/lib/f%03d.js", i, j), "module.exports = require('./f000')\n")
		}
	}
	fn := &config.Function{Format: config.FormatFlags, Command: config.Field[[]string]{Value: []string{"node", "index.js"}, Set: true}}
	b.Run("baseline", func(b *testing.B) {
		for b.Loop() {
			pkg, err := archive.OpenDir(dir, archive.DirOptions{})
			if err != nil {
				b.Fatal(err)
			}
			pkg.Close()
		}
	})
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			if _, err := Check(Options{Path: dir, Function: fn, WorkDir: "/"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
