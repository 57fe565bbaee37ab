package listen

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/eval"
)

// Origin says where a piece of an address came from, for messages: the
// evaluator's explanation, or the position when it was written away from the
// call; "" when it was written in the call itself.
func Origin(ev *eval.Evaluator, p eval.Part, call *ast.CallExpr) string {
	if p.Origin != "" {
		if eval.IsPortEnv(p.Origin) {
			return "$" + p.Origin
		}
		return p.Origin
	}
	if !p.Pos.IsValid() || (call.Pos() <= p.Pos && p.Pos < call.End()) {
		return ""
	}
	return ev.Position(p.Pos)
}

// Related points at the origin of a piece when it lies outside the call.
func Related(ev *eval.Evaluator, p eval.Part, call *ast.CallExpr, what string) []analysis.RelatedInformation {
	if !p.Pos.IsValid() || (call.Pos() <= p.Pos && p.Pos < call.End()) {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: p.Pos, Message: what}}
}

// HostFix returns the edit that removes a loopback host from the string
// literal that holds it ("127.0.0.1:9000" → ":9000", "localhost:"+port →
// ":"+port), when that edit is certain: the host is exactly the start of one
// literal, and the literal is not bound to a name used elsewhere.
func HostFix(pass *analysis.Pass, a Addr) (analysis.TextEdit, bool) {
	p := a.Host.From
	if !a.Host.Known || !a.Host.Single || p.Lit == nil || p.Offset != 0 || p.Sym != eval.Text {
		return analysis.TextEdit{}, false
	}
	val, err := strconv.Unquote(p.Lit.Value)
	if err != nil || !strings.HasPrefix(val, p.Text) || p.Text == "" {
		return analysis.TextEdit{}, false
	}
	if !boundOnce(pass, p.Lit) {
		return analysis.TextEdit{}, false
	}
	rest := val[len(p.Text):]
	lit := strconv.Quote(rest)
	if strings.HasPrefix(p.Lit.Value, "`") && !strings.Contains(rest, "`") {
		lit = "`" + rest + "`"
	}
	return analysis.TextEdit{Pos: p.Lit.Pos(), End: p.Lit.End(), NewText: []byte(lit)}, true
}

// boundOnce reports whether lit is not the value of a constant or variable
// that is read more than once (editing it would change other uses).
func boundOnce(pass *analysis.Pass, lit *ast.BasicLit) bool {
	var file *ast.File
	for _, f := range pass.Files {
		if f.FileStart <= lit.Pos() && lit.End() <= f.FileEnd {
			file = f
		}
	}
	if file == nil {
		return false
	}
	path := eval.NodePath(file, lit.Pos(), lit.End())
	var names []*ast.Ident
walk:
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, v := range n.Values {
				if v.Pos() <= lit.Pos() && lit.End() <= v.End() && i < len(n.Names) {
					names = append(names, n.Names[i])
				}
			}
			break walk
		case *ast.AssignStmt:
			for i, v := range n.Rhs {
				if v.Pos() <= lit.Pos() && lit.End() <= v.End() && i < len(n.Lhs) {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						names = append(names, id)
					}
				}
			}
			break walk
		case *ast.CallExpr, *ast.CompositeLit, *ast.FuncDecl, *ast.FuncLit:
			// An argument or a field value: the edit stays in this expression.
			break walk
		}
	}
	for _, id := range names {
		obj := pass.TypesInfo.Defs[id]
		if obj == nil {
			obj = pass.TypesInfo.Uses[id]
		}
		if obj == nil || reads(pass, obj) > 1 {
			return false
		}
	}
	return true
}

// reads counts the reads of obj (uses that are not assignment targets).
func reads(pass *analysis.Pass, obj interface{ Pos() token.Pos }) int {
	n := 0
	for id, o := range pass.TypesInfo.Uses {
		if o == obj && !assignedTo(pass, id) {
			n++
		}
	}
	return n
}

func assignedTo(pass *analysis.Pass, id *ast.Ident) bool {
	for _, f := range pass.Files {
		if f.FileStart <= id.Pos() && id.End() <= f.FileEnd {
			path := eval.NodePath(f, id.Pos(), id.End())
			if len(path) > 1 {
				if as, ok := path[1].(*ast.AssignStmt); ok {
					for _, l := range as.Lhs {
						if l == id {
							return true
						}
					}
				}
			}
		}
	}
	return false
}
