package main

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// explainStyles are the text styles of `fclint explain`; all plain when the
// output is not a terminal (or NO_COLOR / --no-color).
type explainStyles struct {
	title, summary, heading, code, wrongBar, rightBar, docs lipgloss.Style
	severity                                                lipgloss.Style
}

func newExplainStyles(color bool, sev rules.Severity) explainStyles {
	r := lipgloss.NewRenderer(io.Discard)
	if color {
		// colorEnabled already decided: no second terminal probe.
		r.SetColorProfile(termenv.ANSI)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	s := r.NewStyle
	return explainStyles{
		title:    s().Bold(true),
		severity: s().Bold(true).Foreground(severityColor[sev.String()]),
		summary:  s().Italic(true),
		heading:  s().Bold(true).Foreground(lipgloss.Color("5")),
		code:     s().Foreground(lipgloss.Color("6")),
		wrongBar: s().Foreground(lipgloss.Color("1")),
		rightBar: s().Foreground(lipgloss.Color("2")),
		docs:     s().Faint(true),
	}
}

// explainText is one rule's documentation for people: the prose sections
// re-wrapped to width, code examples kept as written (and marked with a
// colored bar on a terminal), styled only when color is on.
func explainText(r *rules.Rule, width int, color bool) string {
	if width <= 0 {
		width = report.DefaultWidth
	}
	st := newExplainStyles(color, r.Severity)
	var b strings.Builder
	b.WriteString(st.title.Render(r.ID+" "+r.Name) + " (" + st.severity.Render(r.Severity.String()) + ", " + string(r.Family) + ")\n\n")
	b.WriteString(prose(r.Summary, "  ", width, st.summary))
	section := func(title, body string) {
		if body != "" {
			b.WriteString("\n" + st.heading.Render(title) + "\n" + prose(body, "  ", width, lipgloss.NewStyle()))
		}
	}
	code := func(title, body string, bar lipgloss.Style) {
		if body == "" {
			return
		}
		b.WriteString("\n" + st.heading.Render(title) + "\n")
		marker := "    "
		if color {
			marker = "  " + bar.Render("│") + " "
		}
		for _, l := range strings.Split(body, "\n") {
			b.WriteString(strings.TrimRight(marker+st.code.Render(l), " ") + "\n")
		}
	}
	section("What it checks", r.Details)
	section("Why it matters", r.Why)
	section("Fix", r.Fix)
	code("Wrong", r.Wrong, st.wrongBar)
	code("Right", r.Right, st.rightBar)
	b.WriteString("\n" + st.docs.Render("Docs: "+r.URL()) + "\n")
	return b.String()
}

// prose re-wraps hard-wrapped catalog text to width, paragraph by paragraph.
func prose(text, indent string, width int, style lipgloss.Style) string {
	var b strings.Builder
	for i, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, l := range report.Wrap(para, width-len(indent)) {
			b.WriteString(indent + style.Render(l) + "\n")
		}
	}
	return b.String()
}
