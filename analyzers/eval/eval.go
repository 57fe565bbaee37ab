// Package eval answers, for the analyzers, "what values can this expression
// have, and where did each come from?" It is shared by every rule; no rule
// evaluates expressions on its own.
//
// The evaluator is flow-insensitive and stays inside one package: a variable's
// values are the values of all its assignments, a parameter's values are the
// arguments at every call site in the package, a struct field's values are
// every write to that field (Field narrows that to one struct: the literal or
// new(T) an expression refers to, per Sources). Strings are kept as Parts, so
// "0.0.0.0:" + os.Getenv("FC_CUSTOM_LISTEN_PORT") is a known host with the
// CAPort as port, and "127.0.0.1:" + port is loopback whatever port is. Anything it cannot follow is an unknown Value,
// never dropped, so a rule can tell "definitely", "possibly by a visible path"
// and "unknown" apart. Recursion depth and value sets are capped, cycles
// (a = a + x, mutually recursive functions) end in unknown, and results are
// memoized per Evaluator (one per pass).
package eval

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/config"
)

// Limits keep evaluation cheap and always finite.
const (
	// maxDepth bounds nested evaluations (the Go stack); a chain of 200
	// re-assignments fits. Work is bounded by maxSteps, not by depth.
	maxDepth  = 512
	maxValues = 16 // possible values kept per expression
	// maxSteps bounds the work of one Evaluator (one package): every
	// evaluation, source lookup and dereference is a step. Results are
	// memoized per node and per object, so real packages use a small fraction;
	// once the budget is spent every further answer is unknown, never a guess.
	maxSteps = 1 << 18
)

// Kind says how a value came to be; rules use it to word messages and to tell
// code literals from configuration.
type Kind uint8

const (
	KindUnknown     Kind = iota // could not be evaluated
	KindLiteral                 // written in the Go source (literal, constant)
	KindFlagDefault             // a command-line flag's default
	KindConfigArg               // a flag value from customRuntimeConfig.command/args
	KindConfigEnv               // an environment variable set in the configuration
	KindFCEnv                   // FC_CUSTOM_LISTEN_PORT / FC_SERVER_PORT: the CAPort
	KindDefault                 // a default of a library (set by the caller, e.g. listen tables)
	KindZero                    // the zero value of an unset variable or field
	KindUnsetEnv                // "": an environment variable the configuration does not set
)

// Sym tells a Part's nature.
type Sym uint8

const (
	Text    Sym = iota // known text
	CAPort             // the port FC passes in FC_CUSTOM_LISTEN_PORT / FC_SERVER_PORT
	Unknown            // anything
	// Param is a parameter of an exported function (Func, Param, Field),
	// kept as a symbol by a summarizing evaluator (summary.go) and replaced
	// by the argument in the package that calls the function. Rules never
	// see one: to them it would be unknown.
	Param
)

// Part is one piece of a string value: known text, the CAPort, or unknown.
type Part struct {
	Text string
	Sym  Sym
	Kind Kind
	Pos  token.Pos // where the piece was written (literal, flag default, call)
	// Lit is the string literal the text starts in, and Offset the byte offset
	// of Text within the literal's value; nil when the text is not a literal's.
	Lit    *ast.BasicLit
	Offset int
	// Origin explains where the piece comes from, for messages: "the -addr flag's
	// default (main.go:9)". "" when the position says enough.
	Origin string
	// Fallback is the condition under which this fallback piece is used
	// ("PORT is unset", "port is empty"); "" when it is not a fallback.
	Fallback string
	// Func, Param and Field name the parameter a Param part stands for.
	Func  string
	Param int
	Field string
}

// Value is one possible value of an expression.
type Value struct {
	// Const is the value when wholly known; nil otherwise.
	Const constant.Value
	// Parts is the value as a string, piece by piece; set for string values
	// (even known ones) and for values holding the CAPort.
	Parts []Part
	// Pos is where the value was written (a literal, a flag default, a fallback).
	Pos token.Pos
	// Origin explains in words where the value comes from, for messages:
	// "the flag default at main.go:9". "" for a plain literal at the use site.
	Origin string
	Kind   Kind
	// Env is the environment variable the value was read from, if any.
	Env string
	// Fallback is the condition under which this fallback value is used
	// ("PORT is unset", "port is empty"); "" when it is not a fallback.
	Fallback string
}

