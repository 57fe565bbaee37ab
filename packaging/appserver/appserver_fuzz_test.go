package appserver

import (
	"archive/zip"
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

// jarBytes is a jar (a ZIP) of files, for fuzz seeds.
func jarBytes(files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// FuzzJar reads arbitrary bytes as the jar of `java -jar`: the jar reader,
// MANIFEST.MF, Spring Boot's, Quarkus's and Micronaut's configuration
// files inside it. It reports or not, and never panics or hangs.
func FuzzJar(f *testing.F) {
	f.Add(jarBytes(map[string]string{
		"META-INF/MANIFEST.MF":                    "Main-Class: org.springframework.boot.loader.launch.JarLauncher\r\nSpring-Boot-Version: 3.2.0\r\n",
		"BOOT-INF/classes/application.properties": "server.port=${PORT:8080}\nspring.profiles.active=prod\n",
		"BOOT-INF/classes/application-prod.yml":   "server:\n  address: 127.0.0.1\n  tomcat:\n    keep-alive-timeout: 30s\n",
	}), "prod")
	f.Add(jarBytes(map[string]string{"META-INF/MANIFEST.MF": "Main-Class: io.quarkus.bootstrap.runner.QuarkusEntryPoint\n", "application.properties": "quarkus.http.host=localhost\n"}), "")
	f.Add(jarBytes(map[string]string{"io/micronaut/runtime/Micronaut.class": "", "application.yml": "micronaut:\n  server:\n    port: ${X:${Y:${Z}}}\n"}), "dev")
	f.Add([]byte("PK\x03\x04 not a jar"), "")
	f.Fuzz(func(t *testing.T, jar []byte, profile string) {
		a := &analysis{files: mapFiles{"app.jar": string(jar)}, st: Start{Cwd: "/code", Vars: map[string]string{"SPRING_PROFILES_ACTIVE": profile}, CAPort: 9000}}
		a.java([]string{"-Dspring.profiles.active=" + profile, "-jar", "app.jar", "--server.port=9000"})
		a.java([]string{"-jar", "/code/app.jar"})
	})
}
