package probe

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// processTree lists root and all its descendants that are still alive.
func processTree(root int) []int {
	pids := []int{root}
	if _, err := os.Stat("/proc/" + strconv.Itoa(root) + "/task"); err != nil {
		return nil
	}
	if !hasChildrenFiles() {
		return treeByScan(root)
	}
	for i := 0; i < len(pids); i++ {
		tasks, _ := os.ReadDir("/proc/" + strconv.Itoa(pids[i]) + "/task")
		for _, t := range tasks {
			b, err := os.ReadFile("/proc/" + strconv.Itoa(pids[i]) + "/task/" + t.Name() + "/children")
			if err != nil {
				continue
			}
			for _, f := range strings.Fields(string(b)) {
				if pid, err := strconv.Atoi(f); err == nil {
					pids = append(pids, pid)
				}
			}
		}
	}
	return pids
}

// hasChildrenFiles reports whether the kernel has /proc/PID/task/TID/children
// (CONFIG_PROC_CHILDREN); without it the tree comes from a scan of /proc.
// Once: probes may run concurrently.
var hasChildrenFiles = sync.OnceValue(func() bool {
	_, err := os.Stat("/proc/self/task/" + strconv.Itoa(os.Getpid()) + "/children")
	return err == nil
})

// treeByScan finds root's descendants from every process's parent PID.
func treeByScan(root int) []int {
	entries, _ := os.ReadDir("/proc")
	children := map[int][]int{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid, ok := parentPID(pid); ok {
			children[ppid] = append(children[ppid], pid)
		}
	}
	pids := []int{root}
	for i := 0; i < len(pids); i++ {
		pids = append(pids, children[pids[i]]...)
	}
	return pids
}

// running reports whether pid is a process that has not yet died: present
// in /proc and not a zombie.
func running(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	i := bytes.LastIndexByte(b, ')')
	return i < 0 || !bytes.HasPrefix(b[i+1:], []byte(" Z"))
}

// awaitGone waits until none of pids is running, polling, for at most
// limit: a killed process lives on until the kernel has delivered the
// signal, which on a busy machine takes a moment.
func awaitGone(pids []int, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for _, pid := range pids {
		for running(pid) && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
	}
}

func parentPID(pid int) (int, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// The command name may hold spaces and parentheses: fields follow the last ')'.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 2 {
		return 0, false
	}
	ppid, err := strconv.Atoi(f[1])
	return ppid, err == nil
}

// socketInodes returns the inodes of the sockets the processes hold open.
func socketInodes(pids []int) map[uint64]bool {
	inodes := map[uint64]bool{}
	for _, pid := range pids {
		dir := "/proc/" + strconv.Itoa(pid) + "/fd/"
		fds, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			link, err := os.Readlink(dir + fd.Name())
			if err != nil || !strings.HasPrefix(link, "socket:[") {
				continue
			}
			if ino, err := strconv.ParseUint(strings.TrimSuffix(link[len("socket:["):], "]"), 10, 64); err == nil {
				inodes[ino] = true
			}
		}
	}
	return inodes
}

// listener is one listening TCP socket.
type listener struct {
	IP   net.IP
	Port int
}

func (l listener) String() string { return net.JoinHostPort(l.IP.String(), strconv.Itoa(l.Port)) }

func (l listener) loopback() bool { return l.IP.IsLoopback() }

// listeners returns the listening TCP sockets among inodes, read from the
// network namespace of process pid.
func listeners(pid int, inodes map[uint64]bool) []listener {
	var out []listener
	for _, file := range []string{"tcp", "tcp6"} {
		f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/net/" + file)
		if err != nil {
			continue
		}
		out = append(out, parseListeners(f, inodes)...)
		f.Close()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// tcpListen is the LISTEN state in /proc/net/tcp.
const tcpListen = "0A"

// parseListeners reads /proc/net/tcp{,6} lines:
//
//	sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
//	0: 00000000:2328 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 12345 ...
func parseListeners(r *os.File, inodes map[uint64]bool) []listener {
	var out []listener
	sc := bufio.NewScanner(r)
	sc.Scan() // header
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 10 || f[3] != tcpListen {
			continue
		}
		ino, err := strconv.ParseUint(f[9], 10, 64)
		if err != nil || !inodes[ino] {
			continue
		}
		if l, ok := parseAddr(f[1]); ok {
			out = append(out, l)
		}
	}
	return out
}

// parseAddr decodes "0100007F:1F90": the address in 32-bit words of host
// (little-endian) byte order, the port in big-endian hex.
func parseAddr(s string) (listener, bool) {
	hexIP, hexPort, ok := strings.Cut(s, ":")
	if !ok {
		return listener{}, false
	}
	port, err := strconv.ParseUint(hexPort, 16, 16)
	if err != nil {
		return listener{}, false
	}
	raw, err := hex.DecodeString(hexIP)
	if err != nil || (len(raw) != 4 && len(raw) != 16) {
		return listener{}, false
	}
	ip := make(net.IP, len(raw))
	for w := 0; w < len(raw); w += 4 {
		ip[w], ip[w+1], ip[w+2], ip[w+3] = raw[w+3], raw[w+2], raw[w+1], raw[w]
	}
	if v4 := ip.To4(); v4 != nil && len(raw) == 16 && !ip.Equal(net.IPv6zero) {
		ip = v4 // ::ffff:a.b.c.d
	}
	return listener{IP: ip, Port: int(port)}, true
}

// markedProcesses lists the processes whose environment holds the entry
// marker (KEY=VALUE), other than this one.
func markedProcesses(marker string) []int {
	entries, _ := os.ReadDir("/proc")
	want := []byte(marker)
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		env, err := os.ReadFile("/proc/" + e.Name() + "/environ")
		if err != nil {
			continue
		}
		for _, kv := range bytes.Split(env, []byte{0}) {
			if bytes.Equal(kv, want) {
				pids = append(pids, pid)
				break
			}
		}
	}
	return pids
}

// sweepMarked kills the processes that runs without the sandbox left when
// their fclint was killed: their marker names an fclint that is gone.
func sweepMarked() {
	entries, _ := os.ReadDir("/proc")
	prefix := []byte(runMarker + "=")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		env, err := os.ReadFile("/proc/" + e.Name() + "/environ")
		if err != nil {
			continue
		}
		for _, kv := range bytes.Split(env, []byte{0}) {
			if id, ok := bytes.CutPrefix(kv, prefix); ok {
				if !ownerAlive(cgroupPrefix + string(id)) {
					syscall.Kill(pid, syscall.SIGKILL)
				}
				break
			}
		}
	}
}
