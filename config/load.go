package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds what Load reads: real configurations are a few KiB.
const MaxFileSize = 8 << 20

// Load parses a configuration file: a Serverless Devs s.yaml (fc3 or the
// legacy fc component), a Funcraft template.yml (or a ROS template), or FC
// API JSON. The format comes from the content, not the name. An s.yaml with
// "extend: base.yaml" (Serverless Devs environments) is read over its base.
// Errors are one line, "s.yaml:12: ..." where a line applies.
func Load(path string) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	data, err := readFile(abs)
	if err != nil {
		return nil, err
	}
	root, err := decode(data, abs)
	if err != nil {
		return nil, err
	}
	r := &reader{file: abs}
	if root, err = r.extend(root, abs, 0); err != nil {
		return nil, err
	}
	file, err := r.interpret(root)
	if file != nil {
		file.Bases = r.bases
	}
	return file, err
}

// readFile reads a configuration file of at most MaxFileSize bytes.
func readFile(abs string) ([]byte, error) {
	// Stat before opening: opening a FIFO (or a device) named s.yaml would
	// wait for a writer that never comes.
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s)", displayPath(abs), fileKind(fi.Mode()))
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayPath(abs), unwrapPathError(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a configuration file", displayPath(abs))
		}
		if fi.Size() > MaxFileSize {
			return nil, fmt.Errorf("%s: config file too large (%d bytes; the limit is %d)", displayPath(abs), fi.Size(), MaxFileSize)
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayPath(abs), unwrapPathError(err))
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: config file too large (the limit is %d bytes)", displayPath(abs), MaxFileSize)
	}
	return data, nil
}

// fileKind names a non-regular file type for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// displayPath is path relative to the working directory when inside it, for
// error messages.
func displayPath(path string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel
		}
	}
	return path
}

// parse reads one configuration from memory, without following extend (it
// reads no other file). abs is the file's absolute path, for positions,
// relative code paths and errors.
func parse(data []byte, abs string) (*File, error) {
	root, err := decode(data, abs)
	if err != nil {
		return nil, err
	}
	return (&reader{file: abs}).interpret(root)
}

// decode parses YAML (or JSON) into the first document's top-level mapping.
func decode(data []byte, abs string) (*yaml.Node, error) {
	root, err := parseYAML(data)
	if err != nil {
		// file:line:col: message, at the broken token.
		if line, col, msg, ok := locateYAMLError(data); ok {
			return nil, fmt.Errorf("%s:%d:%d: %s", displayPath(abs), line, col, msg)
		}
		if m := yamlLineOnly.FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("%s:%s:1: %s", displayPath(abs), m[1], m[2]) // the line's start
		}
		return nil, fmt.Errorf("%s%s", displayPath(abs), err)
	}
	if root == nil {
		return nil, fmt.Errorf("%s: empty configuration file", displayPath(abs))
	}
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: expected a mapping at the top level, found %s", displayPath(abs), root.Line, kindName(root))
	}
	return root, nil
}

// interpret finds the functions in a decoded configuration.
func (r *reader) interpret(root *yaml.Node) (*File, error) {
	file := &File{Path: r.file}
	var ok bool
	// The keys tell the format, whatever the file's name or syntax: JSON is
	// YAML, and ROS templates or s.yaml files may be written in JSON too.
	switch {
	case r.lookup(root, "ROSTemplateFormatVersion") != nil || r.lookup(root, "Transform") != nil || r.lookup(root, "Resources") != nil:
		ok = r.funcraft(root, file)
	case r.lookup(root, "edition") != nil || r.lookup(root, "resources") != nil || r.lookup(root, "services") != nil:
		ok = r.serverlessDevs(root, file)
	default:
		ok = r.apiJSON(root, file)
	}
	if r.exhausted {
		return nil, fmt.Errorf("%s: too complex to read (YAML aliases or merges expand beyond %d nodes)", displayPath(r.file), maxSteps)
	}
	if !ok {
		return nil, fmt.Errorf("%s: not a function configuration: expected a Serverless Devs s.yaml (edition, resources/services), a Funcraft template.yml (Resources) or FC API JSON (functionName, runtime)", displayPath(r.file))
	}
	return file, nil
}

