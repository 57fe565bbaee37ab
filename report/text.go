package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/fclint/fclint/rules"
)

// tabWidth is how far a tab advances in the printed source line; tabs are
// expanded in the line and in the caret line alike so the caret lines up.
const tabWidth = 4

// textPrinter writes findings for people: location, severity, rule and message,
// the source line with a caret, and the fix, then a one-line summary.
//
//	cmd/api/main.go:12:2: error FC101 loopback-listen: server listens on 127.0.0.1:9000
//	   12 |     log.Fatal(http.ListenAndServe("127.0.0.1:9000", nil))
//	      |                                   ^
//	  help: listen on ":" + port, with port from FC_CUSTOM_LISTEN_PORT
type textPrinter struct {
	opts   Options
	styles textStyles
	source *sourceCache
}

type textStyles struct {
	severity       map[rules.Severity]lipgloss.Style
	rule, help, at lipgloss.Style
	enabled        bool
}

func newTextStyles(color bool) textStyles {
	if !color {
		return textStyles{}
	}
	// The caller already decided colors are wanted (TTY, no NO_COLOR): force a
	// plain ANSI profile instead of letting lipgloss probe the terminal again.
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	return textStyles{
		enabled: true,
		severity: map[rules.Severity]lipgloss.Style{
			rules.Error:   r.NewStyle().Bold(true).Foreground(lipgloss.Color("1")),
			rules.Warning: r.NewStyle().Bold(true).Foreground(lipgloss.Color("3")),
			rules.Info:    r.NewStyle().Bold(true).Foreground(lipgloss.Color("4")),
		},
		rule: r.NewStyle().Bold(true),
		help: r.NewStyle().Faint(true),
		at:   r.NewStyle().Foreground(lipgloss.Color("4")),
	}
}

func (s textStyles) render(st lipgloss.Style, text string) string {
	if !s.enabled {
		return text
	}
	return st.Render(text)
}

func (p *textPrinter) Print(w io.Writer, findings []Finding) error {
	p.styles = newTextStyles(p.opts.Color)
	p.source = newSourceCache(p.opts.WorkDir)
	bw := bufio.NewWriter(w)
	for i, group := range groupByFile(findings) {
		if i > 0 {
			bw.WriteString("\n")
		}
		for _, f := range group {
			p.printFinding(bw, f)
		}
	}
	if len(findings) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(p.styles.render(p.styles.rule, summaryLine(findings)) + "\n")
	return bw.Flush()
}

func (p *textPrinter) printFinding(w *bufio.Writer, f Finding) {
	st := p.styles
	sev := st.render(st.severity[f.Severity], f.Severity.String())
	fmt.Fprintf(w, "%s: %s %s: %s\n", position(f), sev, st.render(st.rule, f.Rule+" "+f.Name), f.Message)
	if src, ok := p.source.line(f); ok {
		gutter := strconv.Itoa(f.Line)
		pad := strings.Repeat(" ", len(gutter))
		bar := st.render(st.at, "|")
		fmt.Fprintf(w, "  %s %s %s\n", st.render(st.at, gutter), bar, strings.TrimRight(expandTabs(src), " "))
		if f.Column > 0 {
			fmt.Fprintf(w, "  %s %s %s%s\n", pad, bar, caretIndent(src, f.Column), st.render(st.severity[f.Severity], carets(src, f)))
		}
	}
	if f.Fix != "" {
		fmt.Fprintf(w, "  %s\n", st.render(st.help, "help: "+f.Fix))
	}
}

// position is "file:line:col", "file:line" or "file", as far as known.
func position(f Finding) string {
	switch {
	case f.Line <= 0:
		return f.File
	case f.Column <= 0:
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	return fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)
}

// sourceCache reads the lines findings point at, once per file.
type sourceCache struct {
	workDir string
	files   map[string][]string // nil when unreadable
}

func newSourceCache(workDir string) *sourceCache {
	return &sourceCache{workDir: workDir, files: map[string][]string{}}
}

// line is the finding's line: Finding.Source when set, else read from the
// file (relative to WorkDir).
func (c *sourceCache) line(f Finding) (string, bool) {
	if f.Line <= 0 {
		return "", false
	}
	if f.Source != "" {
		return strings.TrimRight(f.Source, "\r\n"), true
	}
	return c.fileLine(f.File, f.Line)
}

func (c *sourceCache) fileLine(file string, n int) (string, bool) {
	lines, seen := c.files[file]
	if !seen {
		lines = readLines(c.workDir, file)
		c.files[file] = lines
	}
	if n <= 0 || n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

// maxSourceSize bounds what the printer reads to show a line: findings point
// into source files, not into large generated data.
const maxSourceSize = 8 << 20

func readLines(workDir, file string) []string {
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(workDir, file)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxSourceSize {
		return nil
	}
	data, err := io.ReadAll(fh)
	if err != nil || !utf8.Valid(data) {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// expandTabs replaces tabs by spaces up to the next tab stop.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// displayWidth is the width of s once tabs are expanded, counting runes.
func displayWidth(s string) int {
	return utf8.RuneCountInString(expandTabs(s))
}

// caretIndent is the blank space before the caret for a 1-based byte column.
func caretIndent(line string, col int) string {
	return strings.Repeat(" ", displayWidth(clampPrefix(line, col-1)))
}

// carets underlines the finding's span when it ends on the same line, else one character.
func carets(line string, f Finding) string {
	n := 1
	if f.EndLine == f.Line && f.EndColumn > f.Column {
		n = displayWidth(clampPrefix(line, f.EndColumn-1)) - displayWidth(clampPrefix(line, f.Column-1))
	}
	return strings.Repeat("^", max(n, 1))
}

// clampPrefix is line[:n], kept within the line and on a rune boundary.
func clampPrefix(line string, n int) string {
	n = min(max(n, 0), len(line))
	for n > 0 && n < len(line) && !utf8.RuneStart(line[n]) {
		n--
	}
	return line[:n]
}

// groupByFile keeps findings of one file together, files in order of first appearance.
func groupByFile(findings []Finding) [][]Finding {
	index := map[string]int{}
	var groups [][]Finding
	for _, f := range findings {
		i, ok := index[f.File]
		if !ok {
			i = len(groups)
			index[f.File] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], f)
	}
	return groups
}

// summaryLine is "2 errors, 1 warning in 3 files", or "no findings".
func summaryLine(findings []Finding) string {
	if len(findings) == 0 {
		return "no findings"
	}
	c := Count(findings)
	var parts []string
	if c.Error > 0 {
		parts = append(parts, plural(c.Error, "error", "errors"))
	}
	if c.Warning > 0 {
		parts = append(parts, plural(c.Warning, "warning", "warnings"))
	}
	if c.Info > 0 {
		parts = append(parts, plural(c.Info, "info", "info"))
	}
	return strings.Join(parts, ", ") + " in " + plural(len(groupByFile(findings)), "file", "files")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
