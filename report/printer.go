package report

import (
	"fmt"
	"io"
)

// Options configure every printer.
type Options struct {
	Color       bool   // text only: lipgloss styling (the caller decides: TTY, NO_COLOR, --no-color)
	Width       int    // text only: the column why: and help: notes wrap at; 0 is DefaultWidth
	WorkDir     string // base for reading source lines and for repo-relative SARIF URIs
	ToolVersion string // fclint's version, for SARIF tool.driver.version
}

// DefaultWidth is the wrap width when the output is not a terminal.
const DefaultWidth = 80

// Printer writes a list of findings in one format.
type Printer interface {
	Print(w io.Writer, findings []Finding) error
}

// Formats lists the accepted --format values.
var Formats = []string{"text", "json", "sarif", "github"}

// NewPrinter returns the printer for a --format value.
func NewPrinter(format string, opts Options) (Printer, error) {
	switch format {
	case "text":
		return &textPrinter{opts: opts}, nil
	case "json":
		return &jsonPrinter{opts: opts}, nil
	case "sarif":
		return &sarifPrinter{opts: opts}, nil
	case "github":
		return &githubPrinter{opts: opts}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want text, json, sarif or github)", format)
}
