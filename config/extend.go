package config

import (
	"fmt"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxExtendDepth bounds chains of extend (and catches cycles).
const maxExtendDepth = 4

// extend applies Serverless Devs' file inheritance: a top-level
// "extend: s.yaml" deep-merges this file over its base, the way the extend2
// module does: mappings merge key by key, anything else (lists included)
// replaces the base's value. Values that come from a base file keep that file
// in their positions; relative code paths resolve against the file given.
func (r *reader) extend(root *yaml.Node, abs string, depth int) (*yaml.Node, error) {
	ext := r.lookup(root, "extend")
	if ext == nil {
		return root, nil
	}
	name, known, ok := r.text(ext)
	if !ok || !known || strings.TrimSpace(name) == "" {
		return nil, fmt.Errorf("%s:%d: extend must name a YAML file", displayPath(abs), ext.Line)
	}
	if depth >= maxExtendDepth {
		return nil, fmt.Errorf("%s:%d: extend chain is longer than %d files (circular?)", displayPath(abs), ext.Line, maxExtendDepth)
	}
	basePath := name
	if !filepath.IsAbs(basePath) {
		basePath = filepath.Join(filepath.Dir(abs), basePath)
	}
	r.bases = append(r.bases, basePath)
	data, err := readFile(basePath)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: extend: %v", displayPath(abs), ext.Line, err)
	}
	base, err := decode(data, basePath)
	if err != nil {
		return nil, err
	}
	if base, err = r.extend(base, basePath, depth+1); err != nil {
		return nil, err
	}
	r.markOrigin(base, basePath)
	merged := r.overlay(base, root)
	if r.exhausted {
		return nil, fmt.Errorf("%s: too complex to read (YAML aliases or merges expand beyond %d nodes)", displayPath(abs), maxSteps)
	}
	return merged, nil
}

// markOrigin records file as the origin of every node under n that has none
// yet (nodes of a deeper base keep theirs). Aliases are not followed: their
// targets sit elsewhere in the same tree.
func (r *reader) markOrigin(n *yaml.Node, file string) {
	if r.origin == nil {
		r.origin = map[*yaml.Node]string{}
	}
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == nil || r.origin[n] != "" {
			continue
		}
		r.origin[n] = file
		stack = append(stack, n.Content...)
	}
}

// overlay returns over deep-merged onto base.
func (r *reader) overlay(base, over *yaml.Node) *yaml.Node {
	b, o := r.deref(base), r.deref(over)
	if !isMap(b) || !isMap(o) {
		return over
	}
	overKeys := map[string]*yaml.Node{}
	overVals := map[string]*yaml.Node{}
	var order []string
	r.pairs(o, func(k, v *yaml.Node) {
		overKeys[k.Value], overVals[k.Value] = k, v
		order = append(order, k.Value)
	})
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: o.Line, Column: o.Column}
	done := map[string]bool{}
	r.pairs(b, func(k, v *yaml.Node) {
		if ov, ok := overVals[k.Value]; ok {
			out.Content = append(out.Content, overKeys[k.Value], r.overlay(v, ov))
			done[k.Value] = true
			return
		}
		out.Content = append(out.Content, k, v)
	})
	for _, name := range order {
		if !done[name] {
			out.Content = append(out.Content, overKeys[name], overVals[name])
		}
	}
	return out
}
