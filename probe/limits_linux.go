package probe

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// cgroupPrefix names the cgroups (and, in the temporary folder, the scratch
// folders) of probe runs: fclint-probe-PID-RANDOM, so that the next run can
// sweep what a killed one left.
const cgroupPrefix = "fclint-probe-"

// limits enforces the configured resources on the function's processes.
type limits struct {
	resources
	// Where a cgroup is in force: the v2 folder, or one folder per v1
	// controller ("memory", "cpu", "pids").
	v2 string
	v1 map[string]string
	// memoryBy and cpuBy say what enforces each limit, for the notes.
	memoryBy, cpuBy string
	rlimit          bool // no cgroup: RLIMIT_DATA on each process
}

// newLimits makes a cgroup for one run where this user may: cgroup v2 with
// the memory controller delegated, or cgroup v1 as root. Otherwise memory is
// bounded per process by RLIMIT_DATA, and cpu not at all.
func newLimits(r resources) *limits {
	l := &limits{resources: r}
	name := cgroupPrefix + strconv.Itoa(os.Getpid()) + "-" + randomID()
	if base, ok := cgroupV2Base(); ok {
		sweepCgroups(base, "")
		dir := filepath.Join(base, name)
		if os.Mkdir(dir, 0o755) == nil {
			if l.setupV2(dir) {
				l.v2 = dir
			} else {
				os.Remove(dir)
			}
		}
	}
	if l.v2 == "" && os.Geteuid() == 0 {
		l.v1 = map[string]string{}
		for _, ctrl := range []string{"memory", "cpu", "pids"} {
			base, ok := cgroupV1Base(ctrl)
			if !ok {
				continue
			}
			sweepCgroups(base, ctrl)
			dir := filepath.Join(base, name)
			if os.Mkdir(dir, 0o755) == nil {
				l.v1[ctrl] = dir
			}
		}
		l.setupV1()
	}
	if l.memoryBy == "" {
		l.rlimit = true
		l.memoryBy = "RLIMIT_DATA per process (no cgroup can be delegated here)"
	}
	if l.cpuBy == "" {
		l.cpuBy = "not limited (no cpu cgroup here)"
	}
	return l
}

func (l *limits) setupV2(dir string) bool {
	ctrls, _ := os.ReadFile(filepath.Join(dir, "cgroup.controllers"))
	has := func(c string) bool { return strings.Contains(" "+string(ctrls)+" ", " "+strings.TrimSpace(c)+" ") }
	if !has("memory") {
		return false
	}
	if writeFile(dir, "memory.max", strconv.FormatInt(l.memoryBytes(), 10)) != nil {
		return false
	}
	writeFile(dir, "memory.swap.max", "0") // OOM at memorySize, as on FC, not swapping
	l.memoryBy = "cgroup v2 memory.max"
	if l.cpu > 0 && has("cpu") && writeFile(dir, "cpu.max", cpuQuota(l.cpu)+" 100000") == nil {
		l.cpuBy = "cgroup v2 cpu.max"
	}
	if has("pids") {
		writeFile(dir, "pids.max", strconv.Itoa(maxProcesses))
	}
	return true
}

func (l *limits) setupV1() {
	if dir := l.v1["memory"]; dir != "" {
		if writeFile(dir, "memory.limit_in_bytes", strconv.FormatInt(l.memoryBytes(), 10)) == nil {
			writeFile(dir, "memory.memsw.limit_in_bytes", strconv.FormatInt(l.memoryBytes(), 10))
			writeFile(dir, "memory.swappiness", "0")
			l.memoryBy = "cgroup v1 memory.limit_in_bytes"
		}
	}
	if dir := l.v1["cpu"]; dir != "" && l.cpu > 0 {
		if writeFile(dir, "cpu.cfs_period_us", "100000") == nil && writeFile(dir, "cpu.cfs_quota_us", cpuQuota(l.cpu)) == nil {
			l.cpuBy = "cgroup v1 cpu.cfs_quota_us"
		}
	}
	if dir := l.v1["pids"]; dir != "" {
		writeFile(dir, "pids.max", strconv.Itoa(maxProcesses))
	}
}

// maxProcesses bounds the function's processes and threads: a fork bomb
// stops there instead of taking the machine.
const maxProcesses = 1024

func cpuQuota(vcpu float64) string { return strconv.Itoa(max(1000, int(vcpu*100000))) }

func writeFile(dir, name, value string) error {
	return os.WriteFile(filepath.Join(dir, name), []byte(value), 0)
}

// cgroupV2Base is this process's cgroup v2 folder when cgroup2 is mounted at
// /sys/fs/cgroup (or /sys/fs/cgroup/unified) and writable by this user.
func cgroupV2Base() (string, bool) {
	path, ok := ownCgroup("")
	if !ok {
		return "", false
	}
	for _, mnt := range []string{"/sys/fs/cgroup", "/sys/fs/cgroup/unified"} {
		if _, err := os.Stat(filepath.Join(mnt, "cgroup.controllers")); err != nil {
			continue
		}
		dir := filepath.Join(mnt, path)
		if unix.Access(dir, unix.W_OK) == nil {
			return dir, true
		}
	}
	return "", false
}

