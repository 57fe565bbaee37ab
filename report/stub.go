package report

import (
	"encoding/json"
	"io"
)

// Placeholder printers; replaced by text.go, json.go, sarif.go, github.go.
type textPrinter struct{ opts Options }
type jsonPrinter struct{ opts Options }
type sarifPrinter struct{ opts Options }
type githubPrinter struct{ opts Options }

func (p *textPrinter) Print(w io.Writer, fs []Finding) error   { return json.NewEncoder(w).Encode(fs) }
func (p *jsonPrinter) Print(w io.Writer, fs []Finding) error   { return json.NewEncoder(w).Encode(fs) }
func (p *sarifPrinter) Print(w io.Writer, fs []Finding) error  { return json.NewEncoder(w).Encode(fs) }
func (p *githubPrinter) Print(w io.Writer, fs []Finding) error { return json.NewEncoder(w).Encode(fs) }
