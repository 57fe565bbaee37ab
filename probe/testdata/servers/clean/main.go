// Command clean is a compliant server, like fcserver's: all interfaces,
// FC's port variables, no timeouts. It prints "MAIN <unix ns>" when main
// starts and "READY <unix ns>" once its listener is ready, so the probe's own
// overhead can be measured.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	fmt.Printf("MAIN %d\n", time.Now().UnixNano())
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	if port == "" {
		port = os.Getenv("FC_SERVER_PORT")
	}
	if port == "" {
		port = "9000"
	}
	ln, err := net.Listen("tcp", ":"+port)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Printf("READY %d\n", time.Now().UnixNano())
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("FC Invoke Start RequestId: %s\n", r.Header.Get("x-fc-request-id"))
		io.Copy(w, r.Body)
	}))
}
