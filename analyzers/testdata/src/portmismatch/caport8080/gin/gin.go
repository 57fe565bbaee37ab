// Package main covers FC102 when the CAPort is 8080 (set by the test): gin's
// default then matches and is not a finding.
package main

import "github.com/gin-gonic/gin"

func main() { gin.Default().Run() }
