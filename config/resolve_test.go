package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestResolveNoConfig(t *testing.T) {
	dir := tree(t, ".git/", "code/")
	res, err := Resolve(Options{Dir: filepath.Join(dir, "code"), Port: 8080, Runtime: "custom.debian10"})
	if err != nil {
		t.Fatal(err)
	}
	fn := res.Function
	if res.File != nil || res.Note != "" || fn.Format != FormatFlags || fn.File != "" {
		t.Errorf("got File %v Note %q Format %q", res.File, res.Note, fn.Format)
	}
	if !fn.Port.Known() || fn.CAPort() != 8080 || fn.Port.Pos != (Pos{}) || fn.Runtime.Value != "custom.debian10" {
		t.Errorf("overrides: Port %+v Runtime %+v", fn.Port, fn.Runtime)
	}
	res, err = Resolve(Options{Dir: filepath.Join(dir, "code")})
	if err != nil || res.Function == nil || res.Function.Port.Set || res.Function.CAPort() != DefaultPort {
		t.Errorf("no overrides: %+v, %v", res, err)
	}
}

func TestResolveErrors(t *testing.T) {
	dir := tree(t, ".git/", "code/")
	if _, err := Resolve(Options{ConfigPath: filepath.Join(dir, "nope.yaml"), Dir: dir}); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing --config: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte("edition: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Resolve(Options{Dir: filepath.Join(dir, "code")}); err == nil || !strings.Contains(err.Error(), "s.yaml:") {
		t.Errorf("unparsable discovered file: %v", err)
	}
}

func TestResolveSelect(t *testing.T) {
	multi, _ := filepath.Abs(filepath.Join("testdata", "multi"))
	config := filepath.Join(multi, "s.yaml")
	elsewhere := t.TempDir()
	for _, tc := range []struct {
		name string
		dir  string
		want string
		note string // a substring of Result.Note; "" for none
	}{
		{"code folder", "worker", "worker", ""},
		{"deepest code folder wins", "worker/sub/pkg", "nested", ""},
		{"inside the code folder", "dist/api/x", "api", ""},
		{"build action folder", "api", "api", ""},
		{"below the build action folder", "api/internal", "api", ""},
		{"the ZIP the code names", "out/zipped.zip", "zipped", ""},
		{"code below the checked folder, several differ", ".", "api", "4 functions with code in testdata/multi (api, worker, zipped, nested) that differ"},
		{"no match", elsewhere, "api", "declares 4 functions (api, worker, zipped, nested) and none has its code in"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(multi, dir)
			}
			res, err := Resolve(Options{ConfigPath: config, Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if res.Function.Name != tc.want {
				t.Errorf("Function = %q, want %q", res.Function.Name, tc.want)
			}
			if (tc.note == "") != (res.Note == "") || !strings.Contains(res.Note, tc.note) || strings.Contains(res.Note, "\n") {
				t.Errorf("Note = %q, want %q", res.Note, tc.note)
			}
		})
	}
}

// Functions that would be checked alike need no note, whichever is used.
func TestResolveAgreeingFunctions(t *testing.T) {
	dir := tree(t, ".git/", "a/", "b/", "c/")
	s := `edition: 3.0.0
resources:
  a: {component: fc3, props: {functionName: a, runtime: custom.debian10, code: ./a, customRuntimeConfig: {port: 9000}}}
  b: {component: fc3, props: {functionName: b, runtime: custom.debian10, code: ./b}}
  d: {component: fc3-domain, props: {domainName: auto}}
`
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Resolve(Options{Dir: filepath.Join(dir, "c")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Function.Name != "a" || res.Note != "" {
		t.Errorf("Function %q Note %q; want a and no note", res.Function.Name, res.Note)
	}
}

func TestResolveNoFunction(t *testing.T) {
	dir := tree(t, ".git/")
	s := "edition: 3.0.0\nresources:\n  d:\n    component: fc3-domain\n"
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Resolve(Options{Dir: dir, Port: 7000})
	if err != nil {
		t.Fatal(err)
	}
	if res.File == nil || res.Function.Format != FormatFlags || res.Function.CAPort() != 7000 || !strings.Contains(res.Note, "declares no fc3 function") {
		t.Errorf("File %v Function %+v Note %q", res.File, res.Function, res.Note)
	}
}

// Overrides change the result, never the loaded File.
func TestResolveOverridesCopy(t *testing.T) {
	res, err := Resolve(Options{ConfigPath: filepath.Join("testdata", "fc2", "s.yaml"), Port: 7777, Runtime: "custom.debian11"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Function.Port.Value != 7777 || res.Function.Port.Pos.File != "" || res.Function.Runtime.Value != "custom.debian11" {
		t.Errorf("Function Port %+v Runtime %+v", res.Function.Port, res.Function.Runtime)
	}
	if orig := res.File.Functions[0]; orig.Port.Value != 9001 || orig.Runtime.Value != "custom" {
		t.Errorf("File's function changed: Port %+v Runtime %+v", orig.Port, orig.Runtime)
	}
	if res.Function.Timeout.Value != 300 || res.Function.Name != "hello-fn" {
		t.Errorf("other fields lost: %+v", res.Function)
	}
}
