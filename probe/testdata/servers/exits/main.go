// Command exits fails at start-up, as a function missing its configuration does.
package main

import (
	"fmt"
	"os"
)

func main() {
	for i := 1; i <= 25; i++ {
		fmt.Printf("starting step %d\n", i)
	}
	fmt.Fprintln(os.Stderr, "fatal: DATABASE_URL is not set")
	os.Exit(3)
}
