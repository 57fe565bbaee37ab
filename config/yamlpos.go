package config

import (
	"errors"

	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"
)

// locateYAMLError finds where a YAML document that yaml.v3 rejected is
// broken. yaml.v3 reports only a line, and for many errors the line where the
// enclosing block starts rather than the broken one; goccy/go-yaml's parser
// reports the offending token's line and column. ok is false when it accepts
// the document (the parsers disagree): the caller keeps yaml.v3's line.
func locateYAMLError(data []byte) (line, col int, msg string, ok bool) {
	defer func() {
		if recover() != nil { // a second parser must never crash the linter either
			ok = false
		}
	}()
	_, err := goccyparser.ParseBytes(data, 0)
	var se *goccy.SyntaxError
	if err == nil || !errors.As(err, &se) || se.Token == nil || se.Token.Position == nil {
		return 0, 0, "", false
	}
	return se.Token.Position.Line, se.Token.Position.Column, se.Message, true
}
