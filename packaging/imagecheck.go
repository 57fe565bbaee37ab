package packaging

import (
	"debug/elf"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/binary"
	"github.com/fclint/fclint/packaging/image"
	"github.com/fclint/fclint/packaging/script"
	"github.com/fclint/fclint/rules"
)

// FC's image limits ("Limits" of custom container functions,
// help.aliyun.com/en/functioncompute/fc-2-0/user-guide/overview-3): the
// uncompressed image is at most 10 GB on CPU instances, 15 GB on GPU ones.
const (
	imageLimitCPU = 10 << 30
	imageLimitGPU = 15 << 30
)

// defaultImagePath is the PATH a container gets when the image sets none
// (Docker's and containerd's default).
const defaultImagePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// libDirs are the folders the dynamic loader searches on Debian, Ubuntu,
// Alpine and RHEL-family images.
var libDirs = []string{
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64",
	"/lib", "/usr/lib", "/usr/local/lib",
}

// imageChecker checks one image.
type imageChecker struct {
	*checker
	im   *image.Image
	fsys *image.FS
	env  map[string]string // the container's environment: image ENV, then environmentVariables
	wd   string
}

// checkImage is `fclint package image.tar`: the platform, the start
// command resolved in the image's filesystem, the program it starts, the
// exposed ports and the size.
func (c *checker) checkImage(im *image.Image) {
	c.container = true
	c.checkConfig()
	ic := &imageChecker{checker: c, im: im, env: map[string]string{}, wd: "/"}
	cfg := im.Config.Config
	for _, kv := range cfg.Env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			ic.env[k] = v
		}
	}
	for k, v := range c.fn.Env {
		ic.env[k] = v
	}
	if cfg.WorkingDir != "" {
		ic.wd = path.Clean("/" + cfg.WorkingDir)
	}
	ic.checkPlatform()
	if !c.portUnset() {
		ic.checkPorts()
	}
	argv, known := im.StartCommand(c.fn.Container)
	fsys, err := im.Index(ic.wanted(argv))
	if err != nil {
		c.add(rules.MustGet("FC211"), c.disp, 0, "", fmt.Sprintf("%s: the image's layers cannot be read: %v", c.disp, err))
		return
	}
	defer fsys.Close()
	ic.fsys = fsys
	ic.checkImageSize()
	if known {
		ic.checkStart(argv)
	}
}

// checkPlatform is FC212: FC runs linux/amd64 images only.
func (ic *imageChecker) checkPlatform() {
	r := rules.MustGet("FC212")
	if ps := ic.im.Platforms; len(ps) > 0 && !slices.Contains(ps, "linux/amd64") {
		f := ic.add(r, ic.disp, 0, "", fmt.Sprintf("the image index lists %s but not linux/amd64: FC pulls linux/amd64 and the deploy fails", strings.Join(ps, ", ")))
		f.Fix = "build for linux/amd64 too: docker buildx build --platform linux/amd64,linux/arm64 ..."
		return
	}
	if p := ic.im.Platform(); p != "linux/amd64" {
		f := ic.add(r, ic.disp, 0, "", fmt.Sprintf("the image is %s: FC runs only linux/amd64 images, and an arm64 image built on an Apple-silicon Mac fails to start (\"exec format error\", or requests time out)", p))
		f.Fix = "rebuild with docker build --platform linux/amd64 (or FROM --platform=linux/amd64 in the Dockerfile)"
	}
}

// checkPorts is FC213: the image exposes ports, none of them CAPort.
func (ic *imageChecker) checkPorts() {
	ports := ic.im.Config.Config.ExposedPorts
	if len(ports) == 0 {
		return // EXPOSE is documentation; FC does not need it
	}
	caPort := strconv.Itoa(ic.fn.CAPort())
	var list []string
	for p := range ports {
		num, proto, _ := strings.Cut(p, "/")
		if num == caPort && (proto == "" || proto == "tcp") {
			return
		}
		list = append(list, p)
	}
	slices.Sort(list)
	file, line := ic.at(ic.fn.Port.Pos)
	f := ic.add(rules.MustGet("FC213"), file, line, "", fmt.Sprintf("the image exposes %s, but CAPort is %s: FC sends requests to port %s, so a server on %s is never reached and the start check fails", strings.Join(list, ", "), caPort, caPort, list[0]))
	f.Fix = fmt.Sprintf("listen on %s (EXPOSE %s in the Dockerfile), or set the port in customContainerConfig to the one the server uses", caPort, caPort)
}

