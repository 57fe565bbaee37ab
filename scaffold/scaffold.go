// Package scaffold writes the files of a new, compliant Go function for
// `fclint init`: a Serverless Devs s.yaml, and a code/ folder with a
// standard-library server (so it builds offline), go.mod and .fcignore —
// or, for `fclint init --container`, go.mod and a multi-stage Dockerfile.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

//go:embed templates
var templates embed.FS

// File is one file to write, relative to the project folder.
type File struct {
	Path string // slash-separated
	Data []byte
}

// layout maps each template to the file it becomes. The function's code is
// code/ and s.yaml deploys that folder (code: ./code) with the built
// code/bootstrap, so that pack, package and probe all work on code/.
var layout = []struct{ template, path string }{
	{"s.yaml.tmpl", "s.yaml"},
	{"README.md.tmpl", "README.md"},
	{"go.mod.tmpl", "code/go.mod"},
	{"main.go.tmpl", "code/main.go"},
	{"fcignore.tmpl", "code/.fcignore"},
}

// containerLayout is `fclint init --container`: the same server, built by
// code/Dockerfile into a linux/amd64 image, and an fc3 custom-container s.yaml.
var containerLayout = []struct{ template, path string }{
	{"container/s.yaml.tmpl", "s.yaml"},
	{"container/README.md.tmpl", "README.md"},
	{"container/Dockerfile.tmpl", "code/Dockerfile"},
	{"go.mod.tmpl", "code/go.mod"},
	{"main.go.tmpl", "code/main.go"},
}

// Render returns the project files for a function named name (see Name).
func Render(name string) ([]File, error) { return render(name, layout) }

// RenderContainer returns the files of a custom-container function.
func RenderContainer(name string) ([]File, error) { return render(name, containerLayout) }

func render(name string, layout []struct{ template, path string }) ([]File, error) {
	var files []File
	for _, l := range layout {
		t, err := template.ParseFS(templates, "templates/"+l.template)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, struct{ Name string }{name}); err != nil {
			return nil, err
		}
		files = append(files, File{Path: l.path, Data: b.Bytes()})
	}
	return files, nil
}

// Name derives the function and module name from the project folder's base
// name: FC function names allow letters, digits, '-' and '_', at most 64,
// starting with a letter; lower case keeps it a plain module path too.
func Name(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(filepath.Base(abs)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	name := strings.TrimRight(b.String(), "-_")
	if name == "" {
		name = "function"
	}
	if name[0] < 'a' || name[0] > 'z' {
		name = "fn-" + name
	}
	if len(name) > 64 {
		name = strings.TrimRight(name[:64], "-_")
	}
	return name
}

// ExistsError names a file that is already there.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string {
	return e.Path + " already exists; nothing was written"
}

// Write creates files under dir. It writes nothing if any of them exists,
// and removes what it wrote if a write fails.
func Write(dir string, files []File) (written []string, err error) {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			return nil, &ExistsError{p}
		} else if !os.IsNotExist(err) {
			return nil, err
		}
	}
	defer func() {
		if err != nil {
			for _, p := range written {
				os.Remove(p)
			}
			written = nil
		}
	}()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return written, err
		}
		// O_EXCL: never overwrite, even if the file appeared since the check.
		out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fs.FileMode(0o644))
		if err != nil {
			return written, err
		}
		written = append(written, p)
		if _, err := out.Write(f.Data); err != nil {
			out.Close()
			return written, fmt.Errorf("writing %s: %w", p, err)
		}
		if err := out.Close(); err != nil {
			return written, err
		}
	}
	return written, nil
}
