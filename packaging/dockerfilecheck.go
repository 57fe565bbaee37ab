package packaging

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/dockerfile"
	"github.com/fclint/fclint/packaging/script"
	"github.com/fclint/fclint/rules"
)

// foreignArchPrefixes are Docker Hub's per-architecture namespaces
// (arm64v8/alpine): a FROM naming one builds for that architecture.
var foreignArchPrefixes = []string{"arm64v8/", "arm32v5/", "arm32v6/", "arm32v7/", "ppc64le/", "s390x/", "riscv64/", "mips64le/", "i386/"}

// portEnv are variables servers commonly read their port from; an ENV that
// sets one to another port than CAPort points the server elsewhere.
var portEnv = []string{"PORT", "SERVER_PORT", "HTTP_PORT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS"}

// dockerChecker checks a Dockerfile.
type dockerChecker struct {
	*checker
	df   *dockerfile.File
	file string // the Dockerfile as findings name it
}

// checkDockerfile is `fclint package DIR` for a folder with a Dockerfile
// (at p: DIR/Dockerfile, or the one its build names).
func (c *checker) checkDockerfile(p string) error {
	fh, err := archive.OpenRegular(p) // a FIFO would block
	if err != nil {
		return err
	}
	defer fh.Close()
	df, err := dockerfile.Parse(fh)
	if err != nil {
		return fmt.Errorf("%s: %v", c.relPath(p), err)
	}
	c.container = true
	c.checkConfig()
	dc := &dockerChecker{checker: c, df: df, file: c.relPath(p)}
	final := df.Final()
	if final == nil {
		return fmt.Errorf("%s: no FROM instruction", dc.file)
	}
	dc.checkPlatforms(final)
	if !c.portUnset() {
		dc.checkExpose(final)
		dc.checkPortEnv(final)
	}
	dc.checkStartCommand(final)
	return nil
}

func (dc *dockerChecker) source(line int) string {
	for _, s := range dc.df.Stages {
		if s.FromLine == line {
			return ""
		}
		for _, in := range s.Instructions {
			if in.Line == line {
				return in.Original
			}
		}
	}
	return ""
}

// checkPlatforms is FC212: the final stage's FROM --platform or base image
// names another platform, or a stage cross-compiles Go for another one.
func (dc *dockerChecker) checkPlatforms(final *dockerfile.Stage) {
	r := rules.MustGet("FC212")
	stage := final
	for stage.Parent != nil && stage.Platform == "" {
		stage = stage.Parent // FROM builder: the platform of that stage
	}
	if p := dc.expandArg(stage.Platform); p != "" {
		switch {
		case strings.Contains(p, "$BUILDPLATFORM") || strings.Contains(p, "${BUILDPLATFORM}"):
			f := dc.add(r, dc.file, stage.FromLine, "", fmt.Sprintf("the final stage is FROM --platform=%s: the image gets the build machine's platform (linux/arm64 on an Apple-silicon Mac), and FC runs only linux/amd64", stage.Platform))
			f.Fix = "use FROM --platform=$BUILDPLATFORM only for build stages; give the final stage --platform=linux/amd64 or no --platform"
		case !strings.Contains(p, "$") && !strings.HasPrefix(strings.TrimPrefix(p, "linux/"), "amd64"):
			f := dc.add(r, dc.file, stage.FromLine, "", fmt.Sprintf("the final stage is FROM --platform=%s: FC runs only linux/amd64 images", p))
			f.Fix = "FROM --platform=linux/amd64 ..."
		}
	} else if stage.Parent == nil {
		for _, pre := range foreignArchPrefixes {
			if strings.HasPrefix(stage.Base, pre) {
				f := dc.add(r, dc.file, stage.FromLine, "", fmt.Sprintf("the final stage is FROM %s, a %s image: FC runs only linux/amd64 images", stage.Base, strings.TrimSuffix(pre, "/")))
				f.Fix = "use the image without the architecture prefix (" + strings.TrimPrefix(stage.Base, pre) + "), built with --platform linux/amd64"
			}
		}
	}
	for _, s := range dc.df.Stages {
		for _, in := range s.Instructions {
			if in.Name != "run" {
				continue
			}
			if arch, ok := goBuildArch(strings.Join(in.Args, " "), s); ok && arch != "amd64" {
				f := dc.add(r, dc.file, in.Line, in.Original, fmt.Sprintf("go build runs with GOARCH=%s: the binary is not x86-64, and FC fails to start it with \"exec format error\"", arch))
				f.Fix = "build with GOOS=linux GOARCH=amd64 (or GOARCH=$TARGETARCH with --platform linux/amd64)"
			}
		}
	}
}

