// Package main starts one server per port of a slice (gofiber's
// multiple-ports recipe, with net/http).
package main

import (
	"log"
	"net/http"
	"sync"
)

func main() {
	ports := []string{":3000", ":3001"}
	var wg sync.WaitGroup
	for _, port := range ports {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			log.Println(http.ListenAndServe(p, nil)) // want `can listen on port 3000`
		}(port)
	}
	for _, addr := range [...]string{"0.0.0.0:8081"} {
		go http.ListenAndServe(addr, nil) // want `listens on port 8081`
	}
	wg.Wait()
}
