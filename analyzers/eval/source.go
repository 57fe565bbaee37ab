package eval

import (
	"fmt"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
)

// Source says where v was written, for messages that name the origin of a
// value away from the reported node: its Origin ("the constant readTimeout
// (main.go:11)", "the -idle flag's default (main.go:9)"), else its position
// ("main.go:12") when that lies outside node, else "".
func Source(fset *token.FileSet, v Value, node analysis.Range) string {
	if v.Origin != "" {
		return v.Origin
	}
	if !v.Pos.IsValid() || (node.Pos() <= v.Pos && v.Pos < node.End()) {
		return ""
	}
	p := fset.Position(v.Pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
