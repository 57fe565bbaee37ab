package appserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// Kestrel (ASP.NET Core 3.1-9.0) takes its addresses, highest precedence
// first, from Kestrel:Endpoints in configuration, then from UseUrls or the
// urls setting: --urls, ASPNETCORE_URLS / DOTNET_URLS, the "Urls" key of
// appsettings.json; ASPNETCORE_HTTP_PORTS (.NET 8+) after those. Without
// any, it binds http://localhost:5000. The port 8080 of .NET 8 is an
// environment variable of the official container images
// (ASPNETCORE_HTTP_PORTS=8080), not a framework default, so it does not
// apply to a custom runtime.
const kestrelDefault = "http://localhost:5000"

// kestrelKeepAlive is KestrelServerLimits.KeepAliveTimeout's default in
// seconds (130 s, ASP.NET Core 2.0-9.0).
const kestrelKeepAlive = 130.0

const dotnetFix = "set ASPNETCORE_URLS=http://0.0.0.0:9000 in environmentVariables (or --urls http://0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000})"

// maxAssemblySize bounds how much of an assembly is searched for calls that
// set the address in code.
const maxAssemblySize = 16 << 20

// dotnet handles "dotnet APP.dll [args]".
func (a *analysis) dotnet(args []string) {
	if len(args) == 0 || !strings.HasSuffix(args[0], ".dll") {
		return
	}
	rel, ok := a.rel(args[0])
	if !ok {
		return
	}
	dir := path.Dir(rel)
	// Code that sets the address (UseUrls, Listen*, ConfigureKestrel) or the
	// keep-alive timeout wins over configuration and cannot be read from IL
	// here: those checks say nothing then. Member names sit NUL-terminated
	// in the assembly's #Strings heap.
	asm, _ := a.files.Read(rel, maxAssemblySize)
	inCode := func(names ...string) bool {
		for _, m := range names {
			if bytes.Contains(asm, []byte("\x00"+m+"\x00")) {
				return true
			}
		}
		return false
	}
	addressInCode := inCode("UseUrls", "ListenAnyIP", "ListenLocalhost", "ConfigureKestrel", "Listen", "UseKestrelCore")
	keepAliveInCode := inCode("set_KeepAliveTimeout", "ConfigureKestrel")
	envName := "Production"
	if v, ok := a.env("ASPNETCORE_ENVIRONMENT"); ok {
		envName = v
	} else if v, ok := a.env("DOTNET_ENVIRONMENT"); ok {
		envName = v
	}
	var urls, urlsFrom, file string
	var endpoints []string
	keepAlive, keepAliveFrom, keepAliveFile := float64(kestrelKeepAlive), "Kestrel's default KeepAliveTimeout of 130 s", ""
	for _, name := range []string{"appsettings.json", "appsettings." + envName + ".json"} {
		b, ok := a.readFile(path.Join(dir, name))
		if !ok {
			continue
		}
		var cfg map[string]any
		if json.Unmarshal(stripJSONComments(b), &cfg) != nil {
			continue
		}
		for k, v := range cfg {
			if strings.EqualFold(k, "urls") {
				if s, ok := v.(string); ok {
					urls, urlsFrom, file = s, name+" Urls", path.Join(dir, name)
				}
			}
			if strings.EqualFold(k, "kestrel") {
				if eps := kestrelEndpoints(v); len(eps) > 0 {
					endpoints, file = eps, path.Join(dir, name)
				}
				if ts, ok := kestrelLimit(v, "KeepAliveTimeout"); ok {
					secs, ok := timeSpanSeconds(ts)
					if !ok {
						keepAliveInCode = true // unreadable: say nothing
					}
					keepAlive, keepAliveFrom, keepAliveFile = secs, "Kestrel:Limits:KeepAliveTimeout "+ts+" in "+name, path.Join(dir, name)
				}
			}
		}
	}
	if !keepAliveInCode && !longEnough(keepAlive*1000) {
		a.add("FC502", keepAliveFile, 0, "", fmt.Sprintf("Kestrel closes a kept-alive connection after it is idle %s (%s); %s", seconds(keepAlive*1000), keepAliveFrom, closesMsg), `set "Kestrel": {"Limits": {"KeepAliveTimeout": "1.00:00:00"}} in appsettings.json`)
	}
	if addressInCode {
		return
	}
	if len(endpoints) > 0 {
		a.kestrelURLs(strings.Join(endpoints, ";"), "Kestrel:Endpoints in "+path.Base(file), file)
		return
	}
	if v, ok := a.env("ASPNETCORE_HTTP_PORTS"); ok && urls == "" {
		var parts []string
		for _, p := range strings.Split(v, ";") {
			parts = append(parts, "http://*:"+strings.TrimSpace(p))
		}
		urls, urlsFrom, file = strings.Join(parts, ";"), "ASPNETCORE_HTTP_PORTS="+v, ""
	}
	for _, e := range []string{"DOTNET_URLS", "ASPNETCORE_URLS"} {
		if v, ok := a.env(e); ok {
			urls, urlsFrom, file = v, e+"="+v, ""
		}
	}
	if v, ok := flagValue(args[1:], "--urls"); ok {
		x, ok := a.expand(v)
		if !ok {
			return
		}
		urls, urlsFrom, file = x, "--urls "+v, ""
	}
	if urls == "" {
		urls, urlsFrom = kestrelDefault, "Kestrel's default "+kestrelDefault+" (nothing sets an address)"
	}
	a.kestrelURLs(urls, urlsFrom, file)
}

