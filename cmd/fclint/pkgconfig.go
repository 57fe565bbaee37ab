package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/fclint/fclint/config"
)

// packageConfig resolves the configuration for a package path (a ZIP or a
// folder), as `package` and `probe` need it: from the path's folder upward,
// with the flags' overrides. Notes go to stderr, including the common slip of
// naming the source folder when the configuration deploys another one (a ZIP
// is what the user built from the code folder: no note for it).
func packageConfig(g *globalFlags, stderr io.Writer, path string) (*config.Result, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, usageErr("%s", pathError(err))
	}
	dir := path
	if !fi.IsDir() {
		dir = filepath.Dir(path)
	}
	conf, err := config.Resolve(g.configOptions(dir))
	if err != nil {
		return nil, usageErr("%v", err)
	}
	if conf.Note != "" {
		fmt.Fprintln(stderr, "fclint: "+conf.Note)
	}
	g.announceConfig(stderr, conf)
	if code := conf.Function.CodeDir; code != "" && conf.File != nil && fi.IsDir() {
		if abs, err := filepath.Abs(path); err == nil && abs != code && !strings.HasPrefix(abs, code+string(filepath.Separator)) {
			fmt.Fprintf(stderr, "fclint: note: %s deploys %s, not %s\n", filepath.Base(conf.File.Path), conf.Function.Code.Value, path)
		}
	}
	return conf, nil
}
