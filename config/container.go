package config

import (
	"encoding/json"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ContainerRuntime is the runtime ID of FC's custom-container runtime.
const ContainerRuntime = "custom-container"

// IsContainerRuntime reports whether rt is custom-container.
func IsContainerRuntime(rt string) bool { return strings.TrimSpace(rt) == ContainerRuntime }

// IsContainer reports whether the function runs a container image: its
// runtime is custom-container, or (runtime unset or a placeholder) it has a
// customContainerConfig.
func (f *Function) IsContainer() bool {
	if f == nil {
		return false
	}
	if f.Runtime.Known() {
		return IsContainerRuntime(f.Runtime.Value)
	}
	return f.Container != nil
}

// Container is customContainerConfig, with Docker's names for what it sets.
//   - fc3 and the FC 3.0 API: image, entrypoint[], command[], port,
//     healthCheckConfig, registryConfig (devsapp/fc3 src/schema.json,
//     ICustomContainerConfig): entrypoint replaces the image's ENTRYPOINT
//     and command its CMD.
//   - the legacy fc component, Funcraft and the FC 2.0 API: image, command
//     and args, JSON arrays written as strings ('["python"]'): command
//     replaces ENTRYPOINT and args CMD; the port is the function's caPort.
//
// The port and healthCheckConfig go to Function.Port and
// Function.HealthCheck when customRuntimeConfig does not set them, so the
// rules that check them work for both runtimes.
type Container struct {
	Pos        Pos // where customContainerConfig is written
	Image      Field[string]
	Entrypoint Field[[]string] // replaces the image's ENTRYPOINT when Set
	Cmd        Field[[]string] // replaces the image's CMD when Set
	// Registry: registryConfig is present (a private registry with its own
	// credentials or certificate settings).
	Registry bool
	// GPU: the function has a gpuConfig (a GPU instance), whose image limit
	// is 15 GB instead of 10 GB.
	GPU bool
}

// Argv is the command line the configuration gives, entrypoint then cmd;
// unset parts come from the image.
func (c *Container) Argv() []string {
	if c == nil {
		return nil
	}
	return append(append([]string(nil), c.Entrypoint.Value...), c.Cmd.Value...)
}

// container reads customContainerConfig (key) from s into fn.Container,
// and its port and healthCheckConfig into fn where customRuntimeConfig left
// them unset. It is the one hook each format's reader calls.
func (r *reader) container(fn *Function, s section, key string) {
	cc := r.section(s, key)
	if cc.node == nil && !cc.opaque {
		return
	}
	c := &Container{Pos: cc.at}
	if cc.node != nil {
		c.Pos = r.pos(cc.node)
	}
	c.Image = r.str(cc, "image")
	entrypoint, command, args := r.argList(cc, "entrypoint"), r.argList(cc, "command"), r.argList(cc, "args")
	if entrypoint.Set || (!args.Set && fn.Format == FormatFC3) {
		c.Entrypoint, c.Cmd = entrypoint, command // FC 3.0
	} else {
		c.Entrypoint, c.Cmd = command, args // FC 2.0: command is the ENTRYPOINT
	}
	if v, opaque, _ := r.value(cc, "registryConfig"); opaque || !isNull(v) {
		c.Registry = true
	}
	if v, opaque, _ := r.value(s, "gpuConfig"); opaque || !isNull(v) {
		c.GPU = true
	}
	fn.Container = c
	if p := r.integer(cc, "port"); p.Set && !fn.Port.Set {
		fn.Port = p
	}
	if h := r.healthCheck(r.section(cc, "healthCheckConfig")); h.set() && !fn.HealthCheck.set() {
		fn.HealthCheck = h
	}
}

// argList reads a list of strings that may also be written as one string
// holding a JSON array, as FC 2.0's customContainerConfig.command and args
// are ('["python", "app.py"]'). Any other string is a wrong type: unknown.
func (r *reader) argList(s section, key string) Field[[]string] {
	return field(r, s, key, func(v *yaml.Node, where Pos) Field[[]string] {
		f := r.toStrList(v, where)
		if !f.Set || !f.Unknown || v == nil || r.deref(v) == nil || r.deref(v).Kind != yaml.ScalarNode {
			return f
		}
		text, known, ok := r.text(v)
		if !ok || !known {
			return f
		}
		if strings.TrimSpace(text) == "" {
			return Field[[]string]{Set: true, Pos: f.Pos}
		}
		var list []string
		if err := json.Unmarshal([]byte(text), &list); err != nil {
			return f
		}
		return Field[[]string]{Value: list, Set: true, Pos: f.Pos}
	})
}

// PortKey is the configuration key that sets CAPort for f, as fixes should
// name it: customContainerConfig.port for a custom container and
// customRuntimeConfig.port otherwise (fc3, FC 3.0), caPort (the legacy fc
// component, where a container's port is caPort too), CAPort (Funcraft);
// "" when the format does not tell (the FC API JSON of either version, ROS).
func (f *Function) PortKey() string {
	if f == nil {
		return ""
	}
	switch f.Format {
	case FormatFC2:
		return "caPort"
	case FormatFuncraft:
		return "CAPort"
	case FormatFC3, FormatFlags, "":
		if f.IsContainer() {
			return "customContainerConfig.port"
		}
		return "customRuntimeConfig.port"
	}
	return ""
}
