package config

import (
	"errors"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Work limits for reading untrusted files. yaml.v3 builds the node tree
// without expanding aliases; only following them could blow up (billion
// laughs, self-referencing merges). So every node the reader visits costs one
// step from a fixed budget, and merge chains have a depth limit: a hostile file
// costs a bounded amount of work and ends in an error, never a hang.
const (
	maxSteps      = 1 << 20 // node visits per file; a real s.yaml needs a few thousand
	maxMergeDepth = 8       // nested "<<" merges followed
	maxAliasChain = 8
)

// reader turns yaml.v3 nodes into Fields.
type reader struct {
	file      string                // absolute path, for positions
	vars      *yaml.Node            // s.yaml top-level vars: mapping, or nil
	pascal    bool                  // ROS templates spell the API's keys in PascalCase
	origin    map[*yaml.Node]string // nodes read from an extended base file
	bases     []string              // the files extend read, in order
	steps     int
	exhausted bool // the step budget ran out: the result is incomplete
}

func (r *reader) step() bool {
	if r.steps >= maxSteps {
		r.exhausted = true
		return false
	}
	r.steps++
	return true
}

// key spells an FC API key (customRuntimeConfig) the way the file does.
func (r *reader) key(name string) string {
	if !r.pascal || name == "" {
		return name
	}
	if name == "caPort" {
		return "CAPort"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

func (r *reader) pos(n *yaml.Node) Pos {
	file := r.file
	if f, ok := r.origin[n]; ok {
		file = f
	}
	return Pos{File: file, Line: n.Line, Column: n.Column}
}

// deref follows aliases to the node they name.
func (r *reader) deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i >= maxAliasChain || !r.step() {
			return nil
		}
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func isMap(n *yaml.Node) bool { return n != nil && n.Kind == yaml.MappingNode }

// lookup returns the value of key in mapping m (nil when m is not a mapping or
// lacks the key), honouring merge keys: explicit keys win over merged ones,
// earlier merges over later ones, as in YAML 1.1.
func (r *reader) lookup(m *yaml.Node, key string) *yaml.Node {
	return r.lookupDepth(r.deref(m), key, 0)
}

func (r *reader) lookupDepth(m *yaml.Node, key string, depth int) *yaml.Node {
	if !isMap(m) || depth > maxMergeDepth {
		return nil
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !r.step() {
			return nil
		}
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Tag == "!!merge" {
			merges = append(merges, m.Content[i+1])
			continue
		}
		if k.Value == key {
			return r.deref(m.Content[i+1])
		}
	}
	for _, mv := range merges {
		for _, src := range r.mergeSources(mv) {
			if v := r.lookupDepth(src, key, depth+1); v != nil {
				return v
			}
		}
	}
	return nil
}

// mergeSources lists the mappings a merge value names: one alias, or a
// sequence of them.
func (r *reader) mergeSources(v *yaml.Node) []*yaml.Node {
	v = r.deref(v)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.SequenceNode {
		out := make([]*yaml.Node, 0, len(v.Content))
		for _, item := range v.Content {
			if !r.step() {
				break
			}
			out = append(out, r.deref(item))
		}
		return out
	}
	return []*yaml.Node{v}
}

// pairs calls fn for every key/value of mapping m, merged keys included;
// an explicit key hides a merged one of the same name.
func (r *reader) pairs(m *yaml.Node, fn func(k, v *yaml.Node)) {
	r.pairsDepth(r.deref(m), 0, map[string]bool{}, fn)
}

func (r *reader) pairsDepth(m *yaml.Node, depth int, seen map[string]bool, fn func(k, v *yaml.Node)) {
	if !isMap(m) || depth > maxMergeDepth {
		return
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !r.step() {
			return
		}
		k := m.Content[i]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if k.Tag == "!!merge" {
			merges = append(merges, m.Content[i+1])
			continue
		}
		if seen[k.Value] {
			continue
		}
		seen[k.Value] = true
		fn(k, m.Content[i+1])
	}
	for _, mv := range merges {
		for _, src := range r.mergeSources(mv) {
			r.pairsDepth(src, depth+1, seen, fn)
		}
	}
}

// text returns a scalar's text with ${vars.NAME} placeholders resolved.
// ok is false for a non-scalar (a wrong type). known is false when a
// placeholder remains or a custom tag (ROS's !Ref, !Sub, ...) makes the value
// opaque; s is then the text as written.
func (r *reader) text(n *yaml.Node) (s string, known, ok bool) {
	n = r.deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false, false
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return n.Value, false, true
	}
	s, known = r.expand(n.Value)
	return s, known, true
}

// expand resolves ${vars.NAME} (also inside a longer string) from the
// top-level vars when NAME is a plain scalar there. Any other placeholder
// (${env.X}, ${env(X)}, ${config(...)}, ${resources.x.props.y}, {{ x }})
// leaves the value unknown.
func (r *reader) expand(s string) (string, bool) {
	if !strings.Contains(s, "${") && !strings.Contains(s, "{{") {
		return s, true
	}
	if i := strings.Index(s, "{{"); i >= 0 && strings.Contains(s[i+2:], "}}") {
		return s, false
	}
	var b strings.Builder
	rest := s
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			break // "${" without a closing brace is plain text
		}
		inner := strings.TrimSpace(rest[i+2 : i+j])
		name, isVar := strings.CutPrefix(inner, "vars.")
		if !isVar {
			return s, false
		}
		v, ok := r.varValue(name)
		if !ok {
			return s, false
		}
		b.WriteString(rest[:i])
		b.WriteString(v)
		rest = rest[i+j+1:]
	}
	b.WriteString(rest)
	return b.String(), true
}

