// Package main: gin's Run() reads PORT, which the s.yaml above sets to the
// CAPort. No finding.
package main

import "github.com/gin-gonic/gin"

func main() { gin.Default().Run() }
