//go:build unix

package config

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// untrusted says why a discovered configuration file must not be used, or
// "" when it may: it belongs to the user running fclint or to root, nobody
// else can write it, and its folder is not writable by others (a shared /tmp,
// say, where anyone can plant an s.yaml).
func untrusted(path string, fi fs.FileInfo) string {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	uid := uint32(os.Getuid())
	if st.Uid != uid && st.Uid != 0 {
		return fmt.Sprintf("owned by another user (uid %d)", st.Uid)
	}
	if fi.Mode().Perm()&0o002 != 0 {
		return "other users can write it"
	}
	dir := filepath.Dir(path)
	di, err := os.Stat(dir)
	if err != nil {
		return ""
	}
	if di.Mode().Perm()&0o002 != 0 {
		return fmt.Sprintf("its folder %s can be written by other users", displayPath(dir))
	}
	if dst, ok := di.Sys().(*syscall.Stat_t); ok && dst.Uid != uid && dst.Uid != 0 && di.Mode().Perm()&0o020 != 0 {
		return fmt.Sprintf("its folder %s belongs to another user (uid %d) and its group can write it", displayPath(dir), dst.Uid)
	}
	return ""
}
