// Package fcignore reads .fcignore files: the list of paths Serverless Devs
// leaves out when it zips a function's code folder. The syntax is gitignore's
// (Serverless Devs walks the folder with an ignore-walk that reads .fcignore in
// every directory): # comments, ! negation, a trailing / for directories only,
// a leading or inner / anchors the pattern to the file's folder, * ? [..] and **.
package fcignore

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
)

// FileName is the ignore file Serverless Devs reads in each directory.
const FileName = ".fcignore"

// Limits on hostile input: longer lines and files are cut off.
const (
	MaxFileSize = 1 << 20
	maxLineLen  = 4096
	// MaxPatterns bounds the work per path (every pattern is tried); real
	// files have a few dozen lines, and later lines beyond this are dropped.
	MaxPatterns = 1000
)

// Pattern is one parsed line.
type Pattern struct {
	Line    int    // 1-based line in the file
	Text    string // the line as written, trimmed
	Negate  bool   // ! re-includes
	DirOnly bool   // trailing /: matches directories only
	re      *regexp.Regexp
}

// Matcher holds one .fcignore file's patterns, relative to its folder.
type Matcher struct {
	Patterns []Pattern
}

// Parse reads a .fcignore file's content. It never fails: lines that are not
// patterns are skipped, as git does.
func Parse(data []byte) *Matcher {
	if len(data) > MaxFileSize {
		data = data[:MaxFileSize]
	}
	m := &Matcher{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), MaxFileSize+1)
	n := 0
	for sc.Scan() && len(m.Patterns) < MaxPatterns {
		n++
		if p, ok := parseLine(sc.Text()); ok {
			p.Line = n
			m.Patterns = append(m.Patterns, p)
		}
	}
	return m
}

func parseLine(line string) (Pattern, bool) {
	line = strings.TrimSuffix(line, "\r")
	if len(line) > maxLineLen || line == "" || line[0] == '#' {
		return Pattern{}, false
	}
	line = trimTrailingSpaces(line)
	p := Pattern{Text: line}
	if strings.HasPrefix(line, "!") {
		p.Negate = true
		line = line[1:]
	} else if strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`) {
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.DirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return Pattern{}, false
	}
	// A slash before the end anchors the pattern to the .fcignore's folder.
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	expr := globToRegexp(line)
	if !anchored {
		expr = "(?:.*/)?" + expr
	}
	// (?s): a name may contain a newline, and ** and folder prefixes span it too.
	re, err := regexp.Compile("(?s)^" + expr + "$")
	if err != nil {
		return Pattern{}, false
	}
	p.re = re
	return p, true
}

// trimTrailingSpaces drops unescaped trailing spaces, as git does.
func trimTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	return s
}

// globToRegexp translates one gitignore glob (without its leading /).
func globToRegexp(g string) string {
	var b strings.Builder
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case strings.HasPrefix(g[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case g[i:] == "**":
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(g[i+1:], ']')
			if j < 0 {
				b.WriteString(`\[`)
				continue
			}
			class := g[i+1 : i+1+j]
			if j == 0 { // "[]...]": a literal ] first
				k := strings.IndexByte(g[i+2:], ']')
				if k < 0 {
					b.WriteString(`\[`)
					continue
				}
				class = g[i+1 : i+2+k]
				j = k + 1
			}
			b.WriteString(classToRegexp(class))
			i += j + 1
		case c == '\\' && i+1 < len(g):
			i++
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		default:
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		}
	}
	return b.String()
}

func classToRegexp(class string) string {
	var b strings.Builder
	b.WriteByte('[')
	if strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^") {
		b.WriteByte('^')
		class = class[1:]
	}
	for _, r := range class {
		switch r {
		case '\\', '[', ']', '^':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte(']')
	return b.String()
}

// Match reports whether a pattern matches rel (slash-separated, relative to the
// .fcignore's folder) and, if so, whether the last matching pattern ignores it.
func (m *Matcher) Match(rel string, isDir bool) (matched, ignored bool) {
	if m == nil {
		return false, false
	}
	for i := len(m.Patterns) - 1; i >= 0; i-- {
		p := &m.Patterns[i]
		if p.DirOnly && !isDir {
			continue
		}
		if p.re.MatchString(rel) {
			return true, !p.Negate
		}
	}
	return false, false
}
