package report

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/fclint/fclint/rules"
)

const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

// offlineLoader refuses every URL: the schema is registered from the file, and
// a test must never fetch anything over the network.
type offlineLoader struct{}

func (offlineLoader) Load(url string) (any, error) {
	return nil, errors.New("offline: refusing to load " + url)
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(offlineLoader{})
	c.AssertFormat() // uri and uri-reference formats are part of what GitHub checks
	if err := c.AddResource(sarifSchema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out string) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	wd := goldenWorkDir(t)
	outside := New(rules.MustGet("FC205"), filepath.Join(t.TempDir(), "dist", "function.zip")+"!bootstrap", 0, 0, "Mach-O")
	for name, fs := range map[string][]Finding{
		"findings": sampleFindings(),
		"archive":  {New(rules.MustGet("FC203"), "function.zip!bootstrap", 0, 0, "no exec bit"), outside},
		"empty":    nil,
	} {
		out := render(t, "sarif", Options{WorkDir: wd, ToolVersion: "v1.2.3"}, fs)
		if err := validateSARIF(t, sch, out); err != nil {
			t.Errorf("%s: SARIF output does not validate: %v", name, err)
		}
	}
}

// TestSARIFSchemaCatchesMistakes proves the validation above can fail.
func TestSARIFSchemaCatchesMistakes(t *testing.T) {
	sch := compileSARIFSchema(t)
	for name, doc := range map[string]string{
		"bad level":   `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"level":"info","message":{"text":"m"}}]}]}`,
		"column 0":    `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.go"},"region":{"startLine":1,"startColumn":0}}}]}]}]}`,
		"no driver":   `{"version":"2.1.0","runs":[{"tool":{}}]}`,
		"bad version": `{"version":"2.0.0","runs":[]}`,
	} {
		if err := validateSARIF(t, sch, doc); err == nil {
			t.Errorf("%s: schema accepted an invalid log", name)
		}
	}
}

func decodeSARIF(t *testing.T, out string) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	log := decodeSARIF(t, render(t, "sarif", Options{WorkDir: goldenWorkDir(t), ToolVersion: "v1.2.3"}, sampleFindings()))
	run := log.Runs[0]
	if d := run.Tool.Driver; d.Name != "fclint" || d.Version != "v1.2.3" || len(d.Rules) != len(rules.All()) {
		t.Fatalf("driver = %s %s with %d rules", d.Name, d.Version, len(d.Rules))
	}
	for _, res := range run.Results {
		rule := run.Tool.Driver.Rules[*res.RuleIndex]
		if rule.ID != res.RuleID {
			t.Errorf("result %s has ruleIndex of %s", res.RuleID, rule.ID)
		}
		if rule.HelpURI != rules.MustGet(rule.ID).URL() {
			t.Errorf("%s helpUri = %s", rule.ID, rule.HelpURI)
		}
	}
	first := run.Results[0]
	if first.Level != "error" || first.Locations[0].PhysicalLocation.ArtifactLocation.URI != "sub/cmd/api/main.go" ||
		first.Locations[0].PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("first result = %+v", first)
	}
	if r := first.Locations[0].PhysicalLocation.Region; r == nil || r.StartLine != 11 || r.StartColumn != 16 || r.EndLine != 11 || r.EndColumn != 32 {
		t.Errorf("region = %+v", r)
	}
	if !strings.Contains(first.Message.Text, "help: listen on") {
		t.Errorf("message lacks the fix: %q", first.Message.Text)
	}
	levels := map[string]bool{}
	for _, res := range run.Results {
		levels[res.Level] = true
		if res.RuleID == "FC203" && res.Locations[0].PhysicalLocation.Region != nil {
			t.Error("line-0 finding has a region")
		}
	}
	if !levels["error"] || !levels["warning"] || !levels["note"] {
		t.Errorf("levels = %v, want error, warning and note", levels)
	}
}

func TestSARIFEmptyResultsIsArray(t *testing.T) {
	out := render(t, "sarif", Options{WorkDir: t.TempDir()}, nil)
	if !strings.Contains(out, `"results": []`) {
		t.Errorf("empty results not printed as []")
	}
}

func TestSARIFOutsidePathIsFileURI(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "other dir", "main.go")
	log := decodeSARIF(t, render(t, "sarif", Options{WorkDir: t.TempDir()}, []Finding{New(rules.MustGet("FC101"), abs, 1, 1, "m")}))
	loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if !strings.HasPrefix(loc.URI, "file:///") || !strings.HasSuffix(loc.URI, "/other%20dir/main.go") || loc.URIBaseID != "" {
		t.Errorf("artifactLocation = %+v", loc)
	}
}

func TestSARIFFingerprintIgnoresLine(t *testing.T) {
	wd := t.TempDir()
	fp := func(f Finding) string {
		return decodeSARIF(t, render(t, "sarif", Options{WorkDir: wd}, []Finding{f})).Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	}
	base := New(rules.MustGet("FC101"), "a.go", 10, 2, "listens on 127.0.0.1:9000")
	moved := base
	moved.Line, moved.Column = 40, 5
	otherMsg := base
	otherMsg.Message = "listens on localhost:9000"
	otherFile := base
	otherFile.File = "b.go"
	if fp(base) == "" || fp(base) != fp(moved) {
		t.Error("fingerprint changes when only the line moves")
	}
	if fp(base) == fp(otherMsg) || fp(base) == fp(otherFile) {
		t.Error("fingerprint ignores the message or the file")
	}
	// Numbers in the message (an origin's line, a probe's timing) and the
	// lines after the first (a probe's output tail) vary from run to run.
	origin, originMoved := base, base
	origin.Message += "; 127.0.0.1 comes from the constant host (main.go:13)"
	originMoved.Message += "; 127.0.0.1 comes from the constant host (main.go:17)"
	slow, fast := New(rules.MustGet("FC405"), "function.zip", 0, 0, "closed after 3012ms\n    log line 1"), New(rules.MustGet("FC405"), "function.zip", 0, 0, "closed after 2998ms\n    log line 2")
	if fp(origin) != fp(originMoved) || fp(slow) != fp(fast) {
		t.Error("fingerprint changes with numbers in the message or with its later lines")
	}
}

func TestSARIFColumnsAreUTF16(t *testing.T) {
	src := `s := "é😀" + "127.0.0.1:9000"`
	byteCol := strings.Index(src, `"127`) + 1
	f := New(rules.MustGet("FC101"), "a.go", 1, byteCol, "m")
	f.Source = src
	f.EndLine, f.EndColumn = 1, len(src)+1
	log := decodeSARIF(t, render(t, "sarif", Options{WorkDir: t.TempDir()}, []Finding{f}))
	r := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	// é is 2 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units.
	if want := byteCol - 1 - 2; r.StartColumn != want {
		t.Errorf("startColumn = %d, want %d (byte column %d)", r.StartColumn, want, byteCol)
	}
	if want := len(src) + 1 - 3; r.EndColumn != want {
		t.Errorf("endColumn = %d, want %d", r.EndColumn, want)
	}
	if log.Runs[0].ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", log.Runs[0].ColumnKind)
	}
}
