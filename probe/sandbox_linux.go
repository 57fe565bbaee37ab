package probe

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// sandboxSpec is what the probe tells the sandbox helper, as JSON in its
// second argument.
type sandboxSpec struct {
	TmpBytes    int64  // size of the private /tmp (diskSize)
	HostNetwork bool   // --network host: no network namespace
	Code        string // the package folder on the host ("" for an image)
	RootFS      string // an image's flattened root, used instead of the host's folders
	Workdir     string // where the function starts (default /code)
	// SetIDs: the helper runs under ids of its own (the host's root, to
	// reach the package folder) and starts the function as UID:GID of the
	// sandbox (the host's nobody). Without it the function keeps the
	// helper's ids.
	SetIDs   bool
	UID, GID uint32
	Argv     []string // the function's command line
}

// ctlFD is the helper's control socket.
const ctlFD = 3

// Messages on the control socket (SOCK_SEQPACKET, one message each).
const (
	msgGo      = "go"        // probe -> helper: the cgroup is set, start
	msgStarted = "started"   // helper -> probe: the function runs, "started PID"
	msgSetup   = "setup"     // helper -> probe: "setup: why" the sandbox failed
	msgExec    = "exec"      // helper -> probe: "exec: why" the function could not start
	msgExit    = "exit"      // helper -> probe: "exit: exit status 3" the function ended
	msgDial    = "dial"      // probe -> helper: "dial HOST PORT", answered by one of:
	msgDialOK  = "dialok"    // helper -> probe, with the connection's descriptor attached
	msgDialErr = "dialerr"   // helper -> probe: "dialerr: why"
	maskedFile = "/dev/null" // bound over host files that hold secrets
)

// hostDirsHidden are top-level host folders the function does not see:
// homes, removable media, runtime sockets (a Docker socket on a read-only
// mount still connects), the boot partition.
var hostDirsHidden = map[string]bool{
	"home": true, "root": true, "run": true, "mnt": true, "media": true, "srv": true,
	"boot": true, "lost+found": true, "proc": true, "dev": true, "tmp": true, "code": true,
}

// hostSecrets are files hidden behind an empty file: the function may run as
// the user that owns them.
var hostSecrets = []string{"/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow-", "/etc/sudoers"}

// devices are the nodes bound into the sandbox's /dev.
var devices = []string{"null", "zero", "full", "random", "urandom", "tty"}

// HelperMain runs inside the new namespaces as the function's init (PID 1):
// it builds the sandbox's root, starts the function, reaps orphans, dials
// the function for the probe and reports the function's exit. It returns the
// exit code for the helper process.
func HelperMain() int {
	ctlFile := os.NewFile(ctlFD, "ctl")
	syscall.CloseOnExec(ctlFD)
	c, err := net.FileConn(ctlFile)
	ctlFile.Close()
	if err != nil {
		return 126
	}
	ctl := c.(*net.UnixConn)
	send := func(format string, args ...any) { ctl.Write([]byte(fmt.Sprintf(format, args...))) }
	var spec sandboxSpec
	if len(os.Args) < 3 || json.Unmarshal([]byte(os.Args[2]), &spec) != nil || len(spec.Argv) == 0 {
		send("%s: bad helper arguments", msgSetup)
		return 126
	}
	// Wait until the probe has put this process into the cgroup: everything
	// the function starts is accounted from its first byte.
	buf := make([]byte, 64)
	if n, err := ctl.Read(buf); err != nil || string(buf[:n]) != msgGo {
		return 126
	}
	if err := buildRoot(spec); err != nil {
		send("%s: %v", msgSetup, err)
		return 126
	}
	workdir := spec.Workdir
	if workdir == "" {
		workdir = codeMountPoint
	}
	path, err := lookPath(spec.Argv[0], os.Getenv("PATH"), workdir)
	if err != nil {
		send("%s: %v", msgExec, err)
		return 127
	}
	runtime.LockOSThread() // never unlocked: the function is forked from this thread
	if err := dropPrivileges(); err != nil {
		send("%s: %v", msgSetup, err)
		return 126
	}
	attr := &syscall.ProcAttr{Dir: workdir, Env: os.Environ(), Files: []uintptr{0, 1, 2}}
	if spec.SetIDs {
		attr.Sys = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: spec.UID, Gid: spec.GID, NoSetGroups: true}}
	}
	pid, err := syscall.ForkExec(path, spec.Argv, attr)
	if err != nil {
		send("%s: %s: %v", msgExec, spec.Argv[0], err)
		return 127
	}
	send("%s %d", msgStarted, pid)
	go serveDials(ctl)
	// As PID 1, reap every orphan; the function's own end is the sandbox's.
	for {
		var ws syscall.WaitStatus
		got, err := syscall.Wait4(-1, &ws, 0, nil)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || got == pid {
			send("%s: %s", msgExit, describeWait(ws, err))
			if ws.Exited() {
				return ws.ExitStatus()
			}
			return 128 + int(ws.Signal())
		}
	}
}

