package stubcheck

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
)

// Compare lists every exported declaration of the stand-in that the real
// package lacks or declares differently. The two packages come from
// different type-checker universes, so types are compared by structure and
// named types by import path and name (the stand-in has the real paths).
//
// A stand-in may declare less than the real package: a struct may list a
// subset of the fields and an interface a subset of the methods, but every
// field, method and signature it does declare must be the real one, with the
// same receiver (value or pointer) on the same type.
func Compare(stub, real *types.Package) []string {
	var out []string
	scope := stub.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		realObj := real.Scope().Lookup(name)
		if realObj == nil {
			out = append(out, fmt.Sprintf("%s.%s: not declared by the real package", stub.Path(), name))
			continue
		}
		for _, p := range compareObject(obj, realObj) {
			out = append(out, fmt.Sprintf("%s.%s: %s", stub.Path(), name, p))
		}
	}
	return out
}

func compareObject(stub, real types.Object) []string {
	switch stub := stub.(type) {
	case *types.Func:
		r, ok := real.(*types.Func)
		if !ok {
			return []string{"the real package declares a " + kind(real)}
		}
		if !same(stub.Type(), r.Type()) {
			return []string{fmt.Sprintf("signature %s, real %s", stub.Type(), r.Type())}
		}
	case *types.Var:
		r, ok := real.(*types.Var)
		if !ok {
			return []string{"the real package declares a " + kind(real)}
		}
		if !same(stub.Type(), r.Type()) {
			return []string{fmt.Sprintf("type %s, real %s", stub.Type(), r.Type())}
		}
	case *types.Const:
		r, ok := real.(*types.Const)
		if !ok {
			return []string{"the real package declares a " + kind(real)}
		}
		if !same(stub.Type(), r.Type()) {
			return []string{fmt.Sprintf("type %s, real %s", stub.Type(), r.Type())}
		}
		if !constant.Compare(stub.Val(), token.EQL, r.Val()) {
			return []string{fmt.Sprintf("value %s, real %s", stub.Val(), r.Val())}
		}
	case *types.TypeName:
		r, ok := real.(*types.TypeName)
		if !ok {
			return []string{"the real package declares a " + kind(real)}
		}
		return compareTypeName(stub, r)
	}
	return nil
}

func kind(obj types.Object) string {
	switch obj.(type) {
	case *types.Func:
		return "func"
	case *types.Var:
		return "var"
	case *types.Const:
		return "const"
	case *types.TypeName:
		return "type"
	}
	return fmt.Sprintf("%T", obj)
}

func compareTypeName(stub, real *types.TypeName) []string {
	if stub.IsAlias() != real.IsAlias() {
		return []string{fmt.Sprintf("alias %v, real alias %v", stub.IsAlias(), real.IsAlias())}
	}
	if stub.IsAlias() {
		if !same(stub.Type(), real.Type()) {
			return []string{fmt.Sprintf("alias of %s, real %s", types.Unalias(stub.Type()), types.Unalias(real.Type()))}
		}
		return nil
	}
	sn, ok1 := stub.Type().(*types.Named)
	rn, ok2 := real.Type().(*types.Named)
	if !ok1 || !ok2 {
		return []string{"not a defined type on both sides"}
	}
	var out []string
	if sn.TypeParams().Len() != rn.TypeParams().Len() {
		out = append(out, fmt.Sprintf("%d type parameters, real %d", sn.TypeParams().Len(), rn.TypeParams().Len()))
	}
	switch su := sn.Underlying().(type) {
	case *types.Struct:
		ru, ok := rn.Underlying().(*types.Struct)
		if !ok {
			return append(out, fmt.Sprintf("a struct, real %s", rn.Underlying()))
		}
		out = append(out, subsetFields(su, ru)...)
	case *types.Interface:
		ru, ok := rn.Underlying().(*types.Interface)
		if !ok {
			return append(out, fmt.Sprintf("an interface, real %s", rn.Underlying()))
		}
		out = append(out, subsetMethods(su, ru)...)
	default:
		if !same(su, rn.Underlying()) {
			out = append(out, fmt.Sprintf("underlying %s, real %s", su, rn.Underlying()))
		}
	}
	for m := range sn.Methods() {
		if !m.Exported() {
			continue
		}
		obj, index, _ := types.LookupFieldOrMethod(rn, true, real.Pkg(), m.Name())
		rm, ok := obj.(*types.Func)
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("method %s: not declared by the real type", m.Name()))
		case len(index) != 1:
			out = append(out, fmt.Sprintf("method %s: promoted in the real type (%s)", m.Name(), rm.FullName()))
		case pointerRecv(m) != pointerRecv(rm):
			out = append(out, fmt.Sprintf("method %s: receiver %s, real %s", m.Name(), m.Signature().Recv().Type(), rm.Signature().Recv().Type()))
		case !same(m.Type(), rm.Type()):
			out = append(out, fmt.Sprintf("method %s: signature %s, real %s", m.Name(), m.Type(), rm.Type()))
		}
	}
	return out
}

