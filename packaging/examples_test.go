package packaging

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/internal/testbin"
	"github.com/fclint/fclint/packaging/internal/ziptest"
	"github.com/fclint/fclint/rules"
)

// zipExampleRules are the rules whose examples show a ZIP package, its
// s.yaml or its bootstrap, which parseExample rebuilds.
var zipExampleRules = map[string]bool{
	"FC201": true, "FC202": true, "FC203": true, "FC204": true, "FC205": true, "FC206": true,
	"FC207": true, "FC208": true, "FC209": true, "FC210": true, "FC211": true,
	"FC301": true, "FC302": true,
}

// uncheckedExamples are the package examples a test cannot rebuild, and why.
var uncheckedExamples = map[string]string{
	"FC206 wrong": "needs a binary linked against a newer glibc than the runtime's; the host decides which glibc cgo links",
	"FC209 wrong": "a 612 MB package",
	"FC209 right": "shows only a size, not the package",
}

// TestCatalogPackageExamples rebuilds each FC2xx/FC3xx example of the rule
// catalog as the package and configuration it shows (a ZIP listing, the
// output of file, a bootstrap script, s.yaml) and runs the package checker on
// it: Wrong must get its rule and no rule it does not name, Right no finding.
func TestCatalogPackageExamples(t *testing.T) {
	checked := 0
	for _, r := range rules.All() {
		if r.Family != rules.Package && r.Family != rules.Config {
			continue
		}
		if !zipExampleRules[r.ID] {
			// A rule about something else than a ZIP and its s.yaml (a
			// container image, say) needs its own builder here.
			t.Logf("%s examples not checked: not a ZIP package rule", r.ID)
			continue
		}
		for kind, text := range map[string]string{"wrong": r.Wrong, "right": r.Right} {
			key := r.ID + " " + kind
			if why, skip := uncheckedExamples[key]; skip {
				t.Logf("%s example not checked: %s", key, why)
				continue
			}
			t.Run(key, func(t *testing.T) {
				ex := parseExample(t, r.ID, text)
				if len(ex.archives) == 0 {
					t.Fatalf("nothing to check in the example:\n%s", text)
				}
				for _, a := range ex.archives {
					got := checkExample(t, ex, a)
					if kind == "right" {
						if len(got) > 0 {
							t.Errorf("Right example %s: findings %v, want none\n%s", a.name, got, text)
						}
						continue
					}
					other := func(id string) bool { return id != r.ID && !strings.Contains(text, id) }
					if !slices.Contains(got, r.ID) || slices.ContainsFunc(got, other) {
						t.Errorf("Wrong example %s: findings %v, want %s and no other rule\n%s", a.name, got, r.ID, text)
					}
				}
			})
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d package examples checked", checked)
	}
}

// example is what one catalog example shows.
type example struct {
	archives []archiveExample
	sYAML    string // the function's props, "" for none
}

type archiveExample struct {
	name    string
	entries []zf
	raw     []byte // the file's bytes when it is not a ZIP the listing describes
}

var (
	// `unzip -Z` long format: mode, version, system, size, type, method, date, time, name.
	longEntry  = regexp.MustCompile(`^([-dl][-rwxa]{5,9})\s+\d\.\d\s+(unx|fat)\s+(\d+)\s+\S+\s+(?:defN|stor)\s+\S+\s+\S+\s+(.+)$`)
	testedName = regexp.MustCompile(`^\s+testing: (\S+)\s+OK$`)
	zipCommand = regexp.MustCompile(`^\$ (?:cd \S+ && )?(?:unzip|zip)\b.*?(\S+\.zip)`)
	codeDir    = regexp.MustCompile(`^# s\.yaml: (code: \S+)$`)
	codeFile   = regexp.MustCompile(`/code/([\w./-]+\.\w+)`)
)

// parseExample reads the listings, scripts, file(1) output and YAML of an example.
func parseExample(t *testing.T, id, text string) example {
	t.Helper()
	var ex example
	lines := strings.Split(text, "\n")
	if strings.HasPrefix(text, "#!") { // a bootstrap script (FC302)
		ex.archives = append(ex.archives, archiveExample{name: "function.zip", entries: []zf{{Name: "bootstrap", Body: text + "\n", Mode: 0o755}}})
		return ex
	}
	if !strings.HasPrefix(text, "$") && !strings.HasPrefix(text, "# s.yaml") { // s.yaml props (FC210, FC301)
		ex.sYAML = strings.TrimPrefix(text, "props:\n")
		if strings.HasPrefix(text, "props:\n") {
			ex.sYAML = dedent(ex.sYAML)
		}
	}
	cur := func() *archiveExample {
		if len(ex.archives) == 0 {
			ex.archives = append(ex.archives, archiveExample{name: "function.zip"})
		}
		return &ex.archives[len(ex.archives)-1]
	}
	binaryKind := "linux-amd64"
	var script []string
	crlf, inScript, inYAML := false, false, false
	for _, line := range lines {
		if m := codeDir.FindStringSubmatch(line); m != nil {
			ex.sYAML, inYAML = m[1]+"\n", true
			continue
		}
		if inYAML {
			if strings.TrimSpace(line) == "" {
				inYAML = false
			} else {
				ex.sYAML += line + "\n"
			}
			continue
		}
		if strings.HasPrefix(line, "$ ") {
			inScript = false
			switch m := zipCommand.FindStringSubmatch(line); {
			case strings.HasPrefix(line, "$ cat bootstrap"):
				inScript = true
			case m != nil && (len(ex.archives) == 0 || ex.archives[len(ex.archives)-1].name != filepath.Base(m[1])):
				if len(ex.archives) == 1 && len(ex.archives[0].entries) == 0 && ex.archives[0].raw == nil {
					ex.archives[0].name = filepath.Base(m[1])
				} else {
					ex.archives = append(ex.archives, archiveExample{name: filepath.Base(m[1])})
				}
			}
			continue
		}
		switch {
		case inScript:
			script = append(script, line)
		case strings.HasPrefix(line, "bootstrap: "):
			crlf = strings.Contains(line, "CRLF")
			if strings.Contains(line, "Mach-O") {
				binaryKind = "darwin-amd64"
			}
			if strings.Contains(line, "executable") && !strings.Contains(line, "script") {
				cur().entries = append(cur().entries, zf{Name: "bootstrap", Mode: 0o755, Body: binaryBody(t, binaryKind)})
			}
		case strings.HasPrefix(line, "function.zip: gzip"):
			var b bytes.Buffer
			gz := gzip.NewWriter(&b)
			gz.Write([]byte("#!/bin/bash\nexec ./main\n"))
			gz.Close()
			cur().raw = b.Bytes()
		case longEntry.MatchString(line):
			m := longEntry.FindStringSubmatch(line)
			cur().entries = append(cur().entries, longListingEntry(t, m[1], m[2], m[4]))
		case testedName.MatchString(line):
			cur().entries = append(cur().entries, zf{Name: testedName.FindStringSubmatch(line)[1], Mode: 0o755, Body: binaryBody(t, binaryKind)})
		case isBareName(line) && len(ex.archives) > 0:
			cur().entries = append(cur().entries, bareEntry(t, line))
		}
	}
	if script != nil {
		nl := "\n"
		if crlf {
			nl = "\r\n"
		}
		body := strings.Join(script, nl) + nl
		cur().entries = append(cur().entries, zf{Name: "bootstrap", Mode: 0o755, Body: body})
		// With no listing shown, the package is the script and what it runs.
		for _, m := range codeFile.FindAllStringSubmatch(body, -1) {
			cur().entries = append(cur().entries, zf{Name: m[1], Body: "console.log('ok')\n"})
		}
	}
	if ex.sYAML != "" && len(ex.archives) == 0 {
		// A configuration example: the package holds what the command names.
		a := archiveExample{name: "function.zip", entries: []zf{{Name: "bootstrap", Mode: 0o755, Body: okScript}, {Name: "main", Mode: 0o755, Body: binaryBody(t, "linux-amd64")}}}
		for _, word := range regexp.MustCompile(`'([^']+\.[a-z]+)'`).FindAllStringSubmatch(ex.sYAML, -1) {
			a.entries = append(a.entries, zf{Name: word[1], Body: "print('ok')\n"})
		}
		ex.archives = append(ex.archives, a)
	}
	return ex
}

func isBareName(line string) bool {
	return line != "" && !strings.ContainsAny(line, " \t:") && !strings.HasPrefix(line, "(")
}

// bareEntry is a name from `unzip -Z1`: a folder, or an executable.
func bareEntry(t *testing.T, name string) zf {
	if strings.HasSuffix(name, "/") {
		return zf{Name: name, Mode: fs.ModeDir | 0o755}
	}
	return zf{Name: name, Mode: 0o755, Body: binaryBody(t, "linux-amd64")}
}

// longListingEntry is one `unzip -Z` line: its mode string, host system and name.
func longListingEntry(t *testing.T, perm, system, name string) zf {
	e := zf{Name: name, NoUnix: system == "fat"}
	var mode fs.FileMode
	for i, c := range perm[1:min(len(perm), 10)] {
		if c != '-' && c != 'a' {
			mode |= 1 << (8 - i)
		}
	}
	switch perm[0] {
	case 'd':
		e.Mode = fs.ModeDir | mode
	case 'l':
		e.Mode, e.Body = fs.ModeSymlink|mode, "/etc"
	default:
		e.Mode = mode
		e.Body = "key = value\n"
		if base := filepath.Base(name); base == "bootstrap" || base == "main" {
			e.Body = binaryBody(t, "linux-amd64")
		}
	}
	return e
}

func binaryBody(t *testing.T, target string) string {
	b, err := os.ReadFile(testbin.Path(t, target))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "  ")
	}
	return strings.Join(lines, "\n")
}

