package probe

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// mountCode makes dir appear at /code in this (new) mount namespace and
// enters /code. Where /code exists it is mounted over; otherwise a new root
// is assembled on a tmpfs at root from bind mounts of everything under /,
// plus /code, and the process changes root into it. Nothing outside the
// namespace changes.
func mountCode(dir, root string, readOnly bool) error {
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("making mounts private: %w", err)
	}
	if fi, err := os.Stat(codeMountPoint); err == nil && fi.IsDir() {
		if err := bind(dir, codeMountPoint, readOnly); err != nil {
			return err
		}
		return syscall.Chdir(codeMountPoint)
	}
	if err := syscall.Mount("tmpfs", root, "tmpfs", 0, "mode=0755"); err != nil {
		return fmt.Errorf("mounting a tmpfs root: %w", err)
	}
	entries, err := os.ReadDir("/")
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if name == "code" {
			continue
		}
		src, dst := "/"+name, filepath.Join(root, name)
		switch {
		case e.Type()&os.ModeSymlink != 0: // e.g. /bin -> usr/bin
			target, err := os.Readlink(src)
			if err != nil {
				return err
			}
			if err := os.Symlink(target, dst); err != nil {
				return err
			}
		case e.IsDir():
			if err := os.Mkdir(dst, 0o755); err != nil {
				return err
			}
			if err := syscall.Mount(src, dst, "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
				return fmt.Errorf("bind-mounting %s: %w", src, err)
			}
		default:
			f, err := os.Create(dst)
			if err != nil {
				return err
			}
			f.Close()
			if err := syscall.Mount(src, dst, "", syscall.MS_BIND, ""); err != nil {
				return fmt.Errorf("bind-mounting %s: %w", src, err)
			}
		}
	}
	code := filepath.Join(root, "code")
	if err := os.Mkdir(code, 0o755); err != nil {
		return err
	}
	if err := bind(dir, code, readOnly); err != nil {
		return err
	}
	if err := syscall.Chroot(root); err != nil {
		return fmt.Errorf("changing root: %w", err)
	}
	return syscall.Chdir(codeMountPoint)
}

const stRelatime = 0x1000 // ST_RELATIME in statfs(2) flags

// bind mounts src at dst; readOnly is best effort (a user directory probed in
// place), since a remount must keep the flags the host mount is locked with.
func bind(src, dst string, readOnly bool) error {
	if err := syscall.Mount(src, dst, "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
		return fmt.Errorf("bind-mounting the package at /code: %w", err)
	}
	if readOnly {
		var st syscall.Statfs_t
		flags := uintptr(syscall.MS_BIND | syscall.MS_REMOUNT | syscall.MS_RDONLY)
		if syscall.Statfs(dst, &st) == nil {
			// ST_NOSUID, ST_NODEV, ST_NOEXEC, ST_NOATIME and ST_NODIRATIME
			// share their values with MS_*; ST_RELATIME does not.
			flags |= uintptr(st.Flags) & (syscall.MS_NOSUID | syscall.MS_NODEV | syscall.MS_NOEXEC | syscall.MS_NOATIME | syscall.MS_NODIRATIME)
			if st.Flags&stRelatime != 0 {
				flags |= syscall.MS_RELATIME
			}
		}
		syscall.Mount("", dst, "", flags, "")
	}
	return nil
}
