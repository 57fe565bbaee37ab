package packaging

import (
	"fmt"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/rules"
)

// containerRuntimeNote: runtime custom-container is valid, but FC deploys
// customContainerConfig.image, not a ZIP or a folder's files. When the
// package checked is neither the image nor a Dockerfile's folder, say so
// once, as a warning.
func (c *checker) containerRuntimeNote(rt config.Field[string]) {
	if c.container {
		return
	}
	file, line := c.at(rt.Pos)
	f := c.add(rules.MustGet("FC301"), file, line, "", fmt.Sprintf("runtime is %s: FC runs the image in customContainerConfig.image, not the files of %s", rt.Value, c.disp))
	f.Severity = rules.Warning
	f.Fix = "check the image instead: docker save -o image.tar IMAGE && fclint package image.tar (or fclint package on the folder with the Dockerfile)"
}
