// Package config finds and reads a function's FC configuration: Serverless Devs
// s.yaml (fc3 and the legacy fc component), Funcraft template.yml and FC API JSON.
// It is the one reader of these files; the analyzers, the package checker and
// the probe all use it.
package config

import (
	"strings"

	"github.com/fclint/fclint/internal/fcfacts"
)

// DefaultPort is FC's CAPort when none is configured.
const DefaultPort = fcfacts.DefaultCAPort

// Pos is a position in a configuration file. Line 0 means unknown.
type Pos struct {
	File   string
	Line   int
	Column int
}

// Field is one configuration value.
//   - Set: the file (or a flag) gives the key.
//   - Unknown: the key is there but its value is an unresolved placeholder
//     (${vars.x}, {{ runtime }}) or of the wrong type: treat it as "could be anything".
//     Value then holds the text as written for strings (for messages), zero otherwise.
//   - Pos: where the value is written; for a missing key, the function's
//     position; Pos{} (File "") for a value from a command-line flag.
type Field[T any] struct {
	Value   T
	Set     bool
	Unknown bool
	Pos     Pos
	// Invalid is the value as written when it has the wrong type ("abc" or
	// "a list" for a port; FC301 reports it); "" otherwise, placeholders too.
	Invalid string
}

// Known reports whether the value is present and resolved.
func (f Field[T]) Known() bool { return f.Set && !f.Unknown }

// Format names the kind of file a function came from.
type Format string

const (
	FormatFC3      Format = "s.yaml (fc3)"           // edition 3.0.0, component fc3
	FormatFC2      Format = "s.yaml (fc)"            // edition 1.0.0, component fc / devsapp/fc
	FormatFuncraft Format = "template.yml"           // Aliyun::Serverless::Function
	FormatAPIJSON  Format = "FC API JSON"            // CreateFunction input / GetFunction output
	FormatROS      Format = "ROS template"           // ALIYUN::FC3::Function / ALIYUN::FC::Function resources
	FormatFlags    Format = "command-line overrides" // no file: only --port / --runtime
)

// HealthCheck is customRuntimeConfig.healthCheckConfig.
type HealthCheck struct {
	HTTPGetURL          Field[string]
	InitialDelaySeconds Field[int]
	PeriodSeconds       Field[int]
	TimeoutSeconds      Field[int]
	FailureThreshold    Field[int]
	SuccessThreshold    Field[int]
}

// Action is a Serverless Devs action step (e.g. actions.pre-deploy[].run).
type Action struct {
	Hook string // "pre-deploy", ...
	Run  string // the shell command
	// Component is a component step instead of a shell command, as
	// written after "component:" ("fc3 build --dockerfile ./code/Dockerfile"
	// in the devsapp custom-container templates); Run is then "".
	Component string
	Path      string // the folder it runs in, as written (relative to the config file)
	Pos       Pos    // the run value
	// Dir is Path resolved against the configuration file's folder (that
	// folder when Path is empty); "" when Path is a placeholder.
	Dir string
}

// Function is one function declared in a configuration file.
type Function struct {
	Name   string // functionName / function.name / the resource key
	File   string // absolute path of the configuration file; "" for FormatFlags
	Format Format
	Pos    Pos // where the function is declared

	Runtime Field[string]
	Port    Field[int] // the configured CAPort, raw (may be out of range; FC301 checks)
	Command Field[[]string]
	Args    Field[[]string]
	Code    Field[string] // code / codeUri / CodeUri as written
	// CodeDir is Code resolved against the configuration file's folder when it
	// names a local folder or .zip; "" when unset, unknown, remote (OSS, URL).
	CodeDir     string
	Timeout     Field[int]
	Handler     Field[string]
	Initializer Field[string] // an initializer handler is configured when Set
	HealthCheck HealthCheck
	// Resources, as written: memorySize and diskSize in MB, cpu in vCPUs
	// ("0.35", a string: it may be fractional), instanceConcurrency.
	MemorySize          Field[int]
	DiskSize            Field[int]
	CPU                 Field[string]
	InstanceConcurrency Field[int]
	// TriggerTypes lists the types of the function's triggers as written
	// ("http", "oss", "timer", ...; "" for a placeholder). Set when the
	// configuration has a triggers list.
	TriggerTypes Field[[]string]
	// PreStop is instanceLifecycleConfig.preStop's handler: FC calls
	// GET /pre-stop before it stops an instance when Set.
	PreStop Field[string]
	// Env holds environmentVariables whose values are known; EnvUnknown the
	// names whose values are placeholders.
	Env        map[string]string
	EnvUnknown map[string]bool
	EnvPos     map[string]Pos // where each variable's value is written
	// EnvUnresolved: environmentVariables (or one of its names) is a
	// placeholder or of the wrong type, so any variable may be set.
	EnvUnresolved bool
	Layers        []string // layer ARNs as written (${vars.x} resolved when possible)
	// LayersUnresolved: layers, or one of them, is a placeholder or of the
	// wrong type, so any layer may be attached.
	LayersUnresolved bool
	Actions          []Action // the resource's actions, after the file's global ones
	// Container is customContainerConfig; nil when absent (container.go).
	Container *Container
}

// EventFunction reports whether the configuration shows an event function:
// it lists triggers, and none is an HTTP trigger (or unknown). Such a
// function gets every invocation as POST /invoke.
func (f *Function) EventFunction() bool {
	if f == nil || !f.TriggerTypes.Known() || len(f.TriggerTypes.Value) == 0 {
		return false
	}
	for _, t := range f.TriggerTypes.Value {
		if t == "" || strings.EqualFold(t, "http") {
			return false
		}
	}
	return true
}

// CAPort is the port FC sends requests to: the configured port when known and
// valid, else DefaultPort.
func (f *Function) CAPort() int {
	if f != nil && f.Port.Known() && f.Port.Value > 0 && f.Port.Value < 65536 {
		return f.Port.Value
	}
	return DefaultPort
}

// File is one parsed configuration file.
type File struct {
	Path      string // absolute
	Format    Format
	Functions []*Function // only functions (fc3 / fc / devsapp/fc components, Aliyun::Serverless::Function)
	Bases     []string    // absolute paths of the files it extends (extend: base.yaml), nearest first
}

// Options select and override the configuration.
type Options struct {
	ConfigPath string // --config: use this file, no discovery
	Dir        string // the checked directory, a ZIP's folder or the ZIP itself: discovery starts here, and selects the function whose code is or contains it
	Port       int    // --port override; 0 = none
	Runtime    string // --runtime override; "" = none
	// Function names the function to use when the file declares several
	// (project mode knows which one it checks); "" selects by Dir.
	Function string
	// Discoverer, when set, remembers the folders it searched across
	// Resolve calls (the packages of one analysis).
	Discoverer *Discoverer
}

// Result is the outcome of Resolve.
type Result struct {
	Function *Function // never nil: a synthetic FormatFlags function when nothing was found
	File     *File     // nil when no file was found or given
	// Note is a one-line remark for stderr, e.g. the ambiguity when several
	// functions match and none contains Dir; "" otherwise.
	Note string
}
