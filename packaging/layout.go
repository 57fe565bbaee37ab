package packaging

import (
	"fmt"

	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/rules"
)

// maxNameFindings caps FC208 findings: a hostile archive can hold thousands.
const maxNameFindings = 20

// checkNames reports entries FC cannot place safely under /code (FC208):
// absolute or drive-letter names, .. traversal, backslashes, symlinks whose
// target leaves /code, and names that appear twice.
func (c *checker) checkNames() {
	r := rules.MustGet("FC208")
	n := 0
	// msg is formatted only for listed findings: a hostile archive may have
	// hundreds of thousands of bad names.
	report := func(name string, msg func() string) {
		n++
		if n <= maxNameFindings {
			c.add(r, c.entryFile(name), 0, "", msg())
		}
	}
	for _, e := range c.pkg.Entries {
		if err := archive.CheckName(e.Name); err != nil {
			report(e.Name, func() string {
				return fmt.Sprintf("entry %q: %v: FC unpacks the package into /code and cannot place it there safely", e.Name, err)
			})
			continue
		}
		if !e.IsSymlink() {
			continue
		}
		target, err := e.LinkTarget()
		if err != nil {
			report(e.Name, func() string { return fmt.Sprintf("symlink %s: cannot read its target: %v", e.Name, err) })
			continue
		}
		if _, inside := archive.ResolveLink(e.Name, target); !inside {
			report(e.Name, func() string {
				return fmt.Sprintf("symlink %s points to %s, outside /code: the file will not exist in the function instance", e.Name, target)
			})
		}
	}
	for _, d := range c.pkg.Duplicates() {
		report(d, func() string {
			return fmt.Sprintf("entry %s appears more than once; unzip writes each copy over the one before, so the last one is what FC runs (and what fclint checks)", d)
		})
	}
	if n > maxNameFindings {
		c.add(r, c.disp, 0, "", fmt.Sprintf("%d more unsafe entries not listed", n-maxNameFindings))
	}
}