// cgroupV1Base is this process's folder in the v1 hierarchy of ctrl.
func cgroupV1Base(ctrl string) (string, bool) {
	path, ok := ownCgroup(ctrl)
	if !ok {
		return "", false
	}
	for _, mnt := range []string{"/sys/fs/cgroup/" + ctrl, "/sys/fs/cgroup/" + ctrl + ",cpuacct", "/sys/fs/cgroup/cpu,cpuacct"} {
		dir := filepath.Join(mnt, path)
		if _, err := os.Stat(filepath.Join(dir, "cgroup.procs")); err == nil && unix.Access(dir, unix.W_OK) == nil {
			return dir, true
		}
	}
	return "", false
}

// ownCgroup reads this process's cgroup path from /proc/self/cgroup: for
// ctrl "" the v2 line (0::/path), else the v1 line naming ctrl.
func ownCgroup(ctrl string) (string, bool) {
	f, err := os.Open("/proc/self/cgroup")
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		if ctrl == "" && parts[0] == "0" && parts[1] == "" {
			return parts[2], true
		}
		for _, c := range strings.Split(parts[1], ",") {
			if ctrl != "" && c == ctrl {
				return parts[2], true
			}
		}
	}
	return "", false
}

// sweepCgroups removes the cgroups of probe runs whose fclint is gone (it
// was killed), after killing what still runs in them.
func sweepCgroups(base, ctrl string) {
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), cgroupPrefix) || ownerAlive(e.Name()) {
			continue
		}
		dir := filepath.Join(base, e.Name())
		killCgroup(dir)
		removeCgroup(dir)
	}
}

// ownerAlive reports whether the fclint that made a fclint-probe-PID-...
// name still runs.
func ownerAlive(name string) bool {
	pidText, _, _ := strings.Cut(strings.TrimPrefix(name, cgroupPrefix), "-")
	pid, err := strconv.Atoi(pidText)
	if err != nil {
		return true // not ours to judge
	}
	return pid == os.Getpid() || syscall.Kill(pid, 0) == nil || errors.Is(syscall.Kill(pid, 0), syscall.EPERM)
}

// attach moves pid (the sandbox helper, before it starts the function) into
// the run's cgroup.
func (l *limits) attach(pid int) error {
	if l == nil {
		return nil
	}
	dirs := []string{l.v2}
	if l.v2 == "" {
		dirs = nil
		for _, d := range l.v1 {
			dirs = append(dirs, d)
		}
	}
	for _, d := range dirs {
		if d == "" {
			continue
		}
		if err := writeFile(d, "cgroup.procs", strconv.Itoa(pid)); err != nil {
			return fmt.Errorf("moving the function into its cgroup: %w", err)
		}
	}
	if l.rlimit {
		// Inherited by everything pid starts; it bounds each process, not
		// their sum.
		lim := &unix.Rlimit{Cur: uint64(l.memoryBytes()), Max: uint64(l.memoryBytes())}
		if err := unix.Prlimit(pid, unix.RLIMIT_DATA, lim, nil); err != nil {
			return fmt.Errorf("setting the memory limit: %w", err)
		}
	}
	return nil
}

// oomKilled reports whether the kernel killed a process of the run for
// memory, and the peak use in bytes (0 when unknown).
func (l *limits) oomKilled() (bool, int64) {
	if l == nil {
		return false, 0
	}
	var events, peakFile string
	switch {
	case l.v2 != "":
		events, peakFile = filepath.Join(l.v2, "memory.events"), filepath.Join(l.v2, "memory.peak")
	case l.v1["memory"] != "":
		events, peakFile = filepath.Join(l.v1["memory"], "memory.oom_control"), filepath.Join(l.v1["memory"], "memory.max_usage_in_bytes")
	default:
		return false, 0
	}
	b, _ := os.ReadFile(events)
	killed := false
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "oom_kill" && f[1] != "0" {
			killed = true
		}
	}
	pb, _ := os.ReadFile(peakFile)
	peak, _ := strconv.ParseInt(strings.TrimSpace(string(pb)), 10, 64)
	return killed, peak
}

// close kills whatever is left in the run's cgroups and removes them.
func (l *limits) close() {
	if l == nil {
		return
	}
	dirs := []string{l.v2}
	for _, d := range l.v1 {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if d != "" {
			killCgroup(d)
			removeCgroup(d)
		}
	}
}

// killCgroup kills every process in a cgroup: cgroup.kill where the kernel
// has it (5.14), else each PID listed.
func killCgroup(dir string) {
	if writeFile(dir, "cgroup.kill", "1") == nil {
		return
	}
	for range 3 {
		b, _ := os.ReadFile(filepath.Join(dir, "cgroup.procs"))
		pids := strings.Fields(string(b))
		if len(pids) == 0 {
			return
		}
		for _, p := range pids {
			if pid, err := strconv.Atoi(p); err == nil {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// removeCgroup removes an empty cgroup, waiting briefly for killed
// processes to leave it.
func removeCgroup(dir string) {
	for i := 0; i < 100; i++ {
		if err := syscall.Rmdir(dir); err == nil || errors.Is(err, syscall.ENOENT) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// describe says which limits are in force, for the notes and the JSON.
func (l *limits) describe() string {
	cpu := "cpu not configured"
	if l.cpu > 0 {
		cpu = fmt.Sprintf("cpu %s vCPU: %s", strconv.FormatFloat(l.cpu, 'f', -1, 64), l.cpuBy)
	}
	return fmt.Sprintf("memorySize %d MB: %s; %s; /tmp %d MB (diskSize); timeout %s per invocation",
		l.memoryMB, l.memoryBy, cpu, l.diskBytes>>20, l.timeout)
}
