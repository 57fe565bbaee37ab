// Command crashinvoke listens properly but exits on the first POST /invoke,
// like a function that hits a fatal error (FC404 with its last output).
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("POST /invoke", func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("fatal: config.yaml not found")
		os.Exit(7)
	})
	http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
}
