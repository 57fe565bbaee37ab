// Package runtimes is the table of FC custom-runtime images: OS, glibc and the
// interpreters each one ships, and where. It is the single place these facts
// live; every entry cites its source.
package runtimes

import (
	"path"
	"strings"
)

// Image is one custom-runtime image.
type Image struct {
	ID     string // runtime identifier in s.yaml
	OS     string
	GLIBC  string // libc6 version of the Debian release
	Tools  []Tool // interpreters and shells
	Source string
}

// Tool is one program an image provides.
type Tool struct {
	Name    string // "python3", "node", ...
	Dir     string // folder holding it
	Version string
	// NeedsPath is true for /var/fc/lang/<lang>/bin: not on the default PATH,
	// so commands must use the full path or set environmentVariables.PATH.
	NeedsPath bool
	// Guess marks a folder the docs do not give (they list versions only):
	// a command naming the tool by another absolute path is not reported.
	Guess bool
	// Layer is set for tools an official layer provides under /opt/<layer>/bin.
	// The layer does not put that folder on PATH: its docs ask for
	// environmentVariables PATH=/opt/<layer>/bin:... (the console adds it,
	// s.yaml must), so like NeedsPath a bare name needs that PATH.
	Layer bool
}

// Path is the tool's absolute path.
func (t Tool) Path() string { return path.Join(t.Dir, t.Name) }

// Shells and basics every Debian image has.
var base = []Tool{
	{Name: "sh", Dir: "/bin"}, {Name: "bash", Dir: "/bin"}, {Name: "env", Dir: "/usr/bin"},
	{Name: "sh", Dir: "/usr/bin"}, {Name: "bash", Dir: "/usr/bin"}, // Debian symlinks /usr/bin/{sh,bash} on merged-/usr systems; harmless elsewhere
}

func with(tools ...Tool) []Tool { return append(append([]Tool(nil), base...), tools...) }

