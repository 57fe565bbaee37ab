// Package main: config.toml comes first in gcfg's search and fclint does
// not read TOML, so the address is unknown (config.yaml's :8000 does not
// apply).
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server().Run()
}
