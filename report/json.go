package report

import (
	"encoding/json"
	"io"
)

// jsonPrinter writes the stable JSON document of SPEC §3.
type jsonPrinter struct {
	opts   Options
	config *string // the configuration file in use; nil: none
}

type jsonDocument struct {
	Version  int         `json:"version"`
	Tool     string      `json:"tool"`
	Config   *string     `json:"config"` // the configuration file in use, or null (SPEC §6)
	Findings []Finding   `json:"findings"`
	Summary  jsonSummary `json:"summary"`
}

type jsonSummary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

func (p *jsonPrinter) Print(w io.Writer, findings []Finding) error {
	c := Count(findings)
	doc := jsonDocument{
		Version:  1,
		Tool:     "fclint",
		Config:   p.config,
		Findings: findings,
		Summary:  jsonSummary(c),
	}
	if doc.Findings == nil {
		doc.Findings = []Finding{} // "findings": [], never null
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // messages quote addresses and code; keep them readable
	return enc.Encode(doc)
}

// SetConfig names the configuration file in use for printers that show it
// (JSON's top-level "config"); "" means none was used.
func SetConfig(p Printer, path string) {
	if j, ok := p.(*jsonPrinter); ok {
		j.config = nil
		if path != "" {
			j.config = &path
		}
	}
}