// goBuildArch finds the GOARCH a RUN's go build uses, when it sets one
// itself or the stage's ENV does.
func goBuildArch(run string, s *dockerfile.Stage) (string, bool) {
	for _, words := range script.Split(run) {
		cl := script.CommandLine(words)
		if cl.Name() != "go" || len(cl.Words) < 2 || cl.Words[1] != "build" {
			continue
		}
		arch, ok := cl.Assign["GOARCH"]
		if !ok {
			arch, ok = s.Env["GOARCH"]
		}
		if !ok || strings.Contains(arch, "$") {
			return "", false
		}
		return arch, true
	}
	return "", false
}

// expandArg substitutes global ARG defaults in a FROM flag.
func (dc *dockerChecker) expandArg(s string) string {
	for k, v := range dc.df.Args {
		if v == "" {
			continue
		}
		s = strings.ReplaceAll(s, "${"+k+"}", v)
		s = strings.ReplaceAll(s, "$"+k, v)
	}
	return s
}

// checkExpose is FC213 for the final stage's EXPOSE.
func (dc *dockerChecker) checkExpose(final *dockerfile.Stage) {
	if len(final.Expose) == 0 {
		return
	}
	caPort := dc.fn.CAPort()
	var list []string
	for _, p := range final.Expose {
		if !p.Known {
			return // EXPOSE $PORT: a build argument
		}
		if p.Proto == "tcp" && portInRange(p.Number, caPort) {
			return
		}
		shown := p.Raw
		if strings.Contains(p.Raw, "$") {
			shown += " (" + p.Number + ")"
		}
		list = append(list, shown)
	}
	last := final.Expose[len(final.Expose)-1]
	f := dc.add(rules.MustGet("FC213"), dc.file, last.Line, last.Original, fmt.Sprintf("the Dockerfile exposes %s, but CAPort is %d: FC sends requests to port %d, so a server on %s is never reached and the start check fails", strings.Join(list, ", "), caPort, caPort, list[0]))
	f.Fix = fmt.Sprintf("make the server listen on %d and EXPOSE %d, or set customContainerConfig.port to the port the server uses", caPort, caPort)
}

func portInRange(spec string, port int) bool {
	lo, hi, isRange := strings.Cut(spec, "-")
	a, err := strconv.Atoi(lo)
	if err != nil {
		return false
	}
	if !isRange {
		return a == port
	}
	b, err := strconv.Atoi(hi)
	return err == nil && a <= port && port <= b
}

// checkPortEnv is FC302 (warning) for ENV PORT=8080 and the like in the
// final image when CAPort is another port.
func (dc *dockerChecker) checkPortEnv(final *dockerfile.Stage) {
	caPort := strconv.Itoa(dc.fn.CAPort())
	for _, k := range portEnv {
		v, ok := final.Env[k]
		if !ok {
			continue
		}
		if _, set := dc.fn.Env[k]; set {
			continue // environmentVariables overrides the image's ENV
		}
		port := envPort(k, v)
		if port == "" || port == caPort {
			continue
		}
		line := final.EnvLine[k]
		f := dc.add(rules.MustGet("FC302"), dc.file, line, dc.source(line), fmt.Sprintf("ENV %s=%s: a server that reads %s listens on port %s, but CAPort is %s, and FC's start check on port %s fails", k, v, k, port, caPort, caPort))
		f.Severity = rules.Warning
		f.Fix = fmt.Sprintf("ENV %s=%s, or read FC_CUSTOM_LISTEN_PORT", k, strings.Replace(v, port, caPort, 1))
	}
}

// envPort is the port a variable's value names: the digits, or the port of
// an ASP.NET URL list ("http://+:80").
func envPort(name, v string) string {
	if name == "ASPNETCORE_URLS" {
		first, _, _ := strings.Cut(v, ";")
		i := strings.LastIndexByte(first, ':')
		if i < 0 {
			return ""
		}
		v = strings.TrimSuffix(first[i+1:], "/")
	}
	if _, err := strconv.Atoi(v); err != nil {
		return ""
	}
	return v
}