// Images lists the custom runtimes. Sources: FC-FACTS §2 and the FC docs
// "Overview of custom runtimes" (alibabacloud.com/help/en/functioncompute/user-guide/overview-10,
// help.aliyun.com/document_detail/132053.html for Debian 9, doc-detail/132044 for PowerShell).
// glibc: FC does not state it; these are the stock Debian libc6 versions.
var Images = []*Image{
	{
		ID: "custom", OS: "Debian 9", GLIBC: "2.24",
		// "Python 3.7.4, Node.js 10.16.2, OpenJDK 1.8.0, Ruby 2.7, PHP 7.4.12, Nginx 1.10.3, PowerShell 7.1.0"
		Tools: with(
			Tool{Name: "python3", Dir: "/usr/local/bin", Version: "3.7.4", Guess: true},
			Tool{Name: "python", Dir: "/usr/bin", Version: "2.7", Guess: true},
			Tool{Name: "python2", Dir: "/usr/bin", Version: "2.7", Guess: true},
			Tool{Name: "node", Dir: "/usr/local/bin", Version: "10.16.2", Guess: true},
			Tool{Name: "npm", Dir: "/usr/local/bin", Version: "10.16.2", Guess: true},
			Tool{Name: "java", Dir: "/usr/bin", Version: "1.8.0_232", Guess: true},
			Tool{Name: "ruby", Dir: "/usr/local/bin", Version: "2.7", Guess: true},
			Tool{Name: "php", Dir: "/usr/local/bin", Version: "7.4.12", Guess: true},
			Tool{Name: "nginx", Dir: "/usr/sbin", Version: "1.10.3", Guess: true},
			Tool{Name: "pwsh", Dir: "/usr/bin", Version: "7.1.0", Guess: true},
		),
		Source: "help.aliyun.com/document_detail/132053.html",
	},
	{
		ID: "custom.debian10", OS: "Debian 10", GLIBC: "2.28",
		// "Node 20 /var/fc/lang/nodejs20 v20.10.0; Node 18 /var/fc/lang/nodejs18 v18.19.0;
		// Python 3.10 /var/fc/lang/python3.10 3.10.9; Python 2.7.16 (system)" — the
		// /var/fc/lang ones need PATH=/var/fc/lang/<x>/bin:$PATH.
		Tools: with(
			Tool{Name: "node", Dir: "/var/fc/lang/nodejs20/bin", Version: "20.10.0", NeedsPath: true},
			Tool{Name: "npm", Dir: "/var/fc/lang/nodejs20/bin", Version: "20.10.0", NeedsPath: true},
			Tool{Name: "node", Dir: "/var/fc/lang/nodejs18/bin", Version: "18.19.0", NeedsPath: true},
			Tool{Name: "npm", Dir: "/var/fc/lang/nodejs18/bin", Version: "18.19.0", NeedsPath: true},
			Tool{Name: "python3", Dir: "/var/fc/lang/python3.10/bin", Version: "3.10.9", NeedsPath: true},
			Tool{Name: "python3.10", Dir: "/var/fc/lang/python3.10/bin", Version: "3.10.9", NeedsPath: true},
			Tool{Name: "pip3", Dir: "/var/fc/lang/python3.10/bin", Version: "3.10.9", NeedsPath: true},
			Tool{Name: "python", Dir: "/usr/bin", Version: "2.7.16"},
			Tool{Name: "python2", Dir: "/usr/bin", Version: "2.7.16"},
		),
		Source: "alibabacloud.com/help/en/functioncompute/user-guide/overview-10",
	},
	{
		ID: "custom.debian11", OS: "Debian 11", GLIBC: "2.31",
		// "Python 3.12 /var/fc/lang/python3.12 3.12.4 (needs PATH)"
		Tools: with(
			Tool{Name: "python3", Dir: "/var/fc/lang/python3.12/bin", Version: "3.12.4", NeedsPath: true},
			Tool{Name: "python3.12", Dir: "/var/fc/lang/python3.12/bin", Version: "3.12.4", NeedsPath: true},
			Tool{Name: "pip3", Dir: "/var/fc/lang/python3.12/bin", Version: "3.12.4", NeedsPath: true},
		),
		Source: "alibabacloud.com/help/en/functioncompute/user-guide/overview-10",
	},
	{
		ID: "custom.debian12", OS: "Debian 12", GLIBC: "2.36",
		// "Python 3.11 /usr/bin/python3 3.11.2 (no PATH change)"
		Tools: with(
			Tool{Name: "python3", Dir: "/usr/bin", Version: "3.11.2"},
			Tool{Name: "python3.11", Dir: "/usr/bin", Version: "3.11.2"},
		),
		Source: "alibabacloud.com/help/en/functioncompute/user-guide/overview-10",
	},
}

// Fallback is the image assumed when the runtime is unknown: custom.debian10,
// the one Serverless Devs templates use most.
const Fallback = "custom.debian10"

// Lookup finds an image by runtime ID.
func Lookup(id string) (*Image, bool) {
	for _, im := range Images {
		if im.ID == id {
			return im, true
		}
	}
	return nil, false
}

// DefaultPath is the PATH a custom-runtime process starts with. FC does not
// document it; this is the Debian default plus /code and /code/bin, which the
// FC emulator images set (aliyun/fc-docker), and /opt/bin for layers.
var DefaultPath = []string{"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/code", "/code/bin", "/opt/bin"}

// DefaultSystemPath is the rest of PATH the FC docs write after a language
// folder (environmentVariables PATH=/var/fc/lang/python3.10/bin:...).
var DefaultSystemPath = []string{"/usr/local/bin", "/usr/local/sbin", "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/opt/bin"}

// officialLayers names the official layer that brings an interpreter a
// runtime image lacks (awesome-fc/awesome-layers: Java17, Nodejs20, Python310
// are published for custom.debian10 and later).
var officialLayers = map[string]string{"java": "Java17", "node": "Nodejs20", "npm": "Nodejs20", "npx": "Nodejs20", "python3": "Python310"}

// LayerFor returns the official layer that provides prog and the bin folder
// it unpacks to, or ok false.
func LayerFor(prog string) (layer, dir string, ok bool) {
	layer, ok = officialLayers[path.Base(prog)]
	if !ok {
		return "", "", false
	}
	return layer, layerDir(layer), true
}

