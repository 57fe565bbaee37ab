package appserver

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Java defaults:
//   - Spring Boot 2.x/3.x: server.port 8080, server.address unset (all
//     interfaces); the embedded Tomcat (9.0/10.1) keeps its own defaults:
//     connectionTimeout 60000 ms, keepAliveTimeout = connectionTimeout,
//     maxKeepAliveRequests 100 (Tomcat HTTP connector reference).
//   - Quarkus: quarkus.http.port 8080, host 0.0.0.0 in prod mode.
//   - Micronaut: micronaut.server.port 8080.
const (
	tomcatConnectionTimeoutMs = 60000
	tomcatMaxKeepAlive        = 100
	springFix                 = "server.port=${FC_CUSTOM_LISTEN_PORT:9000} in application.properties"
	tomcatFix                 = "server.tomcat.keep-alive-timeout=-1 and server.tomcat.max-keep-alive-requests=-1 (or -Dserver.tomcat...=-1)"
	maxConfigSize             = 1 << 20
)

// javaProps is the merged configuration with where each key came from.
type javaProps map[string]javaProp

type javaProp struct {
	value string
	file  string // package-relative, "jar!entry" for a jar's own files; "" for the command
	line  int
	src   string // the line as written
	// flag is true for -D and --key=value: FC302 reports those binds.
	flag bool
}

// java handles "java [options] -jar APP.jar [args]".
func (a *analysis) java(args []string) {
	sys := javaProps{}
	jarWord := ""
	var appArgs []string
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case strings.HasPrefix(w, "-D"):
			k, v, _ := strings.Cut(w[2:], "=")
			sys[k] = javaProp{value: v, flag: true}
		case w == "-jar" && i+1 < len(args):
			jarWord = args[i+1]
			appArgs = args[i+2:]
			i = len(args)
		case w == "-cp" || w == "-classpath" || w == "--class-path":
			i++
		}
	}
	if jarWord == "" {
		return
	}
	rel, ok := a.rel(jarWord)
	if !ok {
		return
	}
	zr, closer, err := a.files.Zip(rel)
	if err != nil {
		return
	}
	defer closer.Close()
	jar := newJarIndex(zr)
	for _, w := range appArgs {
		if k, v, ok := strings.Cut(strings.TrimPrefix(w, "--"), "="); ok && strings.HasPrefix(w, "--") {
			sys[k] = javaProp{value: v, flag: true}
		}
	}
	switch {
	case jar.has("BOOT-INF/classes/") || jar.manifest("Spring-Boot-Version") != "":
		a.springBoot(rel, jar, sys)
	case jar.hasPrefix("io/quarkus/") || strings.HasPrefix(jar.manifest("Main-Class"), "io.quarkus."):
		a.javaPort(rel, jar, "", sys, "quarkus.http.port", "quarkus.http.host", "Quarkus", "0.0.0.0")
	case jar.hasPrefix("io/micronaut/"):
		a.javaPort(rel, jar, "", sys, "micronaut.server.port", "micronaut.server.host", "Micronaut", "")
	}
}

// jarIndex lists a jar's entries.
type jarIndex struct {
	zr    *zip.Reader
	names map[string]*zip.File
	mf    map[string]string
}

func newJarIndex(zr *zip.Reader) *jarIndex {
	j := &jarIndex{zr: zr, names: map[string]*zip.File{}}
	for _, f := range zr.File {
		j.names[f.Name] = f
	}
	return j
}

func (j *jarIndex) has(name string) bool { _, ok := j.names[name]; return ok || j.hasPrefix(name) }

func (j *jarIndex) hasPrefix(prefix string) bool {
	for n := range j.names {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}

func (j *jarIndex) read(name string) ([]byte, bool) {
	f, ok := j.names[name]
	if !ok {
		return nil, false
	}
	rc, err := f.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxConfigSize))
	return b, err == nil
}

