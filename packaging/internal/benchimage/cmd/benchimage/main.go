// Command benchimage serves scripts/bench-image.sh: "gen" prints the path of
// the cached benchmark image archive (generating it once), "walk PATH" lists
// every member of the archive and of its layers (the baseline).
package main

import (
	"fmt"
	"os"

	"github.com/fclint/fclint/packaging/internal/benchimage"
)

func main() {
	switch {
	case len(os.Args) == 2 && os.Args[1] == "gen":
		p, err := benchimage.Ensure()
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchimage:", err)
			os.Exit(1)
		}
		fmt.Println(p)
	case len(os.Args) == 3 && os.Args[1] == "walk":
		n, err := benchimage.Walk(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchimage:", err)
			os.Exit(1)
		}
		fmt.Println(n, "members")
	default:
		fmt.Fprintln(os.Stderr, "usage: benchimage gen | benchimage walk IMAGE.tar")
		os.Exit(2)
	}
}
