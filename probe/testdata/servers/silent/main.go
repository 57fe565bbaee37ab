// Command silent starts and never listens.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("loading a very large model...")
	time.Sleep(time.Hour)
}
