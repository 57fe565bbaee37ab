package frameworks

import "go.yaml.in/yaml/v3"

// The YAML or JSON configuration files frameworks read at start-up
// (go-zero's etc/*.yaml, GoFrame's config.yaml) are read through these, so
// that anchors, aliases and merge keys mean the same everywhere, within
// bounds a hostile file cannot escape.

// maxYAMLDepth bounds the alias chains and nested merges followed.
const maxYAMLDepth = 16

// ParseYAML parses YAML or JSON (JSON is YAML); root is the top mapping, nil
// for an empty file or another kind of document. ok is false for a file that
// does not parse.
func ParseYAML(data []byte) (root *yaml.Node, ok bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, true // empty
	}
	if n := YAMLDeref(doc.Content[0], 0); n != nil && n.Kind == yaml.MappingNode {
		return n, true
	}
	return nil, true
}

// YAMLDeref follows aliases; nil past maxYAMLDepth.
func YAMLDeref(n *yaml.Node, depth int) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		if depth > maxYAMLDepth {
			return nil
		}
		n, depth = n.Alias, depth+1
	}
	return n
}

// YAMLPairs are a mapping's key and value nodes, its own first, then those
// of its merge keys (<<: *base); each merged mapping counts once, so aliases
// cannot make the list grow beyond the file.
func YAMLPairs(n *yaml.Node, depth int) [][2]*yaml.Node {
	var out [][2]*yaml.Node
	collectPairs(n, map[*yaml.Node]bool{}, &out, depth)
	return out
}

func collectPairs(n *yaml.Node, seen map[*yaml.Node]bool, out *[][2]*yaml.Node, depth int) {
	n = YAMLDeref(n, depth)
	if n == nil || n.Kind != yaml.MappingNode || depth > maxYAMLDepth || seen[n] {
		return
	}
	seen[n] = true
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag != "!!str" {
			merges = append(merges, v)
			continue
		}
		*out = append(*out, [2]*yaml.Node{k, v})
	}
	for _, v := range merges {
		v = YAMLDeref(v, depth+1)
		if v == nil {
			continue
		}
		if v.Kind == yaml.SequenceNode {
			for _, m := range v.Content {
				collectPairs(m, seen, out, depth+1)
			}
		} else {
			collectPairs(v, seen, out, depth+1)
		}
	}
}
