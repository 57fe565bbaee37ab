package rules

import (
	"fmt"
	"strings"
)

// Text is the rule's full plain-text documentation, as `fclint explain` prints it.
func (r *Rule) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s, %s)\n\n", r.ID, r.Name, r.Severity, r.Family)
	b.WriteString(indent(r.Summary, "  ") + "\n")
	section := func(title, body, prefix string) {
		if body == "" {
			return
		}
		fmt.Fprintf(&b, "\n%s\n%s\n", title, indent(body, prefix))
	}
	section("What it checks", r.Details, "  ")
	section("Why it matters", r.Why, "  ")
	section("Fix", r.Fix, "  ")
	section("Wrong", r.Wrong, "    ")
	section("Right", r.Right, "    ")
	fmt.Fprintf(&b, "\nDocs: %s\n", r.URL())
	return b.String()
}

// Markdown is the rule's section of docs/rules.md; its heading's anchor is r.Anchor().
func (r *Rule) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s %s\n\n", r.ID, r.Name)
	fmt.Fprintf(&b, "Severity: **%s** · family: %s\n\n", r.Severity, r.Family)
	fmt.Fprintf(&b, "%s.\n\n", mdProse(capitalize(r.Summary)))
	fmt.Fprintf(&b, "**What it checks.** %s\n\n", mdProse(r.Details))
	fmt.Fprintf(&b, "**Why it matters.** %s\n\n", mdProse(r.Why))
	fmt.Fprintf(&b, "**Fix:** %s\n\n", mdProse(r.Fix))
	fmt.Fprintf(&b, "Wrong:\n\n```%s\n%s\n```\n\n", r.Lang, r.Wrong)
	fmt.Fprintf(&b, "Right:\n\n```%s\n%s\n```\n", r.Lang, r.Right)
	return b.String()
}

// DocsMarkdown is the whole of docs/rules.md.
func DocsMarkdown() string {
	var b strings.Builder
	b.WriteString(`# fclint rules

<!-- Generated from rules/catalog.go by "go test ./rules -update". Do not edit. -->

Every fclint finding names one of these rules by ID and name. IDs are stable.
` + "`fclint explain ID`" + ` prints the same text in a terminal, and
` + "`fclint rules`" + ` lists the catalog.

A finding can be suppressed on its line with ` + "`//fclint:ignore ID reason`" + `
(the reason is required; see [FC001](#` + MustGet("FC001").Anchor() + `)), or for
a whole file with ` + "`//fclint:file-ignore ID reason`" + `.

| Rule | Severity | Family | What it finds |
|---|---|---|---|
`)
	for _, r := range All() {
		fmt.Fprintf(&b, "| [%s %s](#%s) | %s | %s | %s |\n", r.ID, r.Name, r.Anchor(), r.Severity, r.Family, mdCell(r.Summary))
	}
	for _, r := range All() {
		b.WriteString("\n" + r.Markdown())
	}
	return b.String()
}

// TableMarkdown is the README's rule table, between <!-- rules:begin --> and <!-- rules:end -->.
func TableMarkdown() string {
	var b strings.Builder
	b.WriteString("| ID | name | severity | what |\n|---|---|---|---|\n")
	for _, r := range All() {
		fmt.Fprintf(&b, "| [%s](%s) | %s | %s | %s |\n", r.ID, r.URL(), r.Name, r.Severity, mdCell(r.Summary))
	}
	return b.String()
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// mdEscaper keeps catalog prose literal in Markdown: "<lang>" would vanish as
// an HTML tag, a lone "*" could start emphasis.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "`", "\\`")

// mdProse turns a hard-wrapped catalog text into one Markdown paragraph.
func mdProse(s string) string {
	return mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

// mdCell is mdProse for a table cell, where "|" ends the cell.
func mdCell(s string) string {
	return strings.ReplaceAll(mdProse(s), "|", `\|`)
}
