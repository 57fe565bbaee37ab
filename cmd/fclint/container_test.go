package main

import (
	"archive/tar"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/fclint/fclint/internal/imagetest"
)

// TestContainerScript runs testdata/container/*.txtar: fclint package on
// Dockerfiles and image archives, and init --container. Scripts make
// images with mkimage, in Go: no Docker.
func TestContainerScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "container"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup:               setupGo,
		Cmds:                map[string]func(ts *testscript.TestScript, neg bool, args []string){"mkimage": mkimage},
	})
}

// imageSpec is mkimage's JSON: an imagetest.Image whose files are given as
// text or copied from a file of the script's work folder.
type imageSpec struct {
	Format       string // "docker" (default), "legacy", "oci"
	Arch         string
	Entrypoint   []string
	Cmd          []string
	Env          []string
	WorkingDir   string
	User         string
	ExposedPorts []string
	Layers       [][]struct {
		Name, Body, From, Link, Type string
		Mode                         int64
	}
}

// mkimage SPEC.json OUT.tar writes an image archive.
func mkimage(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkimage SPEC.json OUT.tar")
	}
	var spec imageSpec
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &spec))
	im := imagetest.Image{Arch: spec.Arch, Entrypoint: spec.Entrypoint, Cmd: spec.Cmd, Env: spec.Env, WorkingDir: spec.WorkingDir, User: spec.User, ExposedPorts: spec.ExposedPorts}
	types := map[string]byte{"": 0, "dir": tar.TypeDir, "symlink": tar.TypeSymlink, "link": tar.TypeLink}
	for _, l := range spec.Layers {
		var files []imagetest.File
		for _, f := range l {
			body := []byte(f.Body)
			if f.From != "" {
				b, err := os.ReadFile(ts.MkAbs(f.From))
				ts.Check(err)
				body = b
			}
			files = append(files, imagetest.File{Name: f.Name, Mode: f.Mode, Body: body, Link: f.Link, Type: types[f.Type]})
		}
		im.Layers = append(im.Layers, files)
	}
	out := ts.MkAbs(args[1])
	switch spec.Format {
	case "legacy":
		ts.Check(imagetest.DockerSave(out, im, false))
	case "oci":
		ts.Check(imagetest.OCI(out, im))
	default:
		ts.Check(imagetest.DockerSave(out, im, true))
	}
}