// manifest returns a MANIFEST.MF attribute.
func (j *jarIndex) manifest(key string) string {
	if j.mf == nil {
		j.mf = map[string]string{}
		if b, ok := j.read("META-INF/MANIFEST.MF"); ok {
			for _, l := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
				if k, v, ok := strings.Cut(l, ":"); ok {
					j.mf[strings.TrimSpace(k)] = strings.TrimSpace(v)
				}
			}
		}
	}
	return j.mf[key]
}

// loadConfig merges application.properties/.yml under dir, then the
// profile-specific files of each active profile, then the environment
// (relaxed binding: SERVER_PORT), then sys (-D and --args), as Spring
// Boot orders property sources.
func (a *analysis) loadConfig(jarRel string, jar *jarIndex, dir string, sys javaProps) javaProps {
	props := javaProps{}
	load := func(suffix string) {
		for _, ext := range []string{".properties", ".yml", ".yaml"} {
			name := dir + "application" + suffix + ext
			b, ok := jar.read(name)
			if !ok {
				continue
			}
			where := jarRel + "!" + name
			lines := strings.Split(string(b), "\n")
			parsed := parseProperties(b)
			if ext != ".properties" {
				parsed = parseYAMLProps(b, activeProfiles(props, sys, a.st.Vars))
			}
			for k, p := range parsed {
				p.file = where
				if p.line >= 1 && p.line <= len(lines) {
					p.src = strings.TrimRight(lines[p.line-1], "\r")
				}
				props[k] = p
			}
		}
	}
	load("")
	for _, p := range activeProfiles(props, sys, a.st.Vars) {
		load("-" + p)
	}
	for k, v := range a.st.Vars {
		key := strings.ToLower(strings.ReplaceAll(k, "_", "."))
		props[key] = javaProp{value: v}
	}
	for k, v := range sys {
		props[k] = v
	}
	return props
}

// activeProfiles: spring.profiles.active from flags, environment or files.
func activeProfiles(props, sys javaProps, vars map[string]string) []string {
	v := ""
	if p, ok := props["spring.profiles.active"]; ok {
		v = p.value
	}
	if e, ok := vars["SPRING_PROFILES_ACTIVE"]; ok {
		v = e
	}
	if p, ok := sys["spring.profiles.active"]; ok {
		v = p.value
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" && !strings.Contains(p, "${") {
			out = append(out, p)
		}
	}
	return out
}

// resolve expands ${NAME:default} placeholders: FC's port variables are
// CAPort, other names are looked up in the configuration and environment.
func (a *analysis) resolvePlaceholder(v string, props javaProps, depth int) (string, bool) {
	if !strings.Contains(v, "${") {
		return v, true
	}
	if depth > 8 {
		return "", false
	}
	i := strings.Index(v, "${")
	j := strings.Index(v[i:], "}")
	if j < 0 {
		return "", false
	}
	inner := v[i+2 : i+j]
	name, def, hasDef := strings.Cut(inner, ":")
	var val string
	switch {
	case isFCPortVar(name):
		val = "\x00CAPort\x00"
	default:
		if e, ok := a.st.Vars[name]; ok {
			val = e
		} else if p, ok := props[strings.ToLower(name)]; ok {
			val = p.value
		} else if hasDef {
			val = def
		} else {
			return "", false
		}
	}
	return a.resolvePlaceholder(v[:i]+val+v[i+j+1:], props, depth+1)
}

