// Package main covers FC102's compliant pattern: FC's port variable with the
// CAPort as fallback. No finding.
package main

import (
	"net/http"
	"os"
)

func main() {
	p := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	if p == "" {
		p = "9000"
	}
	http.ListenAndServe(":"+p, nil)
}
