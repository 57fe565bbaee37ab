package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/fclint/fclint/rules"
)

// SARIF 2.1.0, the subset GitHub code scanning reads; hand-rolled like
// staticcheck and golangci-lint do.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%" // GitHub resolves it to the repository checkout
	// fingerprintKey names fclint's own partial fingerprint; GitHub computes
	// its primaryLocationLineHash itself.
	fingerprintKey = "fclint/v1"
	toolURI        = "https://github.com/fclint/fclint"
)

type sarifPrinter struct{ opts Options }

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"` // [] when empty: GitHub requires the field
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifProperties    `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

func (p *sarifPrinter) Print(w io.Writer, findings []Finding) error {
	catalog := rules.All()
	index := map[string]int{}
	driver := sarifDriver{Name: "fclint", Version: p.opts.ToolVersion, InformationURI: toolURI}
	for i, r := range catalog {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.ID,
			Name:                 r.Name,
			ShortDescription:     sarifText{Text: r.Summary},
			FullDescription:      sarifText{Text: strings.Join(strings.Fields(r.Details), " ")},
			Help:                 sarifHelp{Text: r.Text(), Markdown: r.Markdown()},
			HelpURI:              r.URL(),
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
			Properties:           sarifProperties{Tags: []string{"function-compute", string(r.Family)}},
		})
	}
	root := repoRoot(p.opts.WorkDir)
	source := newSourceCache(p.opts.WorkDir)
	results := []sarifResult{}
	for _, f := range findings {
		a := locate(p.opts.WorkDir, root, f.File)
		loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: a.uri()}}
		if a.relative {
			loc.ArtifactLocation.URIBaseID = srcRoot
		}
		if f.Line > 0 && a.entry == "" {
			loc.Region = &sarifRegion{StartLine: f.Line, StartColumn: utf16Column(source, f, f.Line, f.Column)}
			if f.EndLine >= f.Line {
				loc.Region.EndLine, loc.Region.EndColumn = f.EndLine, utf16Column(source, f, f.EndLine, f.EndColumn)
			}
		}
		res := sarifResult{
			RuleID:              f.Rule,
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: resultMessage(f, a)},
			Locations:           []sarifLocation{{PhysicalLocation: loc}},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(f, a)},
		}
		if i, ok := index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results, ColumnKind: "utf16CodeUnits"}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// resultMessage is the message, prefixed by the archive entry it is about
// (the location can only name the archive), followed by the fix.
func resultMessage(f Finding, a artifact) string {
	msg := f.Message
	if a.entry != "" {
		msg = a.entry
		if f.Line > 0 {
			msg += ":" + itoa(f.Line)
		}
		msg += ": " + f.Message
	}
	if f.Fix != "" {
		msg += "\nhelp: " + f.Fix
	}
	return msg
}

// fingerprint identifies a result across runs: rule, file and the first line
// of the message without its numbers, but not the line, so that a finding
// keeps its identity when code above it moves ("comes from main.go:13"), and a
// probe finding when timings or the output tail differ ("after 3012ms").
func fingerprint(f Finding, a artifact) string {
	msg, _, _ := strings.Cut(f.Message, "\n")
	msg = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, msg)
	sum := sha256.Sum256([]byte(f.Rule + "\x00" + a.path + "!" + a.entry + "\x00" + msg))
	return hex.EncodeToString(sum[:16])
}

// utf16Column converts a 1-based byte column (what go/token reports) to the
// UTF-16 code units SARIF counts by default; they differ on non-ASCII lines.
// Without the line's text the byte column is the best there is.
func utf16Column(source *sourceCache, f Finding, line, col int) int {
	if col <= 0 {
		return 0
	}
	var text string
	var ok bool
	if line == f.Line {
		text, ok = source.line(f)
	} else if f.Source == "" {
		text, ok = source.fileLine(f.File, line)
	}
	if !ok {
		return col
	}
	prefix := clampPrefix(text, col-1)
	units := 0
	for _, r := range prefix {
		units += utf16.RuneLen(r)
	}
	return units + 1 + max(col-1-len(prefix), 0)
}
