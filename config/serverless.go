package config

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// serverlessDevs reads an s.yaml. edition 3.x lists resources with
// component fc3; edition 1.x/2.x (or no edition) lists services with
// component fc or devsapp/fc. Other components (fc3-domain, oss, ...) are
// not functions and are skipped.
func (r *reader) serverlessDevs(root *yaml.Node, file *File) bool {
	r.vars = r.lookup(root, "vars")
	baseDir := filepath.Dir(r.file)
	global := r.actions(r.lookup(root, "actions"), baseDir)

	edition, _, _ := r.text(r.lookup(root, "edition"))
	major, _, _ := strings.Cut(strings.TrimSpace(edition), ".")
	resources := r.lookup(root, "resources")
	fc3 := major == "3" || (major == "" && resources != nil)
	if fc3 {
		file.Format = FormatFC3
	} else {
		file.Format = FormatFC2
		resources = r.lookup(root, "services")
	}
	r.pairs(resources, func(key, res *yaml.Node) {
		compNode := r.lookup(res, "component")
		comp, known, _ := r.text(compNode)
		if compNode != nil && !known && r.looksLikeFunction(res, fc3) {
			// component: ${vars.component} — an expression: its props tell.
			comp = "fc"
			if fc3 {
				comp = "fc3"
			}
		}
		var fn *Function
		switch name := componentName(comp); {
		case fc3 && name == "fc3":
			fn = r.fc3Function(key, res)
		case !fc3 && name == "fc":
			fn = r.fcFunction(key, res)
		}
		if fn == nil {
			return
		}
		fn.Actions = append(append([]Action(nil), global...), r.actions(r.lookup(res, "actions"), baseDir)...)
		file.Functions = append(file.Functions, fn)
	})
	return true
}

// componentName normalizes a component reference: "devsapp/fc@1.0.0",
// "fc@dev" and "FC" are all "fc".
func componentName(c string) string {
	c = strings.ToLower(strings.TrimSpace(c))
	c, _, _ = strings.Cut(c, "@")
	return strings.TrimPrefix(c, "devsapp/")
}

// fc3Function reads resources.<key> of component fc3.
func (r *reader) fc3Function(key, res *yaml.Node) *Function {
	fn := newFunction(FormatFC3, r.file, r.pos(key))
	top := section{node: res, fn: fn.Pos}
	props := r.section(top, "props")
	fn.Name = r.name(props, "functionName", key)
	fn.Runtime = r.str(props, "runtime")
	v, opaque, where := r.value(props, "code")
	r.code(fn, v, opaque, where)
	fn.Timeout = r.integer(props, "timeout")
	fn.Handler = r.str(props, "handler")
	r.env(fn, props, "environmentVariables")
	r.layers(fn, props, "layers")
	crc := r.section(props, "customRuntimeConfig")
	fn.Command = r.strList(crc, "command")
	fn.Args = r.strList(crc, "args")
	fn.Port = r.integer(crc, "port")
	fn.HealthCheck = r.healthCheck(r.section(crc, "healthCheckConfig"))
	fn.Initializer = r.str(r.section(r.section(props, "instanceLifecycleConfig"), "initializer"), "handler")
	r.resources(fn, props)
	fn.TriggerTypes = r.triggerTypes(props, "triggers", "triggerType")
	fn.PreStop = r.str(r.section(r.section(props, "instanceLifecycleConfig"), "preStop"), "handler")
	r.container(fn, props, "customContainerConfig")
	return fn
}

// fcFunction reads services.<key> of the legacy fc component; nil when the
// service declares no function (only a service, say).
func (r *reader) fcFunction(key, res *yaml.Node) *Function {
	fn := newFunction(FormatFC2, r.file, r.pos(key))
	top := section{node: res, fn: fn.Pos}
	props := r.section(top, "props")
	f := r.section(props, "function")
	if f.node == nil && !f.opaque {
		return nil
	}
	fn.Name = r.name(f, "name", key)
	fn.Runtime = r.str(f, "runtime")
	v, opaque, where := r.value(f, "codeUri")
	if bucket := r.lookup(f.node, "ossBucket"); v == nil && !opaque && bucket != nil {
		r.ossCode(fn, bucket, bucket, r.lookup(f.node, "ossKey")) // FC 2.0 code from an OSS object
	} else {
		r.code(fn, v, opaque, where)
	}
	fn.Port = r.integer(f, "caPort")
	fn.Timeout = r.integer(f, "timeout")
	fn.Handler = r.str(f, "handler")
	fn.Initializer = r.str(f, "initializer")
	r.env(fn, f, "environmentVariables")
	r.layers(fn, f, "layers")
	crc := r.section(f, "customRuntimeConfig")
	fn.Command = r.strList(crc, "command")
	fn.Args = r.strList(crc, "args")
	fn.HealthCheck = r.healthCheck(r.section(f, "customHealthCheckConfig"))
	r.resources(fn, f)
	fn.TriggerTypes = r.triggerTypes(props, "triggers", "type")
	fn.PreStop = r.str(r.section(r.section(f, "instanceLifecycleConfig"), "preStop"), "handler")
	r.container(fn, f, "customContainerConfig")
	return fn
}

// name is the function's name from key in s when known, else the resource key.
func (r *reader) name(s section, key string, resourceKey *yaml.Node) string {
	if n := r.str(s, key); n.Known() && n.Value != "" {
		return n.Value
	}
	return resourceKey.Value
}

// resources reads memorySize, diskSize, cpu and instanceConcurrency, which
// every format spells the same way.
func (r *reader) resources(fn *Function, s section) {
	fn.MemorySize = r.integer(s, "memorySize")
	fn.DiskSize = r.integer(s, "diskSize")
	fn.CPU = r.str(s, "cpu")
	fn.InstanceConcurrency = r.integer(s, "instanceConcurrency")
}

// triggerTypes reads the types of a triggers list (key typeKey in each).
func (r *reader) triggerTypes(s section, key, typeKey string) Field[[]string] {
	v, opaque, where := r.value(s, key)
	if opaque {
		return Field[[]string]{Set: true, Unknown: true, Pos: where}
	}
	v = r.deref(v)
	if v == nil || v.Kind != yaml.SequenceNode {
		return Field[[]string]{Set: v != nil, Unknown: v != nil, Pos: where}
	}
	f := Field[[]string]{Set: true, Value: []string{}, Pos: r.pos(v)}
	for _, t := range v.Content {
		typ := r.str(section{node: r.deref(t), fn: r.pos(t)}, typeKey)
		if !typ.Known() {
			f.Value = append(f.Value, "")
			continue
		}
		f.Value = append(f.Value, typ.Value)
	}
	return f
}

// looksLikeFunction reports whether a resource's props (fc3) or its
// function section (fc) describe a function: runtime, code or
// customRuntimeConfig.
func (r *reader) looksLikeFunction(res *yaml.Node, fc3 bool) bool {
	props := r.lookup(res, "props")
	if !fc3 {
		if f := r.lookup(props, "function"); f != nil {
			props = f
		}
	}
	for _, k := range []string{"runtime", "code", "codeUri", "customRuntimeConfig", "caPort"} {
		if r.lookup(props, k) != nil {
			return true
		}
	}
	return false
}
