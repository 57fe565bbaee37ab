// Package main is the near-miss of ../ginengine: the engine runs on FC's port.
package main

import (
	"os"

	"portmismatch/layouts/ginengine/router"
)

func main() {
	r := router.New()
	r.Run(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))
}
