package config

import "go.yaml.in/yaml/v3"

// Funcraft resource types (Transform: Aliyun::Serverless-2018-04-03).
const (
	funcraftService  = "Aliyun::Serverless::Service"
	funcraftFunction = "Aliyun::Serverless::Function"
)

// funcraft reads a template.yml: every Aliyun::Serverless::Function nested
// in an Aliyun::Serverless::Service under Resources.
func (r *reader) funcraft(root *yaml.Node, file *File) bool {
	file.Format = FormatFuncraft
	r.pairs(r.lookup(root, "Resources"), func(_, svc *yaml.Node) {
		if t, _, _ := r.text(r.lookup(svc, "Type")); t != funcraftService {
			return
		}
		r.pairs(svc, func(key, child *yaml.Node) {
			if t, _, _ := r.text(r.lookup(child, "Type")); t != funcraftFunction {
				return
			}
			file.Functions = append(file.Functions, r.funcraftFunction(key, child))
		})
	})
	return true
}

func (r *reader) funcraftFunction(key, res *yaml.Node) *Function {
	fn := newFunction(FormatFuncraft, r.file, r.pos(key))
	fn.Name = key.Value
	props := r.section(section{node: res, fn: fn.Pos}, "Properties")
	fn.Runtime = r.str(props, "Runtime")
	v, opaque, where := r.value(props, "CodeUri")
	r.code(fn, v, opaque, where)
	fn.Port = r.integer(props, "CAPort")
	fn.Timeout = r.integer(props, "Timeout")
	fn.Handler = r.str(props, "Handler")
	fn.Initializer = r.str(props, "Initializer")
	r.env(fn, props, "EnvironmentVariables")
	r.layers(fn, props, "Layers")
	return fn
}