// describeWait words a wait status as os/exec does ("exit status 3",
// "signal: killed").
func describeWait(ws syscall.WaitStatus, err error) string {
	switch {
	case err != nil:
		return err.Error()
	case ws.Exited():
		return "exit status " + strconv.Itoa(ws.ExitStatus())
	case ws.Signaled():
		return "signal: " + ws.Signal().String()
	}
	return fmt.Sprintf("wait status %#x", uint32(ws))
}

// serveDials connects to the function from inside its network namespace and
// hands the connection to the probe: the probe's client then talks to the
// function through the sandbox's loopback, which nothing outside reaches.
func serveDials(ctl *net.UnixConn) {
	buf := make([]byte, 256)
	for {
		n, err := ctl.Read(buf)
		if err != nil {
			return
		}
		f := strings.Fields(string(buf[:n]))
		if len(f) != 3 || f[0] != msgDial {
			continue
		}
		conn, err := net.DialTimeout("tcp", net.JoinHostPort(f[1], f[2]), 500*time.Millisecond)
		if err != nil {
			ctl.Write([]byte(msgDialErr + ": " + err.Error()))
			continue
		}
		file, err := conn.(*net.TCPConn).File()
		conn.Close()
		if err != nil {
			ctl.Write([]byte(msgDialErr + ": " + err.Error()))
			continue
		}
		ctl.WriteMsgUnix([]byte(msgDialOK), unix.UnixRights(int(file.Fd())), nil)
		file.Close()
	}
}

// buildRoot assembles the function's root in this (new) mount namespace and
// changes into it:
//
//   - the host's system folders, bound recursively and read-only;
//   - no homes, /run, /mnt or /media, and host secrets behind /dev/null;
//   - a /dev with only the usual nodes, and a private /dev/shm;
//   - the package, read-only, at /code;
//   - a private tmpfs /tmp of TmpBytes;
//   - a fresh /proc of the function's PID namespace, read-only.
//
// The root itself is read-only, and the old root is detached (pivot_root),
// so no path leads back to the host's writable mounts. The mounts are made
// read-only by this user namespace's root; the function runs without
// capabilities, and a user namespace it creates itself gets them locked.
func buildRoot(spec sandboxSpec) error {
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("making mounts private: %w", err)
	}
	// Held open: the staging tmpfs below may cover the package's path.
	src := spec.Code
	if spec.RootFS != "" {
		src = spec.RootFS
	}
	code, err := unix.Open(src, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("opening the package folder: %w", err)
	}
	defer unix.Close(code)
	// The new root lives on a tmpfs over /tmp of this namespace.
	const staging = "/tmp"
	if err := syscall.Mount("tmpfs", staging, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, "mode=0755,size=1m"); err != nil {
		return fmt.Errorf("mounting the root's tmpfs: %w", err)
	}
	root := filepath.Join(staging, "root")
	if err := os.Mkdir(root, 0o755); err != nil {
		return err
	}
	if spec.RootFS != "" {
		return buildImageRoot(spec, root, code)
	}
	if err := syscall.Mount(root, root, "", syscall.MS_BIND, ""); err != nil {
		return fmt.Errorf("binding the new root: %w", err)
	}
	entries, err := os.ReadDir("/")
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		src, dst := "/"+name, filepath.Join(root, name)
		switch {
		case hostDirsHidden[name]:
			if err := os.Mkdir(dst, 0o755); err != nil {
				return err
			}
		case e.Type()&os.ModeSymlink != 0: // e.g. /bin -> usr/bin
			target, err := os.Readlink(src)
			if err != nil {
				return err
			}
			if err := os.Symlink(target, dst); err != nil {
				return err
			}
		case e.IsDir():
			if err := bindNew(src, dst, true); err != nil {
				return err
			}
		}
	}
	for _, name := range []string{"code", "proc", "dev", "tmp"} {
		os.Mkdir(filepath.Join(root, name), 0o755)
	}
	for _, secret := range hostSecrets {
		if fi, err := os.Lstat(filepath.Join(root, secret)); err == nil && fi.Mode().IsRegular() {
			if err := syscall.Mount(maskedFile, filepath.Join(root, secret), "", syscall.MS_BIND, ""); err != nil {
				return fmt.Errorf("hiding %s: %w", secret, err)
			}
		}
	}
	if err := buildDev(filepath.Join(root, "dev")); err != nil {
		return err
	}
	if err := syscall.Mount(fmt.Sprintf("/proc/self/fd/%d", code), filepath.Join(root, "code"), "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
		return fmt.Errorf("binding the package at /code: %w", err)
	}
	return finishRoot(spec, root, codeMountPoint)
}

