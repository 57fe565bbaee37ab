package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/fclint/fclint/rules"
)

// tabWidth is how far a tab advances in the printed source line; tabs are
// expanded in the line and in the caret line alike so the caret lines up.
const tabWidth = 4

// textPrinter writes findings for people in three layers: a short headline
// (location, severity, rule, what is wrong), the source line with a caret, and
// indented why: and help: notes wrapped to the width; a blank line between
// findings, then a one-line summary.
//
//	cmd/api/main.go:12:2: error FC101 loopback-listen: server listens on 127.0.0.1:9000, a loopback address
//	  12 |     log.Fatal(http.ListenAndServe("127.0.0.1:9000", nil))
//	     |                                   ^
//	   why: FC sends requests to 0.0.0.0:9000, so they never arrive
//	        (FunctionNotStarted … connection refused)
//	  help: listen on all interfaces: ":" + port, with port from
//	        FC_CUSTOM_LISTEN_PORT
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
	for _, group := range groupByFile(findings) {
		for _, f := range group {
			p.printFinding(bw, f)
			bw.WriteString("\n")
		}
	}
	bw.WriteString(p.styles.render(p.styles.rule, summaryLine(findings)) + "\n")
	return bw.Flush()
}

// noteIndent is where the text of why: and help: lines starts, so that their
// wrapped continuation lines line up under it.
const noteIndent = "        "

func (p *textPrinter) printFinding(w *bufio.Writer, f Finding) {
	st := p.styles
	headline, why, tail := SplitMessage(f.Message)
	sev := st.render(st.severity[f.Severity], f.Severity.String())
	pos, rule := sanitize(position(f)), f.Rule+" "+f.Name
	lead := utf8.RuneCountInString(pos) + len(": ") + len(f.Severity.String()) + len(" ") + len(rule) + len(": ")
	first, more := p.headlineLines(lead, sanitize(headline))
	fmt.Fprintf(w, "%s: %s %s: %s\n", pos, sev, st.render(st.rule, rule), first)
	for _, l := range more {
		fmt.Fprintf(w, "%s%s\n", noteIndent, l)
	}
	if src, ok := p.source.line(f); ok {
		gutter := strconv.Itoa(f.Line)
		window := maxShownWidth
		if p.opts.Width > 0 {
			// On a terminal the line fits its width (gutter, bar and the
			// two ellipses included), so it never wraps under the caret.
			window = min(window, max(p.opts.Width-len(gutter)-len("   | ")-2, minShownWidth))
		}
		shown, caretAt, caretLen := snippet(src, f, window)
		bar := st.render(st.at, "|")
		fmt.Fprintf(w, "  %s %s %s\n", st.render(st.at, gutter), bar, strings.TrimRight(shown, " "))
		if caretLen > 0 {
			fmt.Fprintf(w, "  %s %s %s%s\n", strings.Repeat(" ", len(gutter)), bar,
				strings.Repeat(" ", caretAt), st.render(st.severity[f.Severity], strings.Repeat("^", caretLen)))
		}
	}
	p.printNote(w, "   why: ", why)
	if tail != "" {
		// A probe finding's output tail: the function's own lines, kept as they are.
		for _, l := range strings.Split(tail, "\n") {
			fmt.Fprintf(w, "%s%s\n", noteIndent, st.render(st.help, sanitize(strings.TrimSpace(strings.TrimSuffix(l, "\r")))))
		}
	}
	p.printNote(w, "  help: ", f.Fix)
}

// headlineLines fits a headline after a lead of the given width. On a
// terminal (Width set) a headline that would run past the edge breaks at
// spaces, its further lines indented like the notes, so that the terminal
// never cuts a word; piped output keeps it on one line, for grep.
func (p *textPrinter) headlineLines(lead int, headline string) (first string, more []string) {
	width := p.opts.Width
	if width <= 0 || lead+utf8.RuneCountInString(headline) <= width {
		return headline, nil
	}
	words := strings.Fields(headline)
	n := lead
	i := 0
	for ; i < len(words); i++ {
		wn := utf8.RuneCountInString(words[i])
		if i > 0 {
			wn++
		}
		if n+wn > width {
			break
		}
		n += wn
	}
	return strings.Join(words[:i], " "), Wrap(strings.Join(words[i:], " "), width-len(noteIndent))
}

// printNote prints a labelled, indented note wrapped to the width, dimmed on a terminal.
func (p *textPrinter) printNote(w *bufio.Writer, label, text string) {
	width := p.opts.Width
	if width <= 0 {
		width = DefaultWidth
	}
	for i, l := range Wrap(sanitize(text), width-len(noteIndent)) {
		prefix := noteIndent
		if i == 0 {
			prefix = label
		}
		fmt.Fprintf(w, "%s\n", p.styles.render(p.styles.help, prefix+l))
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

// maxShownWidth bounds the printed source line; longer lines (minified code,
// generated data) are cut to a window around the caret. On a terminal the
// window is its width, but never under minShownWidth.
const (
	maxShownWidth = 160
	minShownWidth = 20
)

// snippet is the source line as printed (tabs expanded, control characters
// neutralized, long lines windowed) and where the caret goes in it: its
// offset and length in columns; caretLen is 0 when the finding has no column.
func snippet(src string, f Finding, window int) (shown string, caretAt, caretLen int) {
	line := []rune(sanitize(expandTabs(src)))
	if f.Column > 0 {
		caretAt = displayWidth(clampPrefix(src, f.Column-1))
		caretLen = 1
		if f.EndLine == f.Line && f.EndColumn > f.Column {
			caretLen = max(displayWidth(clampPrefix(src, f.EndColumn-1))-caretAt, 1)
		}
	}
	if len(line) <= window {
		return string(line), caretAt, caretLen
	}
	start := max(min(caretAt-window/2, len(line)-window), 0)
	end := start + window
	shown = string(line[start:end])
	caretAt -= start
	if start > 0 {
		shown = "…" + shown
		caretAt++
	}
	if end < len(line) {
		shown += "…"
	}
	if caretLen > 0 {
		caretAt = min(max(caretAt, 0), len([]rune(shown)))
		caretLen = max(min(caretLen, len([]rune(shown))-caretAt), 1)
	}
	return shown, caretAt, caretLen
}

// sanitize replaces control characters, so that text from a package under
// inspection cannot send escape sequences to the terminal.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\t' && unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
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
