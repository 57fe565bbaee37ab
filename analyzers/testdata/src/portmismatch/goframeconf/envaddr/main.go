// Package main: near miss, the code overrides config.yaml's :8000 with the
// CAPort from FC's environment.
package main

import (
	"os"

	"github.com/gogf/gf/v2/frame/g"
)

func main() {
	s := g.Server()
	s.SetAddr(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))
	s.Run()
}
