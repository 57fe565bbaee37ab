// Package script reads the start of a shell script (a bootstrap) and the
// startup command line: the shebang, CRLF line endings, and the commands it
// runs, split into words. The package checks use it for bad scripts (FC204),
// files a script names (FC207) and the address a server binds (FC302).
// Only the head of a script is read (HeadSize); lines beyond it are not seen.
package script

import (
	"bytes"
	"regexp"
	"strings"
)

// HeadSize is how much of a script fclint reads: bootstraps are short, and
// the line that starts the server comes first.
const HeadSize = 64 << 10

// Line is one line of a script.
type Line struct {
	N    int    // 1-based
	Text string // without the line ending
}

// Script is a parsed script head.
type Script struct {
	HasShebang bool
	// Interpreter is the shebang's program as written ("/bin/bash",
	// "/usr/bin/env"); Args its arguments ("python3" for env).
	Interpreter string
	Args        []string
	// CRLF is true when a line ends in \r\n; CRLFLine is the first such line.
	CRLF     bool
	CRLFLine int
	// Binary is true when the head holds NUL bytes: not a script at all.
	Binary bool
	// BOM is true when the head starts with a UTF-8 byte-order mark (Windows
	// editors): the kernel then sees no #!. Lines and the shebang are parsed
	// without it.
	BOM   bool
	Lines []Line
}

// Program is the program the shebang starts: the interpreter, or for
// "#!/usr/bin/env [-S] prog" the program env looks up on PATH.
func (s *Script) Program() (name string, viaPath bool) {
	if s.Interpreter == "" {
		return "", false
	}
	if baseName(s.Interpreter) == "env" {
		for _, a := range s.Args {
			if strings.HasPrefix(a, "-") || strings.Contains(a, "=") {
				continue
			}
			return a, !strings.Contains(a, "/")
		}
		return "", false
	}
	return s.Interpreter, false
}

// Parse reads a script head.
func Parse(head []byte) *Script {
	s := &Script{Binary: bytes.IndexByte(head, 0) >= 0}
	text := string(head)
	if rest, ok := strings.CutPrefix(text, "\xEF\xBB\xBF"); ok {
		s.BOM, text = true, rest
	}
	n := 0
	for len(text) > 0 {
		n++
		line, rest, found := strings.Cut(text, "\n")
		text = rest
		if strings.HasSuffix(line, "\r") {
			if found && !s.CRLF {
				s.CRLF, s.CRLFLine = true, n
			}
			line = strings.TrimSuffix(line, "\r")
		}
		s.Lines = append(s.Lines, Line{N: n, Text: line})
	}
	if len(s.Lines) > 0 && strings.HasPrefix(s.Lines[0].Text, "#!") {
		s.HasShebang = true
		f := strings.Fields(s.Lines[0].Text[2:])
		if len(f) > 0 {
			s.Interpreter = f[0]
			s.Args = f[1:]
			if len(s.Args) > 0 && s.Args[0] == "-S" { // env -S "prog args"
				s.Args = s.Args[1:]
			}
		}
	}
	return s
}

func baseName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Command is one simple command: words after quote removal, with leading
// VAR=value assignments and wrappers (exec, nohup, env) taken off.
type Command struct {
	Line  int    // the script line it starts on (0 for a config command line)
	Text  string // that line, as written
	Words []string
	// Assign holds the VAR=value prefixes and `export VAR=value` words.
	Assign map[string]string
}

// Name is the command's program name without its folder ("gunicorn" for
// "/usr/local/bin/gunicorn").
func (c *Command) Name() string {
	if len(c.Words) == 0 {
		return ""
	}
	return baseName(c.Words[0])
}

