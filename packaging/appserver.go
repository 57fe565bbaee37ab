package packaging

import (
	"archive/zip"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/fclint/fclint/packaging/appserver"
	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/runtimes"
	"github.com/fclint/fclint/packaging/script"
	"github.com/fclint/fclint/rules"
)

// checkAppServer is FC501–FC503 for a command that starts a Node, Python,
// PHP, Java or .NET server: packaging/appserver reads the program it runs.
// file, line and source name the command, for findings about it.
func (c *checker) checkAppServer(words []string, vars script.Vars, cwd, file string, line int, source string) {
	if c.pkg == nil || len(words) == 0 {
		return
	}
	env := map[string]string{}
	for k, v := range vars {
		env[k] = v
	}
	st := appserver.Start{Words: words, Vars: env, Cwd: cwd, CAPort: c.fn.CAPort(), NodeMajor: c.nodeMajor()}
	if ic := c.fn.InstanceConcurrency; ic.Known() {
		st.Concurrency = ic.Value
	}
	for _, f := range appserver.Analyze(pkgFiles{c.pkg}, st) {
		ffile, fline, fsrc := file, line, source
		if f.File != "" {
			ffile, fline, fsrc = c.entryFile(f.File), f.Line, f.Source
		}
		fd := c.add(rules.MustGet(f.Rule), ffile, fline, fsrc, f.Message)
		if f.Fix != "" {
			fd.Fix = f.Fix
		}
	}
}

// resolveRef finds the package file a command names, the way its program
// does: node adds .js, .cjs, .mjs or .json, or reads a folder's index.js
// ("node server" runs server.js).
func (c *checker) resolveRef(cmd script.Command, rel string) *archive.Entry {
	if e := c.pkg.Resolve(rel); e != nil {
		return e
	}
	if name := cmd.Name(); name != "node" && name != "nodejs" {
		return nil
	}
	for _, ext := range []string{".js", ".cjs", ".mjs", ".json", "/index.js"} {
		if e := c.pkg.Resolve(rel + ext); e != nil && !e.IsDir() {
			return e
		}
	}
	return nil
}

var nodeLayer = regexp.MustCompile(`(?i)layers/nodejs(\d+)/`)

// nodeMajor is the major version of the node the function finds first on
// PATH (an official Nodejs layer, or the image's), 0 when unknown.
func (c *checker) nodeMajor() int {
	avail, tools := c.env.Find("node")
	if avail != runtimes.Available {
		return 0
	}
	search := c.env.SearchPath()
	for _, d := range search {
		for _, l := range c.env.Layers {
			if m := nodeLayer.FindStringSubmatch(l); m != nil && strings.HasPrefix(d, "/opt/nodejs"+m[1]) {
				n, _ := strconv.Atoi(m[1])
				return n
			}
		}
		for _, t := range tools {
			if t.Dir == d && !t.Layer && t.Version != "" {
				n, _ := strconv.Atoi(strings.SplitN(t.Version, ".", 2)[0])
				return n
			}
		}
	}
	return 0
}

// pkgFiles gives the appserver analysis read access to the package.
type pkgFiles struct{ pkg *archive.Package }

func (p pkgFiles) Read(name string, limit int) ([]byte, bool) {
	e := p.pkg.Resolve(path.Clean(name))
	if e == nil || e.IsDir() {
		return nil, false
	}
	if limit <= 0 {
		return nil, true
	}
	b, err := e.Head(limit)
	return b, err == nil
}

func (p pkgFiles) Zip(name string) (*zip.Reader, io.Closer, error) {
	e := p.pkg.Resolve(path.Clean(name))
	if e == nil || e.IsDir() {
		return nil, nil, io.ErrUnexpectedEOF
	}
	ra, err := e.ReaderAt()
	if err != nil {
		return nil, nil, err
	}
	zr, err := zip.NewReader(ra, int64(e.Size))
	if err != nil {
		ra.Close()
		return nil, nil, err
	}
	return zr, ra, nil
}
