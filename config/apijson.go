package config

import "go.yaml.in/yaml/v3"

// apiJSON reads an FC API function body: CreateFunction input or
// GetFunction output, FC 3.0 (customRuntimeConfig.port) or FC 2.0 (caPort).
// It also takes an SDK response ({"body": {...}}) and ListFunctions output
// ({"functions": [...]}). It reports false when the mapping names no
// function at all.
func (r *reader) apiJSON(root *yaml.Node, file *File) bool {
	file.Format = FormatAPIJSON
	if body := r.lookup(root, "body"); isMap(body) && !isFunctionBody(r, root) {
		root = body
	}
	if list := r.lookup(root, "functions"); list != nil && list.Kind == yaml.SequenceNode && !isFunctionBody(r, root) {
		for _, item := range list.Content {
			if item = r.deref(item); isMap(item) && r.step() {
				file.Functions = append(file.Functions, r.apiFunction(section{node: item, fn: r.pos(item)}, FormatAPIJSON, ""))
			}
		}
		return true
	}
	if !isFunctionBody(r, root) {
		return false
	}
	file.Functions = append(file.Functions, r.apiFunction(section{node: root, fn: r.pos(root)}, FormatAPIJSON, ""))
	return true
}

func isFunctionBody(r *reader, m *yaml.Node) bool {
	for _, k := range []string{"functionName", "runtime", "customRuntimeConfig", "caPort", "customContainerConfig"} {
		if r.lookup(m, k) != nil {
			return true
		}
	}
	return false
}

// apiFunction reads a function body with the API's keys (PascalCase ones
// in ROS templates); body.fn is the function's position. name is used when
// functionName is missing or unknown.
func (r *reader) apiFunction(body section, format Format, name string) *Function {
	fn := newFunction(format, r.file, body.fn)
	fn.Name = name
	if n := r.str(body, "functionName"); n.Known() && n.Value != "" {
		fn.Name = n.Value
	}
	fn.Runtime = r.str(body, "runtime")
	v, opaque, where := r.value(body, "code")
	if v == nil && !opaque {
		v, opaque, where = r.value(body, "codeUri")
	}
	r.code(fn, v, opaque, where)
	fn.Timeout = r.integer(body, "timeout")
	fn.Handler = r.str(body, "handler")
	r.env(fn, body, "environmentVariables")
	r.layers(fn, body, "layers")
	crc := r.section(body, "customRuntimeConfig")
	fn.Command = r.strList(crc, "command")
	fn.Args = r.strList(crc, "args")
	// FC 3.0 keeps the port in customRuntimeConfig; FC 2.0 has caPort.
	if fn.Port = r.integer(crc, "port"); !fn.Port.Set {
		fn.Port = r.integer(body, "caPort")
	}
	if fn.HealthCheck = r.healthCheck(r.section(crc, "healthCheckConfig")); !fn.HealthCheck.set() {
		fn.HealthCheck = r.healthCheck(r.section(body, "customHealthCheckConfig"))
	}
	if fn.Initializer = r.str(r.section(r.section(body, "instanceLifecycleConfig"), "initializer"), "handler"); !fn.Initializer.Set {
		fn.Initializer = r.str(body, "initializer")
	}
	r.resources(fn, body)
	fn.PreStop = r.str(r.section(r.section(body, "instanceLifecycleConfig"), "preStop"), "handler")
	r.container(fn, body, "customContainerConfig")
	return fn
}

func (h HealthCheck) set() bool {
	return h.HTTPGetURL.Set || h.InitialDelaySeconds.Set || h.PeriodSeconds.Set ||
		h.TimeoutSeconds.Set || h.FailureThreshold.Set || h.SuccessThreshold.Set
}
