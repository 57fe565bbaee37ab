// Command wrongport listens on all interfaces, but on $OTHER_PORT, not CAPort (FC403).
package main

import (
	"net/http"
	"os"
)

func main() {
	http.ListenAndServe(":"+os.Getenv("OTHER_PORT"), http.NotFoundHandler())
}
