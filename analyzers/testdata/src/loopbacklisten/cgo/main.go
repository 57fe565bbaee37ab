// Package main imports "C": cmd/cgo rewrites this file into one marked
// generated, but its findings are this file's and are reported.
package main

// #include <stdlib.h>
import "C"

import "net/http"

func main() {
	C.free(nil)
	http.ListenAndServe("127.0.0.1:9000", nil) // want `server listens on 127\.0\.0\.1:9000, a loopback address`
}