// springBoot checks a Spring Boot jar's server settings.
func (a *analysis) springBoot(jarRel string, jar *jarIndex, sys javaProps) {
	props := a.loadConfig(jarRel, jar, "BOOT-INF/classes/", sys)
	a.javaPortFrom(props, "server.port", "server.address", "Spring Boot", 8080, "", springFix)
	// Tomcat settings: only when the jar embeds Tomcat (not Jetty, Undertow, Netty).
	if !jar.hasPrefix("BOOT-INF/lib/tomcat-embed-core") {
		return
	}
	connTimeout, ctFrom := float64(tomcatConnectionTimeoutMs), "Tomcat's default connectionTimeout of 60 s"
	ctProp, ctSet := props["server.tomcat.connection-timeout"]
	if !ctSet {
		ctProp, ctSet = props["server.connection-timeout"] // Spring Boot 2.0-2.2
	}
	if ctSet {
		if v, ok := a.resolvePlaceholder(ctProp.value, props, 0); ok {
			if ms, ok := springDurationMs(v); ok {
				connTimeout, ctFrom = ms, "connection-timeout "+v
			} else {
				return
			}
		} else {
			return
		}
	}
	ka, kaFrom, kaAt := connTimeout, ctFrom+" (keep-alive-timeout defaults to connection-timeout)", ctProp
	if p, ok := props["server.tomcat.keep-alive-timeout"]; ok {
		v, ok := a.resolvePlaceholder(p.value, props, 0)
		ms, ok2 := springDurationMs(v)
		if !ok || !ok2 {
			return
		}
		ka, kaFrom, kaAt = ms, "server.tomcat.keep-alive-timeout="+p.value, p
	}
	if !longEnough(ka) {
		a.add("FC502", kaAt.file, kaAt.line, kaAt.src, fmt.Sprintf("the embedded Tomcat closes a kept-alive connection after it is idle %s (%s); %s", seconds(ka), kaFrom, closesMsg), tomcatFix)
	}
	max, maxFrom, maxAt := float64(tomcatMaxKeepAlive), "Tomcat's default maxKeepAliveRequests of 100", javaProp{}
	if p, ok := props["server.tomcat.max-keep-alive-requests"]; ok {
		v, ok := a.resolvePlaceholder(p.value, props, 0)
		n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || err != nil {
			return
		}
		max, maxFrom, maxAt = n, "server.tomcat.max-keep-alive-requests="+p.value, p
	}
	if max > 0 {
		a.add("FC503", maxAt.file, maxAt.line, maxAt.src, fmt.Sprintf("the embedded Tomcat closes each connection after %s requests (%s); %s", strconv.FormatFloat(max, 'f', -1, 64), maxFrom, closesMsg), tomcatFix)
	}
}

// javaPort checks a Quarkus or Micronaut jar's port.
func (a *analysis) javaPort(jarRel string, jar *jarIndex, dir string, sys javaProps, portKey, hostKey, server, defHost string) {
	props := a.loadConfig(jarRel, jar, dir, sys)
	a.javaPortFrom(props, portKey, hostKey, server, 8080, defHost, fmt.Sprintf("%s=${FC_CUSTOM_LISTEN_PORT:9000}", portKey))
}

func (a *analysis) javaPortFrom(props javaProps, portKey, hostKey, server string, defPort int, defHost, fix string) {
	p := port{n: defPort, known: true, from: fmt.Sprintf("%s's default %s %d", server, portKey, defPort)}
	var at javaProp
	if pp, ok := props[portKey]; ok {
		if pp.flag {
			return // -Dserver.port / --server.port: FC302's
		}
		v, ok := a.resolvePlaceholder(pp.value, props, 0)
		if !ok {
			return
		}
		p, at = portFromString(v, portKey+"="+pp.value), pp
		if p.known && !p.caPort && p.n == 0 {
			p.from += ": a random free port"
		}
	}
	host, hostFrom := defHost, ""
	if hp, ok := props[hostKey]; ok && !hp.flag {
		if v, ok := a.resolvePlaceholder(hp.value, props, 0); ok {
			host, hostFrom, at = v, hostKey+"="+hp.value, hp
		}
	}
	a.bind(at.file, at.line, at.src, server, host, hostFrom, p, fix)
}

