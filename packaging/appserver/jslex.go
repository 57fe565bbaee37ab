package appserver

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// tokKind classifies a source token for shape matching.
type tokKind int

const (
	tIdent tokKind = iota + 1
	tNum
	tStr      // a string literal, Text holds its value
	tTemplate // a template literal without substitutions, Text holds its value
	tPunct    // operators and brackets, keywords too (Text as written)
)

// token is one significant token: comments and whitespace are gone, so
// commented-out code and the inside of strings never match a shape.
type token struct {
	Kind tokKind
	Text string
	Line int
}

func (t token) is(text string) bool {
	return t.Kind == tPunct && t.Text == text || t.Kind == tIdent && t.Text == text
}

// maxTokens bounds the work on one file.
const maxTokens = 1 << 20

// lexJS splits JavaScript into significant tokens with tdewolff's lexer,
// deciding between division and a regular expression from the previous
// token, as a parser would. Lexing stops at the first error.
func lexJS(src []byte) []token {
	if bytes.HasPrefix(src, []byte("#!")) { // a hashbang line: keep the newline for line numbers
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			src = src[i:]
		} else {
			src = nil
		}
	}
	l := js.NewLexer(parse.NewInputBytes(src))
	var out []token
	line := 1
	prevValue := false // the previous token ends a value: a '/' after it divides
	for len(out) < maxTokens {
		tt, data := l.Next()
		if tt == js.ErrorToken {
			break
		}
		if (tt == js.DivToken || tt == js.DivEqToken) && !prevValue {
			tt, data = l.RegExp()
			if tt == js.ErrorToken {
				break
			}
		}
		startLine := line
		line += bytes.Count(data, []byte{'\n'})
		if n := bytes.Count(data, []byte{'\r'}) - bytes.Count(data, []byte("\r\n")); n > 0 {
			line += n
		}
		switch tt {
		case js.WhitespaceToken, js.LineTerminatorToken, js.CommentToken, js.CommentLineTerminatorToken:
			continue
		}
		t := token{Line: startLine}
		switch {
		case tt == js.IdentifierToken:
			t.Kind, t.Text = tIdent, string(data)
		case tt == js.StringToken:
			t.Kind, t.Text = tStr, unquoteJS(data)
		case tt == js.TemplateToken:
			t.Kind, t.Text = tTemplate, unquoteJS(data)
		case tt == js.TemplateStartToken, tt == js.TemplateMiddleToken, tt == js.TemplateEndToken:
			t.Kind, t.Text = tPunct, "`"
		case js.IsNumeric(tt):
			t.Kind, t.Text = tNum, string(data)
		case tt == js.RegExpToken:
			t.Kind, t.Text = tPunct, "/regexp/"
		case js.IsIdentifierName(tt):
			// keywords and contextual names (async, from, of, get) also work as
			// property and variable names: keep them as identifiers.
			t.Kind, t.Text = tIdent, string(data)
		default:
			t.Kind, t.Text = tPunct, string(data)
		}
		out = append(out, t)
		prevValue = t.Kind == tIdent && !isOperatorKeyword(t.Text) || t.Kind == tNum || t.Kind == tStr || t.Kind == tTemplate ||
			t.Kind == tPunct && (t.Text == ")" || t.Text == "]" || t.Text == "}" || t.Text == "`" && tt != js.TemplateStartToken && tt != js.TemplateMiddleToken)
	}
	return out
}

// isOperatorKeyword: after these words a '/' starts a regular expression.
func isOperatorKeyword(s string) bool {
	switch s {
	case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await":
		return true
	}
	return false
}

// unquoteJS returns a string or template literal's value; escapes other than
// the common ones are kept as written (ports and hosts do not need them).
func unquoteJS(data []byte) string {
	s := string(data)
	if len(s) >= 2 {
		s = s[1 : len(s)-1]
	}
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// jsNumber reads a numeric literal (1_000, 0x10, 5e3).
func jsNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSuffix(s, "n"), "_", "")
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") || strings.HasPrefix(s, "0o") || strings.HasPrefix(s, "0b") {
		n, err := strconv.ParseInt(s, 0, 64)
		return float64(n), err == nil
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// matchClose returns the index of the bracket closing toks[open], or
// len(toks) when it is not closed (at most maxSpan tokens on).
func matchClose(toks []token, open int) int {
	depth := 0
	end := min(len(toks), open+maxSpan)
	for i := open; i < end; i++ {
		if toks[i].Kind != tPunct {
			continue
		}
		switch toks[i].Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return end
}

// maxSpan bounds how far a bracket or an expression is followed: a listen
// call's arguments or a setting's value are far shorter, and without it a
// file of unclosed brackets ("f(" a million times) costs quadratic time.
const maxSpan = 512

// splitArgs splits toks (the inside of brackets) at top-level commas.
func splitArgs(toks []token) [][]token {
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
		case ",":
			if depth == 0 {
				out = append(out, toks[start:i])
				start = i + 1
			}
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}