func pointerRecv(fn *types.Func) bool {
	_, ok := fn.Signature().Recv().Type().(*types.Pointer)
	return ok
}

// subsetFields checks every exported field of the stand-in's struct.
func subsetFields(stub, real *types.Struct) []string {
	byName := map[string]*types.Var{}
	for f := range real.Fields() {
		byName[f.Name()] = f
	}
	var out []string
	for f := range stub.Fields() {
		if !f.Exported() {
			continue
		}
		r := byName[f.Name()]
		switch {
		case r == nil:
			out = append(out, fmt.Sprintf("field %s: not in the real struct", f.Name()))
		case f.Embedded() != r.Embedded():
			out = append(out, fmt.Sprintf("field %s: embedded %v, real embedded %v", f.Name(), f.Embedded(), r.Embedded()))
		case !same(f.Type(), r.Type()):
			out = append(out, fmt.Sprintf("field %s: type %s, real %s", f.Name(), f.Type(), r.Type()))
		}
	}
	return out
}

// subsetMethods checks every method of the stand-in's interface.
func subsetMethods(stub, real *types.Interface) []string {
	var out []string
	for i := range stub.NumMethods() {
		m := stub.Method(i)
		j := findMethod(real, m.Name())
		switch {
		case j < 0:
			out = append(out, fmt.Sprintf("method %s: not in the real interface", m.Name()))
		case !same(m.Type(), real.Method(j).Type()):
			out = append(out, fmt.Sprintf("method %s: signature %s, real %s", m.Name(), m.Type(), real.Method(j).Type()))
		}
	}
	return out
}

func findMethod(iface *types.Interface, name string) int {
	for i := range iface.NumMethods() {
		if iface.Method(i).Name() == name {
			return i
		}
	}
	return -1
}

// same reports whether two types from different universes are the same
// type: named types by path and name (and type arguments), the rest by
// structure. Receivers are ignored; parameter names do not matter.
func same(a, b types.Type) bool {
	a, b = types.Unalias(a), types.Unalias(b)
	switch a := a.(type) {
	case *types.Named:
		b, ok := b.(*types.Named)
		if !ok || a.Obj().Name() != b.Obj().Name() || pkgPath(a.Obj()) != pkgPath(b.Obj()) {
			return false
		}
		return sameList(a.TypeArgs(), b.TypeArgs())
	case *types.Basic:
		b, ok := b.(*types.Basic)
		return ok && a.Kind() == b.Kind()
	case *types.Pointer:
		b, ok := b.(*types.Pointer)
		return ok && same(a.Elem(), b.Elem())
	case *types.Slice:
		b, ok := b.(*types.Slice)
		return ok && same(a.Elem(), b.Elem())
	case *types.Array:
		b, ok := b.(*types.Array)
		return ok && a.Len() == b.Len() && same(a.Elem(), b.Elem())
	case *types.Map:
		b, ok := b.(*types.Map)
		return ok && same(a.Key(), b.Key()) && same(a.Elem(), b.Elem())
	case *types.Chan:
		b, ok := b.(*types.Chan)
		return ok && a.Dir() == b.Dir() && same(a.Elem(), b.Elem())
	case *types.Signature:
		b, ok := b.(*types.Signature)
		return ok && a.Variadic() == b.Variadic() && a.TypeParams().Len() == b.TypeParams().Len() &&
			sameTuple(a.Params(), b.Params()) && sameTuple(a.Results(), b.Results())
	case *types.Struct:
		b, ok := b.(*types.Struct)
		if !ok || a.NumFields() != b.NumFields() {
			return false
		}
		for i := range a.NumFields() {
			fa, fb := a.Field(i), b.Field(i)
			if fa.Name() != fb.Name() || fa.Embedded() != fb.Embedded() || a.Tag(i) != b.Tag(i) || !same(fa.Type(), fb.Type()) {
				return false
			}
		}
		return true
	case *types.Interface:
		b, ok := b.(*types.Interface)
		if !ok || a.NumMethods() != b.NumMethods() || a.IsComparable() != b.IsComparable() {
			return false
		}
		am, bm := sortedMethods(a), sortedMethods(b)
		for i := range am {
			if am[i].Name() != bm[i].Name() || !same(am[i].Type(), bm[i].Type()) {
				return false
			}
		}
		return true
	case *types.TypeParam:
		b, ok := b.(*types.TypeParam)
		return ok && a.Index() == b.Index()
	case *types.Tuple:
		b, ok := b.(*types.Tuple)
		return ok && sameTuple(a, b)
	}
	return false
}

func pkgPath(obj types.Object) string {
	if obj.Pkg() == nil {
		return "" // error, comparable
	}
	return obj.Pkg().Path()
}

func sameTuple(a, b *types.Tuple) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !same(a.At(i).Type(), b.At(i).Type()) {
			return false
		}
	}
	return true
}

func sameList(a, b *types.TypeList) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !same(a.At(i), b.At(i)) {
			return false
		}
	}
	return true
}

func sortedMethods(iface *types.Interface) []*types.Func {
	out := make([]*types.Func, iface.NumMethods())
	for i := range out {
		out[i] = iface.Method(i)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}
