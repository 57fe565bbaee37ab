package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/fclint/fclint/rules"
)

// ruleJSON is a rule in `fclint rules --format json` (catalog fields) and
// `fclint explain --format json` (all fields).
type ruleJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Family   string `json:"family"`
	Summary  string `json:"summary"`
	URL      string `json:"url"`
	Details  string `json:"details,omitempty"`
	Why      string `json:"why,omitempty"`
	Fix      string `json:"fix,omitempty"`
	Wrong    string `json:"wrong,omitempty"`
	Right    string `json:"right,omitempty"`
	Lang     string `json:"lang,omitempty"`
}

func catalogEntry(r *rules.Rule) ruleJSON {
	return ruleJSON{ID: r.ID, Name: r.Name, Severity: r.Severity.String(), Family: string(r.Family), Summary: r.Summary, URL: r.URL()}
}

func newRulesCmd(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule: ID, name, severity and what it finds",
		Long: `List every rule: ID, name, severity and what it finds.

--format text (default) prints a table, json a list of
{id, name, severity, family, summary, url}, markdown the README's rule table.
"fclint explain ID" prints one rule's full documentation.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := cmd.OutOrStdout()
			switch g.format {
			case "text":
				if colorEnabled(w, g.noColor) {
					return writeString(w, styledRulesTable(w))
				}
				return writePlainRulesTable(w)
			case "json":
				var list []ruleJSON
				for _, r := range rules.All() {
					list = append(list, catalogEntry(r))
				}
				return writeJSON(w, list)
			case "markdown":
				return writeString(w, rules.TableMarkdown())
			}
			return usageErr("rules: unsupported --format %q (want text, json or markdown)", g.format)
		},
	}
}

func newExplainCmd(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "explain ID|NAME",
		Short: "Print a rule's documentation: what it checks, why FC cares, how to fix it",
		Long: `Print a rule's documentation: what it checks, why Function Compute cares,
how to fix it, and wrong and right examples. The rule is named by ID (FC101)
or name (loopback-listen), in any case. --format markdown prints the rule's
section of docs/rules.md, json the whole catalog record.`,
		Example: "  fclint explain FC101\n  fclint explain server-timeout",
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("explain: want exactly one rule ID or name (e.g. fclint explain FC101); valid: %s", strings.Join(rules.IDs(), ", "))
			}
			r, ok := rules.Lookup(args[0])
			if !ok {
				return usageErr("unknown rule %q; valid: %s", args[0], strings.Join(rules.IDs(), ", "))
			}
			w := cmd.OutOrStdout()
			switch g.format {
			case "text":
				return writeString(w, explainText(r, terminalWidth(w), colorEnabled(w, g.noColor)))
			case "markdown":
				return writeString(w, r.Markdown())
			case "json":
				e := catalogEntry(r)
				e.Details, e.Why, e.Fix, e.Wrong, e.Right, e.Lang = r.Details, r.Why, r.Fix, r.Wrong, r.Right, r.Lang
				return writeJSON(w, e)
			}
			return usageErr("explain: unsupported --format %q (want text, json or markdown)", g.format)
		},
	}
}

const explainHint = `Run "fclint explain ID" for a rule's documentation.`

func writePlainRulesTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tSUMMARY")
	for _, r := range rules.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Summary)
	}
	if err := tw.Flush(); err != nil {
		return outputErr(err)
	}
	return writeString(w, "\n"+explainHint+"\n")
}

var severityColor = map[string]lipgloss.Color{"error": "1", "warning": "3", "info": "4"}

// styledRulesTable is the catalog for a terminal: a bordered table, wrapped
// to the terminal's width, severities in their colors.
func styledRulesTable(w io.Writer) string {
	all := rules.All()
	rows := make([][]string, len(all))
	for i, r := range all {
		rows[i] = []string{r.ID, r.Name, r.Severity.String(), r.Summary}
	}
	cell := lipgloss.NewStyle().Padding(0, 1)
	t := table.New().
		Border(lipgloss.RoundedBorder()).
		BorderStyle(lipgloss.NewStyle().Faint(true)).
		Headers("ID", "NAME", "SEVERITY", "SUMMARY").
		Rows(rows...).
		StyleFunc(func(row, col int) lipgloss.Style {
			switch {
			case row == table.HeaderRow:
				return cell.Bold(true)
			case col == 0:
				return cell.Bold(true)
			case col == 2:
				return cell.Foreground(severityColor[rows[row][2]])
			}
			return cell
		})
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 40 {
			t.Width(width)
		}
	}
	return t.Render() + "\n" + lipgloss.NewStyle().Faint(true).Render(explainHint) + "\n"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return outputErr(err)
	}
	return nil
}

func writeString(w io.Writer, s string) error {
	if _, err := io.WriteString(w, s); err != nil {
		return outputErr(err)
	}
	return nil
}

func outputErr(err error) error {
	return &exitErr{code: exitError, msg: "writing output: " + err.Error()}
}
