package serverconf

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/fclint/fclint/analyzers/lazyinspect"
)

// Removals computes, for each node (a Key: value element of a composite
// literal, or a statement), the edits that delete it, as fixes that are
// applied together (go vet -fix, fclint --fix). An import used only by the
// deleted nodes is deleted too. A node is left out when deleting it is not
// certain to leave compiling, tidy code: it shares its line with other
// statements, or it holds the last use of a local variable.
func Removals(pass *analysis.Pass, nodes []ast.Node) map[ast.Node][]analysis.TextEdit {
	if len(nodes) == 0 {
		return nil
	}
	in := lazyinspect.Of(pass)
	r := &remover{pass: pass, out: map[ast.Node][]analysis.TextEdit{}}
	var cursors []inspector.Cursor
	for _, n := range nodes {
		c, ok := in.Root().FindNode(n)
		if !ok {
			continue
		}
		edits := r.deleteNode(c)
		if edits == nil {
			continue
		}
		r.out[n] = edits
		cursors = append(cursors, c)
	}
	r.dropUnusedImports(in, cursors)
	return r.out
}

type remover struct {
	pass *analysis.Pass
	out  map[ast.Node][]analysis.TextEdit
}

// deleteNode returns the edits deleting the node at c, or nil.
func (r *remover) deleteNode(c inspector.Cursor) []analysis.TextEdit {
	n := c.Node()
	tf := r.pass.Fset.File(n.Pos())
	if tf == nil {
		return nil
	}
	if calls(r.pass.TypesInfo, n) {
		return nil // srv.ReadTimeout = parse(): deleting it would drop the call
	}
	prevEnd, nextPos, ok := neighbours(c)
	if !ok {
		return nil
	}
	line := func(p token.Pos) int { return tf.Line(p) }
	if line(prevEnd) < line(n.Pos()) && line(n.End()) < line(nextPos) {
		// Alone on its lines (with its comma and any trailing comment):
		// delete the whole lines.
		end := token.Pos(tf.Base() + tf.Size())
		if l := line(n.End()) + 1; l <= tf.LineCount() {
			end = tf.LineStart(l)
		}
		return []analysis.TextEdit{{Pos: tf.LineStart(line(n.Pos())), End: end}}
	}
	elt, isElt := n.(*ast.KeyValueExpr)
	lit, inLit := c.Parent().Node().(*ast.CompositeLit)
	if !isElt || !inLit {
		return nil // statements sharing a line are left alone
	}
	// An element sharing its line: delete it and one separator, chosen so
	// that deleting neighbours yields identical (mergeable) edits.
	i := indexOf(lit.Elts, ast.Expr(elt))
	edits := []analysis.TextEdit{{Pos: elt.Pos(), End: elt.End()}}
	switch {
	case i+1 < len(lit.Elts):
		edits = append(edits, analysis.TextEdit{Pos: elt.End(), End: lit.Elts[i+1].Pos()})
	case i > 0:
		edits = append(edits, analysis.TextEdit{Pos: lit.Elts[i-1].End(), End: elt.Pos()})
	}
	return edits
}

// neighbours returns the end of what precedes the node at c in its list
// (the previous element or statement, or the opening brace) and the start of
// what follows it.
func neighbours(c inspector.Cursor) (prevEnd, nextPos token.Pos, ok bool) {
	n := c.Node()
	var list []ast.Node
	var open, close token.Pos
	switch p := c.Parent().Node().(type) {
	case *ast.CompositeLit:
		for _, e := range p.Elts {
			list = append(list, e)
		}
		open, close = p.Lbrace+1, p.Rbrace
	case *ast.BlockStmt:
		for _, s := range p.List {
			list = append(list, s)
		}
		open, close = p.Lbrace+1, p.Rbrace
	case *ast.CaseClause:
		for _, s := range p.Body {
			list = append(list, s)
		}
		open, close = p.Colon+1, p.End()
		if len(p.Body) > 0 && p.Body[len(p.Body)-1] == n {
			return 0, 0, false // the clause's end is the statement's end
		}
	default:
		return 0, 0, false
	}
	i := indexOf(list, n)
	if i < 0 {
		return 0, 0, false
	}
	prevEnd, nextPos = open, close
	if i > 0 {
		prevEnd = list[i-1].End()
	}
	if i+1 < len(list) {
		nextPos = list[i+1].Pos()
	}
	return prevEnd, nextPos, true
}

func indexOf[T comparable](list []T, x T) int {
	for i, e := range list {
		if e == x {
			return i
		}
	}
	return -1
}