// checkStartCommand is FC302 for ENTRYPOINT/CMD binds, FC214 for a shell
// form that keeps sh as PID 1, FC201/FC207 for a FROM scratch image whose
// program no COPY or ADD puts there.
func (dc *dockerChecker) checkStartCommand(final *dockerfile.Stage) {
	cc := dc.fn.Container
	argv := final.Argv()
	line, src := 0, ""
	for _, c := range []*dockerfile.Command{final.Cmd, final.Entrypoint} {
		if c != nil {
			line, src = c.Line, c.Original
		}
	}
	if cc != nil && (cc.Entrypoint.Set || cc.Cmd.Set) {
		return // customContainerConfig replaces the Dockerfile's command: the image check sees it
	}
	if len(argv) == 0 {
		if final.Parent == nil && final.Base == "scratch" {
			f := dc.add(rules.MustGet("FC201"), dc.file, final.FromLine, "", "the final stage is FROM scratch with no ENTRYPOINT or CMD, and customContainerConfig sets no entrypoint: the container has nothing to start")
			f.Fix = "add ENTRYPOINT [\"/server\"]"
		}
		return
	}
	vars := script.Vars{}
	for k, v := range final.Env {
		vars[k] = v
	}
	for k, v := range dc.fn.Env {
		vars[k] = v
	}
	cmds := startCommands(argv)
	var sites []bindSite
	for _, cl := range cmds {
		for _, b := range script.Binds(cl, vars) {
			sites = append(sites, bindSite{bind: b, file: dc.file, line: line, source: src, where: "the Dockerfile's start command"})
		}
	}
	if !dc.portUnset() {
		dc.reportBinds(sites)
	}
	if shellForm(argv) && !strings.HasPrefix(strings.TrimSpace(argv[2]), "exec ") && strings.ContainsAny(argv[2], ";&|<>()`$\n") {
		f := dc.add(rules.MustGet("FC214"), dc.file, line, src, fmt.Sprintf("the start command is in shell form (/bin/sh -c %q): the shell stays PID 1 and does not pass SIGTERM to the server", argv[2]))
		f.Fix = "use the exec form: ENTRYPOINT [\"/app/server\"] (set the folder with WORKDIR), or start the string with exec"
	}
	dc.checkScratchProgram(final, argv, line, src)
}

// checkScratchProgram is FC207 for FROM scratch: nothing but COPY and ADD
// put files there, so a program none of them writes does not exist.
func (dc *dockerChecker) checkScratchProgram(final *dockerfile.Stage, argv []string, line int, src string) {
	root := final
	for root.Parent != nil {
		root = root.Parent
	}
	if root.Base != "scratch" || root != final {
		return
	}
	wd := final.Workdir
	if wd == "" {
		wd = "/"
	}
	prog, pwd := startProgram(argv, wd)
	if prog == "" || !strings.Contains(prog, "/") || strings.Contains(prog, "$") {
		if prog != "" && !strings.Contains(prog, "/") {
			f := dc.add(rules.MustGet("FC207"), dc.file, line, src, fmt.Sprintf("the start command runs %s by name in a FROM scratch image: there is no PATH to find it on, nor a shell", prog))
			f.Fix = "name the program by its absolute path: ENTRYPOINT [\"/" + prog + "\"]"
		}
		return
	}
	target := resolveIn(pwd, prog)
	for _, in := range final.Instructions {
		if (in.Name != "copy" && in.Name != "add") || len(in.Args) < 2 {
			continue
		}
		dest := final.Expand(in.Args[len(in.Args)-1])
		if !strings.HasPrefix(dest, "/") {
			dest = path.Join(wd, dest)
		}
		srcs := in.Args[:len(in.Args)-1]
		if path.Clean(dest) == target || strings.HasSuffix(in.Args[len(in.Args)-1], "/") && slices.ContainsFunc(srcs, func(s string) bool { return path.Join(dest, path.Base(s)) == target }) || strings.HasPrefix(target, path.Clean(dest)+"/") || len(srcs) == 1 && (srcs[0] == "." || strings.HasSuffix(srcs[0], "/")) {
			return
		}
	}
	f := dc.add(rules.MustGet("FC207"), dc.file, line, src, fmt.Sprintf("the start command runs %s, but the final stage is FROM scratch and no COPY or ADD writes %s: the start fails with \"no such file or directory\"", prog, target))
	f.Fix = "COPY --from=build /out/server " + target
}

// startCommands are the command lines a container start command runs: each
// line of a shell form's script, or the exec form itself.
func startCommands(argv []string) []script.Command {
	if !shellForm(argv) {
		return []script.Command{script.CommandLine(argv)}
	}
	var cmds []script.Command
	for _, w := range script.Split(argv[2]) {
		cmds = append(cmds, script.CommandLine(w))
	}
	return cmds
}
