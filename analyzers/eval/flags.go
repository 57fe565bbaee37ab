package eval

import (
	"go/ast"
	"go/constant"

	"strings"
	"time"
)

// flagArgs locates a flag definition's name and default among its arguments.
type flagArgs struct{ name, def int }

// flagPtrFuncs return a pointer to the flag's value (flag.String("addr", ":9000", "")).
var flagPtrFuncs = map[string]flagArgs{}

// flagVarFuncs store the flag's value in a variable (flag.StringVar(&addr, "addr", ":9000", "")).
var flagVarFuncs = map[string]flagArgs{}

func init() {
	for _, kind := range []string{"String", "Int", "Int64", "Uint", "Uint64", "Duration", "Bool"} {
		flagPtrFuncs["flag."+kind] = flagArgs{0, 1}
		flagPtrFuncs["(*flag.FlagSet)."+kind] = flagArgs{0, 1}
		flagVarFuncs["flag."+kind+"Var"] = flagArgs{1, 2}
		flagVarFuncs["(*flag.FlagSet)."+kind+"Var"] = flagArgs{1, 2}
	}
}

// flagValue evaluates a flag definition: the value given on the function's
// start command (customRuntimeConfig.command/args) when the configuration sets
// it, else the flag's default.
func (e *Evaluator) flagValue(call *ast.CallExpr) []Value {
	fn := e.callee(call)
	if fn == nil {
		return []Value{unknown(call.Pos())}
	}
	fa, ok := flagPtrFuncs[fn.FullName()]
	if !ok {
		fa, ok = flagVarFuncs[fn.FullName()]
	}
	if !ok || fa.def >= len(call.Args) {
		return []Value{unknown(call.Pos())}
	}
	name, ok := e.stringConst(call.Args[fa.name])
	if !ok {
		return []Value{unknown(call.Pos())}
	}
	if e.fn != nil {
		if e.fn.Command.Unknown || e.fn.Args.Unknown {
			return []Value{unknown(call.Pos())}
		}
		tokens := append(append([]string(nil), e.fn.Command.Value...), e.fn.Args.Value...)
		if val, spelled, ok := findFlag(tokens, name); ok {
			origin := spelled + " in customRuntimeConfig" + e.inConfig()
			v := TextValue(val, KindConfigArg, call.Args[fa.def].Pos(), origin)
			switch {
			case strings.HasSuffix(fn.Name(), "Duration") || strings.HasSuffix(fn.Name(), "DurationVar"):
				v = parseDuration(v)
			case strings.Contains(fn.Name(), "Int") || strings.Contains(fn.Name(), "Uint"):
				v = toInt(v)
			}
			return []Value{v}
		}
	}
	origin := "the -" + name + " flag's default (" + e.Position(call.Args[fa.def].Pos()) + ")"
	vs := e.Eval(call.Args[fa.def])
	out := make([]Value, len(vs))
	for i, v := range vs {
		if v.Kind == KindLiteral {
			v.Kind = KindFlagDefault
		}
		v.Origin = origin
		if len(v.Parts) > 0 {
			parts := append([]Part(nil), v.Parts...)
			for j := range parts {
				if parts[j].Kind == KindLiteral {
					parts[j].Kind = KindFlagDefault
				}
				parts[j].Origin = origin
			}
			v.Parts = parts
		}
		out[i] = v
	}
	return out
}

// findFlag finds -name/--name VALUE or -name=VALUE/--name=VALUE in a command
// line and returns the value and how it was spelled.
func findFlag(tokens []string, name string) (val, spelled string, ok bool) {
	for i := len(tokens) - 1; i >= 0; i-- { // the last occurrence wins, like package flag
		t := tokens[i]
		for _, dash := range []string{"--", "-"} {
			if t == dash+name && i+1 < len(tokens) {
				return tokens[i+1], t + " " + tokens[i+1], true
			}
			if v, found := strings.CutPrefix(t, dash+name+"="); found {
				return v, t, true
			}
		}
	}
	return "", "", false
}

// parseDuration converts a known duration text ("30s") to int64 nanoseconds.
func parseDuration(v Value) Value {
	if v.Const == nil || v.Const.Kind() != constant.String {
		if v.Const != nil && v.Const.Kind() == constant.Int {
			return v
		}
		return unknown(v.Pos)
	}
	d, err := time.ParseDuration(constant.StringVal(v.Const))
	if err != nil {
		return unknown(v.Pos)
	}
	v.Const = constant.MakeInt64(int64(d))
	v.Parts = nil
	return v
}
