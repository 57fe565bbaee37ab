// Package httpx starts a server on a port.
package httpx

import (
	"fmt"
	"net/http"
)

// Listen serves h on all interfaces at port.
func Listen(port int, h http.Handler) error {
	return http.ListenAndServe(fmt.Sprintf(":%d", port), h)
}
