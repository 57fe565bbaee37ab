// Command lifecycle is a server whose answers to FC's lifecycle routes are
// set by its environment, for the probe's lifecycle tests:
//
//	INVOKE_STATUS   status of POST /invoke (default 200)
//	INIT_STATUS     status of POST /initialize (default 200; 0: no route, 404)
//	PRESTOP_STATUS  status of GET /pre-stop (default 0: no route, 404)
//	HEALTH_PATH     the path of a health check, healthy READY_AFTER_MS after start
//	SERIAL_MS       handle one request at a time, each taking this long
//
// It prints "ROUTE METHOD PATH" for each request.
package main

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	status := func(name string, def int) int {
		if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
			return v
		}
		return def
	}
	readyAfter := time.Duration(status("READY_AFTER_MS", 0)) * time.Millisecond
	serial := time.Duration(status("SERIAL_MS", 0)) * time.Millisecond
	var mu sync.Mutex
	http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("ROUTE %s %s memory=%s timeout=%s env-memory=%s\n", r.Method, r.URL.Path, r.Header.Get("x-fc-function-memory"), r.Header.Get("x-fc-function-timeout"), os.Getenv("FC_FUNCTION_MEMORY_SIZE"))
		if serial > 0 {
			mu.Lock()
			time.Sleep(serial)
			mu.Unlock()
		}
		code := http.StatusNotFound
		switch {
		case r.Method == "POST" && r.URL.Path == "/invoke":
			code = status("INVOKE_STATUS", 200)
		case r.Method == "POST" && r.URL.Path == "/initialize":
			code = status("INIT_STATUS", 200)
		case r.Method == "GET" && r.URL.Path == "/pre-stop":
			code = status("PRESTOP_STATUS", 0)
		case r.URL.Path == os.Getenv("HEALTH_PATH"):
			code = 503
			if time.Since(start) >= readyAfter {
				code = 200
			}
		}
		if code == 0 {
			code = http.StatusNotFound
		}
		w.WriteHeader(code)
	}))
}
