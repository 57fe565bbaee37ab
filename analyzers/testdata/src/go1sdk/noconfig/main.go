// Package main covers FC107 without configuration: a warning.
package main

import (
	"context"

	"github.com/aliyun/fc-runtime-go-sdk/fc"
)

func handle(ctx context.Context, event []byte) (string, error) { return "ok", nil }

func main() {
	fc.Start(handle) // want `fc\.Start is the go1 runtime's SDK.*no FC configuration was found`
}
