package probe

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

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
	ids     imageUser
	// userErr is a USER that does not resolve in the image: the function
	// cannot start (FC401), as with Docker.
	userErr error
}

// prepareImage opens a docker-save or OCI archive and flattens its layers
// into scratch/rootfs, bounded by FC's image size limit.
func prepareImage(ctx context.Context, opts *Options, scratch string) (*imageRun, error) {
	im, err := image.Open(opts.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", opts.Path, err)
	}
	defer im.Close()
	rootfs := filepath.Join(scratch, "rootfs")
	if err := os.Mkdir(rootfs, 0o755); err != nil {
		return nil, err
	}
	// As root, the layers' owners are kept until USER is resolved: the
	// sandbox maps them below.
	fopts := image.FlattenOptions{Limits: image.DefaultLimits, KeepOwners: os.Geteuid() == 0}
	if _, err := im.Flatten(ctx, rootfs, fopts); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, image.ErrLimit) {
			return nil, fmt.Errorf("%s: %w; nothing was started", opts.Path, err)
		}
		return nil, fmt.Errorf("flattening %s: %w", opts.Path, err)
	}
	cfg := im.Config.Config
	run := &imageRun{rootfs: rootfs, env: cfg.Env, workdir: cfg.WorkingDir, user: cfg.User}
	if run.workdir == "" {
		run.workdir = "/"
	}
	open, closeRoot, err := rootOpener(rootfs)
	if err != nil {
		return nil, err
	}
	run.ids, run.userErr = resolveUser(cfg.User, open)
	closeRoot()
	if run.userErr == nil && cfg.User != "" && !hasKey(run.env, "HOME") {
		// Docker sets HOME from the user's passwd entry ("/" without one).
		run.env = append(slices.Clip(run.env), "HOME="+run.ids.home)
	}
	if os.Geteuid() == 0 {
		if err := ownImage(ctx, rootfs, run.ids); err != nil {
			return nil, err
		}
	}
	argv, known := im.StartCommand(containerOf(opts))
	if !known {
		return nil, errors.New("customContainerConfig's command is a placeholder; the probe cannot tell what the image runs")
	}
	if len(argv) == 0 {
		return nil, errors.New("the image has no ENTRYPOINT or CMD, and customContainerConfig sets no command")
	}
	run.argv = argv
	return run, nil
}

// ownImage gives the flattened files (owned as their layers say) the host
// owners the sandbox's id mapping shows as the image's: with a root USER
// everything is the sandbox's root (the host's nobody), as a container's
// root may read every file; with another USER, what that user and group own
// in the image is the host's nobody (the function's ids), the rest the
// host's root, which the sandbox maps to its root (launchSandboxed).
func ownImage(ctx context.Context, rootfs string, u imageUser) error {
	return filepath.WalkDir(rootfs, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			return nil
		}
		uid, gid := nobodyID, nobodyID
		if u.uid != 0 || u.gid != 0 {
			if fi, err := d.Info(); err == nil {
				if st, ok := fi.Sys().(*syscall.Stat_t); ok {
					if u.uid != 0 && int(st.Uid) != u.uid {
						uid = 0
					}
					if int(st.Gid) != u.gid {
						gid = 0
					}
				}
			}
		}
		os.Lchown(p, uid, gid)
		return nil
	})
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

func containerOf(opts *Options) *config.Container {
	if opts.Function == nil {
		return nil
	}
	return opts.Function.Container
}
