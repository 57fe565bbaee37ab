package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each configuration under testdata/ has a golden dump of everything Load
// reads from it (values, unknowns, positions) next to it.
var goldenCases = []struct {
	file   string
	format Format
	// functions lists the names Load must find, in order.
	functions []string
}{
	{"fc3-facts/s.yaml", FormatFC3, []string{"fc3-event-debian10-go"}},         // the FC-FACTS §5 example, verbatim
	{"fc3/s.yaml", FormatFC3, []string{"go-web-fn"}},                           // vars, actions, every field; fc3-domain and oss skipped
	{"fc2/s.yaml", FormatFC2, []string{"hello-fn"}},                            // legacy fc with caPort; service-only and oss skipped
	{"devsapp-fc/s.yaml", FormatFC2, []string{"oss-code", "pinned"}},           // devsapp/fc@x, fc@dev, OSS and URL code
	{"funcraft/template.yml", FormatFuncraft, []string{"demo-func"}},           // only functions inside a service
	{"api/fc3.json", FormatAPIJSON, []string{"api-fn"}},                        // FC 3.0 GetFunction-style body
	{"api/fc2.txt", FormatAPIJSON, []string{"fc2-fn"}},                         // FC 2.0 body, detected by its leading "{"
	{"placeholders/s.yaml", FormatFC3, []string{"fn"}},                         // every kind of unresolvable value
	{"multi/s.yaml", FormatFC3, []string{"api", "worker", "zipped", "nested"}}, // several functions
	{"anchors/s.yaml", FormatFC3, []string{"one", "two", "loop"}},
	{"ros/template.yml", FormatROS, []string{"ros-fc3", "ros-fc2"}}, // ROS FC3 and FC resources
	{"extend/s.prod.yaml", FormatFC3, []string{"web-prod"}},         // extend: s.yaml // anchors, merge keys, a self-merge
}

func TestLoadGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.file, func(t *testing.T) {
			f, err := Load(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != tc.format {
				t.Errorf("Format = %q, want %q", f.Format, tc.format)
			}
			var names []string
			for _, fn := range f.Functions {
				names = append(names, fn.Name)
				if fn.Format != tc.format || fn.File != f.Path {
					t.Errorf("function %s: Format %q File %q, want %q %q", fn.Name, fn.Format, fn.File, tc.format, f.Path)
				}
			}
			if strings.Join(names, ",") != strings.Join(tc.functions, ",") {
				t.Errorf("functions = %v, want %v", names, tc.functions)
			}
			abs, _ := filepath.Abs("testdata")
			goldenFile(t, strings.TrimSuffix(tc.file, filepath.Ext(tc.file))+".golden", dump(f, abs))
		})
	}
}

func loadOne(t *testing.T, file string) *Function {
	t.Helper()
	f, err := Load(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Functions) == 0 {
		t.Fatalf("%s: no functions", file)
	}
	return f.Functions[0]
}

