package report

import (
	"encoding/json"
	"io"
)

// jsonPrinter writes the stable JSON document of SPEC §3.
type jsonPrinter struct{ opts Options }

type jsonDocument struct {
	Version  int         `json:"version"`
	Tool     string      `json:"tool"`
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
