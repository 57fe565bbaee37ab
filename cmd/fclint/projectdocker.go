package main

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging"
	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/dockerfile"
)

// containerGoBuilds is dockerfileGoBuilds for a custom-container function,
// with the Dockerfile and context its build uses (packaging.ContainerBuild:
// CODE/Dockerfile in CODE, or what a pre-deploy fc3 build, s build or
// docker build names), and none for other runtimes (a Dockerfile there is
// not how FC runs it).
func containerGoBuilds(fn *config.Function) []dockerBuild {
	b, ok := packaging.ContainerBuild(fn)
	if !ok {
		return nil
	}
	return dockerfileGoBuilds(b.Dockerfile, b.Context)
}

// dockerBuild is one `go build` of a Dockerfile's RUN line, with its folder
// and packages translated from the image's paths to the build context's.
type dockerBuild struct {
	build goBuild
	line  int
	run   string
}

// copyMapping says that the image folder image holds what COPY brought in
// from the host folder host (in the build context).
type copyMapping struct {
	image, host string
}

// dockerfileGoBuilds reads the Dockerfile file and returns the go builds
// its RUN lines run whose folders COPY brought in from the build context.
// A missing or unreadable Dockerfile gives none: the package checks report it.
func dockerfileGoBuilds(file, context string) []dockerBuild {
	data, err := archive.ReadRegular(file)
	if err != nil {
		return nil
	}
	df, err := dockerfile.Parse(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	var out []dockerBuild
	mappings := map[*dockerfile.Stage][]copyMapping{}
	for _, st := range df.Stages {
		workdir := "/"
		var copied []copyMapping
		if st.Parent != nil {
			copied = append(copied, mappings[st.Parent]...)
			if st.Parent.Workdir != "" {
				workdir = st.Parent.Workdir
			}
		}
		for _, in := range st.Instructions {
			switch in.Name {
			case "workdir":
				if len(in.Args) > 0 {
					workdir = path.Join(workdir, st.Expand(strings.Trim(in.Args[0], `"'`)))
				}
			case "copy", "add":
				copied = append(copied, copySources(in, workdir, context)...)
			case "run":
				run := st.Expand(strings.Join(in.Args, " "))
				for _, b := range goBuilds(run, workdir) {
					if hb, ok := hostBuild(b, copied); ok {
						out = append(out, dockerBuild{build: hb, line: in.Line, run: strings.TrimSpace(run)})
					}
				}
			}
		}
		mappings[st] = copied
	}
	return out
}

// copySources maps a COPY's destination to the context folders it copies: a
// source folder's contents land in the destination; a file (or a glob of
// files) lands in it, so the destination holds the file's host folder.
// COPY --from (another stage or image) and remote ADD sources bring nothing
// from the context.
func copySources(in dockerfile.Instruction, workdir, context string) []copyMapping {
	for _, f := range in.Flags {
		if strings.HasPrefix(f, "--from") {
			return nil
		}
	}
	if len(in.Args) < 2 {
		return nil
	}
	srcs, dest := in.Args[:len(in.Args)-1], in.Args[len(in.Args)-1]
	destDir := path.Join(workdir, dest) // absolute dest: Join keeps it under "/"
	if path.IsAbs(dest) {
		destDir = path.Clean(dest)
	}
	intoFolder := len(srcs) > 1 || strings.HasSuffix(dest, "/") || dest == "." || strings.HasSuffix(dest, "/.")
	var out []copyMapping
	for _, src := range srcs {
		if strings.Contains(src, "://") {
			continue
		}
		rel := path.Clean("/" + src) // the context is the root: .. cannot leave it
		host := filepath.Join(context, filepath.FromSlash(rel))
		if strings.ContainsAny(rel, "*?[") {
			out = append(out, copyMapping{image: destDir, host: filepath.Dir(host)})
			continue
		}
		fi, err := os.Stat(host)
		switch {
		case err != nil:
		case fi.IsDir():
			out = append(out, copyMapping{image: destDir, host: host})
		case intoFolder:
			out = append(out, copyMapping{image: destDir, host: filepath.Dir(host)})
		default: // COPY main.go /src/main.go
			out = append(out, copyMapping{image: path.Dir(destDir), host: filepath.Dir(host)})
		}
	}
	return out
}

// hostBuild translates a go build's image folders to context folders; ok is
// false when its folder or none of its packages came from the context.
func hostBuild(b goBuild, copied []copyMapping) (goBuild, bool) {
	dir, ok := hostPath(b.dir, copied)
	if !ok {
		return goBuild{}, false
	}
	hb := goBuild{dir: dir}
	for _, p := range b.packages {
		if hp, ok := hostPath(p, copied); ok {
			hb.packages = append(hb.packages, hp)
		}
	}
	return hb, len(hb.packages) > 0
}

// hostPath is the existing context folder that the image folder p holds:
// the deepest COPY destination containing p wins, a later COPY over an
// earlier one to the same destination.
func hostPath(p string, copied []copyMapping) (string, bool) {
	p = filepath.ToSlash(filepath.Clean(p))
	best, bestLen := "", -1
	for _, m := range copied {
		rest, ok := strings.CutPrefix(p, m.image)
		if !ok || rest != "" && !strings.HasPrefix(rest, "/") && m.image != "/" {
			continue
		}
		if len(m.image) < bestLen {
			continue
		}
		host := filepath.Join(m.host, filepath.FromSlash(rest))
		if fi, err := os.Stat(host); err == nil && fi.IsDir() {
			best, bestLen = host, len(m.image)
		}
	}
	return best, bestLen >= 0
}