func (ic *imageChecker) searchPath() []string {
	p, ok := ic.env["PATH"]
	if !ok {
		p = defaultImagePath
	}
	var out []string
	for d := range strings.SplitSeq(p, ":") {
		if d == "" {
			d = ic.wd
		}
		out = append(out, resolveIn(ic.wd, d))
	}
	return out
}

// wanted says which files Index keeps: the candidates for the program the
// command starts, and libc (for its glibc version).
func (ic *imageChecker) wanted(argv []string) func(string) bool {
	cands := map[string]bool{}
	if prog, wd := startProgram(argv, ic.wd); prog != "" {
		if strings.Contains(prog, "/") {
			cands[strings.TrimPrefix(resolveIn(wd, prog), "/")] = true
		} else {
			for _, d := range ic.searchPath() {
				cands[strings.TrimPrefix(path.Join(d, prog), "/")] = true
			}
		}
	}
	return func(name string) bool {
		return cands[name] || path.Base(name) == "libc.so.6" || strings.HasPrefix(path.Base(name), "libc-2.")
	}
}

// shellForm reports whether argv is a shell running a command string, as
// Docker's shell form (CMD node app.js) becomes ["/bin/sh", "-c", "node app.js"].
func shellForm(argv []string) bool {
	if len(argv) < 3 || argv[1] != "-c" {
		return false
	}
	switch path.Base(argv[0]) {
	case "sh", "bash", "ash", "dash":
		return true
	}
	return false
}

// shellBuiltins are commands a shell runs itself: the program the container
// starts is the first command that is none of them.
var shellBuiltins = map[string]bool{
	"cd": true, "export": true, "set": true, "umask": true, "ulimit": true, ".": true, "source": true,
	"echo": true, "printf": true, "true": true, ":": true, "trap": true, "unset": true, "test": true, "[": true,
}

// startProgram is the program that matters, and the folder it starts in:
// argv[0] in wd, or the first non-builtin command of a shell-form string
// (after the cd commands before it).
func startProgram(argv []string, wd string) (string, string) {
	if len(argv) == 0 {
		return "", wd
	}
	if !shellForm(argv) {
		return argv[0], wd
	}
	for _, words := range script.Split(argv[2]) {
		cl := script.CommandLine(words)
		w := cl.Words
		if len(w) > 0 && w[0] == "exec" {
			w = w[1:]
		}
		if len(w) == 0 {
			continue
		}
		if w[0] == "cd" && len(w) > 1 && !strings.Contains(w[1], "$") {
			wd = resolveIn(wd, w[1])
			continue
		}
		if !shellBuiltins[w[0]] {
			return w[0], wd
		}
	}
	return "", wd
}

// checkImageSize is FC215: over 15 GB is an error; over 10 GB an error for
// a CPU function and a warning when the configuration says nothing of GPUs.
func (ic *imageChecker) checkImageSize() {
	n := ic.fsys.Uncompressed
	if n <= imageLimitCPU {
		return
	}
	gpu := ic.fn.Container != nil && ic.fn.Container.GPU
	if gpu && n <= imageLimitGPU {
		return
	}
	size := gb(n)
	if ic.fsys.Capped {
		size = "more than " + size // fclint stops inflating there
	}
	f := ic.add(rules.MustGet("FC215"), ic.disp, 0, "", fmt.Sprintf("the image is %s uncompressed: FC accepts at most 10 GB on CPU instances and 15 GB on GPU instances", size))
	if n <= imageLimitGPU {
		if ic.fn.Container != nil {
			f.Message += " (the function has no gpuConfig)"
		} else {
			f.Severity = rules.Warning
			f.Message += " (it fits GPU instances only)"
		}
	}
	f.Fix = "use a smaller base image and a multi-stage build that copies only the binary; keep models and data on NAS or OSS"
}