// The facts the rules rely on, spelled out (the golden files hold the rest).
func TestLoadFacts(t *testing.T) {
	abs := func(p string) string { a, _ := filepath.Abs(filepath.Join("testdata", p)); return a }

	fn := loadOne(t, "fc3-facts/s.yaml")
	if fn.Runtime.Value != "custom.debian10" || !fn.Runtime.Known() {
		t.Errorf("Runtime = %+v", fn.Runtime)
	}
	if fn.Port.Set || fn.CAPort() != 9000 {
		t.Errorf("Port = %+v, CAPort %d; want unset, 9000", fn.Port, fn.CAPort())
	}
	if fn.CodeDir != abs("fc3-facts/code/target") {
		t.Errorf("CodeDir = %q", fn.CodeDir)
	}
	if got := fn.Command.Value; len(got) != 1 || got[0] != "/code/main" {
		t.Errorf("Command = %q", got)
	}
	if len(fn.Actions) != 1 || fn.Actions[0].Hook != "pre-deploy" || fn.Actions[0].Dir != abs("fc3-facts/code") {
		t.Errorf("Actions = %+v", fn.Actions)
	}
	// Positions are those of the values, 1-based.
	if p := fn.Runtime.Pos; p.Line != 12 || p.Column != 16 || p.File != abs("fc3-facts/s.yaml") {
		t.Errorf("Runtime.Pos = %+v, want 12:16", p)
	}
	if p := fn.Command.Pos; p.Line != 19 || p.Column != 18 {
		t.Errorf("Command.Pos = %+v, want 19:18", p)
	}
	if p := fn.Pos; p.Line != 3 || p.Column != 3 {
		t.Errorf("Pos = %+v, want 3:3 (the resource key)", p)
	}
	if p := fn.Timeout.Pos; !fn.Timeout.Known() || fn.Timeout.Value != 30 || p.Line != 14 {
		t.Errorf("Timeout = %+v", fn.Timeout)
	}
	if p := fn.Handler.Pos; fn.Handler.Set || p != fn.Pos {
		t.Errorf("missing Handler = %+v, want unset at the function", fn.Handler)
	}

	fn = loadOne(t, "fc3/s.yaml")
	if !fn.Port.Known() || fn.Port.Value != 8080 || fn.CAPort() != 8080 {
		t.Errorf("Port from ${vars.port} = %+v", fn.Port)
	}
	if fn.Timeout.Value != 60 || !fn.Timeout.Known() {
		t.Errorf(`Timeout "60" = %+v`, fn.Timeout)
	}
	if fn.CodeDir != abs("fc3/code/dist") {
		t.Errorf("CodeDir from ./${vars.codeDir}/dist = %q", fn.CodeDir)
	}
	if !fn.InitializerConfigured() {
		t.Error("InitializerConfigured = false for handler: true")
	}
	if fn.Env["REGION"] != "cn-hangzhou" || !fn.EnvUnknown["SECRET"] || fn.Env["DEBUG"] != "1" {
		t.Errorf("Env = %v, EnvUnknown = %v", fn.Env, fn.EnvUnknown)
	}
	if e := fn.LookupEnv("SECRET"); !e.Set || !e.Unknown {
		t.Errorf("LookupEnv(SECRET) = %+v", e)
	}
	if e := fn.LookupEnv("NOPE"); e.Set {
		t.Errorf("LookupEnv(NOPE) = %+v", e)
	}
	if !fn.LayersUnresolved || fn.Layers[0] != "acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/1" {
		t.Errorf("Layers = %q unresolved=%v", fn.Layers, fn.LayersUnresolved)
	}
	if len(fn.Actions) != 4 || fn.Actions[0].Run != "echo global" || fn.Actions[1].Dir != abs("fc3/code") || fn.Actions[2].Component != "fc3 build" || fn.Actions[2].Run != "" {
		t.Errorf("Actions = %+v", fn.Actions)
	}

	// extend: values from the base keep their file in positions.
	fn = loadOne(t, "extend/s.prod.yaml")
	if fn.File != abs("extend/s.prod.yaml") || fn.Port.Value != 8080 || fn.Port.Pos.File != abs("extend/s.prod.yaml") || fn.Port.Pos.Line != 11 {
		t.Errorf("extend: File %q Port %+v", fn.File, fn.Port)
	}
	if fn.Runtime.Value != "custom.debian10" || fn.Runtime.Pos.File != abs("extend/s.yaml") || fn.Runtime.Pos.Line != 14 {
		t.Errorf("extend: Runtime %+v, want custom.debian10 from s.yaml:14", fn.Runtime)
	}
	if len(fn.Args.Value) != 0 || len(fn.Command.Value) != 1 || fn.Env["A"] != "a" || fn.Env["B"] != "b" || fn.CodeDir != abs("extend/code/dist") {
		t.Errorf("extend: Args %q (lists replace) Command %q Env %v CodeDir %q", fn.Args.Value, fn.Command.Value, fn.Env, fn.CodeDir)
	}

	fn = loadOne(t, "fc2/s.yaml")
	if fn.Port.Value != 9001 || !fn.Port.Known() || fn.Initializer.Value != "index.init" || fn.HealthCheck.HTTPGetURL.Value != "/health" {
		t.Errorf("legacy fc: Port %+v Initializer %+v", fn.Port, fn.Initializer)
	}

	fn = loadOne(t, "devsapp-fc/s.yaml")
	if fn.Port.Value != 9002 || fn.Code.Value != "oss://my-bucket/code/fn.zip" || fn.CodeDir != "" {
		t.Errorf("devsapp/fc: Port %+v Code %+v CodeDir %q", fn.Port, fn.Code, fn.CodeDir)
	}

	fn = loadOne(t, "funcraft/template.yml")
	if fn.Port.Value != 8000 || fn.CodeDir != abs("funcraft") || fn.Initializer.Value != "index.initializer" {
		t.Errorf("Funcraft: Port %+v CodeDir %q", fn.Port, fn.CodeDir)
	}

	fn = loadOne(t, "api/fc3.json")
	if fn.Port.Value != 7000 || fn.InitializerConfigured() || fn.Layers[0] != "acs:fc:cn-hangzhou:official:layers/Python312/versions/1" || fn.CodeDir != "" {
		t.Errorf("API JSON: Port %+v Initializer %+v Layers %q CodeDir %q", fn.Port, fn.Initializer, fn.Layers, fn.CodeDir)
	}
	if p := fn.Port.Pos; p.Line != 10 || p.Column != 13 {
		t.Errorf("JSON port Pos = %+v, want 10:13", p)
	}

	fn = loadOne(t, "placeholders/s.yaml")
	for name, f := range map[string]Field[string]{"Runtime": fn.Runtime, "Code": fn.Code, "Handler": fn.Handler, "Initializer": fn.Initializer} {
		if !f.Set || !f.Unknown {
			t.Errorf("%s = %+v, want unknown", name, f)
		}
	}
	if !fn.Port.Unknown || !fn.Timeout.Unknown || !fn.Command.Unknown || !fn.Args.Unknown || !fn.HealthCheck.PeriodSeconds.Unknown {
		t.Errorf("Port %+v Timeout %+v Command %+v Args %+v HC %+v", fn.Port, fn.Timeout, fn.Command, fn.Args, fn.HealthCheck.PeriodSeconds)
	}
	if fn.CAPort() != DefaultPort || fn.CodeDir != "" || !fn.EnvUnresolved || !fn.LayersUnresolved || !fn.InitializerConfigured() {
		t.Errorf("placeholders: CAPort %d CodeDir %q EnvUnresolved %v", fn.CAPort(), fn.CodeDir, fn.EnvUnresolved)
	}
	if fn.Name != "fn" {
		t.Errorf("Name = %q, want the resource key when functionName is a placeholder", fn.Name)
	}

	f, err := Load(filepath.Join("testdata", "anchors/s.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	one, two := f.Functions[0], f.Functions[1]
	if one.Port.Value != 9500 || one.Runtime.Value != "custom.debian10" || one.Env["A"] != "a" || one.Env["B"] != "b" {
		t.Errorf("merged one: Port %+v Runtime %+v Env %v", one.Port, one.Runtime, one.Env)
	}
	if two.Port.Value != 9600 || two.Timeout.Value != 45 || len(two.Command.Value) != 1 {
		t.Errorf("merged two: Port %+v Timeout %+v Command %+v", two.Port, two.Timeout, two.Command)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := write("big.yaml", "edition: 3.0.0\n"+strings.Repeat("#", MaxFileSize))
	for _, tc := range []struct {
		path string
		want string
	}{
		{write("syntax.yaml", "edition: 3.0.0\nresources:\n  fn:\n    component: fc3\n   props: x\n"), "syntax.yaml:5:4: "}, // the broken line and column (yaml.v3 alone says line 2, where the block starts)
		{write("tab.yaml", "edition: 3.0.0\n\tresources: {}\n"), "tab.yaml:2:1: "},
		{write("list.yaml", "- a\n- b\n"), "list.yaml:1: expected a mapping at the top level, found a list"},
		{write("scalar.yaml", "hello\n"), "expected a mapping at the top level, found a scalar"},
		{write("empty.yaml", "# nothing\n"), "empty.yaml: empty configuration file"},
		{write("other.yaml", "name: x\nkind: Deployment\n"), "other.yaml: not a function configuration"},
		{write("bad.json", `{"functionName": "x",`), "bad.json:1:21: "},
		{write("nofn.json", `{"hello": 1}`), "nofn.json: not a function configuration"},
		{write("alias.yaml", "a: *nope\n"), "unknown anchor 'nope'"},
		{big, "config file too large"},
		{filepath.Join(dir, "missing.yaml"), "missing.yaml: no such file or directory"},
		{dir, "is a directory"},
		{filepath.Join("testdata", "bomb", "s.yaml"), "too complex to read"},
		{filepath.Join("testdata", "extend", "s.loop.yaml"), "s.loop.yaml:1: extend chain is longer than 4 files"},
		{filepath.Join("testdata", "extend", "s.missing.yaml"), "s.missing.yaml:2: extend: testdata/extend/nope.yaml: no such file or directory"},
	} {
		_, err := Load(tc.path)
		if err == nil {
			t.Errorf("Load(%s): no error, want %q", filepath.Base(tc.path), tc.want)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
			t.Errorf("Load(%s) = %q, want one line containing %q", filepath.Base(tc.path), msg, tc.want)
		}
	}
}

// A classic billion-laughs document (aliases of aliases, 10^9 leaves when
// expanded) loads without expanding anything: the reader never walks into
// values it does not need.
func TestLoadBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString("edition: 3.0.0\nvars:\n  l0: &l0 lol\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("  l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("resources:\n  fn:\n    component: fc3\n    props:\n      runtime: custom\n      layers: *l9\n      customRuntimeConfig:\n        command: *l9\n        args: *l2\n      environmentVariables: *l9\n      code: ${vars.l9}\n")
	p := filepath.Join(t.TempDir(), "s.yaml")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	fn := f.Functions[0]
	if fn.Runtime.Value != "custom" || !fn.Command.Unknown || !fn.Code.Unknown || !fn.LayersUnresolved || !fn.EnvUnresolved {
		t.Errorf("got Runtime %+v Command %+v Code %+v", fn.Runtime, fn.Command, fn.Code)
	}
	if len(fn.Command.Value) != 10 || len(fn.Args.Value) != 10 {
		t.Errorf("lists of aliases to lists: %d, %d items; want 10 each, none expanded", len(fn.Command.Value), len(fn.Args.Value))
	}
}

// The format comes from the keys, not the file name or the syntax.
func TestLoadFormatFromContent(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, content string
		want          Format
	}{
		{"s.json", `{"edition": "3.0.0", "resources": {"f": {"component": "fc3", "props": {"runtime": "custom"}}}}`, FormatFC3},
		{"s.yaml", "{functionName: x, runtime: custom, caPort: 9000}", FormatAPIJSON},
		{"fn.json", `{"Resources": {"F": {"Type": "ALIYUN::FC3::Function", "Properties": {"Runtime": "custom"}}}}`, FormatROS},
		{"bom-crlf.yaml", "\xef\xbb\xbfedition: 3.0.0\r\nresources:\r\n  f:\r\n    component: fc3\r\n    props:\r\n      runtime: custom\r\n", FormatFC3},
		{"template.yaml", "edition: 1.0.0\nservices:\n  s:\n    component: devsapp/fc\n    props: {function: {runtime: custom}}\n", FormatFC2},
	} {
		p := filepath.Join(dir, tc.name)
		if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := Load(p)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if f.Format != tc.want || len(f.Functions) != 1 || f.Functions[0].Runtime.Value != "custom" {
			t.Errorf("%s: Format %q, %d functions; want %q with runtime custom", tc.name, f.Format, len(f.Functions), tc.want)
		}
	}
}

// A component written as an expression is a function when its props say so
// (runtime, code, customRuntimeConfig); other resources stay out.
func TestLoadComponentExpression(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.yaml")
	body := "edition: 3.0.0\nresources:\n  api:\n    component: ${env('FC_COMPONENT')}\n    props:\n      functionName: api\n      runtime: go1\n      code: ./code\n  domain:\n    component: ${env('DOMAIN_COMPONENT')}\n    props:\n      domainName: auto\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Functions) != 1 || f.Functions[0].Name != "api" || f.Functions[0].Runtime.Value != "go1" || !f.Functions[0].Runtime.Known() {
		t.Fatalf("functions = %+v, want api with runtime go1", f.Functions)
	}
}
