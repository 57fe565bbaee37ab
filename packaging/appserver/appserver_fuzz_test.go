package appserver

import (
	"bytes"
	"strings"
	"testing"
)

// checkLines asserts token lines never go backwards or past the input.
func checkLines(t *testing.T, toks []token, src []byte) {
	t.Helper()
	max := bytes.Count(src, []byte{'\n'}) + bytes.Count(src, []byte{'\r'}) + 1
	prev := 1
	for _, tk := range toks {
		if tk.Line < prev || tk.Line > max {
			t.Fatalf("token %q on line %d after line %d (input has at most %d)", tk.Text, tk.Line, prev, max)
		}
		prev = tk.Line
	}
}

func FuzzLexJS(f *testing.F) {
	for _, s := range []string{"app.listen(9000)", "const s = `a${b}c`; s.keepAliveTimeout = 0", "x = a / b / c; y = /re/g.test(z)", "#!/usr/bin/env node\nrequire('./a')", "`${`${1}`}`", "/*", "'unterminated"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := lexJS(src)
		checkLines(t, toks, src)
		// Inside a block comment nothing is code.
		if !bytes.Contains(src, []byte("*/")) {
			if in := lexJS(append(append([]byte("/*"), src...), "*/"...)); len(in) != 0 {
				t.Fatalf("commented-out code produced tokens: %v", in)
			}
		}
		p := (&analysis{files: mapFiles{"a.js": string(src)}, st: Start{Vars: map[string]string{}, CAPort: 9000}}).newNodeProgram()
		p.file("a.js", 0)
		p.report()
	})
}

func FuzzLexPython(f *testing.F) {
	for _, s := range []string{"uvicorn.run(app, host='0.0.0.0')", "x = '''a\nb'''\n", "f'{x}' + r'\\d'", "from . import (a,\n b as c)\n", "a = \\\n 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := lexPython(src)
		checkLines(t, toks, src)
		line := strings.NewReplacer("\n", " ", "\r", " ").Replace(string(src))
		if in := lexPython([]byte("# " + line)); len(in) != 0 {
			t.Fatalf("a comment produced tokens: %v", in)
		}
		a := &analysis{files: mapFiles{"a.py": string(src), "gunicorn.conf.py": string(src)}, st: Start{Vars: map[string]string{}, CAPort: 9000}}
		a.newPyProgram("").file("a.py", 0)
		a.gunicorn(nil)
	})
}

func FuzzConfigParsers(f *testing.F) {
	for _, s := range []string{"http { server { listen 127.0.0.1:80; } keepalive_timeout 1h30m; }", "a=b\\\nc\n# x\nd:e", "server:\n  port: 80\n---\nspring.profiles: x\n", `{"Urls": "http://localhost:1", /* c */ "Kestrel": {"Limits": {"KeepAliveTimeout": "1.00:00:00"},}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		parseNginx(src)
		parseProperties(src)
		parseYAMLProps(src, []string{"prod"})
		stripJSONComments(src)
		nginxSeconds(string(src))
		springDurationMs(string(src))
		timeSpanSeconds(string(src))
		a := &analysis{files: mapFiles{"nginx.conf": string(src), "appsettings.json": string(src), "a.dll": ""}, st: Start{Vars: map[string]string{}, CAPort: 9000}}
		a.nginx([]string{"-c", "nginx.conf"})
		a.dotnet([]string{"a.dll"})
	})
}
