package frameworks

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// FileAddr is a server address a framework reads from a file at start-up
// (beego's conf/app.conf), as found next to the package that starts it.
type FileAddr struct {
	Host string
	// Port is the port text; PortEnv, when set, is the environment variable
	// it is read from (${PORTENV||Port}), Port then being the fallback.
	Port, PortEnv string
	// Why completes "port N is ...": "httpport = 9000 in conf/app.conf:2".
	Why string
}

// MaxConfigFile bounds a framework configuration file read at analysis
// time (app.conf, etc/*.yaml are a few hundred bytes).
const MaxConfigFile = 1 << 20

// beegoAppConf finds the address beego's Run() (no argument) listens on:
// Listen.HTTPAddr and Listen.HTTPPort from conf/app.conf in the working
// directory (or the binary's, both the code root on FC), keys matched without
// case, a [runmode] section first (BEEGO_RUNMODE, else the file's runmode,
// else prod), ${VAR||default} from the environment. HTTPPort defaults to
// 8080 and HTTPAddr to "" (all interfaces). Modelled on beego v2.3.10
// server/web/config.go (init, parseConfigForV1, assignSingleConfig) and
// core/config/ini.go; v1.12.3 reads the same file and keys. ok is false when
// the file is absent or unreadable: the defaults then apply, as in beego.
func beegoAppConf(dir string, env func(string) (string, bool)) (FileAddr, bool) {
	name := "app.conf"
	if mode, ok := env("BEEGO_RUNMODE"); ok && mode != "" {
		name = mode + ".app.conf"
	}
	rel := filepath.Join("conf", name)
	data, err := ReadConfigFile(filepath.Join(dir, rel))
	if err != nil {
		return FileAddr{}, false
	}
	ini := parseINI(data)
	mode, ok := env("BEEGO_RUNMODE")
	if !ok || mode == "" {
		mode = ini.get("", "runmode").value
		if mode == "" {
			mode = "prod"
		}
	}
	lookup := func(key string) iniValue {
		if v := ini.get(mode, key); v.line > 0 {
			return v
		}
		return ini.get("", key)
	}
	out := FileAddr{Port: "8080", Why: "beego's default (no httpport in " + filepath.ToSlash(rel) + ")"}
	if v := lookup("httpaddr"); v.line > 0 {
		out.Host, _ = expandEnv(v.value, env)
	}
	if v := lookup("httpport"); v.line > 0 {
		out.Port, out.PortEnv = expandEnv(v.value, env)
		out.Why = fmt.Sprintf("httpport = %s in %s:%d", v.value, filepath.ToSlash(rel), v.line)
	}
	return out, true
}

// ReadConfigFile reads a framework's configuration file: a regular file (a
// FIFO would block) of at most MaxConfigFile bytes.
func ReadConfigFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > MaxConfigFile {
		return nil, fmt.Errorf("%s: not a regular file of at most %d bytes", path, MaxConfigFile)
	}
	return os.ReadFile(path)
}

type iniValue struct {
	value string
	line  int // 0: absent
}

// iniFile is beego's ini format: "key = value" lines, [section] headers,
// # and ; comments, keys without case. include lines and continuation are
// not followed.
type iniFile map[string]map[string]iniValue

func (f iniFile) get(section, key string) iniValue {
	return f[strings.ToLower(section)][strings.ToLower(key)]
}

func parseINI(data []byte) iniFile {
	out := iniFile{"": {}}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), MaxConfigFile)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
			continue
		case line[0] == '[' && line[len(line)-1] == ']':
			section = strings.ToLower(strings.TrimSpace(line[1 : len(line)-1]))
			if out[section] == nil {
				out[section] = map[string]iniValue{}
			}
			continue
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		if len(val) >= 2 && (val[0] == '"' && val[len(val)-1] == '"' || val[0] == '\'' && val[len(val)-1] == '\'') {
			val = val[1 : len(val)-1]
		}
		out[section][strings.ToLower(strings.TrimSpace(key))] = iniValue{value: val, line: n}
	}
	return out
}

// expandEnv resolves beego's ${VAR||default} (and ${VAR}): the variable's
// value when the environment sets it, else the default; name is the variable
// when it is read at run time (FC's own port variables, or one the
// configuration does not set), so the caller can tell the CAPort.
func expandEnv(v string, env func(string) (string, bool)) (text, name string) {
	if !strings.HasPrefix(v, "${") || !strings.HasSuffix(v, "}") {
		return v, ""
	}
	inner := v[2 : len(v)-1]
	key, def, _ := strings.Cut(inner, "||")
	key = strings.TrimSpace(key)
	if val, ok := env(key); ok && val != "" {
		return val, ""
	}
	return def, key
}
