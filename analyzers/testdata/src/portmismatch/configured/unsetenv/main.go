// Package main reads port variables that neither the s.yaml above nor FC
// sets: they are empty. An empty port listens on a random port, and so does
// strconv.Atoi's 0. (PORT, which the s.yaml sets, is the near-miss in
// ../envdead.)
package main

import (
	"net/http"
	"os"
	"strconv"
)

func random() {
	http.ListenAndServe(":"+os.Getenv("HTTP_PORT"), nil) // want `listens on port 0, but FC sends requests to CAPort 9000`
}

func atoi() {
	n, _ := strconv.Atoi(os.Getenv("APP_PORT"))
	http.ListenAndServe(":"+strconv.Itoa(n), nil) // want `listens on port 0, but FC sends requests to CAPort 9000`
}

func atoiFallback() {
	n, err := strconv.Atoi(os.Getenv("APP_PORT"))
	if err != nil {
		n = 8080
	}
	http.ListenAndServe(":"+strconv.Itoa(n), nil) // want `listens on port 8080 \(the fallback when APP_PORT is unset\)`
}

func main() {
	go random()
	go atoi()
	atoiFallback()
}
