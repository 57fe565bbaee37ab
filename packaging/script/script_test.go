package script

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	s := Parse([]byte("#!/usr/bin/env -S python3 -u\r\nprint(1)\n"))
	if !s.HasShebang || !s.CRLF || s.CRLFLine != 1 || s.Interpreter != "/usr/bin/env" {
		t.Fatalf("%+v", s)
	}
	if p, viaPath := s.Program(); p != "python3" || !viaPath {
		t.Errorf("Program = %q %v", p, viaPath)
	}
	if s := Parse([]byte("\x7fELF\x00\x00")); !s.Binary || s.HasShebang {
		t.Errorf("binary: %+v", s)
	}
	if s := Parse([]byte("echo hi\n")); s.HasShebang || s.CRLF {
		t.Errorf("plain: %+v", s)
	}
}

func TestSplit(t *testing.T) {
	cases := map[string][][]string{
		`exec gunicorn -b "0.0.0.0:$PORT" app:app 2>&1 | tee log`: {{"exec", "gunicorn", "-b", "0.0.0.0:$PORT", "app:app"}, {"tee", "log"}},
		`cd /code && python3 app.py > out.log # start`:            {{"cd", "/code"}, {"python3", "app.py"}},
		`FOO='a b' ./main; echo done &`:                           {{"FOO=a b", "./main"}, {"echo", "done"}},
		`node ${APP:-server.js} --port=${FC_SERVER_PORT}`:         {{"node", "${APP:-server.js}", "--port=${FC_SERVER_PORT}"}},
		`echo "unterminated`:                                      {{"echo", "unterminated"}},
	}
	for in, want := range cases {
		if got := Split(in); !reflect.DeepEqual(got, want) {
			t.Errorf("Split(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	c := CommandLine([]string{"env", "-i", "PORT=9000", "nohup", "exec", "/code/main"})
	if !reflect.DeepEqual(c.Words, []string{"/code/main"}) || c.Assign["PORT"] != "9000" {
		t.Errorf("%+v", c)
	}
}

func TestExpand(t *testing.T) {
	vars := Vars{"PORT": "8080"}
	cases := []struct {
		in, out string
		ok      bool
	}{
		{"9000", "9000", true},
		{"$PORT", "8080", true},
		{"0.0.0.0:${PORT}", "0.0.0.0:8080", true},
		{"$FC_CUSTOM_LISTEN_PORT", CAPortValue, true},
		{"${FC_SERVER_PORT:-9000}", CAPortValue, true},
		{"${OTHER:-9000}", "", false},
		{"$OTHER", "", false},
		{"$(cat port)", "", false},
	}
	for _, c := range cases {
		out, ok := Expand(c.in, vars)
		if out != c.out || ok != c.ok {
			t.Errorf("Expand(%q) = %q %v, want %q %v", c.in, out, ok, c.out, c.ok)
		}
	}
}

func TestBinds(t *testing.T) {
	cases := []struct {
		line string
		want string // host|port per bind, "?" for unknown
	}{
		{"gunicorn -b 127.0.0.1:9000 app:app", "127.0.0.1|9000"},
		{"gunicorn --bind=:9000 app:app", "|9000"},
		{"gunicorn -b 0.0.0.0 app:app", "0.0.0.0|8000"},
		{"gunicorn -b unix:/tmp/s app:app", "?|?"},
		{"gunicorn app:app", "127.0.0.1|8000"},
		{"gunicorn -c conf.py app:app", ""},
		{"python3 -m gunicorn -b [::1]:9000 app", "[::1]|9000"},
		{"uvicorn main:app", "127.0.0.1|8000"},
		{"uvicorn main:app --host 0.0.0.0 --port $FC_CUSTOM_LISTEN_PORT", "0.0.0.0|CA"},
		{"UVICORN_PORT=9000 uvicorn main:app --host 0.0.0.0", "0.0.0.0|"},
		{"flask run -h 0.0.0.0 -p 9000", "0.0.0.0|9000"},
		{"flask run --port 9000", "127.0.0.1|9000"},
		{"php -S localhost:9000 router.php", "localhost|9000"},
		{"java -Dserver.port=8080 -jar app.jar", "|8080"},
		{"java -jar app.jar", ""},
		{"node server.js --port 3000", "|3000"},
		{"./main --listen 127.0.0.1:9000", "127.0.0.1|9000"},
		{"mkdir -p /tmp/x", ""},
		{"redis-server --bind 127.0.0.1 --port 6379", ""},
		{"./server -p $MYPORT", "|?"},
	}
	for _, c := range cases {
		var parts []string
		for _, w := range Split(c.line) {
			cmd := CommandLine(w)
			vars := Vars{}
			for k, v := range cmd.Assign {
				vars[k] = v
			}
			for _, b := range Binds(cmd, vars) {
				h, p := b.Host, b.Port
				if !b.HostKnown {
					h = "?"
				}
				if !b.PortKnown {
					p = "?"
				}
				if p == CAPortValue {
					p = "CA"
				}
				parts = append(parts, h+"|"+p)
			}
		}
		if got := strings.Join(parts, ","); got != c.want {
			t.Errorf("%s: %q, want %q", c.line, got, c.want)
		}
	}
}

func TestFileRefs(t *testing.T) {
	cases := map[string]string{
		"python3 -u server.py --port 9000":        "server.py",
		"python3 -m uvicorn main:app":             "",
		"node --require dotenv/config app.js":     "app.js",
		"java -Xmx512m -jar target/demo.jar":      "target/demo.jar",
		"/code/main --flag":                       "/code/main",
		"php -S 0.0.0.0:9000 -t public index.php": "index.php",
		"bash -c 'echo hi'":                       "",
		"./start.sh":                              "./start.sh",
	}
	for line, want := range cases {
		got := strings.Join(FileRefs(CommandLine(Split(line)[0])), " ")
		if got != want {
			t.Errorf("%s: %q, want %q", line, got, want)
		}
	}
}

func TestInPackage(t *testing.T) {
	cases := []struct{ word, cwd, want string }{
		{"/code/main", "", "main"},
		{"./main", "", "main"},
		{"main", "app", "app/main"},
		{"../x", "app", "x"},
		{"/usr/bin/python3", "", ""},
		{"$APP/main", "", ""},
	}
	for _, c := range cases {
		got, _ := InPackage(c.word, c.cwd)
		if got != c.want {
			t.Errorf("InPackage(%q, %q) = %q, want %q", c.word, c.cwd, got, c.want)
		}
	}
}

func TestManyContinuations(t *testing.T) {
	head := "#!/bin/sh\nexec ./main" + strings.Repeat(" \\\n--flag", HeadSize/8) + "\n"
	cmds := Parse([]byte(head[:HeadSize])).Commands()
	if len(cmds) != 1 || len(cmds[0].Words) < 1000 {
		t.Fatalf("%d commands", len(cmds))
	}
}

// The message quotes the option as the user wrote it.
func TestBindFrom(t *testing.T) {
	cases := map[string]string{
		"java -Dserver.port=8080 -jar app.jar": "-Dserver.port=8080",
		"gunicorn -b 127.0.0.1:9000 app:app":   "-b 127.0.0.1:9000",
	}
	for line, want := range cases {
		bs := Binds(CommandLine(Split(line)[0]), Vars{})
		if len(bs) != 1 || bs[0].PortFrom != want {
			t.Errorf("%s: binds %+v, want PortFrom %q", line, bs, want)
		}
	}
}

func TestHeredocBodiesAreNotCommands(t *testing.T) {
	s := Parse([]byte("#!/bin/bash\ncat > /tmp/a <<EOF\nnode server.js\nEOF\ncat <<-'END' >/tmp/b\n\t./missing\n\tEND\ngrep x <<< \"$v\"\nexec ./main\n"))
	var names []string
	for _, c := range s.Commands() {
		names = append(names, c.Name())
	}
	if got := strings.Join(names, " "); got != "cat cat grep main" {
		t.Errorf("commands %q", got)
	}
}
