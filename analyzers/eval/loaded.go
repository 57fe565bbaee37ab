package eval

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/fclint/fclint/analyzers/frameworks"
)

// A struct filled from a configuration file at start-up (go-zero's
// conf.MustLoad(*configFile, &c), with configFile's flag default
// "etc/api.yaml") takes its fields from the file: the file is read from the
// folder of the package, which on FC is the working directory (the code
// root). The registry's Loaders name the functions.

var loaders = frameworks.Loaders()

// loaderNames are the loaders' bare names, a cheap filter before FullName.
var loaderNames = func() map[string]bool {
	out := map[string]bool{}
	for name := range loaders {
		out[name[strings.LastIndexByte(name, '.')+1:]] = true
	}
	return out
}()

// load is one call that fills a variable from a file.
type load struct {
	call *ast.CallExpr
	path ast.Expr
}

// recordLoad files conf.MustLoad(path, &c) under c, and claims &c (the
// loader writes the file's values, nothing else).
func (e *Evaluator) recordLoad(ix *index, call *ast.CallExpr, fn *types.Func) {
	l, ok := loaders[fn.FullName()]
	if !ok || l.DestArg >= len(call.Args) || l.PathArg >= len(call.Args) {
		return
	}
	u, ok := ast.Unparen(call.Args[l.DestArg]).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return
	}
	obj := e.refObject(u.X)
	if obj == nil {
		return
	}
	if _, isVar := obj.(*types.Var); !isVar {
		return
	}
	ix.claimed[u] = true
	ix.loads[obj] = append(ix.loads[obj], load{call: call, path: call.Args[l.PathArg]})
}

// loadedField evaluates field name of x when x is (a field of) a variable a
// loader filled: the file's value, else the field's default tag; ok is
// false when x is not such a variable.
func (e *Evaluator) loadedField(x ast.Expr, name string) ([]Value, bool) {
	return e.loadedPath(x, []string{name})
}

// LoadedField is loadedField through a path of fields (Middlewares.Timeout)
// for the rules: ok is false unless x was filled from a file.
func (e *Evaluator) LoadedField(x ast.Expr, path ...string) ([]Value, bool) {
	if len(path) == 0 {
		return nil, false
	}
	return e.loadedPath(x, path)
}

func (e *Evaluator) loadedPath(x ast.Expr, path []string) ([]Value, bool) {
	ix := e.index()
	if len(ix.loads) == 0 {
		return nil, false
	}
	// The chain of fields from the loaded variable down to x.
	var chain []*types.Var
	root := ast.Unparen(x)
	for {
		sel, ok := root.(*ast.SelectorExpr)
		if !ok {
			break
		}
		s, ok := e.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			return nil, false
		}
		chain = append([]*types.Var{s.Obj().(*types.Var)}, chain...)
		root = ast.Unparen(sel.X)
	}
	id, ok := root.(*ast.Ident)
	if !ok {
		return nil, false
	}
	obj := e.refObject(id)
	loads := ix.loads[obj]
	if len(loads) == 0 || len(ix.assigns[obj]) > 0 || ix.escapes[obj] {
		return nil, false
	}
	// The path's fields, the first maybe promoted through embedded structs.
	t := e.info.TypeOf(x)
	var final *types.Var
	tag := ""
	for i, name := range path {
		fobj, index, _ := types.LookupFieldOrMethod(t, true, e.pass.Pkg, name)
		f, ok := fobj.(*types.Var)
		if !ok || !f.IsField() || i > 0 && len(index) > 1 {
			return nil, false
		}
		for j, k := range index {
			st := structOf(t)
			if st == nil || k >= st.NumFields() {
				return nil, false
			}
			chain = append(chain, st.Field(k))
			if j == len(index)-1 {
				tag = st.Tag(k)
			}
			t = st.Field(k).Type()
		}
		final = f
	}
	var keys []string
	for i, f := range chain {
		if f.Embedded() {
			continue // inline
		}
		t := ""
		if i == len(chain)-1 {
			t = tag // go/types keeps tags on the struct: only the last is at hand
		}
		keys = append(keys, fieldKey(f, t))
	}
	var out []Value
	for _, l := range loads {
		for _, p := range e.Eval(l.path) {
			if p.Const == nil || p.Const.Kind() != constant.String {
				out = append(out, unknown(x.Pos()))
				continue
			}
			out = append(out, e.fileValue(constant.StringVal(p.Const), keys, final, tag, l.call.Pos()))
		}
	}
	return out, true
}