// varValue looks up vars.NAME (NAME may be a dotted path into nested
// mappings). Only plain scalars count: a var that is itself a placeholder,
// a list or a mapping is not resolved.
func (r *reader) varValue(name string) (string, bool) {
	n := r.vars
	for part := range strings.SplitSeq(name, ".") {
		if part == "" {
			return "", false
		}
		n = r.lookup(n, part)
	}
	n = r.deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || isNull(n) {
		return "", false
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return "", false
	}
	if strings.Contains(n.Value, "${") || strings.Contains(n.Value, "{{") {
		return "", false
	}
	return n.Value, true
}

// section is a mapping that holds fields. A section present with the wrong
// type, or as a placeholder (customRuntimeConfig: ${vars.crc}), is opaque:
// all its fields are unknown.
type section struct {
	node   *yaml.Node // the mapping; nil when absent
	opaque bool
	at     Pos // where an opaque section is written
	fn     Pos // the function's position: where missing keys point
}

func (r *reader) section(parent section, key string) section {
	if parent.opaque {
		return parent
	}
	v := r.lookup(parent.node, r.key(key))
	switch {
	case isNull(v):
		return section{fn: parent.fn}
	case v.Kind == yaml.MappingNode:
		return section{node: v, fn: parent.fn}
	default:
		return section{opaque: true, at: r.pos(v), fn: parent.fn}
	}
}

// value returns the node for key in s. When the key is missing it returns
// nil and the position a missing field reports; for an opaque section it
// returns opaque=true.
func (r *reader) value(s section, key string) (v *yaml.Node, opaque bool, where Pos) {
	if s.opaque {
		return nil, true, s.at
	}
	return r.lookup(s.node, r.key(key)), false, s.fn
}

// field reads key from s with read; a section that is itself a placeholder
// makes every field in it unknown.
func field[T any](r *reader, s section, key string, read func(v *yaml.Node, where Pos) Field[T]) Field[T] {
	v, opaque, where := r.value(s, key)
	if opaque {
		return Field[T]{Set: true, Unknown: true, Pos: where}
	}
	return read(v, where)
}

