package probe

import (
	"crypto/rand"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fclint/fclint/config"

	"github.com/fclint/fclint/internal/fcfacts"
)

// Values FC would set that a local run has no real source for.
const (
	probeRegion     = "cn-hangzhou"
	probeAccountID  = "1234567890123456"
	probeFuncName   = "fclint-probe"
	defaultHandler  = "index.handler"
	standardPath    = "/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/sbin:/bin"
	codeMountPoint  = "/code"
	defaultBootstrp = codeMountPoint + "/bootstrap"
)

// functionName is the configured name, or a stand-in.
func functionName(f *config.Function) string {
	if f != nil && f.Name != "" {
		return f.Name
	}
	return probeFuncName
}

// environment is what the function's process sees: FC's system variables
// (codePath is where the code appears to the function: /code, or the real
// folder without namespaces), then the configuration's environmentVariables,
// then the --env pairs. The host's environment is not passed on, as on FC.
func environment(f *config.Function, port int, codePath string, extra []string, memoryMB int) []string {
	p := strconv.Itoa(port)
	handler := defaultHandler
	if f != nil && f.Handler.Known() && f.Handler.Value != "" {
		handler = f.Handler.Value
	}
	vars := map[string]string{
		"PATH":                    standardPath,
		"HOME":                    "/tmp",
		"LD_LIBRARY_PATH":         codePath + ":" + codePath + "/lib:/usr/local/lib",
		fcfacts.ListenPortEnv:     p,
		fcfacts.ServerPortEnv:     p,
		"FC_FUNC_CODE_PATH":       codePath,
		"FC_REGION":               probeRegion,
		"FC_ACCOUNT_ID":           probeAccountID,
		"FC_FUNCTION_NAME":        functionName(f),
		"FC_FUNCTION_HANDLER":     handler,
		"FC_FUNCTION_MEMORY_SIZE": strconv.Itoa(memoryMB),
		"FC_INSTANCE_ID":          randomID(),
	}
	if f != nil {
		for k, v := range f.Env {
			vars[k] = v
		}
	}
	for _, kv := range extra {
		if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
			vars[k] = v
		}
	}
	env := make([]string, 0, len(vars))
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	sort.Strings(env)
	return env
}

// ParseEnv checks --env values: each must be KEY=VALUE with a non-empty key.
func ParseEnv(pairs []string) error {
	for _, kv := range pairs {
		if k, _, ok := strings.Cut(kv, "="); !ok || k == "" || strings.ContainsAny(k, " \t\n") {
			return &envError{kv}
		}
	}
	return nil
}

type envError struct{ kv string }

func (e *envError) Error() string {
	return "invalid --env " + strconv.Quote(e.kv) + " (want KEY=VALUE)"
}

func randomID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// commandLine is what FC runs: customRuntimeConfig command + args, or
// /code/bootstrap when both are empty.
func commandLine(f *config.Function) []string {
	var argv []string
	if f != nil {
		if f.Command.Known() {
			argv = append(argv, f.Command.Value...)
		}
		if f.Args.Known() {
			argv = append(argv, f.Args.Value...)
		}
	}
	if len(argv) == 0 {
		return []string{defaultBootstrp}
	}
	return argv
}

// outsideCode rewrites /code/... arguments to the real folder, for runs
// without the /code mount.
func outsideCode(argv []string, dir string) []string {
	out := make([]string, len(argv))
	for i, a := range argv {
		switch {
		case a == codeMountPoint:
			out[i] = dir
		case strings.HasPrefix(a, codeMountPoint+"/"):
			out[i] = dir + a[len(codeMountPoint):]
		default:
			out[i] = a
		}
	}
	return out
}

// unresolvedEnv lists the configured variables whose values are placeholders
// (${vars.x}) that --env does not supply, sorted.
func unresolvedEnv(f *config.Function, extra []string) []string {
	if f == nil {
		return nil
	}
	given := map[string]bool{}
	for _, kv := range extra {
		k, _, _ := strings.Cut(kv, "=")
		given[k] = true
	}
	var names []string
	for name, unknown := range f.EnvUnknown {
		if unknown && !given[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// FC's defaults for a custom runtime (devsapp/fc3 src/default/config.ts):
// memorySize 512 MB, timeout 3 s, disk 512 MB, and 0.35 vCPU with 512 MB.
const (
	defaultMemoryMB = 512
	defaultDiskMB   = 512
	defaultCPU      = 0.35
)

// resources are the configured limits of the function, with FC's defaults.
type resources struct {
	memoryMB  int
	cpu       float64 // vCPUs; 0 when neither configured nor implied
	diskBytes int64   // the size of /tmp
	// timeout is each invocation's deadline: the configured timeout, or
	// fallback when none is configured.
	timeout time.Duration
	// timeoutConfigured: timeout comes from the configuration.
	timeoutConfigured bool
}

func resourcesOf(f *config.Function, fallback time.Duration) resources {
	r := resources{memoryMB: defaultMemoryMB, diskBytes: defaultDiskMB << 20, timeout: fallback}
	if f == nil {
		return r
	}
	if f.MemorySize.Known() && f.MemorySize.Value > 0 {
		r.memoryMB = f.MemorySize.Value
	}
	if f.DiskSize.Known() && f.DiskSize.Value > 0 {
		r.diskBytes = int64(f.DiskSize.Value) << 20
	}
	if f.CPU.Known() {
		if v, err := strconv.ParseFloat(strings.TrimSpace(f.CPU.Value), 64); err == nil && v > 0 {
			r.cpu = v
		}
	} else if r.memoryMB == defaultMemoryMB {
		r.cpu = defaultCPU
	}
	if f.Timeout.Known() && f.Timeout.Value > 0 {
		r.timeout = time.Duration(f.Timeout.Value) * time.Second
		r.timeoutConfigured = true
	}
	return r
}

func (r resources) memoryBytes() int64 { return int64(r.memoryMB) << 20 }