// buildImageRoot makes an image's flattened layers the root: read-only,
// with the same /dev, /tmp and /proc as a package gets.
func buildImageRoot(spec sandboxSpec, root string, rootfs int) error {
	if err := syscall.Mount(fmt.Sprintf("/proc/self/fd/%d", rootfs), root, "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
		return fmt.Errorf("binding the image's root: %w", err)
	}
	for _, name := range []string{"proc", "dev", "tmp"} {
		p := filepath.Join(root, name)
		if fi, err := os.Lstat(p); err != nil || !fi.IsDir() {
			os.RemoveAll(p)
			if err := os.Mkdir(p, 0o755); err != nil {
				return err
			}
		}
	}
	if err := buildDev(filepath.Join(root, "dev")); err != nil {
		return err
	}
	workdir := spec.Workdir
	if workdir == "" {
		workdir = "/"
	}
	return finishRoot(spec, root, workdir)
}

// finishRoot makes root read-only, adds the writable /tmp and /dev/shm and
// a fresh read-only /proc, brings up loopback, and changes root into it.
func finishRoot(spec sandboxSpec, root, workdir string) error {
	// Everything so far becomes read-only, the tmpfs root included.
	if err := readOnlyTree(root); err != nil {
		return err
	}
	tmpOpts := "mode=1777,size=" + strconv.FormatInt(max(spec.TmpBytes, 1<<20), 10)
	if err := syscall.Mount("tmpfs", filepath.Join(root, "tmp"), "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, tmpOpts); err != nil {
		return fmt.Errorf("mounting /tmp: %w", err)
	}
	if err := syscall.Mount("tmpfs", filepath.Join(root, "dev/shm"), "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV|syscall.MS_NOEXEC, "mode=1777,size=64m"); err != nil {
		return fmt.Errorf("mounting /dev/shm: %w", err)
	}
	proc := filepath.Join(root, "proc")
	procFlags := uintptr(syscall.MS_NOSUID | syscall.MS_NODEV | syscall.MS_NOEXEC)
	if err := syscall.Mount("proc", proc, "proc", procFlags, ""); err != nil {
		return fmt.Errorf("mounting /proc: %w", err)
	}
	if !spec.HostNetwork {
		if err := loopbackUp(); err != nil {
			return fmt.Errorf("bringing up loopback: %w", err)
		}
		// The function has no capabilities: let it bind port 80 in its own
		// network namespace as it could on FC.
		os.WriteFile(filepath.Join(proc, "sys/net/ipv4/ip_unprivileged_port_start"), []byte("0"), 0)
	}
	// Read-only: a process whose user is the host's root may write some
	// sysctls without capabilities.
	if err := syscall.Mount("", proc, "", syscall.MS_REMOUNT|syscall.MS_RDONLY|procFlags, ""); err != nil {
		return fmt.Errorf("making /proc read-only: %w", err)
	}
	if err := syscall.Chdir(root); err != nil {
		return err
	}
	if err := syscall.PivotRoot(".", "."); err != nil {
		return fmt.Errorf("changing root: %w", err)
	}
	if err := syscall.Unmount(".", syscall.MNT_DETACH); err != nil {
		return fmt.Errorf("detaching the host's root: %w", err)
	}
	return syscall.Chdir(workdir)
}

// bindNew bind-mounts src (recursively) on a new folder dst.
func bindNew(src, dst string, recursive bool) error {
	if err := os.Mkdir(dst, 0o755); err != nil {
		return err
	}
	flags := uintptr(syscall.MS_BIND)
	if recursive {
		flags |= syscall.MS_REC
	}
	if err := syscall.Mount(src, dst, "", flags, ""); err != nil {
		return fmt.Errorf("bind-mounting %s: %w", src, err)
	}
	return nil
}

// buildDev makes a small /dev: the usual nodes bound from the host, the
// standard links, and folders for /dev/shm and /dev/pts.
func buildDev(dev string) error {
	if err := syscall.Mount("tmpfs", dev, "tmpfs", syscall.MS_NOSUID|syscall.MS_NOEXEC, "mode=0755,size=64k"); err != nil {
		return fmt.Errorf("mounting /dev: %w", err)
	}
	for _, name := range devices {
		dst := filepath.Join(dev, name)
		f, err := os.Create(dst)
		if err != nil {
			return err
		}
		f.Close()
		if err := syscall.Mount("/dev/"+name, dst, "", syscall.MS_BIND, ""); err != nil {
			os.Remove(dst) // /dev/tty may be missing where there is no terminal
			if name != "tty" {
				return fmt.Errorf("binding /dev/%s: %w", name, err)
			}
		}
	}
	for link, target := range map[string]string{"fd": "/proc/self/fd", "stdin": "/proc/self/fd/0", "stdout": "/proc/self/fd/1", "stderr": "/proc/self/fd/2", "ptmx": "pts/ptmx"} {
		if err := os.Symlink(target, filepath.Join(dev, link)); err != nil {
			return err
		}
	}
	for _, d := range []string{"shm", "pts"} {
		if err := os.Mkdir(filepath.Join(dev, d), 0o755); err != nil {
			return err
		}
	}
	return nil
}