// springDurationMs reads a Spring Boot Duration for Tomcat timeouts: a
// bare number is milliseconds; "60s", "1m", "PT1M", "-1".
func springDurationMs(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		return n, true
	}
	if strings.HasPrefix(strings.ToUpper(s), "PT") || strings.HasPrefix(strings.ToUpper(s), "-PT") {
		secs, ok := nginxSeconds(strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(strings.ToUpper(s), "-"), "PT")))
		if strings.HasPrefix(s, "-") {
			secs = -secs
		}
		return secs * 1000, ok
	}
	for _, u := range []struct {
		suffix string
		ms     float64
	}{{"ns", 1e-6}, {"us", 1e-3}, {"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}, {"d", 86400000}} {
		if strings.HasSuffix(s, u.suffix) {
			if n, err := strconv.ParseFloat(strings.TrimSuffix(s, u.suffix), 64); err == nil {
				return n * u.ms, true
			}
		}
	}
	return 0, false
}

// parseProperties reads a Java .properties file: key=value, key:value or
// "key value", # and ! comments, backslash continuations and escapes.
func parseProperties(b []byte) map[string]javaProp {
	out := map[string]javaProp{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), maxConfigSize)
	n := 0
	var logical strings.Builder
	start := 0
	for sc.Scan() {
		n++
		line := strings.TrimLeft(sc.Text(), " \t\f")
		if logical.Len() == 0 {
			start = n
			if line == "" || line[0] == '#' || line[0] == '!' {
				continue
			}
		}
		// an odd number of trailing backslashes continues the line
		trail := len(line) - len(strings.TrimRight(line, `\`))
		if trail%2 == 1 {
			logical.WriteString(line[:len(line)-1])
			continue
		}
		logical.WriteString(line)
		k, v := splitProperty(logical.String())
		logical.Reset()
		if k != "" {
			out[k] = javaProp{value: v, line: start}
		}
	}
	return out
}

// splitProperty splits at the first unescaped '=', ':' or whitespace.
func splitProperty(s string) (string, string) {
	var key strings.Builder
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			i++
			key.WriteByte(s[i])
			continue
		}
		if c == '=' || c == ':' || c == ' ' || c == '\t' {
			break
		}
		key.WriteByte(c)
	}
	rest := strings.TrimLeft(s[i:], " \t")
	if rest != "" && (rest[0] == '=' || rest[0] == ':') {
		rest = strings.TrimLeft(rest[1:], " \t")
	}
	return key.String(), unescapeProperty(rest)
}

func unescapeProperty(s string) string {
	if !strings.Contains(s, `\`) {
		return strings.TrimRight(s, " \t")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// parseYAMLProps flattens a Spring application.yml into dotted keys. Later
// documents apply when they have no profile condition or name an active
// profile (spring.config.activate.on-profile, or spring.profiles before 2.4).
func parseYAMLProps(b []byte, profiles []string) map[string]javaProp {
	out := map[string]javaProp{}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	for docs := 0; docs < 64; docs++ {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			break
		}
		flat := map[string]javaProp{}
		flattenYAML(&doc, "", flat, 0)
		cond := flat["spring.config.activate.on-profile"].value
		if cond == "" {
			cond = flat["spring.profiles"].value
		}
		if cond != "" && !profileMatches(cond, profiles) {
			continue
		}
		for k, v := range flat {
			out[k] = v
		}
	}
	return out
}

func profileMatches(cond string, active []string) bool {
	for _, c := range strings.Split(cond, ",") {
		c = strings.TrimSpace(c)
		for _, p := range active {
			if c == p {
				return true
			}
		}
	}
	return false
}

func flattenYAML(n *yaml.Node, prefix string, out map[string]javaProp, depth int) {
	if n == nil || depth > 32 {
		return
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			flattenYAML(c, prefix, out, depth+1)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if prefix != "" {
				k = prefix + "." + k
			}
			flattenYAML(n.Content[i+1], k, out, depth+1)
		}
	case yaml.ScalarNode:
		out[prefix] = javaProp{value: n.Value, line: n.Line}
	case yaml.SequenceNode:
		var vals []string
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				vals = append(vals, c.Value)
			}
		}
		out[prefix] = javaProp{value: strings.Join(vals, ","), line: n.Line}
	}
}
