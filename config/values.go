package config

import (
	"fmt"
	"os"
)

// intRange is one documented integer range of the FC 3.0 API (FC-FACTS §4).
type intRange struct {
	name     string
	field    func(*Function) Field[int]
	min, max int
}

// ranges are the numbers FC301 checks. Sources: CreateFunction (timeout
// 1–86400) and CustomHealthCheckConfig (initialDelaySeconds 0–120,
// periodSeconds 1–120, timeoutSeconds 1–3, failureThreshold/successThreshold
// 1–120).
var ranges = []intRange{
	{"customRuntimeConfig.port", func(f *Function) Field[int] { return f.Port }, 1, 65535},
	{"timeout", func(f *Function) Field[int] { return f.Timeout }, 1, 86400},
	{"healthCheckConfig.initialDelaySeconds", func(f *Function) Field[int] { return f.HealthCheck.InitialDelaySeconds }, 0, 120},
	{"healthCheckConfig.periodSeconds", func(f *Function) Field[int] { return f.HealthCheck.PeriodSeconds }, 1, 120},
	{"healthCheckConfig.timeoutSeconds", func(f *Function) Field[int] { return f.HealthCheck.TimeoutSeconds }, 1, 3},
	{"healthCheckConfig.failureThreshold", func(f *Function) Field[int] { return f.HealthCheck.FailureThreshold }, 1, 120},
	{"healthCheckConfig.successThreshold", func(f *Function) Field[int] { return f.HealthCheck.SuccessThreshold }, 1, 120},
}

// BadValue is a number of the wrong type or out of FC's range (FC301).
type BadValue struct {
	Pos     Pos
	Message string
	Fix     string
}

// BadValues lists fn's numbers of the wrong type (port: abc) or out of FC's
// range (port: 0, timeout: -1).
func BadValues(fn *Function) []BadValue {
	var bad []BadValue
	for _, rg := range ranges {
		f := rg.field(fn)
		switch {
		case f.Set && f.Invalid != "":
			bad = append(bad, BadValue{f.Pos, fmt.Sprintf("%s is %s, not an integer; FC accepts %d to %d", rg.name, f.Invalid, rg.min, rg.max),
				fmt.Sprintf("set %s to a number from %d to %d", rg.name, rg.min, rg.max)})
		case f.Known() && (f.Value < rg.min || f.Value > rg.max):
			bad = append(bad, BadValue{f.Pos, fmt.Sprintf("%s is %d; FC accepts %d to %d", rg.name, f.Value, rg.min, rg.max),
				fmt.Sprintf("set %s to a value from %d to %d", rg.name, rg.min, rg.max)})
		}
	}
	return bad
}

// ValueError is the first bad value of f's functions as one
// "file:line: message (FC301)" error, nil when there is none. go vet and
// golangci-lint, which cannot show a finding in s.yaml, stop with it rather
// than judge the code against a value the file does not really set.
func ValueError(f *File) error {
	if f == nil {
		return nil
	}
	for _, fn := range f.Functions {
		bad := BadValues(fn)
		if len(bad) == 0 {
			continue
		}
		file := bad[0].Pos.File
		if file == "" {
			file = fn.File
		}
		return fmt.Errorf("%s:%d: %s (FC301)", displayPath(file), bad[0].Pos.Line, bad[0].Message)
	}
	return nil
}

// CheckFiles loads each configuration file (as Fingerprint lists them) and
// returns the first that cannot be parsed or has a bad value. A file that
// vanished since is passed over, unless it is explicit (named by a flag).
// go vet and golangci-lint call it once, up front, instead of letting each
// package fall back to the defaults.
func CheckFiles(files []string, explicit string) error {
	for _, f := range files {
		if _, err := os.Stat(f); os.IsNotExist(err) && f != explicit {
			continue
		}
		file, err := Load(f)
		if err == nil {
			err = ValueError(file) // port: abc is no CAPort to judge against
		}
		if err != nil {
			return err
		}
	}
	return nil
}