func (r *reader) str(s section, key string) Field[string] { return field(r, s, key, r.toStr) }

func (r *reader) toStr(v *yaml.Node, where Pos) Field[string] {
	if v == nil {
		return Field[string]{Pos: where}
	}
	if isNull(v) {
		return Field[string]{Pos: r.pos(v)}
	}
	s, known, ok := r.text(v)
	return Field[string]{Value: s, Set: true, Unknown: !ok || !known, Pos: r.pos(v)}
}

func (r *reader) integer(s section, key string) Field[int] { return field(r, s, key, r.toInt) }

// toInt reads an integer; "9000" (a string) counts, 30.0 too. Anything else
// (true, "abc", 3.5, a list) is a wrong type: unknown, with Value 0.
func (r *reader) toInt(v *yaml.Node, where Pos) Field[int] {
	if v == nil {
		return Field[int]{Pos: where}
	}
	if isNull(v) {
		return Field[int]{Pos: r.pos(v)}
	}
	f := Field[int]{Set: true, Pos: r.pos(v)}
	s, known, ok := r.text(v)
	if !ok || !known {
		f.Unknown = true
		if !ok {
			f.Invalid = kindName(r.deref(v))
		}
		return f
	}
	n, ok := parseInt(s)
	if !ok {
		f.Unknown = true
		f.Invalid = strconv.Quote(s)
		return f
	}
	f.Value = n
	return f
}

// parseInt reads an integer as YAML or JSON spell it. Numbers beyond int's
// range are clamped rather than dropped, so that range checks still see them.
func parseInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 0); err == nil || errors.Is(err, strconv.ErrRange) {
		return int(n), true
	}
	// YAML spellings: 0x1F, 0o17, 0b101, 1_000.
	if plain := strings.ReplaceAll(s, "_", ""); plain != "" {
		if n, err := strconv.ParseInt(plain, 0, 0); err == nil || errors.Is(err, strconv.ErrRange) {
			return int(n), true
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || f != math.Trunc(f) || math.IsInf(f, 0): // NaN fails the first test
		return 0, false
	case f >= math.MaxInt:
		return math.MaxInt, true
	case f <= math.MinInt:
		return math.MinInt, true
	}
	return int(f), true
}

func (r *reader) strList(s section, key string) Field[[]string] { return field(r, s, key, r.toStrList) }

func (r *reader) toStrList(v *yaml.Node, where Pos) Field[[]string] {
	if v == nil {
		return Field[[]string]{Pos: where}
	}
	if isNull(v) {
		return Field[[]string]{Pos: r.pos(v)}
	}
	f := Field[[]string]{Set: true, Pos: r.pos(v)}
	if v.Kind != yaml.SequenceNode {
		f.Unknown = true // a string where FC wants string[]
		return f
	}
	f.Value = make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if !r.step() {
			break
		}
		s, known, ok := r.text(item)
		if !ok || !known {
			f.Unknown = true
		}
		f.Value = append(f.Value, s)
	}
	return f
}

// env fills Env/EnvUnknown/EnvPos from an environmentVariables mapping.
func (r *reader) env(fn *Function, s section, key string) {
	v, opaque, _ := r.value(s, key)
	if opaque {
		fn.EnvUnresolved = true
		return
	}
	if isNull(v) {
		return
	}
	if v.Kind != yaml.MappingNode {
		fn.EnvUnresolved = true
		return
	}
	r.pairs(v, func(k, val *yaml.Node) {
		name, known, _ := r.text(k)
		if !known {
			fn.EnvUnresolved = true // a placeholder name could be any variable
			return
		}
		val = r.deref(val)
		if val == nil {
			return
		}
		fn.EnvPos[name] = r.pos(val)
		if isNull(val) {
			fn.Env[name] = ""
			return
		}
		if s, known, ok := r.text(val); ok && known {
			fn.Env[name] = s
		} else {
			fn.EnvUnknown[name] = true
		}
	})
}

