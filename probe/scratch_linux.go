package probe

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// scratchPrefix names this run's temporary folder: fclint-probe-PID-..., so
// that a later run can tell a folder of a killed fclint from one in use.
func scratchPrefix() string { return cgroupPrefix + strconv.Itoa(os.Getpid()) + "-" }

// sweepScratch removes the temporary folders of probe runs whose fclint is
// gone (killed before it could clean up), when this user owns them.
func sweepScratch() {
	tmp := os.TempDir()
	entries, _ := os.ReadDir(tmp)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), cgroupPrefix) || ownerAlive(e.Name()) {
			continue
		}
		fi, err := e.Info() // nil when another run swept it in between
		if err != nil {
			continue
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Geteuid() {
			continue
		}
		removeScratch(filepath.Join(tmp, e.Name()))
	}
}

// removeScratch removes a temporary folder even where a function (run in
// place) made folders unreadable or unwritable (chmod 000): each folder is
// given back its owner's permissions first. Symlinks are not followed.
func removeScratch(dir string) {
	if os.RemoveAll(dir) == nil {
		return
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if d == nil || !d.IsDir() {
			return nil
		}
		if os.Chmod(p, 0o700) != nil {
			return fs.SkipDir // not ours to open: RemoveAll says what is left
		}
		if err != nil {
			// The folder could not be read before its chmod: walk it again.
			removeScratch(p)
			return fs.SkipDir
		}
		return nil
	})
	os.RemoveAll(dir)
}
