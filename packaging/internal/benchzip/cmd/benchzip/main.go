// Command benchzip generates the package-check benchmark ZIP and times the
// archive/zip baseline for scripts/bench-package.sh:
//
//	benchzip gen        print the cached ZIP's path, generating it if needed
//	benchzip walk PATH  open PATH with archive/zip and walk its central directory
package main

import (
	"fmt"
	"os"

	"github.com/fclint/fclint/packaging/internal/benchzip"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchzip gen | benchzip walk PATH")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "gen":
		p, err := benchzip.Ensure()
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchzip:", err)
			os.Exit(1)
		}
		fmt.Println(p)
	case "walk":
		if len(os.Args) != 3 {
			fmt.Fprintln(os.Stderr, "usage: benchzip walk PATH")
			os.Exit(2)
		}
		if _, err := benchzip.Walk(os.Args[2]); err != nil {
			fmt.Fprintln(os.Stderr, "benchzip:", err)
			os.Exit(1)
		}
	default:
		fmt.Fprintln(os.Stderr, "usage: benchzip gen | benchzip walk PATH")
		os.Exit(2)
	}
}
