package report

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONDocument(t *testing.T) {
	out := render(t, "json", Options{}, sampleFindings())
	if !strings.HasSuffix(out, "}\n") {
		t.Errorf("output does not end with a newline: %q", out[len(out)-5:])
	}
	var doc struct {
		Version  int              `json:"version"`
		Tool     string           `json:"tool"`
		Config   *string          `json:"config"`
		Findings []map[string]any `json:"findings"`
		Summary  map[string]int   `json:"summary"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || doc.Tool != "fclint" || len(doc.Findings) != len(sampleFindings()) {
		t.Errorf("version %d, tool %q, %d findings", doc.Version, doc.Tool, len(doc.Findings))
	}
	if want := map[string]int{"error": 4, "warning": 2, "info": 1}; len(doc.Summary) != 3 ||
		doc.Summary["error"] != want["error"] || doc.Summary["warning"] != want["warning"] || doc.Summary["info"] != want["info"] {
		t.Errorf("summary = %v, want %v", doc.Summary, want)
	}
	// SPEC §3: exactly these fields, nothing printer-internal (source, end).
	for _, f := range doc.Findings {
		for _, k := range []string{"rule", "name", "severity", "file", "line", "column", "message", "fix"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
		if len(f) != 8 {
			t.Errorf("finding has %d fields, want 8: %v", len(f), f)
		}
	}
	if doc.Findings[3]["file"] != "function.zip!bootstrap" || doc.Findings[3]["line"] != 0.0 || doc.Findings[3]["severity"] != "error" {
		t.Errorf("archive finding = %v", doc.Findings[3])
	}
}

// SPEC §6: "config" names the configuration in use, or is null.
func TestJSONConfig(t *testing.T) {
	for _, tc := range []struct{ path, want string }{{"", `"config": null,`}, {"s.yaml", `"config": "s.yaml",`}} {
		p, err := NewPrinter("json", Options{})
		if err != nil {
			t.Fatal(err)
		}
		SetConfig(p, tc.path)
		var b strings.Builder
		if err := p.Print(&b, nil); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("SetConfig(%q): no %s in\n%s", tc.path, tc.want, b.String())
		}
	}
}

func TestJSONEmptyFindingsIsArray(t *testing.T) {
	for _, fs := range [][]Finding{nil, {}} {
		out := render(t, "json", Options{}, fs)
		if !strings.Contains(out, `"findings": []`) {
			t.Errorf("empty findings not printed as []:\n%s", out)
		}
	}
}

func TestJSONKeepsCodeReadable(t *testing.T) {
	f := sampleFindings()[0]
	f.Message = `listens on "<loopback>" & more`
	out := render(t, "json", Options{}, []Finding{f})
	if !strings.Contains(out, `listens on \"<loopback>\" & more`) {
		t.Errorf("message was HTML-escaped:\n%s", out)
	}
}
