package packaging

import (
	"path/filepath"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/script"
)

// DockerBuild is how a custom-container function's image is built from its
// sources: the Dockerfile and the build context (absolute paths).
type DockerBuild struct {
	Dockerfile, Context string
	// Via says where they come from for people: "" for the default, else
	// the pre-deploy step ("fc3 build --dockerfile ./Dockerfile.prod"),
	// written at Pos.
	Via string
	Pos config.Pos
}

// ContainerBuild finds the build of a custom-container function, as
// Serverless Devs runs it:
//
//   - `s build` of fc3 (a pre-deploy step `component: fc3 build ...`, or a
//     `run: s build ...`) runs `docker build -f DOCKERFILE CONTEXT` with
//     DOCKERFILE = CODE/Dockerfile and CONTEXT = CODE by default;
//     --dockerfile (-f) names another Dockerfile, relative to the s.yaml's
//     folder, and the context becomes that file's folder; --context names
//     the context, relative to the same folder (devsapp/fc3,
//     src/subCommands/build/impl/baseImageBuilder.ts, getBuildContext). fc3
//     skips the build of a function without `code:` ("Code config is not
//     available", baseBuilder.ts checkCodeUri), so such a step builds
//     nothing here either;
//   - a pre-deploy `run:` of `docker build [-f FILE] CONTEXT` (or
//     `docker buildx build`, `podman build`) builds what it names, relative
//     to the folder the step runs in;
//   - with neither, CODE/Dockerfile in CODE.
//
// ok is false for a function that is not a container, or that has no code
// folder and no docker build step.
func ContainerBuild(fn *config.Function) (b DockerBuild, ok bool) {
	if fn == nil || !fn.IsContainer() {
		return DockerBuild{}, false
	}
	base := filepath.Dir(fn.File)
	for _, a := range fn.Actions {
		if a.Hook != "pre-deploy" {
			continue
		}
		if a.Component != "" {
			words := strings.Fields(a.Component)
			if len(words) > 1 && isFC3(words[0]) && words[1] == "build" && fn.CodeDir != "" {
				b := fc3Build(fn, base, words[2:], a.Component)
				b.Pos = a.Pos
				return b, true
			}
			continue
		}
		if a.Dir == "" {
			continue
		}
		if b, ok := runBuild(fn, base, a); ok {
			b.Pos = a.Pos
			return b, true
		}
	}
	if fn.CodeDir == "" {
		return DockerBuild{}, false
	}
	return DockerBuild{Dockerfile: filepath.Join(fn.CodeDir, "Dockerfile"), Context: fn.CodeDir}, true
}

// isFC3 reports whether a component step names fc3 ("fc3", "devsapp/fc3",
// "fc3@0.1.0").
func isFC3(name string) bool {
	name, _, _ = strings.Cut(name, "@")
	return name == "fc3" || strings.HasSuffix(name, "/fc3")
}

// fc3Build reads fc3 build's arguments (--dockerfile/-f, --context).
func fc3Build(fn *config.Function, base string, args []string, via string) DockerBuild {
	b := DockerBuild{Dockerfile: filepath.Join(fn.CodeDir, "Dockerfile"), Context: fn.CodeDir, Via: via}
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(base, p)
	}
	if v, ok := flagValue(args, "--dockerfile", "-f"); ok {
		b.Dockerfile = abs(v)
		b.Context = filepath.Dir(b.Dockerfile)
	}
	if v, ok := flagValue(args, "--context"); ok {
		b.Context = abs(v)
	}
	return b
}

// runBuild finds `s build` or `docker build` in a shell step.
func runBuild(fn *config.Function, base string, a config.Action) (DockerBuild, bool) {
	cwd := a.Dir
	for _, line := range strings.Split(strings.ReplaceAll(a.Run, "\\\n", " "), "\n") {
		for _, split := range script.Split(line) {
			cmd := script.CommandLine(split)
			words := cmd.Words
			if len(words) == 0 {
				continue
			}
			switch cmd.Name() {
			case "cd":
				if len(words) > 1 {
					cwd = joinPath(cwd, words[1])
				}
			case "s":
				// s [RESOURCE] build [flags]: the flags go to fc3.
				for i, w := range words[1:min(len(words), 3)] {
					if w == "build" && fn.CodeDir != "" {
						return fc3Build(fn, base, words[i+2:], strings.Join(split, " ")), true
					}
				}
			case "docker", "podman":
				args := words[1:]
				if len(args) > 0 && args[0] == "buildx" {
					args = args[1:]
				}
				if len(args) > 0 && args[0] == "build" {
					if b, ok := dockerBuildArgs(args[1:], cwd); ok {
						b.Via = strings.Join(split, " ")
						return b, true
					}
				}
			}
		}
	}
	return DockerBuild{}, false
}

// dockerValueFlags are the docker build flags that take a value as the next
// word: the context is the first word that is neither a flag nor a value.
var dockerValueFlags = map[string]bool{
	"-t": true, "--tag": true, "-f": true, "--file": true, "--build-arg": true, "--platform": true,
	"--target": true, "-o": true, "--output": true, "--secret": true, "--ssh": true, "--cache-from": true,
	"--cache-to": true, "--label": true, "--network": true, "--progress": true, "--add-host": true,
	"--iidfile": true, "--metadata-file": true, "--build-context": true, "--shm-size": true, "--ulimit": true,
	"--cgroup-parent": true, "--isolation": true, "-m": true, "--memory": true, "--memory-swap": true,
	"--cpu-shares": true, "--cpuset-cpus": true, "--cpu-period": true, "--cpu-quota": true, "--attest": true,
	"--allow": true, "--annotation": true, "--builder": true, "--call": true,
}

// dockerBuildArgs reads docker build's file and context, relative to cwd.
// A context from stdin ("-") or a URL is not a folder here.
func dockerBuildArgs(args []string, cwd string) (DockerBuild, bool) {
	var file, context string
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "-f" || w == "--file":
			if i+1 < len(args) {
				file = args[i+1]
			}
			i++
		case strings.HasPrefix(w, "--file="):
			file = strings.TrimPrefix(w, "--file=")
		case strings.HasPrefix(w, "-f") && len(w) > 2 && !strings.HasPrefix(w, "--"):
			file = w[2:]
		case dockerValueFlags[w]:
			i++
		case strings.HasPrefix(w, "-"):
		case context == "":
			context = w
		}
	}
	if context == "" || context == "-" || strings.Contains(context, "://") || strings.HasPrefix(context, "git@") {
		return DockerBuild{}, false
	}
	b := DockerBuild{Context: joinPath(cwd, context)}
	if file == "" || file == "-" {
		b.Dockerfile = filepath.Join(b.Context, "Dockerfile")
	} else {
		b.Dockerfile = joinPath(cwd, file)
	}
	return b, true
}

// flagValue finds a flag's value: "--name V", "--name=V", "-f V".
func flagValue(args []string, names ...string) (string, bool) {
	var v string
	found := false
	for i := 0; i < len(args); i++ {
		for _, n := range names {
			if args[i] == n && i+1 < len(args) {
				v, found = args[i+1], true
				i++
				break
			}
			if strings.HasPrefix(args[i], n+"=") {
				v, found = strings.TrimPrefix(args[i], n+"="), true
				break
			}
		}
	}
	return v, found && v != ""
}

// joinPath resolves p against dir, unless p is absolute.
func joinPath(dir, p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}
