// Package server wraps httpx: a wrapper of a wrapper.
package server

import "portmismatch/layouts/chain/httpx"

// Serve serves the API on port.
func Serve(port int) error { return httpx.Listen(port, nil) }