func gb(n int64) string { return fmt.Sprintf("%.1f GB", float64(n)/(1<<30)) }

// checkStart resolves and checks the program the container starts.
func (ic *imageChecker) checkStart(argv []string) {
	if len(argv) == 0 {
		f := ic.add(rules.MustGet("FC201"), ic.disp, 0, "", "the image has no ENTRYPOINT or CMD, and customContainerConfig sets no entrypoint or command: the container has nothing to start")
		f.Fix = "add ENTRYPOINT [\"/app/server\"] to the Dockerfile, or set customContainerConfig.entrypoint"
		return
	}
	if !ic.portUnset() {
		ic.checkBinds(argv)
	}
	if shellForm(argv) {
		ic.checkShellForm(argv)
	}
	prog, wd := startProgram(argv, ic.wd)
	if prog == "" {
		return
	}
	file, ok := ic.lookPath(prog, wd)
	if !ok {
		return
	}
	ic.checkExecutableFile(file, prog, 0)
}

// checkShellForm is FC214: sh -c is PID 1 and does not pass SIGTERM on.
func (ic *imageChecker) checkShellForm(argv []string) {
	s := strings.TrimSpace(argv[2])
	if strings.HasPrefix(s, "exec ") {
		return
	}
	// dash and bash exec a lone simple command themselves; a list, a
	// pipe or a redirection keeps the shell as PID 1.
	if !strings.ContainsAny(s, ";&|<>()`$\n") {
		return
	}
	f := ic.add(rules.MustGet("FC214"), ic.disp, 0, "", fmt.Sprintf("the container starts %s -c %q: the shell is PID 1 and does not pass SIGTERM to the server, so FC kills the instance without a graceful shutdown", argv[0], s))
	f.Fix = "use the exec form, ENTRYPOINT [\"/app/server\"], or start the command string with exec"
}

// checkBinds is FC302 over the start command, with the container's
// environment.
func (ic *imageChecker) checkBinds(argv []string) {
	vars := script.Vars{}
	for k, v := range ic.env {
		vars[k] = v
	}
	cmds := startCommands(argv)
	var sites []bindSite
	for _, cl := range cmds {
		for _, b := range script.Binds(cl, vars) {
			if b.UnlessFile != "" && ic.fsys.Exists(resolveIn(ic.wd, b.UnlessFile)) {
				continue
			}
			sites = append(sites, bindSite{bind: b, file: ic.disp, where: "the image's start command"})
		}
	}
	ic.reportBinds(sites)
}

// lookPath finds prog as execve would from the working directory and PATH;
// FC207 when it is not there.
func (ic *imageChecker) lookPath(prog, wd string) (*image.File, bool) {
	fc207 := rules.MustGet("FC207")
	if strings.Contains(prog, "/") {
		p := resolveIn(wd, prog)
		f, err := ic.fsys.Stat(p)
		if err != nil {
			m := ic.add(fc207, ic.disp, 0, "", fmt.Sprintf("the container starts %s, but %s is not in the image (%v): the start fails with \"no such file or directory\"", prog, p, err))
			m.Fix = "COPY the program to that path in the final stage, or fix ENTRYPOINT"
			return nil, false
		}
		return f, true
	}
	dirs := ic.searchPath()
	for _, d := range dirs {
		if f, err := ic.fsys.Stat(path.Join(d, prog)); err == nil && f.IsRegular() && f.Mode&0o111 != 0 {
			return f, true
		}
	}
	m := ic.add(fc207, ic.disp, 0, "", fmt.Sprintf("the container starts %s, which is in none of PATH's folders (%s): the start fails with \"executable file not found in $PATH\"", prog, strings.Join(dirs, ":")))
	m.Fix = "install it in the image, or name it by its absolute path"
	return nil, false
}