// readOnlyTree makes root and every mount below it read-only and nosuid:
// in one call where the kernel has mount_setattr (5.12), else one remount
// per mount, keeping the flags a host mount is locked with.
func readOnlyTree(root string) error {
	attr := &unix.MountAttr{Attr_set: unix.MOUNT_ATTR_RDONLY | unix.MOUNT_ATTR_NOSUID}
	err := unix.MountSetattr(unix.AT_FDCWD, root, unix.AT_RECURSIVE, attr)
	if err == nil {
		return nil
	}
	if !errors.Is(err, syscall.ENOSYS) {
		return fmt.Errorf("making the host's folders read-only: %w", err)
	}
	mounts, err := mountsUnder(root)
	if err != nil {
		return err
	}
	for _, m := range mounts {
		if err := remountReadOnly(m); err != nil {
			return fmt.Errorf("making %s read-only: %w", m, err)
		}
	}
	return nil
}

// mountsUnder lists the mount points at or below dir, parents first.
func mountsUnder(dir string) ([]string, error) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// id parent major:minor root mountpoint options ...
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 {
			continue
		}
		mp := unescapeMountinfo(fields[4])
		if mp == dir || strings.HasPrefix(mp, dir+"/") {
			out = append(out, mp)
		}
	}
	return out, sc.Err()
}

// unescapeMountinfo decodes the octal escapes (\040 for a space) of a path
// in /proc/self/mountinfo.
func unescapeMountinfo(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

const stRelatime = 0x1000 // ST_RELATIME in statfs(2) flags

// remountReadOnly remounts one bind mount read-only; the remount must keep
// the flags the host mount is locked with.
func remountReadOnly(dst string) error {
	var st syscall.Statfs_t
	flags := uintptr(syscall.MS_BIND | syscall.MS_REMOUNT | syscall.MS_RDONLY | syscall.MS_NOSUID)
	if syscall.Statfs(dst, &st) == nil {
		// ST_NODEV, ST_NOEXEC, ST_NOATIME and ST_NODIRATIME share their
		// values with MS_*; ST_RELATIME does not.
		flags |= uintptr(st.Flags) & (syscall.MS_NODEV | syscall.MS_NOEXEC | syscall.MS_NOATIME | syscall.MS_NODIRATIME)
		if st.Flags&stRelatime != 0 {
			flags |= syscall.MS_RELATIME
		}
	}
	return syscall.Mount("", dst, "", flags, "")
}

// loopbackUp brings up lo in this network namespace.
func loopbackUp() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("lo")
	if err != nil {
		return err
	}
	if err := unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr); err != nil {
		return err
	}
	ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
	return unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr)
}

// dropPrivileges leaves the function nothing of this user namespace's root:
// no capabilities after its exec (an empty bounding set), no way to gain any
// (no_new_privs). The bounding set and no_new_privs belong to a thread: the caller locks its OS
// thread, and the function is forked from it.
func dropPrivileges() error {
	// An exec as the namespace's root gains the inheritable and ambient
	// sets: both empty.
	if err := unix.Prctl(unix.PR_CAP_AMBIENT, unix.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0); err != nil {
		return fmt.Errorf("clearing ambient capabilities: %w", err)
	}
	hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
	var data [2]unix.CapUserData
	if err := unix.Capget(&hdr, &data[0]); err != nil {
		return fmt.Errorf("reading capabilities: %w", err)
	}
	data[0].Inheritable, data[1].Inheritable = 0, 0
	if err := unix.Capset(&hdr, &data[0]); err != nil {
		return fmt.Errorf("clearing inheritable capabilities: %w", err)
	}
	if err := unix.Prctl(unix.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0); err != nil {
		return fmt.Errorf("setting no_new_privs: %w", err)
	}
	last := 40
	if b, err := os.ReadFile("/proc/sys/kernel/cap_last_cap"); err == nil {
		if n, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
			last = n
		}
	}
	for c := 0; c <= last; c++ {
		if err := unix.Prctl(unix.PR_CAPBSET_DROP, uintptr(c), 0, 0, 0); err != nil && err != syscall.EINVAL {
			return fmt.Errorf("dropping capability %d: %w", c, err)
		}
	}
	return nil
}
