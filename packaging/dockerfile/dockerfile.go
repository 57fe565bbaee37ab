// Package dockerfile reads a Dockerfile with BuildKit's own parser
// (github.com/moby/buildkit/frontend/dockerfile/parser) into what the
// container checks need: the build stages, and for each its base image and
// platform, environment, exposed ports, working folder and start command.
// Stages built FROM an earlier stage inherit what that stage set, as
// Docker's image config does.
package dockerfile

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// MaxSize bounds the Dockerfile read; real ones are a few KiB.
const MaxSize = 1 << 20

// File is a parsed Dockerfile.
type File struct {
	Stages []*Stage
	// Args are the ARG defaults declared before the first FROM.
	Args map[string]string
}

// Final is the last stage: the image that is built.
func (f *File) Final() *Stage {
	if len(f.Stages) == 0 {
		return nil
	}
	return f.Stages[len(f.Stages)-1]
}

// Stage is one FROM and what follows it.
type Stage struct {
	Name string // AS name, lower-case
	// Base is the FROM image as written, and Parent the earlier stage it
	// names (nil for an image).
	Base     string
	Parent   *Stage
	Platform string // --platform as written, "" when not given
	FromLine int
	// Env is the stage's environment (inherited from Parent), EnvLine where
	// each variable was set.
	Env     map[string]string
	EnvLine map[string]int
	// Args are the stage's ARG defaults: they expand in later instructions
	// but are not in the image's environment.
	Args    map[string]string
	Expose  []Port
	Workdir string // "" is /
	// Entrypoint and Cmd are the last of each; nil when unset (or reset
	// by a FROM of an image).
	Entrypoint, Cmd *Command
	Instructions    []Instruction
}

// Instruction is one line (or continued lines) of the stage.
type Instruction struct {
	Name     string // lower-case: "run", "copy", ...
	Args     []string
	Flags    []string
	JSON     bool
	Line     int
	Original string
}

// Command is an ENTRYPOINT or CMD.
type Command struct {
	// Argv is the exec form's array, or for the shell form
	// ["/bin/sh", "-c", STRING] as Docker stores it.
	Argv     []string
	Shell    bool // written in shell form
	Line     int
	Original string
}

// Port is one EXPOSE item: "8080", "8080/tcp", "8000-8010/udp", "$PORT".
type Port struct {
	Raw      string
	Number   string // the port or range, variables expanded when known
	Proto    string // "tcp" unless given
	Known    bool   // no unknown variable in it
	Line     int
	Original string
}

// Parse reads a Dockerfile. Errors are one line: "line N: ...".
func Parse(r io.Reader) (f *File, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("the Dockerfile is over %d bytes", MaxSize)
	}
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("the Dockerfile cannot be parsed: %v", p)
		}
	}()
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the Dockerfile cannot be parsed: %v", oneLine(err.Error()))
	}
	f = &File{Args: map[string]string{}}
	var cur *Stage
	for _, n := range res.AST.Children {
		in := Instruction{Name: strings.ToLower(n.Value), Flags: n.Flags, JSON: n.Attributes["json"], Line: n.StartLine, Original: n.Original}
		for a := n.Next; a != nil; a = a.Next {
			in.Args = append(in.Args, a.Value)
		}
		if in.Name == "from" {
			cur = f.from(in)
			continue
		}
		if cur == nil {
			if in.Name == "arg" {
				f.globalArgs(in)
			}
			continue
		}
		cur.Instructions = append(cur.Instructions, in)
		cur.apply(in)
	}
	return f, nil
}

func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func (f *File) globalArgs(in Instruction) {
	for _, a := range in.Args {
		k, v, _ := strings.Cut(a, "=")
		f.Args[k] = unquote(v)
	}
}