// kestrelURLs checks a ';'-separated URL list: one public URL on CAPort is
// enough; otherwise each other URL is reported.
func (a *analysis) kestrelURLs(list, from, file string) {
	type u struct {
		host string
		p    port
	}
	var all []u
	for _, raw := range strings.Split(list, ";") {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		_, rest, ok := strings.Cut(raw, "://")
		if !ok {
			rest = raw
		}
		rest, _, _ = strings.Cut(rest, "/")
		host, pt := rest, "80"
		if strings.HasPrefix(raw, "https") {
			pt = "443"
		}
		if i := strings.LastIndex(rest, ":"); i >= 0 && !strings.HasSuffix(rest, "]") {
			host, pt = rest[:i], rest[i+1:]
		}
		all = append(all, u{strings.Trim(host, "[]"), a.portWord(pt, from)})
	}
	loopback := func(h string) bool { return strings.EqualFold(h, "localhost") || h == "127.0.0.1" || h == "::1" }
	for _, x := range all {
		if !a.wrongPort(x.p) && !loopback(x.host) {
			return
		}
	}
	for _, x := range all {
		a.bind(file, 0, "", "Kestrel", x.host, from, x.p, dotnetFix)
	}
}

// kestrelLimit reads Kestrel:Limits:NAME as a string.
func kestrelLimit(v any, name string) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return "", false
	}
	for k, lim := range m {
		if !strings.EqualFold(k, "limits") {
			continue
		}
		if lm, ok := lim.(map[string]any); ok {
			for lk, lv := range lm {
				if s, ok := lv.(string); ok && strings.EqualFold(lk, name) {
					return s, true
				}
			}
		}
	}
	return "", false
}

// timeSpanSeconds reads a .NET TimeSpan string: [d.]hh:mm:ss[.fff].
func timeSpanSeconds(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	days := 0.0
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, false
	}
	if d, h, ok := strings.Cut(parts[0], "."); ok {
		n, err := strconv.ParseFloat(d, 64)
		if err != nil {
			return 0, false
		}
		days, parts[0] = n, h
	}
	h, err1 := strconv.ParseFloat(parts[0], 64)
	m, err2 := strconv.ParseFloat(parts[1], 64)
	sec, err3 := strconv.ParseFloat(parts[2], 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, false
	}
	return days*86400 + h*3600 + m*60 + sec, true
}

// kestrelEndpoints reads Kestrel:Endpoints:NAME:Url values.
func kestrelEndpoints(v any) []string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	var out []string
	for k, eps := range m {
		if !strings.EqualFold(k, "endpoints") {
			continue
		}
		em, ok := eps.(map[string]any)
		if !ok {
			continue
		}
		for _, ep := range em {
			if e, ok := ep.(map[string]any); ok {
				for ek, ev := range e {
					if s, ok := ev.(string); ok && strings.EqualFold(ek, "url") {
						out = append(out, s)
					}
				}
			}
		}
	}
	return out
}

// stripJSONComments removes // and /* */ comments outside strings:
// appsettings.json is read by .NET's JSON reader, which allows them.
func stripJSONComments(b []byte) []byte {
	var out []byte
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inStr:
			out = append(out, c)
			if c == '\\' && i+1 < len(b) {
				i++
				out = append(out, b[i])
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
			out = append(out, c)
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += end + 3
		default:
			out = append(out, c)
		}
	}
	// trailing commas are also accepted by .NET
	return bytes.ReplaceAll(bytes.ReplaceAll(out, []byte(",\n}"), []byte("\n}")), []byte(",}"), []byte("}"))
}
