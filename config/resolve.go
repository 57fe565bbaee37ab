package config

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Resolve finds the configuration (or opens opts.ConfigPath), loads it,
// selects the function and applies the --port/--runtime overrides. It
// returns an error only when a file given with --config cannot be read or
// parsed, or a discovered file cannot be parsed. Result.Function is never
// nil: with no file, it is a FormatFlags function holding only the overrides.
//
// A file that declares several functions is narrowed down with opts.Dir (the
// checked folder, or a ZIP file):
//  1. the functions whose code is Dir or contains it (for a ZIP: whose code
//     names it), the deepest code folder first;
//  2. else those whose actions (a pre-deploy build, say) run in Dir or above
//     it, with an explicit path;
//  3. else those whose code lies inside Dir;
//  4. else all of them.
//
// One function left, or several that agree on CAPort, runtime, command and
// args: the first is used without a word. Otherwise the first is used and
// Result.Note says so, naming the candidates.
func Resolve(opts Options) (*Result, error) {
	res := &Result{}
	path := opts.ConfigPath
	var skipped []string
	if path == "" {
		disc := opts.Discoverer
		if disc == nil {
			disc = &Discoverer{}
		}
		found, err := disc.Discover(opts.Dir)
		if err != nil {
			return nil, err
		}
		path, skipped = found.Path, found.Skipped
	}
	var fn *Function
	if path != "" {
		file, err := Load(path)
		if err != nil {
			return nil, err
		}
		res.File = file
		fn, res.Note = selectFunction(file, opts.Dir)
		if named := functionNamed(file, opts.Function); named != nil {
			fn, res.Note = named, ""
		}
	}
	if len(skipped) > 0 {
		res.Note = strings.Join(append(skipped, res.Note), "; ")
		res.Note = strings.TrimSuffix(res.Note, "; ")
	}
	if fn == nil {
		fn = newFunction(FormatFlags, "", Pos{})
	} else {
		copied := *fn // overrides must not change the File's record
		fn = &copied
	}
	if opts.Port != 0 {
		fn.Port = Field[int]{Value: opts.Port, Set: true} // Pos{}: from --port
	}
	if opts.Runtime != "" {
		fn.Runtime = Field[string]{Value: opts.Runtime, Set: true}
	}
	res.Function = fn
	return res, nil
}

// selectFunction picks the function for dir (see Resolve); nil when the file
// declares none.
func selectFunction(file *File, dir string) (*Function, string) {
	fns := file.Functions
	switch len(fns) {
	case 0:
		return nil, fmt.Sprintf("%s declares no %s; using defaults", displayPath(file.Path), functionKind(file.Format))
	case 1:
		return fns[0], ""
	}
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	matched := closest(fns, abs)
	if len(matched) == 1 {
		return matched[0], ""
	}
	candidates := matched
	if len(candidates) == 0 {
		candidates = fns
	}
	if agree(candidates) {
		return candidates[0], ""
	}
	first := candidates[0]
	if len(matched) == 0 {
		return first, fmt.Sprintf("%s declares %d functions (%s) and none has its code in %s; using %s (pass --config or check from the function's code folder)",
			displayPath(file.Path), len(fns), names(fns), displayPath(abs), first.Name)
	}
	return first, fmt.Sprintf("%s declares %d functions with code in %s (%s) that differ in port, runtime or command; using %s",
		displayPath(file.Path), len(matched), displayPath(abs), names(matched), first.Name)
}

// closest returns the functions that match dir best (Resolve's steps 1-3),
// or none.
func closest(fns []*Function, dir string) []*Function {
	type rank struct{ level, depth int }
	var best rank
	var out []*Function
	for _, fn := range fns {
		var r rank
		if fn.CodeDir != "" && (fn.CodeDir == dir || inside(dir, fn.CodeDir)) {
			r = rank{3, len(fn.CodeDir)}
		}
		for _, a := range fn.Actions {
			if r.level < 3 && a.Path != "" && a.Dir != "" && a.Dir != filepath.Dir(fn.File) && (a.Dir == dir || inside(dir, a.Dir)) {
				if r.level < 2 || len(a.Dir) > r.depth {
					r = rank{2, len(a.Dir)}
				}
			}
		}
		if r.level == 0 && fn.CodeDir != "" && inside(fn.CodeDir, dir) {
			r = rank{1, 0}
		}
		switch {
		case r.level == 0:
		case r.level > best.level || (r.level == best.level && r.depth > best.depth):
			best, out = r, []*Function{fn}
		case r == best:
			out = append(out, fn)
		}
	}
	return out
}

// inside reports whether path lies strictly inside dir.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// agree reports whether the functions would be checked the same way.
func agree(fns []*Function) bool {
	a := fns[0]
	for _, b := range fns[1:] {
		if a.CAPort() != b.CAPort() || a.Runtime.Known() != b.Runtime.Known() || a.Runtime.Value != b.Runtime.Value ||
			!sameList(a.Command, b.Command) || !sameList(a.Args, b.Args) {
			return false
		}
	}
	return true
}

func sameList(a, b Field[[]string]) bool {
	return a.Set == b.Set && a.Unknown == b.Unknown && slices.Equal(a.Value, b.Value)
}

func names(fns []*Function) string {
	const shown = 5
	var b strings.Builder
	for i, fn := range fns {
		if i == shown {
			fmt.Fprintf(&b, ", and %d more", len(fns)-shown)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(fn.Name)
	}
	return b.String()
}

func functionKind(f Format) string {
	switch f {
	case FormatFC3:
		return "fc3 function"
	case FormatFC2:
		return "fc or devsapp/fc function"
	case FormatFuncraft:
		return "Aliyun::Serverless::Function"
	}
	return "function"
}

// functionNamed is the file's function called name, or nil.
func functionNamed(file *File, name string) *Function {
	if name == "" {
		return nil
	}
	for _, fn := range file.Functions {
		if fn.Name == name {
			return fn
		}
	}
	return nil
}