// layerDir is an official layer's bin folder. Sources: the layers' READMEs
// (github.com/awesome-fc/awesome-layers docs/<Layer>/README.md, maintained by
// FC): Nodejs20 → /opt/nodejs20/bin, Java17 → /opt/java17/bin, but Python310 →
// /opt/python3.10/bin.
func layerDir(name string) string {
	lower := strings.ToLower(name)
	if v, ok := strings.CutPrefix(lower, "python3"); ok && v != "" && strings.Trim(v, "0123456789") == "" {
		lower = "python3." + v
	}
	return "/opt/" + lower + "/bin"
}

// LayerTools guesses the interpreter an official layer provides from its name
// (Nodejs20 → node, Python310 → python3, Java17 → java, PHP80 → php).
func LayerTools(arn string) []Tool {
	_, rest, ok := strings.Cut(arn, ":official:layers/")
	if !ok {
		return nil
	}
	name, _, _ := strings.Cut(rest, "/")
	dir := layerDir(name)
	lower := strings.ToLower(name)
	var tools []string
	switch {
	case strings.HasPrefix(lower, "nodejs"):
		tools = []string{"node", "npm", "npx"}
	case strings.HasPrefix(lower, "python"):
		tools = []string{"python3", "python", "pip3", "pip"}
	case strings.HasPrefix(lower, "java") || strings.HasPrefix(lower, "jdk"):
		tools = []string{"java"}
	case strings.HasPrefix(lower, "php"):
		tools = []string{"php"}
	case strings.HasPrefix(lower, "dotnet"):
		tools = []string{"dotnet"}
	case strings.HasPrefix(lower, "go"):
		tools = []string{"go"}
	}
	var out []Tool
	for _, t := range tools {
		out = append(out, Tool{Name: t, Dir: dir, Layer: true})
	}
	return out
}

// Env is what a function's process can find: the image, layers and PATH.
type Env struct {
	Image  *Image
	Layers []string
	// Path is environmentVariables.PATH when the configuration sets it
	// (unexpanded: $PATH stands for DefaultPath); nil when not set.
	Path *string
	// PathUnknown: PATH is set to a placeholder; assume anything is reachable.
	PathUnknown bool
}

// SearchPath is the effective PATH, in order.
func (e *Env) SearchPath() []string {
	if e.Path == nil {
		return DefaultPath
	}
	var out []string
	for _, d := range strings.Split(*e.Path, ":") {
		switch d {
		case "$PATH", "${PATH}":
			out = append(out, DefaultPath...)
		case "":
		default:
			out = append(out, d)
		}
	}
	return out
}

// tools is every program the image and layers provide.
func (e *Env) tools() []Tool {
	t := append([]Tool(nil), e.Image.Tools...)
	for _, l := range e.Layers {
		t = append(t, LayerTools(l)...)
	}
	return t
}

// Availability answers "can the function run this program?".
type Availability int

const (
	Available  Availability = iota + 1
	NeedsPath               // installed, but only under /var/fc/lang/... or a layer folder not on PATH
	Missing                 // not in the image, its layers or PATH
	Unknowable              // PATH is a placeholder, or the name is a path fclint cannot know about
)

// Find reports whether a program (a bare name looked up on PATH, or an
// absolute path) exists, and the tools by that name that do exist (to suggest).
func (e *Env) Find(prog string) (Availability, []Tool) {
	if e.PathUnknown {
		return Unknowable, nil
	}
	all := e.tools()
	var named []Tool
	for _, t := range all {
		if t.Name == path.Base(prog) {
			named = append(named, t)
		}
	}
	if strings.HasPrefix(prog, "/") {
		for _, t := range named {
			if t.Path() == path.Clean(prog) {
				return Available, named
			}
		}
		// Layer folders other than official ones and /usr/local/bin installs
		// made by a custom layer cannot be known.
		if strings.HasPrefix(prog, "/opt/") && len(e.Layers) > 0 {
			return Unknowable, named
		}
		for _, t := range named {
			if t.Guess {
				return Unknowable, named
			}
		}
		return Missing, named
	}
	search := e.SearchPath()
	for _, t := range named {
		for _, d := range search {
			if d == t.Dir {
				return Available, named
			}
		}
	}
	if len(named) > 0 {
		return NeedsPath, named
	}
	return Missing, nil
}
