package frameworks

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Env looks an environment variable up in the function's configuration: its
// value when set, and unknown when the configuration sets it from something
// fclint cannot read.
type Env func(name string) (value string, set, unknown bool)

// FileSetting is a server knob a configuration file sets (GoFrame's
// readTimeout in config.yaml).
type FileSetting struct {
	Knob     Knob
	Duration time.Duration // for timeouts
	On       bool          // for a switch (KeepAlive)
	// Where says where it is written, for messages:
	// `readTimeout: 30s in manifest/config/config.yaml:4`.
	Where string
	// Fix is the fix text for a value that needs another.
	Fix string
}

// ConfigDirs are the folders a framework searches for its configuration file
// at start-up, in order: the working directory, which on FC is the code root
// (codeDir when the function's configuration names it), else the folder of
// the package that starts the server and, for a package other than main, the
// module's root (the nearest folder upward with a go.mod, not leaving a
// testdata tree).
func ConfigDirs(pkgDir, codeDir string, isMain bool) []string {
	if codeDir != "" {
		return []string{codeDir}
	}
	dirs := []string{pkgDir}
	if isMain {
		return dirs
	}
	for d, i := pkgDir, 0; i < 16; i++ {
		if filepath.Base(d) == "testdata" {
			break
		}
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && fi.Mode().IsRegular() {
			if d != pkgDir {
				dirs = append(dirs, d)
			}
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return dirs
}

// GoFrame's configuration file search, from os/gcfg at tag v2.10.2
// (gcfg_adapter_file.go, gcfg_adapter_file_path.go): the file name is
// "config" (DefaultConfigFileName) or GF_GCFG_FILE; without an extension
// gcfg tries the name itself, then name.toml, .yaml, .yml, .json, .ini, .xml,
// .properties (supportedFileTypes), each in every search path (the working
// directory, the main package's source folder, the binary's folder; only
// GF_GCFG_PATH when set) under "", "config/" and "manifest/config"
// (localSystemTryFolders).
var (
	gfFileTypes  = []string{"toml", "yaml", "yml", "json", "ini", "xml", "properties"}
	gfTryFolders = []string{"", "config", "manifest/config"}
)

// gfFile is a GoFrame configuration file found for a package.
type gfFile struct {
	rel  string     // as messages show it: "manifest/config/config.yaml"
	root *yaml.Node // the top mapping; nil when the file has none
}

// gfFind finds and reads GoFrame's configuration file. found is false when
// there is none (gins then applies no configuration); known is false when
// one is found that fclint does not read (TOML, INI, XML, properties, a
// syntax error) or the environment that names it is unknown.
func gfFind(dirs []string, env Env) (f gfFile, found, known bool) {
	name := "config"
	if v, set, unknown := env("GF_GCFG_FILE"); unknown {
		return f, true, false
	} else if set && v != "" {
		name = v
	}
	if v, set, unknown := env("GF_GCFG_PATH"); unknown {
		return f, true, false
	} else if set && v != "" {
		if filepath.IsAbs(v) || len(dirs) == 0 {
			return f, true, false // a path on FC's file system
		}
		dirs = []string{filepath.Join(dirs[0], v)}
	}
	if filepath.IsAbs(name) {
		return f, true, false
	}
	path, rel := gfSearch(dirs, name)
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	if path == "" && !contains(gfFileTypes, ext) {
		for _, t := range gfFileTypes {
			if path, rel = gfSearch(dirs, name+"."+t); path != "" {
				break
			}
		}
	}
	if path == "" {
		return f, false, true
	}
	f.rel = filepath.ToSlash(rel)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json", "":
	default:
		return f, true, false // TOML and the others are not read
	}
	data, err := ReadConfigFile(path)
	if err != nil {
		return f, true, false
	}
	root, ok := ParseYAML(data)
	if !ok {
		return f, true, false
	}
	f.root = root
	return f, true, true
}

// gfSearch is gcfg's doGetFilePath: the first regular file name under a try
// folder of a search path.
func gfSearch(dirs []string, name string) (path, rel string) {
	for _, d := range dirs {
		for _, folder := range gfTryFolders {
			p := filepath.Join(d, folder, name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, filepath.Join(folder, name)
			}
		}
	}
	return "", ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// gfKey finds key in a mapping as GoFrame's utils.MapPossibleItemByKey does
// (gins_server.go, gconv.Struct): the exact key, else the first key equal
// without case and without symbols ("http-server", "read_timeout").
func gfKey(n *yaml.Node, key string) (k, v *yaml.Node) {
	pairs := YAMLPairs(n, 0)
	for _, p := range pairs {
		if p[0].Value == key {
			return p[0], YAMLDeref(p[1], 0)
		}
	}
	for _, p := range pairs {
		if strings.EqualFold(gfSymbolless(p[0].Value), gfSymbolless(key)) {
			return p[0], YAMLDeref(p[1], 0)
		}
	}
	return nil, nil
}

// gfExact finds key in a mapping exactly (gjson's pattern lookup).
func gfExact(n *yaml.Node, key string) *yaml.Node {
	for _, p := range YAMLPairs(n, 0) {
		if p[0].Value == key {
			return YAMLDeref(p[1], 0)
		}
	}
	return nil
}

// gfSymbolless is utils.RemoveSymbols: letters, digits and non-ASCII only.
func gfSymbolless(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c > 127 || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// gfServerNode is the node gins.Server applies to the server named instance
// (frame/gins/gins_server.go at v2.10.2): the top key "server", else
// "httpserver" (consts.ConfigNodeNameServer, ConfigNodeNameServerSecondary,
// matched like MapPossibleItemByKey); its child named instance (exactly) when
// that is a non-empty mapping, else the node itself when it is one. path
// names it for messages ("server", "server.api"); nil without one.
func gfServerNode(root *yaml.Node, instance string) (node *yaml.Node, path string) {
	if root == nil {
		return nil, ""
	}
	k, v := gfKey(root, "server")
	if k == nil {
		k, v = gfKey(root, "httpserver")
	}
	if k == nil || v == nil || v.Kind != yaml.MappingNode {
		return nil, ""
	}
	if c := gfExact(v, instance); c != nil && c.Kind == yaml.MappingNode && len(YAMLPairs(c, 0)) > 0 {
		return c, k.Value + "." + instance
	}
	if len(YAMLPairs(v, 0)) == 0 {
		return nil, ""
	}
	return v, k.Value
}

// gfInstance is the instance name gins.Server and ghttp.GetServer use for a
// name argument ("" when there is none): ghttp.DefaultServerName "default".
func gfInstance(name string) string {
	if name == "" {
		return "default"
	}
	return name
}

// gfRandomWhy explains GoFrame's ":0".
const gfRandomWhy = "GoFrame's default (:0, a random port): NewConfig's address (net/ghttp/ghttp_server_config.go) stays, as the package never sets one"

// goFrameAddrs is the address a server built by g.Server(instance) listens on
// when the package sets none: the address of its node in the configuration
// file (SetConfigWithMap, then SetConfig prefixes ":" to an address without
// one, and startServer listens on each of its comma-separated addresses, ":80"
// for an empty one), else NewConfig's ":0". ok is false without a file; addrs
// is nil when the file cannot be read (unknown).
func goFrameAddrs(instance string, dirs []string, env Env) (addrs []FileAddr, ok bool) {
	f, found, known := gfFind(dirs, env)
	if !found {
		return nil, false
	}
	if !known {
		return nil, true
	}
	return gfAddrs(f, instance), true
}

// gfAddrs are the addresses file f gives the server instance; nil when
// they cannot be read.
func gfAddrs(f gfFile, instance string) (addrs []FileAddr) {
	node, path := gfServerNode(f.root, gfInstance(instance))
	var k, v *yaml.Node
	if node != nil {
		k, v = gfKey(node, "address")
	}
	if k == nil {
		return []FileAddr{{Port: "0", Why: gfRandomWhy + " and " + f.rel + " has no server address"}}
	}
	if v == nil || v.Kind != yaml.ScalarNode {
		return nil
	}
	text := v.Value
	if v.Tag == "!!null" {
		text = ""
	}
	where := fmt.Sprintf("%s.%s: %s in %s:%d", path, k.Value, v.Value, f.rel, v.Line)
	if strings.TrimSpace(text) == "" {
		return []FileAddr{{Port: "80", Why: "GoFrame's default (:80) for the empty " + where}}
	}
	if !strings.Contains(text, ":") {
		text = ":" + text
	}
	for _, a := range strings.Split(text, ",") {
		a = strings.TrimSpace(a)
		a, _, _ = strings.Cut(a, "#")
		if a == "" {
			continue
		}
		i := strings.LastIndexByte(a, ':')
		if i < 0 {
			return nil
		}
		fa := FileAddr{Host: a[:i], Port: a[i+1:], Why: where}
		if fa.Port == "0" {
			fa.Why = where + ", which picks a random port"
		}
		addrs = append(addrs, fa)
	}
	if len(addrs) == 0 {
		return []FileAddr{{Port: "80", Why: "GoFrame's default (:80) for the empty " + where}}
	}
	return addrs
}

// gfTimeouts are the ServerConfig fields (json tags) FC104 judges.
var gfTimeouts = []struct {
	key  string
	knob Knob
}{{"readTimeout", ReadTimeout}, {"writeTimeout", WriteTimeout}, {"idleTimeout", IdleTimeout}}

// goFrameSettings are the timeouts the configuration file gives the server
// g.Server(instance) builds, replacing NewConfig's. A value is converted as
// gconv.Duration does (util/gconv/internal/converter/converter_time.go at
// v2.10.2): a number is nanoseconds, text is gtime.ParseDuration's ("60s",
// "1d2h"). found is false without a file; known is false when the file, or
// a timeout in it, cannot be read.
func goFrameSettings(instance string, dirs []string, env Env) (settings []FileSetting, found, known bool) {
	f, found, known := gfFind(dirs, env)
	if !found || !known {
		return nil, found, known
	}
	settings, known = gfSettings(f, instance)
	return settings, true, known
}

// gfSettings are the timeouts and the keep-alive switch file f gives the
// server instance; known is false when one cannot be read.
func gfSettings(f gfFile, instance string) (settings []FileSetting, known bool) {
	node, path := gfServerNode(f.root, gfInstance(instance))
	if node == nil {
		return nil, true
	}
	if k, v := gfKey(node, "keepAlive"); k != nil {
		on, ok := gfBool(v)
		if !ok {
			return nil, false
		}
		settings = append(settings, FileSetting{
			Knob:  KeepAlive,
			On:    on,
			Where: fmt.Sprintf("%s.%s: %s in %s:%d", path, k.Value, v.Value, f.rel, v.Line),
			Fix:   fmt.Sprintf("remove %s.%s from %s (keep-alive is on by default) or set it to true", path, k.Value, f.rel),
		})
	}
	for _, t := range gfTimeouts {
		k, v := gfKey(node, t.key)
		if k == nil {
			continue
		}
		if v == nil || v.Kind != yaml.ScalarNode {
			return nil, false
		}
		d, ok := gfDuration(v.Value)
		if !ok {
			return nil, false
		}
		settings = append(settings, FileSetting{
			Knob:     t.knob,
			Duration: d,
			Where:    fmt.Sprintf("%s.%s: %s in %s:%d", path, k.Value, v.Value, f.rel, v.Line),
			Fix:      fmt.Sprintf("set %s.%s to 0 (no timeout) in %s", path, k.Value, f.rel),
		})
	}
	return settings, true
}

// gfBool is gconv.Bool of a file's value as YAML resolves it
// (util/gconv/internal/converter/converter_bool.go at v2.10.2): null, false,
// a zero number, and the strings "", "0", "no", "off" and "false" in any
// case are false; any other scalar is true.
func gfBool(v *yaml.Node) (on, ok bool) {
	if v == nil || v.Kind != yaml.ScalarNode {
		return false, false
	}
	var x any
	if err := v.Decode(&x); err != nil {
		return false, false
	}
	switch x := x.(type) {
	case nil:
		return false, true
	case bool:
		return x, true
	case int:
		return x != 0, true
	case int64:
		return x != 0, true
	case uint64:
		return x != 0, true
	case float64:
		return x != 0, true
	case string:
		switch strings.ToLower(x) {
		case "", "0", "no", "off", "false":
			return false, true
		}
		return true, true
	}
	return false, false
}

// gfDuration is gconv.Duration of a file's text: digits are nanoseconds;
// otherwise gtime.ParseDuration, which also reads a leading "<n>d" as days.
func gfDuration(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if gfNumeric(s) {
		var n int64
		if _, err := fmt.Sscan(s, &n); err != nil {
			return 0, false
		}
		return time.Duration(n), true
	}
	if i := strings.IndexAny(s, "dD"); i > 0 && gfNumeric(s[:i]) {
		var days int64
		if _, err := fmt.Sscan(s[:i], &days); err != nil || days > 1<<20 || days < -(1<<20) {
			return 0, false
		}
		rest := s[i+1:]
		d := time.Duration(days) * 24 * time.Hour
		if rest == "" {
			return d, true
		}
		r, err := time.ParseDuration(rest)
		if err != nil {
			return 0, false
		}
		return d + r, true
	}
	d, err := time.ParseDuration(s)
	return d, err == nil
}

// gfNumeric is utils.IsNumeric for integers: an optional sign and digits.
func gfNumeric(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