// checkExecutableFile is FC203 (exec bit), then the binary or script rules.
func (ic *imageChecker) checkExecutableFile(f *image.File, word string, depth int) {
	where := ic.disp + "!" + f.Path
	if !f.IsRegular() {
		ic.add(rules.MustGet("FC207"), where, 0, "", fmt.Sprintf("the container starts %s, which is not a file in the image: the start fails", word))
		return
	}
	if f.Mode&0o111 == 0 {
		m := ic.add(rules.MustGet("FC203"), where, 0, "", fmt.Sprintf("%s is not executable (mode %04o): the start fails with \"permission denied\"", word, f.Mode.Perm()))
		m.Fix = "RUN chmod +x " + f.Path + " in the Dockerfile, or COPY --chmod=755"
	}
	head, err := ic.fsys.Head(f, script.HeadSize)
	if err != nil {
		ic.add(rules.MustGet("FC211"), where, 0, "", fmt.Sprintf("%s cannot be read from the image: %v", f.Path, err))
		return
	}
	if binary.Sniff(head) != binary.Unknown {
		ic.checkImageBinary(f, word, where)
		return
	}
	if depth == 0 {
		ic.checkImageScript(f, word, where, head)
	}
}

// checkImageScript is FC204 (CRLF, no shebang) and FC210 (the interpreter
// is not in the image).
func (ic *imageChecker) checkImageScript(f *image.File, word, where string, head []byte) {
	s := script.Parse(head)
	if s.Binary {
		return
	}
	fc204 := rules.MustGet("FC204")
	if !s.HasShebang {
		m := ic.add(fc204, where, 1, "", fmt.Sprintf("%s has no #! line: the kernel cannot execute it and the start fails with \"exec format error\"", word))
		m.Fix = "start the script with #!/bin/sh (or the interpreter it needs)"
		return
	}
	if s.CRLF {
		m := ic.add(fc204, where, s.CRLFLine, "", fmt.Sprintf("%s has Windows (CRLF) line endings: the interpreter is looked up as %q and the start fails with \"no such file or directory\"", word, s.Interpreter+"\\r"))
		m.Fix = "convert to LF (dos2unix, or RUN sed -i 's/\\r$//' " + f.Path + ")"
	}
	if isShell(s) && !ic.portUnset() {
		ic.scriptBinds(s, where)
	}
	prog, viaPath := s.Program()
	if prog == "" {
		return
	}
	if !ic.fsys.Exists(s.Interpreter) {
		m := ic.add(rules.MustGet("FC210"), where, 1, "", fmt.Sprintf("%s starts with #!%s, which is not in the image: the start fails with \"no such file or directory\"", word, s.Interpreter))
		m.Fix = "install the interpreter in the final stage, or change the #! line"
		return
	}
	if viaPath {
		for _, d := range ic.searchPath() {
			if ic.fsys.Exists(path.Join(d, prog)) {
				return
			}
		}
		m := ic.add(rules.MustGet("FC210"), where, 1, "", fmt.Sprintf("%s runs %s through env, and no %s is on PATH in the image: the start fails with \"env: '%s': No such file or directory\"", word, prog, prog, prog))
		m.Fix = "install " + prog + " in the final stage (or use a base image that has it)"
	}
}

// scriptBinds is FC302 over a shell start script's commands, with the
// container's environment and the script's own assignments.
func (ic *imageChecker) scriptBinds(s *script.Script, where string) {
	vars := script.Vars{}
	for k, v := range ic.env {
		vars[k] = v
	}
	var sites []bindSite
	for _, cmd := range s.Commands() {
		if len(cmd.Words) == 0 {
			for k, v := range cmd.Assign {
				if x, ok := script.Expand(v, vars); ok {
					vars[k] = x
				} else {
					delete(vars, k)
				}
			}
			continue
		}
		local := vars
		if len(cmd.Assign) > 0 {
			local = script.Vars{}
			for k, v := range vars {
				local[k] = v
			}
			for k, v := range cmd.Assign {
				local[k] = v
			}
		}
		for _, b := range script.Binds(cmd, local) {
			sites = append(sites, bindSite{bind: b, file: where, line: cmd.Line, source: cmd.Text, where: "the start script"})
		}
	}
	ic.reportBinds(sites)
}