// Known reports whether the value is known.
func (v Value) Known() bool { return v.Const != nil }

// IsCAPort reports whether the value is exactly the CAPort from FC's environment.
func (v Value) IsCAPort() bool { return len(v.Parts) == 1 && v.Parts[0].Sym == CAPort }

// Str returns the value as string parts: text for known strings and integers,
// the CAPort symbol, or one unknown part.
func (v Value) Str() []Part {
	if v.Parts != nil {
		return v.Parts
	}
	p := Part{Sym: Unknown, Kind: v.Kind, Pos: v.Pos, Origin: v.Origin, Fallback: v.Fallback}
	if v.Const != nil {
		switch v.Const.Kind() {
		case constant.String:
			p.Sym, p.Text = Text, constant.StringVal(v.Const)
		case constant.Int:
			p.Sym, p.Text = Text, v.Const.ExactString()
		}
	}
	return []Part{p}
}

// String renders the value for messages: text as is, "$CAPORT" and "?" for symbols.
func (v Value) String() string {
	var b strings.Builder
	for _, p := range v.Str() {
		switch p.Sym {
		case Text:
			b.WriteString(p.Text)
		case CAPort:
			b.WriteString("$FC_CUSTOM_LISTEN_PORT")
		default:
			b.WriteString("?")
		}
	}
	return b.String()
}

// Evaluator evaluates expressions of one package. Create one per pass.
type Evaluator struct {
	pass *analysis.Pass
	info *types.Info
	fn   *config.Function // nil when the pass has no configuration
	cfg  string           // configuration file name for messages
	// found: a configuration file was found, so a variable it does not set
	// (and FC does not set) is unset.
	found bool
	idx   *index
	// callees are the identifiers in call position of the file being indexed.
	callees map[*ast.Ident]bool
	memo    map[ctxKey][]Value
	busy    map[ctxKey]int // key -> 1 + the depth it was entered at
	depth   int
	// sources and derefs memoize Sources and deref per object (a variable or
	// field: the union over its assignments) and per other expression, and
	// results memoizes a function's results by result index: a chain of
	// re-assignments (s2 := s1; s2 = s1; s3 := s2; ...) then costs one step
	// per link instead of doubling with each.
	sources map[ctxKey][]ast.Node
	derefs  map[ctxKey][]Value
	results map[ctxKey][]Value
	// ctx is the call being evaluated into (a function's results at one call
	// site, its parameters bound to that call's arguments); nil outside any.
	ctx    *frame
	frames map[frameKey]*frame
	// steps counts work against maxSteps; budget is the limit (tests lower it).
	steps, budget int
	// cuts counts the cycles cut short, to tell complete answers from cut ones.
	cuts int
	// low is the lowest depth a cycle cut in the current Sources computation
	// went back to (Tarjan's low-link): the answer of the frame at that
	// depth, the cycle's entry, is complete once it returns.
	low int
	// facts are the summaries of the module's other packages (summary.go).
	facts Facts
	// summarizing: parameters of exported functions are Param symbols.
	summarizing bool
	// files are the configuration files read by loadedField, by path.
	files map[string]*yaml.Node
	// skipGenerated leaves generated files out of the index (summaries).
	skipGenerated bool
}

type funcResult struct {
	fn    *types.Func
	index int
}

// ctxKey is a memo or cycle key in the context it was evaluated in: the same
// expression has other values in another call of its function.
type ctxKey struct {
	ctx *frame
	key any
}

func (e *Evaluator) key(k any) ctxKey { return ctxKey{e.ctx, k} }

// frame is one call of a same-package function whose results are being
// evaluated: reading a parameter inside yields that call's argument,
// evaluated in the caller's frame. Frames nest up to maxFrames; deeper calls
// are evaluated without binding (a parameter is then the union of the
// arguments at every call site).
type frame struct {
	call   *ast.CallExpr
	fn     *types.Func
	parent *frame
	depth  int
}

type frameKey struct {
	parent *frame
	call   *ast.CallExpr
}

const maxFrames = 4

