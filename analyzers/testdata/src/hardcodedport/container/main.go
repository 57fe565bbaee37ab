// Package main writes the container's port as a literal.
package main

import "net/http"

func main() {
	http.ListenAndServe(":9000", nil) // want `a changed customContainerConfig.port would leave this server on 9000`
}