// Commands splits the script into simple commands, joining continued lines.
func (s *Script) Commands() []Command {
	var out []Command
	for i := 0; i < len(s.Lines); i++ {
		start := s.Lines[i]
		if start.N == 1 && s.HasShebang {
			continue
		}
		text := start.Text
		if strings.HasSuffix(text, `\`) && i+1 < len(s.Lines) {
			var b strings.Builder
			for strings.HasSuffix(text, `\`) && i+1 < len(s.Lines) {
				b.WriteString(text[:len(text)-1])
				b.WriteByte(' ')
				i++
				text = s.Lines[i].Text
			}
			b.WriteString(text)
			text = b.String()
		}
		for _, words := range Split(text) {
			c := normalize(words)
			c.Line, c.Text = start.N, start.Text
			out = append(out, c)
		}
		// A here-document's body is data (a config file, another script
		// written to /tmp), not commands of this script.
		for _, delim := range heredocs(text) {
			for i+1 < len(s.Lines) {
				i++
				if strings.TrimSpace(s.Lines[i].Text) == delim {
					break
				}
			}
		}
	}
	return out
}

var heredocRE = regexp.MustCompile(`<<-?[ \t]*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][A-Za-z0-9_]*))`)

// heredocs returns the delimiters of the here-documents a line opens, in
// order (<<EOF, <<-'EOF', <<"END"; not the <<< here-string).
func heredocs(line string) []string {
	var out []string
	for _, m := range heredocRE.FindAllStringSubmatchIndex(line, -1) {
		if m[1] <= len(line) && m[0] > 0 && line[m[0]-1] == '<' {
			continue
		}
		if m[0]+2 < len(line) && line[m[0]+2] == '<' {
			continue // <<<
		}
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				out = append(out, line[m[2*g]:m[2*g+1]])
				break
			}
		}
	}
	return out
}

// CommandLine turns a configured command + args into one Command (no shell:
// FC execs the words as they are).
func CommandLine(words []string) Command {
	c := normalize(append([]string(nil), words...))
	c.Text = strings.Join(words, " ")
	return c
}

// wrappers run the rest of their words as the command.
var wrappers = map[string]bool{"exec": true, "nohup": true, "time": true, "command": true, "setsid": true, "dumb-init": true, "tini": true}

func normalize(words []string) Command {
	c := Command{Assign: map[string]string{}}
	for len(words) > 0 {
		w := words[0]
		if name, val, ok := assignment(w); ok {
			c.Assign[name] = val
			words = words[1:]
			continue
		}
		if wrappers[baseName(w)] || (baseName(w) == "env" && len(words) > 1) {
			words = words[1:]
			for len(words) > 0 && strings.HasPrefix(words[0], "-") && baseName(w) != "exec" {
				words = words[1:] // env -i, nohup --, time -p
			}
			continue
		}
		if w == "export" || w == "declare" || w == "readonly" || w == "local" {
			for _, a := range words[1:] {
				if name, val, ok := assignment(a); ok {
					c.Assign[name] = val
				}
			}
			words = nil
			break
		}
		break
	}
	c.Words = words
	return c
}

// assignment recognizes NAME=value.
func assignment(w string) (name, val string, ok bool) {
	name, val, ok = strings.Cut(w, "=")
	if !ok || name == "" {
		return "", "", false
	}
	for i, r := range name {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return "", "", false
		}
	}
	return name, val, true
}

// Split splits one shell line into simple commands (at ; && || | &) and words,
// removing quotes. Variables ($X, ${X:-d}) are kept as written for Expand.
// Redirections and their targets are dropped. It is not a shell: it covers
// what startup scripts do, and gives up quietly on the rest.
func Split(line string) [][]string {
	var cmds [][]string
	var words []string
	var w strings.Builder
	inWord := false
	flushWord := func() {
		if inWord {
			words = append(words, w.String())
			w.Reset()
			inWord = false
		}
	}
	flushCmd := func() {
		flushWord()
		if len(words) > 0 {
			cmds = append(cmds, dropRedirects(words))
		}
		words = nil
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				j = len(line) - i - 1
			}
			w.WriteString(line[i+1 : i+1+j])
			inWord = true
			i += j + 1
		case c == '"':
			inWord = true
			for i++; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) && strings.IndexByte(`"\$`+"`", line[i+1]) >= 0 {
					i++
				}
				w.WriteByte(line[i])
			}
		case c == '\\' && i+1 < len(line):
			i++
			w.WriteByte(line[i])
			inWord = true
		case c == '#' && !inWord:
			flushCmd()
			return cmds
		case c == ' ' || c == '\t':
			flushWord()
		case c == ';' || c == '|' || c == '&':
			if c == '&' && i > 0 && (line[i-1] == '>' || line[i-1] == '<') { // 2>&1
				w.WriteByte(c)
				continue
			}
			if c == '&' && i+1 < len(line) && line[i+1] == '>' { // &> file
				flushWord()
				words = append(words, ">")
				i++
				continue
			}
			flushCmd()
			if i+1 < len(line) && (line[i+1] == c) {
				i++
			}
		case c == '$' && i+1 < len(line) && line[i+1] == '{':
			j := strings.IndexByte(line[i:], '}')
			if j < 0 {
				j = len(line) - i - 1
			}
			w.WriteString(line[i : i+j+1])
			inWord = true
			i += j
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	flushCmd()
	return cmds
}

// dropRedirects removes "> file", "2>&1", "<in" and the like.
func dropRedirects(words []string) []string {
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := strings.TrimLeft(words[i], "0123456789")
		if strings.HasPrefix(w, ">") || strings.HasPrefix(w, "<") {
			if w == ">" || w == ">>" || w == "<" || w == "<<" {
				i++ // the target is the next word
			}
			continue
		}
		out = append(out, words[i])
	}
	return out
}