func (f *File) from(in Instruction) *Stage {
	s := &Stage{FromLine: in.Line, Env: map[string]string{}, EnvLine: map[string]int{}, Args: map[string]string{}}
	if len(in.Args) > 0 {
		s.Base = in.Args[0]
	}
	if len(in.Args) >= 3 && strings.EqualFold(in.Args[1], "as") {
		s.Name = strings.ToLower(in.Args[2])
	}
	for _, fl := range in.Flags {
		if v, ok := strings.CutPrefix(fl, "--platform="); ok {
			s.Platform = v
		}
	}
	for _, p := range f.Stages {
		if p.Name != "" && p.Name == strings.ToLower(s.Base) {
			s.Parent = p
			for k, v := range p.Env {
				s.Env[k] = v
				s.EnvLine[k] = p.EnvLine[k]
			}
			s.Expose = append(s.Expose, p.Expose...)
			s.Workdir, s.Entrypoint, s.Cmd = p.Workdir, p.Entrypoint, p.Cmd
		}
	}
	f.Stages = append(f.Stages, s)
	return s
}

func (s *Stage) apply(in Instruction) {
	switch in.Name {
	case "arg":
		for _, a := range in.Args {
			if k, v, ok := strings.Cut(a, "="); ok {
				s.Args[k] = unquote(v)
			}
		}
	case "env":
		for i := 0; i+1 < len(in.Args); i += 3 {
			k := in.Args[i]
			s.Env[k] = s.Expand(unquote(in.Args[i+1]))
			s.EnvLine[k] = in.Line
		}
	case "expose":
		for _, a := range in.Args {
			p := Port{Raw: a, Line: in.Line, Original: in.Original, Proto: "tcp"}
			num, proto, ok := strings.Cut(a, "/")
			if ok {
				p.Proto = strings.ToLower(proto)
			}
			p.Number, p.Known = s.expandKnown(num)
			s.Expose = append(s.Expose, p)
		}
	case "workdir":
		if len(in.Args) > 0 {
			w := s.Expand(unquote(in.Args[0]))
			if !strings.HasPrefix(w, "/") {
				w = strings.TrimSuffix(s.Workdir, "/") + "/" + w
			}
			s.Workdir = w
		}
	case "entrypoint", "cmd":
		c := &Command{Line: in.Line, Original: in.Original}
		if in.JSON {
			c.Argv = in.Args
		} else {
			c.Shell = true
			c.Argv = []string{"/bin/sh", "-c", strings.Join(in.Args, " ")}
		}
		if in.Name == "entrypoint" {
			s.Entrypoint = c
			s.Cmd = nil // Docker: ENTRYPOINT resets an inherited CMD
		} else {
			s.Cmd = c
		}
	}
}

// Argv is the command the image starts: ENTRYPOINT then CMD.
func (s *Stage) Argv() []string {
	var out []string
	if s.Entrypoint != nil {
		out = append(out, s.Entrypoint.Argv...)
	}
	if s.Cmd != nil {
		out = append(out, s.Cmd.Argv...)
	}
	return out
}

// Expand substitutes $X and ${X} from the stage's environment; unknown
// variables are left as written.
func (s *Stage) Expand(w string) string {
	v, _ := s.expandKnown(w)
	return v
}

func (s *Stage) expandKnown(w string) (string, bool) {
	if !strings.Contains(w, "$") {
		return w, true
	}
	known := true
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if w[i] != '$' || i+1 == len(w) {
			b.WriteByte(w[i])
			continue
		}
		var name, def string
		hasDef := false
		if w[i+1] == '{' {
			j := strings.IndexByte(w[i:], '}')
			if j < 0 {
				b.WriteString(w[i:])
				return b.String(), false
			}
			inner := w[i+2 : i+j]
			name, def, hasDef = strings.Cut(inner, ":-")
			i += j
		} else {
			j := i + 1
			for j < len(w) && (w[j] == '_' || w[j] >= 'a' && w[j] <= 'z' || w[j] >= 'A' && w[j] <= 'Z' || w[j] >= '0' && w[j] <= '9') {
				j++
			}
			name = w[i+1 : j]
			i = j - 1
		}
		if v, ok := s.Env[name]; ok && v != "" {
			b.WriteString(v)
		} else if v, ok := s.Args[name]; ok && v != "" {
			b.WriteString(v)
		} else if hasDef {
			b.WriteString(def)
		} else {
			known = false
			b.WriteString("${" + name + "}")
		}
	}
	return b.String(), known
}

// unquote strips one pair of matching quotes, as Docker does for ENV values.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
