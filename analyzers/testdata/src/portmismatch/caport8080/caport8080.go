// Package main covers FC102 when the CAPort is 8080 (set by the test): the
// old default port 9000 is then a finding.
package main

import "net/http"

func main() {
	http.ListenAndServe(":9000", nil) // want `listens on port 9000, but FC sends requests to CAPort 8080`
}
