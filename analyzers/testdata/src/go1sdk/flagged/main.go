// Package main covers FC107 under --runtime custom (set by the test) and no
// configuration file: an error.
package main

import "github.com/aliyun/fc-runtime-go-sdk/fc"

func main() {
	fc.StartHttp(nil) // want `fc\.StartHttp is the go1 runtime's SDK.*this function's runtime is custom,`
}