// enterCall returns the frame of call to fn inside the current one (one
// frame per call and caller frame, so memos are shared), or nil when frames
// nest too deep.
func (e *Evaluator) enterCall(call *ast.CallExpr, fn *types.Func) *frame {
	depth := 1
	if e.ctx != nil {
		depth = e.ctx.depth + 1
	}
	if depth > maxFrames {
		return nil
	}
	k := frameKey{e.ctx, call}
	if f, ok := e.frames[k]; ok {
		return f
	}
	f := &frame{call: call, fn: fn, parent: e.ctx, depth: depth}
	e.frames[k] = f
	return f
}

// in evaluates f in frame fr (the caller's frame when fr is its parent).
func in[T any](e *Evaluator, fr *frame, f func() T) T {
	saved := e.ctx
	e.ctx = fr
	defer func() { e.ctx = saved }()
	return f()
}

// enter marks key (a variable, field or function) as being evaluated; false
// means it already is, a cycle, which the caller answers with unknown. A
// true enter must be paired with leave.
func (e *Evaluator) enter(key any) bool {
	k := e.key(key)
	if d := e.busy[k]; d > 0 {
		e.cuts++
		e.low = min(e.low, d-1)
		return false
	}
	e.busy[k] = e.depth + 1
	return true
}

func (e *Evaluator) leave(key any) { delete(e.busy, e.key(key)) }

// spend counts one step and reports whether the budget allows it.
func (e *Evaluator) spend() bool {
	e.steps++
	return e.steps <= e.budget
}

// Exhausted reports whether the evaluator ran out of its step budget, so
// that some values it returned are unknown only for that reason.
func (e *Evaluator) Exhausted() bool { return e.steps > e.budget }

// New returns an evaluator for the pass. The pass's analyzer should require
// fcconfig.Analyzer so that environment variables and flag arguments from the
// configuration are known; without it they are unknown.
func New(pass *analysis.Pass) *Evaluator {
	e := &Evaluator{
		pass: pass, info: pass.TypesInfo, memo: map[ctxKey][]Value{}, busy: map[ctxKey]int{},
		sources: map[ctxKey][]ast.Node{}, derefs: map[ctxKey][]Value{}, results: map[ctxKey][]Value{},
		frames: map[frameKey]*frame{},
		budget: maxSteps,
	}
	for _, r := range pass.ResultOf {
		if src, ok := r.(FactSource); ok && src != nil {
			e.facts = src.SummaryFacts()
		}
	}
	if r, ok := fcconfig.ResultOf[*fcconfig.Config](pass); ok && r != nil {
		e.fn = r.Function
		e.found = r.Found
		if r.Function != nil && r.Function.File != "" {
			e.cfg = filepath.Base(r.Function.File)
		}
	}
	return e
}

// Pass is the pass the evaluator works on.
func (e *Evaluator) Pass() *analysis.Pass { return e.pass }

// Eval returns the possible values of expr: one per visible path. An unknown
// value is reported as a Value with a nil Const, never dropped.
func (e *Evaluator) Eval(expr ast.Expr) []Value {
	if expr == nil {
		return []Value{unknown(token.NoPos)}
	}
	expr = ast.Unparen(expr)
	key := e.key(expr)
	if vs, ok := e.memo[key]; ok {
		return vs
	}
	if e.depth >= maxDepth || !e.spend() {
		e.cuts++
		return []Value{unknown(expr.Pos())}
	}
	e.depth++
	vs := e.eval(expr)
	e.depth--
	vs = dedupe(vs)
	e.memo[key] = vs
	return vs
}