// checkImageBinary is FC205 (format), FC206 (loader, libraries, glibc of
// the image itself) and FC107 (the go1 SDK linked in).
func (ic *imageChecker) checkImageBinary(f *image.File, word, where string) {
	ra, err := ic.fsys.Open(f)
	if err != nil {
		ic.add(rules.MustGet("FC211"), where, 0, "", fmt.Sprintf("%s cannot be read from the image: %v", f.Path, err))
		return
	}
	ra = io.NewSectionReader(ra, 0, f.Size)
	info, err := binary.Inspect(ra)
	fc205 := rules.MustGet("FC205")
	if info == nil || (err != nil && info.Format == binary.ELF && info.Machine == "") {
		ic.add(fc205, where, 0, "", fmt.Sprintf("%s looks like an executable but cannot be parsed (%v): the start fails with \"exec format error\"", word, err))
		return
	}
	if bad := badFormat(info); bad != "" {
		m := ic.add(fc205, where, 0, "", fmt.Sprintf("%s is %s: FC runs linux/amd64 containers, and the start fails with \"exec format error\"", word, bad))
		m.Fix = "build for Linux x86-64 (docker build --platform linux/amd64)"
		if info.Go != nil {
			m.Fix = "build with GOOS=linux GOARCH=amd64"
		}
		return
	}
	ic.checkGoSDK(ra, where, word, info.Go)
	ic.checkFrameworkModules(where, word, info.Go)
	if !info.Dynamic {
		return
	}
	fc206 := rules.MustGet("FC206")
	if !ic.fsys.Exists(info.Interpreter) {
		m := ic.add(fc206, where, 0, "", fmt.Sprintf("%s is dynamically linked, and its loader %s is not in the image: the start fails with \"no such file or directory\"", word, info.Interpreter))
		m.Fix = "link statically (CGO_ENABLED=0 for Go), or use a base image with that C library (a glibc binary on Alpine or scratch fails this way)"
		return
	}
	ic.checkLibraries(ra, word, where)
	ic.checkImageGLIBC(info, word, where)
}

// badFormat names what is wrong with a binary's format, "" when it is a
// Linux x86-64 executable.
func badFormat(info *binary.Info) string {
	switch info.Format {
	case binary.MachO, binary.MachOFat:
		return "a macOS (" + info.Format.String() + ") executable"
	case binary.PE:
		return "a Windows (PE) executable"
	case binary.ELF:
		switch {
		case !info.AMD64:
			return fmt.Sprintf("a Linux %s executable", info.Machine)
		case info.Class != 64:
			return fmt.Sprintf("a Linux %s executable (%d-bit)", info.Machine, info.Class)
		case info.Type != "executable" && info.Type != "shared object (PIE)":
			return "an ELF " + info.Type + ", not an executable"
		}
	}
	return ""
}

// checkLibraries is FC206 for DT_NEEDED libraries found nowhere the loader
// looks: the binary's RUNPATH, LD_LIBRARY_PATH and the usual folders.
func (ic *imageChecker) checkLibraries(ra io.ReaderAt, word, where string) {
	ef, err := elf.NewFile(ra)
	if err != nil {
		return
	}
	defer ef.Close()
	needed, err := ef.ImportedLibraries()
	if err != nil {
		return
	}
	dirs := append([]string(nil), libDirs...)
	for _, tag := range []elf.DynTag{elf.DT_RUNPATH, elf.DT_RPATH} {
		if vals, err := ef.DynString(tag); err == nil {
			for _, v := range vals {
				dirs = append(dirs, strings.Split(strings.ReplaceAll(v, "$ORIGIN", path.Dir(where[strings.Index(where, "!")+1:])), ":")...)
			}
		}
	}
	if v, ok := ic.env["LD_LIBRARY_PATH"]; ok {
		dirs = append(dirs, strings.Split(v, ":")...)
	}
	var missing []string
	for _, lib := range needed {
		found := strings.Contains(lib, "/") && ic.fsys.Exists(lib)
		for _, d := range dirs {
			if found {
				break
			}
			found = d != "" && ic.fsys.Exists(path.Join(d, lib))
		}
		if !found && !ic.fsys.HasName(lib) {
			missing = append(missing, lib)
		}
	}
	if len(missing) == 0 {
		return
	}
	m := ic.add(rules.MustGet("FC206"), where, 0, "", fmt.Sprintf("%s needs %s, which the image does not have: the start fails with \"error while loading shared libraries: %s: cannot open shared object file\"", word, strings.Join(missing, ", "), missing[0]))
	m.Fix = "install the library in the final stage (apt-get install / apk add), or link statically"
}

