package appserver

import (
	"math"
	"strconv"
	"strings"
)

// valKind says what an expression evaluates to, as far as fclint can tell.
type valKind int

const (
	vUnknown valKind = iota
	vNum
	vStr
	vCAPort // FC's port variable: CAPort at run time
	vUnset  // an environment variable the function does not set
)

type value struct {
	kind valKind
	num  float64
	str  string
	from string // the source of the value, for messages ("process.env.PORT || 3000")
}

// asPort turns a value into a listen port.
func (v value) asPort() port {
	switch v.kind {
	case vNum:
		if v.num >= 0 && v.num <= 65535 && v.num == math.Trunc(v.num) {
			return port{n: int(v.num), known: true, from: v.from}
		}
	case vStr:
		return portFromString(v.str, v.from)
	case vCAPort:
		return port{caPort: true, known: true, from: v.from}
	}
	return port{from: v.from}
}

// asMillis turns a value into a number.
func (v value) asNumber() (float64, bool) {
	switch v.kind {
	case vNum:
		return v.num, true
	case vStr:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.str), 64)
		return f, err == nil
	}
	return 0, false
}

// jsEval evaluates the expression shapes servers are configured with:
// literals, constants, process.env.X with || and ?? fallbacks, products
// (24 * 60 * 60 * 1000) and the port wrappers parseInt/Number/normalizePort.
type jsEval struct {
	decls map[string][]token
	vars  map[string]string
}

func (e *jsEval) eval(toks []token, depth int) value {
	v := e.evalInner(toks, depth)
	if v.from == "" {
		v.from = tokensText(toks)
	}
	return v
}

func (e *jsEval) evalInner(toks []token, depth int) value {
	if depth > 8 || len(toks) == 0 {
		return value{}
	}
	for len(toks) >= 2 && toks[0].is("(") && matchClose(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	// a || b, a ?? b: the first that is set. The lowest precedence first.
	if parts := splitTop(toks, "||", "??"); len(parts) > 1 {
		for _, p := range parts {
			v := e.eval(p, depth+1)
			switch v.kind {
			case vUnset:
				continue
			case vNum:
				if v.num == 0 {
					continue
				}
			case vStr:
				if v.str == "" {
					continue
				}
			}
			v.from = tokensText(toks)
			return v
		}
		return value{kind: vUnset}
	}
	if parts := splitTop(toks, "*"); len(parts) > 1 {
		return product(parts, func(p []token) value { return e.eval(p, depth+1) })
	}
	if toks[0].is("+") && len(toks) > 1 { // unary plus
		return e.eval(toks[1:], depth+1)
	}
	if len(toks) == 1 {
		t := toks[0]
		switch t.Kind {
		case tNum:
			if n, ok := jsNumber(t.Text); ok {
				return value{kind: vNum, num: n}
			}
		case tStr, tTemplate:
			return value{kind: vStr, str: t.Text}
		case tIdent:
			if t.Text == "Infinity" {
				return value{kind: vNum, num: math.Inf(1)}
			}
			if init, ok := e.decls[t.Text]; ok {
				v := e.eval(init, depth+1)
				v.from = t.Text + " = " + v.from
				return v
			}
		}
		return value{}
	}
	// process.env.NAME, process.env["NAME"]
	if name, ok := envName(toks); ok {
		if isFCPortVar(name) {
			return value{kind: vCAPort}
		}
		if v, ok := e.vars[name]; ok {
			return value{kind: vStr, str: v}
		}
		return value{kind: vUnset}
	}
	// parseInt(x, 10), Number(x), normalizePort(x) (express-generator), String(x)
	if toks[0].Kind == tIdent && len(toks) >= 3 && toks[1].is("(") && matchClose(toks, 1) == len(toks)-1 {
		switch toks[0].Text {
		case "parseInt", "Number", "String", "normalizePort", "parseFloat":
			if args := splitArgs(toks[2 : len(toks)-1]); len(args) > 0 {
				return e.eval(args[0], depth+1)
			}
		}
	}
	return value{}
}

// envName matches process.env.NAME and process.env["NAME"].
func envName(toks []token) (string, bool) {
	if len(toks) < 4 || !toks[0].is("process") || !toks[1].is(".") || !toks[2].is("env") {
		return "", false
	}
	switch {
	case len(toks) == 5 && toks[3].is(".") && toks[4].Kind == tIdent:
		return toks[4].Text, true
	case len(toks) == 6 && toks[3].is("[") && toks[4].Kind == tStr && toks[5].is("]"):
		return toks[4].Text, true
	}
	return "", false
}

// splitTop splits toks at top-level occurrences of any of ops.
func splitTop(toks []token, ops ...string) [][]token {
	var out [][]token
	depth, start := 0, 0
	for i, t := range toks {
		if t.Kind != tPunct {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		default:
			if depth == 0 {
				for _, op := range ops {
					if t.Text == op {
						out = append(out, toks[start:i])
						start = i + 1
					}
				}
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, toks[start:])
}

// tokensText renders tokens back to short source text for messages.
func tokensText(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if b.Len() > 60 {
			b.WriteString("…")
			break
		}
		if i > 0 && needsSpace(toks[i-1], t) {
			b.WriteByte(' ')
		}
		switch t.Kind {
		case tStr:
			b.WriteString(strconv.Quote(t.Text))
		case tTemplate:
			b.WriteString("`" + t.Text + "`")
		default:
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

func needsSpace(prev, t token) bool {
	if prev.is(".") || t.is(".") || t.is("(") || prev.is("(") || t.is(")") || t.is(",") || prev.is("[") || t.is("[") || t.is("]") {
		return false
	}
	return true
}

// product multiplies the values of a*b*c's parts (timeouts written as
// 60 * 1000); unknown when any part is not a number.
func product(parts [][]token, eval func([]token) value) value {
	prod := 1.0
	for _, p := range parts {
		n, ok := eval(p).asNumber()
		if !ok {
			return value{}
		}
		prod *= n
	}
	return value{kind: vNum, num: prod}
}
