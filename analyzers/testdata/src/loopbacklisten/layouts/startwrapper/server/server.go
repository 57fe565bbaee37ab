// Package server starts the server its caller built.
package server

import (
	"log"
	"net/http"
)

// Start serves srv and logs why it stopped.
func Start(srv *http.Server) {
	log.Println(srv.ListenAndServe())
}