// layers reads a list of layer ARNs: strings, or {arn: ...} objects as in
// FC 3.0's GetFunction output. Placeholders stay as written.
func (r *reader) layers(fn *Function, s section, key string) {
	v, opaque, _ := r.value(s, key)
	if opaque {
		fn.LayersUnresolved = true
		return
	}
	if isNull(v) {
		return
	}
	if v.Kind != yaml.SequenceNode {
		fn.LayersUnresolved = true
		return
	}
	for _, item := range v.Content {
		if !r.step() {
			return
		}
		item = r.deref(item)
		if isMap(item) {
			item = r.lookup(item, r.key("arn"))
		}
		s, known, ok := r.text(item)
		if !ok {
			fn.LayersUnresolved = true
			continue
		}
		if !known {
			fn.LayersUnresolved = true
		}
		fn.Layers = append(fn.Layers, s)
	}
}

// healthCheck reads customRuntimeConfig.healthCheckConfig (or FC 2.0's
// customHealthCheckConfig; the keys are the same).
func (r *reader) healthCheck(s section) HealthCheck {
	return HealthCheck{
		HTTPGetURL:          r.str(s, "httpGetUrl"),
		InitialDelaySeconds: r.integer(s, "initialDelaySeconds"),
		PeriodSeconds:       r.integer(s, "periodSeconds"),
		TimeoutSeconds:      r.integer(s, "timeoutSeconds"),
		FailureThreshold:    r.integer(s, "failureThreshold"),
		SuccessThreshold:    r.integer(s, "successThreshold"),
	}
}

// actions reads Serverless Devs actions: hook → [{run, path}, ...]. Steps
// that use a component or plugin instead of run are not commands and are
// skipped.
func (r *reader) actions(v *yaml.Node, baseDir string) []Action {
	var out []Action
	r.pairs(v, func(k, steps *yaml.Node) {
		hook, _, _ := r.text(k)
		hook = hookName(k.Value, hook)
		steps = r.deref(steps)
		if steps == nil || steps.Kind != yaml.SequenceNode {
			return
		}
		for _, step := range steps.Content {
			if !r.step() {
				return
			}
			run := r.lookup(step, "run")
			cmd, _, ok := r.text(run)
			if !ok {
				if comp := r.lookup(step, "component"); !isNull(comp) {
					if c, known, ok := r.text(comp); ok && known {
						out = append(out, Action{Hook: hook, Component: c, Pos: r.pos(comp), Dir: baseDir})
					}
				}
				continue
			}
			a := Action{Hook: hook, Run: cmd, Pos: r.pos(run), Dir: baseDir}
			if p := r.lookup(step, "path"); !isNull(p) {
				path, known, ok := r.text(p)
				a.Path = path
				switch {
				case !ok || !known:
					a.Dir = ""
				case filepath.IsAbs(path):
					a.Dir = filepath.Clean(path)
				default:
					a.Dir = filepath.Join(baseDir, path)
				}
			}
			out = append(out, a)
		}
	})
	return out
}

// hookPattern is a Serverless Devs hook key written with a regex, as the
// devsapp templates do: pre-${regex('deploy|local')}.
var hookPattern = regexp.MustCompile(`^(pre|post)-\$\{\s*regex\(\s*['"]([^'"]*)['"]\s*\)\s*\}$`)

// hookName is the hook a key stands for: a regex key that matches "deploy"
// is pre-deploy (or post-deploy); any other key is kept as read.
func hookName(raw, read string) string {
	m := hookPattern.FindStringSubmatch(strings.TrimSpace(raw))
	if m == nil {
		return read
	}
	re, err := regexp.Compile("^(?:" + m[2] + ")$")
	if err == nil && re.MatchString("deploy") {
		return m[1] + "-deploy"
	}
	return read
}
