package probe

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/image"
)

// imageRun is a container image to probe: its flattened root and how its
// config starts it.
type imageRun struct {
	rootfs  string   // the flattened layers, in the scratch folder
	argv    []string // ENTRYPOINT + CMD, or customContainerConfig's
	env     []string // the image's ENV
	workdir string   // WORKDIR, or /
	user    string   // USER as written ("" for root)
}

// prepareImage opens a docker-save or OCI archive and flattens its layers
// into scratch/rootfs, bounded by FC's image size limit.
func prepareImage(opts *Options, scratch string) (*imageRun, error) {
	im, err := image.Open(opts.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Path, err)
	}
	defer im.Close()
	rootfs := filepath.Join(scratch, "rootfs")
	if err := os.Mkdir(rootfs, 0o755); err != nil {
		return nil, err
	}
	if _, err := im.Flatten(rootfs, image.DefaultLimits); err != nil {
		if errors.Is(err, image.ErrLimit) {
			return nil, fmt.Errorf("%s: %w; nothing was started", opts.Path, err)
		}
		return nil, fmt.Errorf("flattening %s: %w", opts.Path, err)
	}
	if os.Geteuid() == 0 {
		// The sandbox's root is the host's nobody: give it the image's
		// files, as a container's root owns them.
		filepath.WalkDir(rootfs, func(p string, d fs.DirEntry, err error) error {
			os.Lchown(p, nobodyID, nobodyID)
			return nil
		})
	}
	argv, known := im.StartCommand(containerOf(opts))
	if !known {
		return nil, errors.New("customContainerConfig's command is a placeholder; the probe cannot tell what the image runs")
	}
	if len(argv) == 0 {
		return nil, errors.New("the image has no ENTRYPOINT or CMD, and customContainerConfig sets no command")
	}
	cfg := im.Config.Config
	workdir := cfg.WorkingDir
	if workdir == "" {
		workdir = "/"
	}
	return &imageRun{rootfs: rootfs, argv: argv, env: cfg.Env, workdir: workdir, user: cfg.User}, nil
}

// imageEnvironment is the image's ENV under FC's variables, the
// configuration's and --env; the image's PATH stays unless those set one.
func imageEnvironment(imageEnv, fc []string) []string {
	have := map[string]bool{}
	var out []string
	for _, kv := range fc {
		k, _, _ := strings.Cut(kv, "=")
		if imageOwns[k] && hasKey(imageEnv, k) {
			continue
		}
		have[k] = true
		out = append(out, kv)
	}
	for _, kv := range imageEnv {
		if k, _, ok := strings.Cut(kv, "="); ok && !have[k] {
			out = append(out, kv)
		}
	}
	return out
}

// imageOwns are the variables an image's ENV keeps over the probe's
// defaults for a package.
var imageOwns = map[string]bool{"PATH": true, "LD_LIBRARY_PATH": true, "HOME": true}

func hasKey(env []string, key string) bool {
	for _, kv := range env {
		if k, _, _ := strings.Cut(kv, "="); k == key {
			return true
		}
	}
	return false
}

// rootUser reports whether USER names root (or nothing).
func rootUser(user string) bool {
	name, _, _ := strings.Cut(user, ":")
	return name == "" || name == "root" || name == "0"
}

func containerOf(opts *Options) *config.Container {
	if opts.Function == nil {
		return nil
	}
	return opts.Function.Container
}