// Position renders pos as "file.go:12" for messages.
func (e *Evaluator) Position(pos token.Pos) string {
	p := e.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

func unknown(pos token.Pos) Value { return Value{Pos: pos} }

// constValue wraps a constant written in the source.
func constValue(c constant.Value, pos token.Pos, lit *ast.BasicLit, origin string) Value {
	v := Value{Const: c, Pos: pos, Origin: origin, Kind: KindLiteral}
	if c.Kind() == constant.String {
		v.Parts = []Part{{Text: constant.StringVal(c), Kind: KindLiteral, Pos: pos, Lit: lit, Origin: origin}}
	}
	return v
}

// TextValue builds a known string value; listen tables use it for defaults.
func TextValue(s string, kind Kind, pos token.Pos, origin string) Value {
	return Value{
		Const: constant.MakeString(s), Pos: pos, Origin: origin, Kind: kind,
		Parts: []Part{{Text: s, Kind: kind, Pos: pos, Origin: origin}},
	}
}

func (e *Evaluator) eval(expr ast.Expr) []Value {
	// Structural evaluation first for strings, so pieces keep their positions
	// (for messages and fixes); constant folding covers everything else.
	switch x := expr.(type) {
	case *ast.BasicLit:
		if tv, ok := e.info.Types[x]; ok && tv.Value != nil {
			return []Value{constValue(tv.Value, x.Pos(), x, "")}
		}
	case *ast.BinaryExpr:
		return e.binary(x)
	case *ast.Ident:
		return e.ident(x)
	case *ast.SelectorExpr:
		return e.selector(x)
	case *ast.CallExpr:
		return e.call(x)
	case *ast.StarExpr:
		return e.deref(x.X)
	case *ast.IndexExpr:
		if vs, ok := e.variadicElement(x); ok {
			return vs
		}
		// os.Args[i], maps and other slices: not followed.
	}
	if tv, ok := e.info.Types[expr]; ok && tv.Value != nil {
		return []Value{constValue(tv.Value, expr.Pos(), nil, "")}
	}
	return []Value{unknown(expr.Pos())}
}

func (e *Evaluator) binary(x *ast.BinaryExpr) []Value {
	tv := e.info.Types[x]
	if x.Op == token.ADD && isString(tv.Type) {
		return e.concat(e.Eval(x.X), e.Eval(x.Y))
	}
	if tv.Value != nil {
		return []Value{constValue(tv.Value, x.Pos(), nil, "")}
	}
	switch x.Op {
	case token.ADD, token.SUB, token.MUL, token.QUO, token.REM:
	default:
		return []Value{unknown(x.Pos())}
	}
	var out []Value
	for _, a := range e.Eval(x.X) {
		for _, b := range e.Eval(x.Y) {
			out = append(out, arith(a, x.Op, b, x.Pos()))
			if len(out) > maxValues {
				return capValues(out)
			}
		}
	}
	return out
}

// arith folds a numeric operation on two known values (durations, ports).
func arith(a Value, op token.Token, b Value, pos token.Pos) Value {
	if a.Const == nil || b.Const == nil || !isNumber(a.Const) || !isNumber(b.Const) {
		return unknown(pos)
	}
	if op == token.QUO || op == token.REM {
		if constant.Sign(b.Const) == 0 {
			return unknown(pos)
		}
		if a.Const.Kind() == constant.Int && b.Const.Kind() == constant.Int && op == token.QUO {
			op = token.QUO_ASSIGN // integer division
		}
	}
	c := constant.BinaryOp(a.Const, op, b.Const)
	kind := a.Kind
	if kind == KindLiteral {
		kind = b.Kind
	}
	origin := a.Origin
	if origin == "" {
		origin = b.Origin
	}
	return Value{Const: c, Pos: pos, Kind: kind, Origin: origin, Fallback: cmpOrString(a.Fallback, b.Fallback)}
}

func isNumber(c constant.Value) bool {
	k := c.Kind()
	return k == constant.Int || k == constant.Float
}

// concat joins every left value with every right value.
func (e *Evaluator) concat(left, right []Value) []Value {
	var out []Value
	for _, a := range left {
		for _, b := range right {
			out = append(out, join(a, b))
			if len(out) > maxValues {
				return capValues(out)
			}
		}
	}
	return out
}

func join(a, b Value) Value {
	parts := append(append([]Part(nil), a.Str()...), b.Str()...)
	v := Value{Parts: parts, Pos: a.Pos, Kind: a.Kind, Origin: a.Origin}
	if a.Const != nil && b.Const != nil && a.Const.Kind() == constant.String && b.Const.Kind() == constant.String {
		v.Const = constant.MakeString(constant.StringVal(a.Const) + constant.StringVal(b.Const))
	}
	if a.Fallback != "" {
		v.Fallback = a.Fallback
	} else {
		v.Fallback = b.Fallback
	}
	return v
}

// capValues trims a value set to maxValues and marks the rest unknown.
func capValues(vs []Value) []Value {
	if len(vs) <= maxValues {
		return vs
	}
	return append(vs[:maxValues-1:maxValues-1], unknown(vs[0].Pos))
}

// dedupe drops values equal in content and origin position.
func dedupe(vs []Value) []Value {
	if len(vs) < 2 {
		return capValues(vs)
	}
	seen := map[string]bool{}
	out := vs[:0:0]
	for _, v := range vs {
		k := v.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return capValues(out)
}

func (v Value) key() string {
	var b strings.Builder
	if v.Const != nil {
		b.WriteString(v.Const.ExactString())
	}
	for _, p := range v.Parts {
		fmt.Fprintf(&b, "|%d:%q@%d", p.Sym, p.Text, p.Pos)
		if p.Sym == Param {
			fmt.Fprintf(&b, "(%s#%d.%s)", p.Func, p.Param, p.Field)
		}
		if p.Origin != "" && !p.Pos.IsValid() {
			fmt.Fprintf(&b, "<%s>", p.Origin)
		}
	}
	fmt.Fprintf(&b, "#%d#%s", v.Pos, v.Fallback)
	if !v.Pos.IsValid() && v.Origin != "" {
		fmt.Fprintf(&b, "<%s>", v.Origin)
	}
	return b.String()
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// withOrigin returns vs with an origin set where they have none, for values
// that reached the use through a declaration elsewhere.
func withOrigin(vs []Value, origin string) []Value {
	out := make([]Value, len(vs))
	for i, v := range vs {
		if v.Origin == "" {
			v.Origin = origin
		}
		if len(v.Parts) > 0 {
			parts := append([]Part(nil), v.Parts...)
			for j := range parts {
				if parts[j].Origin == "" {
					parts[j].Origin = origin
				}
			}
			v.Parts = parts
		}
		out[i] = v
	}
	return out
}

func cmpOrString(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// markFallback marks vs as used only under cond ("PORT is unset").
func markFallback(vs []Value, cond string) []Value {
	out := make([]Value, len(vs))
	for i, v := range vs {
		v.Fallback = cond
		if len(v.Parts) > 0 {
			parts := append([]Part(nil), v.Parts...)
			for j := range parts {
				parts[j].Fallback = cond
			}
			v.Parts = parts
		}
		out[i] = v
	}
	return out
}

// nonEmpty reports whether every value is a known, non-empty string or the
// CAPort of a configured function; a fallback after such values is dead.
func nonEmpty(vs []Value) bool {
	if len(vs) == 0 {
		return false
	}
	for _, v := range vs {
		if v.Kind != KindConfigEnv || v.Const == nil || v.Const.Kind() != constant.String || constant.StringVal(v.Const) == "" {
			return false
		}
	}
	return true
}

// stringConst returns the constant string value of expr, if any.
func (e *Evaluator) stringConst(expr ast.Expr) (string, bool) {
	tv, ok := e.info.Types[expr]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// toInt converts a value used as an integer (strconv.Atoi): known numeric text
// becomes an Int constant; the CAPort stays symbolic.
func toInt(v Value) Value {
	if v.Const != nil && v.Const.Kind() == constant.String {
		text := constant.StringVal(v.Const)
		n, err := strconv.Atoi(text)
		if err != nil && text == "" {
			// Atoi("") fails and returns 0: an unset variable is port 0.
			v.Const, v.Parts = constant.MakeInt64(0), nil
			return v
		}
		if err != nil {
			return unknown(v.Pos)
		}
		v.Const = constant.MakeInt64(int64(n))
		parts := append([]Part(nil), v.Parts...)
		v.Parts = parts
		return v
	}
	return v
}

// toText converts an integer value to its decimal text (strconv.Itoa).
func toText(v Value) Value {
	if v.Const != nil && v.Const.Kind() == constant.Int {
		s := v.Const.ExactString()
		w := v
		w.Const = constant.MakeString(s)
		if len(v.Parts) == 0 {
			w.Parts = []Part{{Text: s, Kind: v.Kind, Pos: v.Pos, Origin: v.Origin, Fallback: v.Fallback}}
		}
		return w
	}
	if v.Const != nil && v.Const.Kind() == constant.String {
		return v
	}
	if v.Parts != nil {
		return v
	}
	return unknown(v.Pos)
}