// checkImageGLIBC is FC206 against the image's own libc: the highest
// GLIBC_x.y version its libc.so.6 defines.
func (ic *imageChecker) checkImageGLIBC(info *binary.Info, word, where string) {
	have, libc, ok := ic.imageGLIBC()
	if !ok {
		return
	}
	above := info.Above(have)
	if len(above) == 0 {
		return
	}
	m := ic.add(rules.MustGet("FC206"), where, 0, "", fmt.Sprintf("%s needs GLIBC_%s; the image's %s has glibc %s: the start fails with \"version `GLIBC_%s' not found\"", word, above[0], libc, have, above[0]))
	m.Fix = "build in a stage FROM the same base image as the final one, or link statically"
}

// imageGLIBC reads the glibc version from the image's libc.so.6.
func (ic *imageChecker) imageGLIBC() (binary.Version, string, bool) {
	for _, d := range libDirs {
		p := path.Join(d, "libc.so.6")
		f, err := ic.fsys.Stat(p)
		if err != nil || !f.IsRegular() {
			continue
		}
		ra, err := ic.fsys.Open(f)
		if err != nil {
			continue
		}
		ef, err := elf.NewFile(io.NewSectionReader(ra, 0, f.Size))
		if err != nil {
			continue
		}
		defs, err := ef.DynamicVersions()
		ef.Close()
		if err != nil {
			continue
		}
		var best binary.Version
		found := false
		for _, d := range defs {
			if v, ok := binary.ParseGLIBC(d.Name); ok && (!found || best.Less(v)) {
				best, found = v, true
			}
		}
		if found {
			return best, p, true
		}
	}
	return binary.Version{}, "", false
}

// fcSDKStart is the go1 SDK's entry point, spelled as the Go linker names
// it in the binary's symbol table (which stripped binaries keep in pclntab).
const fcSDKStart = "github.com/aliyun/fc-runtime-go-sdk/fc.Start"

// checkGoSDK is FC107 for a Go binary: the go1 SDK's fc.Start serves FC's
// runtime API, not HTTP on a port, so a function (or container) that runs
// it never answers on CAPort.
func (c *checker) checkGoSDK(ra io.ReaderAt, file, word string, g *binary.GoBuild) {
	if g == nil || !slices.ContainsFunc(g.Modules, func(m binary.Module) bool { return m.Path == "github.com/aliyun/fc-runtime-go-sdk" }) {
		return
	}
	if !containsBytes(ra, fcSDKStart) {
		return // the module's event types only
	}
	what := "the function"
	if c.container {
		what = "the container"
	}
	rt := c.fn.Runtime
	if !c.container && rt.Known() && !config.IsCustomRuntime(rt.Value) {
		return // a go1 function: fc.Start is how it runs
	}
	m := c.add(rules.MustGet("FC107"), file, 0, "", fmt.Sprintf("%s is a Go program that calls fc.Start of github.com/aliyun/fc-runtime-go-sdk: it polls the go1 runtime API and listens on no port, so %s never answers on CAPort", word, what))
	m.Fix = "serve HTTP on the configured port with net/http (or a framework) instead of fc.Start"
	if !c.container && !rt.Known() {
		// As in fclint check: without a runtime, the code may be meant
		// for the go1 runtime.
		m.Severity = rules.Warning
		m.Fix += ", or deploy with runtime go1"
	}
}

// containsBytes scans r for s in bounded chunks.
func containsBytes(r io.ReaderAt, s string) bool {
	const chunk = 1 << 20
	buf := make([]byte, chunk+len(s))
	for off := int64(0); ; off += chunk {
		n, err := r.ReadAt(buf, off)
		if strings.Contains(string(buf[:n]), s) {
			return true
		}
		if err != nil || n < len(buf) {
			return false
		}
	}
}

// resolveIn resolves p against the folder wd as a process would: an
// absolute p stands alone (path.Join would append it to wd).
func resolveIn(wd, p string) string {
	if strings.HasPrefix(p, "/") {
		return path.Clean(p)
	}
	return path.Join("/", wd, p)
}
