package gocheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go/token"

	"golang.org/x/tools/go/analysis"
)

// fixture parses a file the way Run does (recording its content) and
// returns a diagnostic whose fix replaces the first occurrence of old with new.
func fixture(t *testing.T, content, old, new string) (string, *sources, []located) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "main.go")
	if err := os.WriteFile(name, []byte(content), 0o640); err != nil {
		t.Fatal(err)
	}
	src := &sources{}
	fset := token.NewFileSet()
	f, err := src.parseFile(fset, name, []byte(content))
	if err != nil {
		t.Fatal(err)
	}
	off := strings.Index(content, old)
	if off < 0 {
		t.Fatalf("%q not in the fixture", old)
	}
	tf := fset.File(f.Pos())
	d := analysis.Diagnostic{Pos: tf.Pos(off), SuggestedFixes: []analysis.SuggestedFix{{
		TextEdits: []analysis.TextEdit{{Pos: tf.Pos(off), End: tf.Pos(off + len(old)), NewText: []byte(new)}},
	}}}
	return name, src, []located{{d, fset}}
}

const unformatted = "package main\n\nimport \"net/http\"\n\nfunc main() {\n\tx   :=  1 // odd spacing stays\n\t_ = x\n\thttp.ListenAndServe(\"127.0.0.1:9000\", nil)\n}\n"

func TestFixChangesOnlyTheEditedBytesAndKeepsTheMode(t *testing.T) {
	name, src, diags := fixture(t, unformatted, `"127.0.0.1:9000"`, `":9000"`)
	fixed, files, notes, err := applyFixes(diags, src)
	if err != nil || len(fixed) != 1 || len(files) != 1 || len(notes) != 0 {
		t.Fatalf("applyFixes = %v, %v, %v, %v", fixed, files, notes, err)
	}
	got, _ := os.ReadFile(name)
	if want := strings.Replace(unformatted, `"127.0.0.1:9000"`, `":9000"`, 1); string(got) != want {
		t.Errorf("file after --fix:\n%s\nwant (no reformatting):\n%s", got, want)
	}
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(name), ".*fclint*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestFixSkipsAFileThatChangedAfterAnalysis(t *testing.T) {
	name, src, diags := fixture(t, unformatted, `"127.0.0.1:9000"`, `":9000"`)
	changed := "// a comment added meanwhile shifts every offset\n" + unformatted
	if err := os.WriteFile(name, []byte(changed), 0o640); err != nil {
		t.Fatal(err)
	}
	fixed, files, notes, err := applyFixes(diags, src)
	if err != nil || len(fixed) != 0 || len(files) != 0 || len(notes) != 1 || !strings.Contains(notes[0], "changed after it was analyzed") {
		t.Fatalf("applyFixes = %v, %v, %q, %v; want a note and no change", fixed, files, notes, err)
	}
	if got, _ := os.ReadFile(name); string(got) != changed {
		t.Errorf("the changed file was rewritten:\n%s", got)
	}
}

func TestFixNeverWritesAResultThatDoesNotParse(t *testing.T) {
	name, src, diags := fixture(t, unformatted, `"127.0.0.1:9000", nil)`, `":9000", nil`)
	fixed, files, notes, err := applyFixes(diags, src)
	if err != nil || len(fixed) != 0 || len(files) != 0 || len(notes) != 1 || !strings.Contains(notes[0], "would not parse") {
		t.Fatalf("applyFixes = %v, %v, %q, %v; want a note and no change", fixed, files, notes, err)
	}
	if got, _ := os.ReadFile(name); string(got) != unformatted {
		t.Errorf("file rewritten with a result that does not parse:\n%s", got)
	}
}
