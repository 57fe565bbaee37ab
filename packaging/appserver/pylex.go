package appserver

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tNewline ends a logical Python line (not inside brackets, not after a
// backslash continuation).
const tNewline tokKind = 100

// lexPython splits Python source into tokens: names, numbers, string
// literals (their value; f-strings become the punctuation "f-string" since
// their value is not known), operators and logical line ends. Comments and
// the inside of strings never produce tokens.
func lexPython(src []byte) []token {
	s := string(src)
	var out []token
	line, depth := 1, 0
	emit := func(k tokKind, text string, at int) {
		if len(out) < maxTokens {
			out = append(out, token{Kind: k, Text: text, Line: at})
		}
	}
	for i := 0; i < len(s) && len(out) < maxTokens; {
		c := s[i]
		switch {
		case c == '\n':
			if depth == 0 && len(out) > 0 && out[len(out)-1].Kind != tNewline {
				emit(tNewline, "", line)
			}
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			i++
		case c == '\\' && i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\r'):
			i++ // a continuation: the newline that follows is not a line end
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			line++
			i++
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			val, n, lines, ok := pyString(s[i:])
			emit(tStr, val, line)
			if !ok {
				emit(tPunct, "f-string", line) // unterminated: nothing after it is code
				return out
			}
			line += lines
			i += n
		case isPyNameStart(s, i):
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				j += size
			}
			word := s[i:j]
			if j < len(s) && (s[j] == '"' || s[j] == '\'') && len(word) <= 2 && strings.Trim(strings.ToLower(word), "rbuf") == "" {
				val, n, lines, ok := pyString(s[j:])
				if strings.ContainsAny(word, "fF") {
					emit(tPunct, "f-string", line)
				} else {
					emit(tStr, val, line)
				}
				if !ok {
					return out
				}
				line += lines
				i = j + n
				continue
			}
			emit(tIdent, word, line)
			i = j
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '.' || s[j] == '_' ||
				(s[j] == '+' || s[j] == '-') && j > i && (s[j-1] == 'e' || s[j-1] == 'E')) {
				j++
			}
			emit(tNum, s[i:j], line)
			i = j
		default:
			n := 1
			if i+1 < len(s) {
				two := s[i : i+2]
				switch {
				case two == "**" || two == "//" || two == "->" || two == "<<" || two == ">>":
					n = 2
				case s[i+1] == '=' && strings.IndexByte("=!<>+-*/%&|^:@", c) >= 0:
					n = 2
				}
			}
			op := s[i : i+n]
			switch op {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				if depth > 0 {
					depth--
				}
			}
			if c < utf8.RuneSelf {
				emit(tPunct, op, line)
				i += n
			} else {
				_, size := utf8.DecodeRuneInString(s[i:])
				i += size
			}
		}
	}
	return out
}

func isPyNameStart(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '_' || unicode.IsLetter(r)
}

// pyString reads a string literal at the start of s (quote included): its
// value (escapes kept as written), its length, the newlines inside it, and
// whether it is terminated.
func pyString(s string) (val string, n, lines int, ok bool) {
	q := s[:1]
	if strings.HasPrefix(s, q+q+q) {
		q = q + q + q
	}
	for i := len(q); i < len(s); i++ {
		switch {
		case s[i] == '\\':
			if i+1 < len(s) && s[i+1] == '\n' {
				lines++
			}
			i++
		case s[i] == '\n':
			if len(q) == 1 {
				return s[len(q):i], i, lines, false
			}
			lines++
		case strings.HasPrefix(s[i:], q):
			return s[len(q):i], i + len(q), lines, true
		}
	}
	return s[len(q):], len(s), lines, false
}
