package serverconf

import (
	"go/ast"
	"go/constant"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/frameworks"
)

// ConfigSearch is where a framework looks for its configuration file when
// the package's server starts (frameworks.ConfigDirs) and the function's
// environment it reads (GoFrame's GF_GCFG_FILE).
func ConfigSearch(pass *analysis.Pass) (dirs []string, env frameworks.Env) {
	if len(pass.Files) == 0 {
		return nil, func(string) (string, bool, bool) { return "", false, false }
	}
	fn := fcconfig.Of(pass).Function
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	code := ""
	if fn != nil {
		code = fn.CodeDir
	}
	env = func(name string) (string, bool, bool) {
		if fn == nil {
			return "", false, false
		}
		if fn.EnvUnknown[name] {
			return "", false, true
		}
		v, ok := fn.Env[name]
		return v, ok, false
	}
	return frameworks.ConfigDirs(dir, code, pass.Pkg.Name() == "main"), env
}

// fileSettings adds to s the knobs the configuration file gives the server
// a start call builds (GoFrame's g.Server() with config.yaml), at the call;
// a file it cannot read makes the server opaque.
func (f *finder) fileSettings(s *Server, call *ast.CallExpr, st frameworks.Start) {
	instance, ok := ConstName(f.pass, call)
	dirs, env := ConfigSearch(f.pass)
	if !ok {
		if _, found, _ := st.FileSettings("", dirs, env); found {
			s.Opaque = true // which node applies is unknown
		}
		return
	}
	settings, found, known := st.FileSettings(instance, dirs, env)
	if !found {
		return
	}
	if !known {
		s.Opaque = true
		return
	}
	for _, fs := range settings {
		c := constant.MakeInt64(int64(fs.Duration))
		if fs.Knob == frameworks.KeepAlive {
			c = constant.MakeBool(fs.On)
		}
		v := eval.Value{Const: c, Pos: call.Pos(), Kind: eval.KindDefault, Origin: fs.Where}
		s.Settings = append(s.Settings, &Setting{
			Knob: fs.Knob, Field: fs.Knob.String(), Server: s, Node: call, Values: []eval.Value{v}, Fix: fs.Fix,
		})
	}
}

// ConstName is the instance name a server constructor's first argument
// gives (GoFrame's g.Server("api")): "" without one; ok is false when it is
// not a constant string or the arguments are a spread slice.
func ConstName(pass *analysis.Pass, call *ast.CallExpr) (string, bool) {
	if len(call.Args) == 0 {
		return "", true
	}
	if call.Ellipsis != token.NoPos {
		return "", false
	}
	tv, ok := pass.TypesInfo.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
