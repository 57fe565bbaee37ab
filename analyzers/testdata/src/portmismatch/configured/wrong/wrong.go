// Package main covers FC102 with values from the configuration of the
// parent folder's s.yaml.
package main

import (
	"flag"
	"net/http"
	"os"
)

var debugAddr = flag.String("debug-addr", ":7070", "address")

// the flag value comes from -debug-addr=:6060 in customRuntimeConfig.args.
func flagFromArgs() {
	http.ListenAndServe(*debugAddr, nil) // want `listens on port 6060.*6060 comes from -debug-addr=:6060 in customRuntimeConfig \(s\.yaml\)`
}

// METRICS_PORT=8081 in environmentVariables.
func envFromConfig() {
	http.ListenAndServe(":"+os.Getenv("METRICS_PORT"), nil) // want `listens on port 8081.*8081 comes from METRICS_PORT=8081 in environmentVariables \(s\.yaml\)`
}

func main() {}
