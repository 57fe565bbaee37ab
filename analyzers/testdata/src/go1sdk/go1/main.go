// Package main covers FC107 with runtime go1: the SDK is right, no finding.
package main

import (
	"context"

	"github.com/aliyun/fc-runtime-go-sdk/fc"
)

func handle(ctx context.Context, event []byte) (string, error) { return "ok", nil }

func main() { fc.Start(handle) }
