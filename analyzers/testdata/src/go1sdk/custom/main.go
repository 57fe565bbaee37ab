// Package main covers FC107 with a custom runtime configured in s.yaml.
package main

import (
	"context"

	"github.com/aliyun/fc-runtime-go-sdk/fc"
)

func handle(ctx context.Context, event []byte) (string, error) { return "ok", nil }

// each Start function of the SDK.
func main() {
	fc.Start(handle)                                       // want `fc\.Start is the go1 runtime's SDK.*this function's runtime is custom\.debian10 \(s\.yaml\)`
	fc.StartWithContext(context.Background(), handle, 101) // want `fc\.StartWithContext is the go1 runtime's SDK`
	fc.StartHttp(handle)                                   // want `fc\.StartHttp is the go1 runtime's SDK`
	// not a Start function: registering an initializer alone serves nothing, but is not the bug.
	fc.RegisterInitializerFunction(func(ctx context.Context) {})
}