// dropUnusedImports deletes imports whose every use is inside deleted nodes,
// and cancels the deletion of nodes holding the last use of a local variable.
func (r *remover) dropUnusedImports(in *inspector.Inspector, deleted []inspector.Cursor) {
	inDeleted := func(p token.Pos) bool {
		for _, c := range deleted {
			if _, ok := r.out[c.Node()]; ok && c.Node().Pos() <= p && p < c.Node().End() {
				return true
			}
		}
		return false
	}
	// The objects used inside the deleted nodes that could become unused
	// (imports, local variables), then whether each is used elsewhere.
	inside := map[types.Object]bool{}
	for _, c := range deleted {
		if _, ok := r.out[c.Node()]; !ok {
			continue
		}
		ast.Inspect(c.Node(), func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			switch obj := r.pass.TypesInfo.Uses[id].(type) {
			case *types.PkgName:
				inside[obj] = true
			case *types.Var:
				if !obj.IsField() && obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() && !isParam(in, obj) {
					inside[obj] = true
				}
			}
			return true
		})
	}
	if len(inside) == 0 {
		return
	}
	outside := map[types.Object]bool{}
	for id, obj := range r.pass.TypesInfo.Uses {
		if inside[obj] && !inDeleted(id.Pos()) {
			outside[obj] = true
		}
	}
	for obj := range inside {
		if outside[obj] {
			continue
		}
		if _, ok := obj.(*types.Var); ok {
			// The variable would be declared and not used: keep the nodes.
			for _, c := range deleted {
				if usesObject(r.pass.TypesInfo, c.Node(), obj) {
					delete(r.out, c.Node())
				}
			}
		}
	}
	for obj := range inside {
		pkgName, ok := obj.(*types.PkgName)
		if !ok || outside[obj] {
			continue
		}
		var users []ast.Node
		for _, c := range deleted {
			if _, ok := r.out[c.Node()]; ok && usesObject(r.pass.TypesInfo, c.Node(), obj) {
				users = append(users, c.Node())
			}
		}
		if len(users) == 0 {
			continue
		}
		edit, ok := r.deleteImport(in, pkgName)
		if !ok {
			for _, u := range users {
				delete(r.out, u)
			}
			continue
		}
		for _, u := range users {
			r.out[u] = append(r.out[u], edit)
		}
	}
}

// isParam reports whether v is a parameter, result or receiver: those may
// go unused.
func isParam(in *inspector.Inspector, v *types.Var) bool {
	c, ok := in.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return false
	}
	_, ok = c.Parent().Node().(*ast.Field)
	return ok
}

func usesObject(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// deleteImport returns the edit deleting the import of pkgName.
func (r *remover) deleteImport(in *inspector.Inspector, pkgName *types.PkgName) (analysis.TextEdit, bool) {
	for c := range in.Root().Preorder((*ast.ImportSpec)(nil)) {
		spec := c.Node().(*ast.ImportSpec)
		var obj types.Object
		if spec.Name != nil {
			obj = r.pass.TypesInfo.Defs[spec.Name]
		} else {
			obj = r.pass.TypesInfo.Implicits[spec]
		}
		if obj != pkgName {
			continue
		}
		decl := c.Parent().Node().(*ast.GenDecl)
		target := ast.Node(spec)
		if len(decl.Specs) == 1 {
			target = decl
		}
		tf := r.pass.Fset.File(target.Pos())
		first, last := tf.Line(target.Pos()), tf.Line(target.End())
		if target == ast.Node(spec) && (tf.Line(decl.Lparen) == first || tf.Line(decl.Rparen) == last) {
			return analysis.TextEdit{}, false // import ( "time" ) on one line: leave it
		}
		end := token.Pos(tf.Base() + tf.Size())
		if last+1 <= tf.LineCount() {
			end = tf.LineStart(last + 1)
		}
		return analysis.TextEdit{Pos: tf.LineStart(first), End: end}, true
	}
	return analysis.TextEdit{}, false
}

// calls reports whether deleting n would drop a call other than the one the
// fix means to delete: in an assignment's right side or an element's value
// (srv.ReadTimeout = parse()), or in the arguments or receiver of a deleted
// call statement (srv.SetKeepAlivesEnabled(enabled())). Conversions and
// side-effect-free builtins are no calls.
func calls(info *types.Info, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, e := range n.Rhs {
			if callsIn(info, e) {
				return true
			}
		}
		return false
	case *ast.KeyValueExpr:
		return callsIn(info, n.Value)
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && callsIn(info, sel.X) {
				return true
			}
			for _, a := range call.Args {
				if callsIn(info, a) {
					return true
				}
			}
			return false
		}
	}
	return callsIn(info, n)
}

// callsIn reports whether n contains a call (see calls).
func callsIn(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		tv, known := info.Types[call.Fun]
		switch {
		case known && tv.IsType():
			return true // a conversion: look inside its argument
		case known && tv.IsBuiltin():
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				switch id.Name {
				case "len", "cap", "min", "max", "make", "new", "complex", "real", "imag", "append":
					return true
				}
			}
		}
		found = true
		return false
	})
	return found
}