// checkExample writes the archive (and s.yaml beside it) and returns the rules found.
func checkExample(t *testing.T, ex example, a archiveExample) []string {
	t.Helper()
	dir := t.TempDir()
	data := a.raw
	if data == nil {
		data = ziptest.Bytes(t, a.entries...)
	}
	zipPath := filepath.Join(dir, a.name)
	if err := os.WriteFile(zipPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var fn *config.Function
	if ex.sYAML != "" {
		props := "      " + strings.ReplaceAll(strings.TrimRight(ex.sYAML, "\n"), "\n", "\n      ")
		yaml := "edition: 3.0.0\nname: example\nresources:\n  fn:\n    component: fc3\n    props:\n" + props + "\n"
		// The code folder s.yaml names exists, as it does where the package was built.
		if m := regexp.MustCompile(`(?m)^code: (\S+)`).FindStringSubmatch(ex.sYAML); m != nil {
			if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(m[1])), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		p := filepath.Join(dir, "s.yaml")
		if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := config.Resolve(config.Options{ConfigPath: p, Dir: zipPath})
		if err != nil {
			t.Fatalf("s.yaml: %v\n%s", err, yaml)
		}
		fn = res.Function
	}
	fs, err := Check(Options{Path: zipPath, Function: fn, WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule)
	}
	t.Logf("%s:%s", a.name, dump(fs))
	return got
}
