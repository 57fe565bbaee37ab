package main

import (
	"log"
	"net/http"
	"time"
)

func main() {
	srv := &http.Server{
		Addr:        "127.0.0.1:9000",
		ReadTimeout: 30 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