// fieldKey is the key of field f in a file: its json tag name, else its name.
func fieldKey(f *types.Var, tag string) string {
	if name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ","); name != "" && name != "-" {
		return name
	}
	return f.Name()
}

// tagDefault is the default=X of a json tag.
func tagDefault(tag string) (string, bool) {
	_, opts, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
	for _, o := range strings.Split(opts, ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(o), "default="); ok {
			return v, true
		}
	}
	return "", false
}

// fileValue is the value of keys in the file at path (relative to the
// package's folder), or the field's default.
func (e *Evaluator) fileValue(path string, keys []string, f *types.Var, tag string, pos token.Pos) Value {
	rel := filepath.ToSlash(path)
	node, err := e.configFile(path)
	if err != nil {
		return unknown(pos)
	}
	if n, ok := lookupKeys(node, keys); ok {
		if n.Kind != yaml.ScalarNode {
			return unknown(pos)
		}
		return e.scalar(n.Value, f.Type(), pos, fmt.Sprintf("%s: %s in %s:%d", strings.Join(keys, "."), n.Value, rel, n.Line))
	}
	if def, ok := tagDefault(tag); ok {
		return e.scalar(def, f.Type(), pos, fmt.Sprintf("the default of %s, which %s leaves out", f.Name(), rel))
	}
	return unknown(pos) // a required field the file lacks: the loader fails
}

// scalar converts a file's text to a value of type t.
func (e *Evaluator) scalar(text string, t types.Type, pos token.Pos, origin string) Value {
	b, ok := t.Underlying().(*types.Basic)
	switch {
	case ok && b.Info()&types.IsString != 0:
		return TextValue(text, KindDefault, pos, origin)
	case ok && b.Info()&types.IsInteger != 0:
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil {
			return unknown(pos)
		}
		return Value{Const: constant.MakeInt64(n), Pos: pos, Kind: KindDefault, Origin: origin}
	case ok && b.Info()&types.IsBoolean != 0:
		v, err := strconv.ParseBool(text)
		if err != nil {
			return unknown(pos)
		}
		return Value{Const: constant.MakeBool(v), Pos: pos, Kind: KindDefault, Origin: origin}
	}
	return unknown(pos)
}

// configFile parses a YAML or JSON file once per evaluator.
func (e *Evaluator) configFile(path string) (*yaml.Node, error) {
	if e.files == nil {
		e.files = map[string]*yaml.Node{}
	}
	if n, ok := e.files[path]; ok {
		if n == nil {
			return nil, os.ErrNotExist
		}
		return n, nil
	}
	e.files[path] = nil
	if len(e.pass.Files) == 0 {
		return nil, os.ErrNotExist
	}
	full := path
	if !filepath.IsAbs(path) {
		full = filepath.Join(filepath.Dir(e.pass.Fset.File(e.pass.Files[0].Pos()).Name()), path)
	}
	switch strings.ToLower(filepath.Ext(full)) {
	case ".yaml", ".yml", ".json":
	default:
		return nil, os.ErrNotExist // toml and others: not read
	}
	data, err := frameworks.ReadConfigFile(full)
	if err != nil {
		return nil, err
	}
	n, err := parseConfig(data)
	if err != nil {
		return nil, err
	}
	e.files[path] = n
	return n, nil
}

// parseConfig parses YAML (JSON is YAML) into its document's root mapping.
func parseConfig(data []byte) (*yaml.Node, error) {
	root, ok := frameworks.ParseYAML(data)
	if !ok {
		return nil, fmt.Errorf("not YAML")
	}
	if root == nil {
		return nil, fmt.Errorf("not a mapping")
	}
	return root, nil
}

// lookupKeys follows keys (without case) through nested mappings, their
// aliases and merge keys (a key of the mapping's own wins over a merged one).
func lookupKeys(n *yaml.Node, keys []string) (*yaml.Node, bool) {
	for _, k := range keys {
		var next *yaml.Node
		for _, p := range frameworks.YAMLPairs(n, 0) {
			if strings.EqualFold(p[0].Value, k) {
				next = frameworks.YAMLDeref(p[1], 0)
				break
			}
		}
		if next == nil {
			return nil, false
		}
		n = next
	}
	return n, true
}
