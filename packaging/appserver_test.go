package packaging

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/report"
)

// appFindings lists the FC5xx findings as "RULE FILE:LINE".
func appFindings(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "FC5") {
			out = append(out, f.Rule+" "+f.File+":"+strconv.Itoa(f.Line))
		}
	}
	return out
}

func springJar(t *testing.T, props string) string {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range map[string]string{
		"META-INF/MANIFEST.MF":                       "Spring-Boot-Version: 3.2.0\n",
		"BOOT-INF/classes/application.properties":    props,
		"BOOT-INF/lib/tomcat-embed-core-10.1.16.jar": "",
	} {
		f, _ := w.Create(name)
		f.Write([]byte(body))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestAppServerHook: the application-server checks run where the start
// command leads (command line, bootstrap, bash -c SCRIPT) and name entries
// the way other package findings do.
func TestAppServerHook(t *testing.T) {
	node := "node"
	cases := []struct {
		name  string
		fn    *config.Function
		files []zf
		want  string
	}{
		{"command node index.js", fnWith(func(f *config.Function) {
			command(node, "index.js")(f)
			f.Env = map[string]string{"PATH": "/var/fc/lang/nodejs20/bin:/usr/bin:/bin"}
		}), []zf{{Name: "index.js", Body: "require('http').createServer(h).listen(9000)\n"}}, "FC502 function.zip!index.js:1"},
		{"node server runs server.js", fnWith(func(f *config.Function) {
			command(node, "server")(f)
			f.Env = map[string]string{"PATH": "/var/fc/lang/nodejs20/bin:/usr/bin:/bin"}
		}), []zf{{Name: "server.js", Body: "const s = require('http').createServer(h).listen(9000)\ns.keepAliveTimeout = 0\n"}}, ""},
		{"bash -c runs a script that runs artisan serve", fnWith(func(f *config.Function) {
			commandArgs([]string{"bash"}, []string{"-c", "/code/start.sh"})(f)
			f.Runtime.Value = "custom" // PHP 7.4
		}),
			[]zf{{Name: "start.sh", Body: "#!/bin/bash\ncd /code/app\nphp artisan serve --host=0.0.0.0 --port=9000\n", Mode: 0o755}, {Name: "app/artisan", Body: "<?php"}},
			"FC503 function.zip!start.sh:3"},
		{"a jar inside the ZIP", fnWith(func(f *config.Function) { f.Runtime.Value = "custom" }),
			[]zf{{Name: "bootstrap", Body: "#!/bin/bash\njava -jar app.jar\n", Mode: 0o755}, {Name: "app.jar", Body: springJar(t, "server.port=9000\nserver.tomcat.keep-alive-timeout=-1\n")}},
			"FC503 function.zip!bootstrap:2"},
		{"a stored jar", fnWith(func(f *config.Function) { f.Runtime.Value = "custom" }),
			[]zf{{Name: "bootstrap", Body: "#!/bin/bash\njava -jar app.jar\n", Mode: 0o755}, {Name: "app.jar", Store: true, Body: springJar(t, "server.port=9000\nserver.tomcat.max-keep-alive-requests=-1\nserver.tomcat.keep-alive-timeout=-1\n")}},
			""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkZip(t, tc.fn, tc.files...)
			if ids := ruleIDs(fs); ids != "" {
				t.Fatalf("other findings %s%s", ids, dump(fs))
			}
			got := strings.Join(appFindings(fs), ",")
			if got != tc.want {
				t.Fatalf("got %q, want %q%s", got, tc.want, dump(fs))
			}
		})
	}
}
