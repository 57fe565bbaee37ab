package packaging

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/image"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// containerRuntimeNote: runtime custom-container is valid, but FC deploys
// customContainerConfig.image, not a ZIP or a folder's files. When the
// package checked is neither the image nor a Dockerfile's folder, say so
// once, as a warning.
func (c *checker) containerRuntimeNote(rt config.Field[string]) {
	if c.container {
		return
	}
	file, line := c.at(rt.Pos)
	f := c.add(rules.MustGet("FC301"), file, line, "", fmt.Sprintf("runtime is %s: FC runs the image in customContainerConfig.image, not the files of %s", rt.Value, c.disp))
	f.Severity = rules.Warning
	f.Fix = "check the image instead: docker save -o image.tar IMAGE && fclint package image.tar (or fclint package on the folder with the Dockerfile)"
}

// checkContainer runs the container checks when the path is an image
// archive (docker save, OCI layout tar or folder); handled is false for
// anything else, which the ZIP checks take.
func checkContainer(opts Options, fi os.FileInfo) (handled bool, findings []report.Finding, err error) {
	if opts.WorkDir == "" {
		opts.WorkDir, _ = os.Getwd()
	}
	if fi.IsDir() && opts.Dockerfile == "" {
		if b, ok := configuredBuild(opts); ok {
			if _, err := os.Stat(b.Dockerfile); err != nil {
				// The build fails before an image exists: say so instead of
				// falling back to another Dockerfile.
				c := newChecker(opts)
				c.container = true
				c.checkConfig()
				file, line := c.at(b.Pos)
				f := c.add(rules.MustGet("FC207"), file, line, "", fmt.Sprintf("the pre-deploy step %q builds with %s, which does not exist: the build fails and no image is made", b.Via, c.relPath(b.Dockerfile)))
				f.Fix = "fix the path: fc3 build's --dockerfile and --context are relative to the s.yaml's folder, docker build's -f to the folder the step runs in"
				return true, c.findings, nil
			}
		}
	}
	if fi.IsDir() && wantsDockerfile(opts) {
		c := newChecker(opts)
		if err := c.checkDockerfile(dockerfileFor(opts)); err != nil {
			return true, nil, err
		}
		return true, c.findings, nil
	}
	if !image.Looks(opts.Path, fi) {
		if opts.Function.IsContainer() {
			// A ZIP or a folder without a Dockerfile is not what FC runs:
			// say so once instead of reporting a missing bootstrap.
			c := newChecker(opts)
			c.checkConfig()
			return true, c.findings, nil
		}
		return false, nil, nil
	}
	c := newChecker(opts)
	im, err := image.Open(opts.Path)
	if err != nil {
		c.container = true
		c.checkConfig()
		c.add(rules.MustGet("FC211"), c.disp, 0, "", fmt.Sprintf("%s is not a readable container image: %v", c.disp, err))
		return true, c.findings, nil
	}
	defer im.Close()
	c.checkImage(im)
	return true, c.findings, nil
}

// wantsDockerfile: the folder has a Dockerfile and the function is a
// container (or no configuration says otherwise). A custom-runtime
// function's folder is checked as the ZIP it becomes, Dockerfile or not.
func wantsDockerfile(opts Options) bool {
	if opts.Dockerfile != "" {
		return true // named on the command line: a missing one is an error
	}
	if _, err := os.Stat(dockerfileFor(opts)); err != nil {
		return false
	}
	fn := opts.Function
	return fn == nil || fn.IsContainer() || !fn.Runtime.Known()
}

// dockerfileFor is the Dockerfile of the folder opts.Path: --dockerfile,
// else the one the configuration's build uses when the folder is that
// build's context or the function's code folder, else the folder's own.
func dockerfileFor(opts Options) string {
	if opts.Dockerfile != "" {
		return opts.Dockerfile
	}
	if b, ok := configuredBuild(opts); ok {
		return b.Dockerfile
	}
	return filepath.Join(opts.Path, "Dockerfile")
}

// configuredBuild is the build a pre-deploy step of the configuration runs
// when the folder opts.Path is its context or the function's code folder.
func configuredBuild(opts Options) (DockerBuild, bool) {
	b, ok := ContainerBuild(opts.Function)
	if !ok || b.Via == "" {
		return DockerBuild{}, false
	}
	dir, err := filepath.Abs(opts.Path)
	if err != nil {
		return DockerBuild{}, false
	}
	if dir == b.Context || dir == opts.Function.CodeDir {
		return b, true
	}
	return DockerBuild{}, false
}

// portUnset: a legacy fc component container function without caPort. Since
// 2022 the fc component reads an empty caPort as an image without a web
// server (devsapp/fc#801), so there is no port to compare EXPOSE, ENV or
// binds with.
func (c *checker) portUnset() bool {
	return c.fn.Format == config.FormatFC2 && c.fn.IsContainer() && !c.fn.Port.Set
}
