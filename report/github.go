package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fclint/fclint/rules"
)

// githubPrinter writes GitHub Actions workflow commands, one annotation per finding:
//
//	::error file=cmd/api/main.go,line=12,col=2,title=FC101 loopback-listen::server listens on …%0Ahelp: …
type githubPrinter struct{ opts Options }

func githubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// Workflow command escaping, as in @actions/core's escapeData and escapeProperty.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func (p *githubPrinter) Print(w io.Writer, findings []Finding) error {
	root := repoRoot(p.opts.WorkDir)
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		a := locate(p.opts.WorkDir, root, f.File)
		props := []string{"file=" + githubProperty.Replace(a.path)}
		if f.Line > 0 && a.entry == "" {
			props = append(props, fmt.Sprintf("line=%d", f.Line))
			if f.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", f.Column))
			}
			if f.EndLine >= f.Line {
				props = append(props, fmt.Sprintf("endLine=%d", f.EndLine))
				if f.EndColumn > 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", f.EndColumn))
				}
			}
		}
		props = append(props, "title="+githubProperty.Replace(f.Rule+" "+f.Name))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData.Replace(resultMessage(f, a)))
	}
	return bw.Flush()
}
