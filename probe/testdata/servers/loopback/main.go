// Command loopback listens on CAPort, but on loopback only (FC402).
package main

import (
	"net/http"
	"os"
)

func main() {
	http.ListenAndServe("127.0.0.1:"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), http.NotFoundHandler())
}
