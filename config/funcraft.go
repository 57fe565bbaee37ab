package config

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Funcraft resource types (Transform: Aliyun::Serverless-2018-04-03).
const (
	funcraftService  = "Aliyun::Serverless::Service"
	funcraftFunction = "Aliyun::Serverless::Function"
)

// ROS resource types whose Properties are FC API bodies in PascalCase.
var rosFunctions = map[string]bool{
	"ALIYUN::FC3::Function": true, // FC 3.0: CustomRuntimeConfig.Port
	"ALIYUN::FC::Function":  true, // FC 2.0: CAPort
}

// funcraft reads a template.yml: every Aliyun::Serverless::Function nested
// in an Aliyun::Serverless::Service under Resources. A ROS template (no
// Aliyun::Serverless transform) declares ALIYUN::FC3::Function and
// ALIYUN::FC::Function resources directly under Resources.
func (r *reader) funcraft(root *yaml.Node, file *File) bool {
	file.Format = FormatFuncraft
	transform, _, _ := r.text(r.lookup(root, "Transform"))
	if !strings.HasPrefix(transform, "Aliyun::Serverless") {
		r.pairs(r.lookup(root, "Resources"), func(key, res *yaml.Node) {
			if t, _, _ := r.text(r.lookup(res, "Type")); rosFunctions[t] {
				file.Format = FormatROS
				r.pascal = true
				props := r.section(section{node: res, fn: r.pos(key)}, "Properties")
				file.Functions = append(file.Functions, r.apiFunction(props, FormatROS, key.Value))
				r.pascal = false
			}
		})
		if file.Format == FormatROS {
			return true
		}
	}
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
	r.pascal = true // CustomContainerConfig: {Image, Command, Args}
	r.container(fn, props, "customContainerConfig")
	r.pascal = false
	return fn
}
