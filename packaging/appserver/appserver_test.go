package appserver

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// mapFiles is a package held in memory.
type mapFiles map[string]string

func (m mapFiles) Read(name string, limit int) ([]byte, bool) {
	s, ok := m[name]
	if !ok {
		return nil, false
	}
	if len(s) > limit {
		s = s[:limit]
	}
	return []byte(s), true
}

func (m mapFiles) Zip(name string) (*zip.Reader, io.Closer, error) {
	s, ok := m[name]
	if !ok {
		return nil, nil, io.ErrUnexpectedEOF
	}
	zr, err := zip.NewReader(bytes.NewReader([]byte(s)), int64(len(s)))
	return zr, io.NopCloser(nil), err
}

// jar builds a ZIP in memory.
func jar(t testing.TB, files map[string]string) string {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// appCase is one table row: a package, a start command and the findings
// expected, each as "RULE FILE:LINE substring" (FILE:LINE may be ":0" for the
// command itself).
type appCase struct {
	name  string
	files mapFiles
	cmd   string
	vars  map[string]string
	node  int
	conc  int // instanceConcurrency
	want  []string
}

func runCases(t *testing.T, cases []appCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			vars := map[string]string{}
			for k, v := range tc.vars {
				vars[k] = v
			}
			got := Analyze(tc.files, Start{Words: strings.Fields(tc.cmd), Vars: vars, CAPort: 9000, NodeMajor: tc.node, Concurrency: tc.conc})
			var gotS []string
			for _, f := range got {
				gotS = append(gotS, f.Rule+" "+f.File+":"+itoa(f.Line)+" "+f.Message)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(tc.want), strings.Join(gotS, "\n"))
			}
			for i, w := range tc.want {
				head, sub, _ := strings.Cut(w, " ")
				loc, sub, _ := strings.Cut(sub, " ")
				if !strings.HasPrefix(gotS[i], head+" "+loc+" ") || !strings.Contains(gotS[i], sub) {
					t.Errorf("finding %d:\n got %s\nwant %s", i, gotS[i], w)
				}
			}
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// A file of unclosed brackets is read in linear time: each bracket and each
// expression is followed at most maxSpan tokens.
func TestUnclosedBracketsAreBounded(t *testing.T) {
	toks := lexJS([]byte(strings.Repeat("x.listen(a=(", 20000)))
	if end := matchClose(toks, 2); end != 2+maxSpan {
		t.Errorf("matchClose of an unclosed bracket = %d, want %d", end, 2+maxSpan)
	}
	if end := exprEnd(toks, 6); end > 6+maxSpan {
		t.Errorf("exprEnd of an unclosed expression = %d, want at most %d", end, 6+maxSpan)
	}
	if got := Analyze(mapFiles{"app.js": strings.Repeat("x.listen(a=(", 20000)}, Start{Words: []string{"node", "app.js"}, CAPort: 9000}); len(got) > 0 && got[0].Rule == "" {
		t.Errorf("findings without a rule: %v", got)
	}
}