// parseYAML returns the first document's root node (nil for an empty
// input). Errors read ":LINE: message" or ": message".
func parseYAML(data []byte) (root *yaml.Node, err error) {
	defer func() {
		// yaml.v3 recovers only its own error panics; should any other
		// input make it panic, a bad file must still not crash the linter.
		if p := recover(); p != nil {
			root, err = nil, fmt.Errorf(": cannot parse: %v", p)
		}
	}()
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlError(err)
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil, nil
		}
		return doc.Content[0], nil
	}
	return &doc, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlLineOnly matches yamlError's ":LINE: message".
var yamlLineOnly = regexp.MustCompile(`^:(\d+): (.*)$`)

func yamlError(err error) error {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf(":%s: %s", m[1], msg[len(m[0]):])
	}
	return fmt.Errorf(": %s", strings.TrimPrefix(msg, "yaml: "))
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a scalar"
	case yaml.AliasNode:
		return "an alias"
	}
	return "something else"
}

// newFunction starts a function with empty (non-nil) maps, and every field
// unset at pos: a format without some key (Funcraft has no command) reports
// it missing at the function.
func newFunction(format Format, file string, pos Pos) *Function {
	str, num, list := Field[string]{Pos: pos}, Field[int]{Pos: pos}, Field[[]string]{Pos: pos}
	return &Function{
		File:                file,
		Format:              format,
		Pos:                 pos,
		Runtime:             str,
		Port:                num,
		Command:             list,
		Args:                list,
		Code:                str,
		Timeout:             num,
		Handler:             str,
		Initializer:         str,
		HealthCheck:         HealthCheck{str, num, num, num, num, num},
		MemorySize:          num,
		DiskSize:            num,
		CPU:                 str,
		InstanceConcurrency: num,
		PreStop:             str,
		Env:                 map[string]string{},
		EnvUnknown:          map[string]bool{},
		EnvPos:              map[string]Pos{},
	}
}

// code reads code / codeUri / CodeUri: a local folder or archive (resolved
// into CodeDir), a URL or oss:// path (remote), or an object naming an OSS
// object ({ossBucketName, ossObjectName}) or inline code (zipFile, ROS's
// SourceCode).
func (r *reader) code(fn *Function, v *yaml.Node, opaque bool, where Pos) {
	if opaque {
		fn.Code = Field[string]{Set: true, Unknown: true, Pos: where}
		return
	}
	if isMap(v) {
		fn.Code = Field[string]{Set: true, Pos: r.pos(v)}
		if src := r.lookup(v, "src"); src != nil { // devsapp/fc's {src, excludes}
			r.codePath(fn, src, where)
			return
		}
		bucket := firstOf(r.lookup(v, r.key("ossBucketName")), r.lookup(v, "ossBucket"))
		object := firstOf(r.lookup(v, r.key("ossObjectName")), r.lookup(v, "ossKey"))
		switch {
		case bucket != nil || object != nil:
			r.ossCode(fn, v, bucket, object)
		case r.lookup(v, r.key("zipFile")) != nil || r.lookup(v, r.key("sourceCode")) != nil:
			fn.Code.Value = "(inline code)"
		default:
			fn.Code.Unknown = true
		}
		return
	}
	r.codePath(fn, v, where)
}

// ossCode records code stored in OSS as oss://BUCKET/OBJECT (remote: no CodeDir).
func (r *reader) ossCode(fn *Function, at, bucket, object *yaml.Node) {
	b, bKnown, _ := r.text(bucket)
	o, oKnown, _ := r.text(object)
	fn.Code = Field[string]{Value: "oss://" + b + "/" + o, Set: true, Unknown: !bKnown || !oKnown, Pos: r.pos(at)}
}

func (r *reader) codePath(fn *Function, v *yaml.Node, where Pos) {
	fn.Code = r.toStr(v, where)
	if !fn.Code.Known() || fn.Code.Value == "" || isRemote(fn.Code.Value) {
		return
	}
	p := fn.Code.Value
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(r.file), p)
	}
	fn.CodeDir = filepath.Clean(p)
}

func firstOf(nodes ...*yaml.Node) *yaml.Node {
	for _, n := range nodes {
		if n != nil {
			return n
		}
	}
	return nil
}

func isRemote(code string) bool {
	c := strings.ToLower(strings.TrimSpace(code))
	return strings.HasPrefix(c, "oss://") || strings.HasPrefix(c, "http://") || strings.HasPrefix(c, "https://")
}
