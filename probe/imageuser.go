package probe

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// imageUser is the identity an image's USER names, resolved the way Docker
// (runc) does against the image's own /etc/passwd and /etc/group:
//
//   - a name must have a passwd entry: "unable to find user NAME: no
//     matching entries in passwd file" otherwise, and the container does
//     not start;
//   - a numeric uid needs none; without an entry its group is 0 and its
//     home "/";
//   - ":GROUP" replaces the passwd entry's group; a group name must be in
//     /etc/group.
//
// Supplementary groups (the /etc/group memberships Docker adds) are not
// applied: each would need an id mapping of its own in the sandbox.
type imageUser struct {
	uid, gid int
	home     string
}

// userError is a USER that does not resolve: the container cannot start.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

// maxIDFile bounds what is read of /etc/passwd and /etc/group, which come
// from an untrusted image.
const maxIDFile = 4 << 20

// maxID is the largest id a user namespace maps (2^32-2: -1 means "none").
const maxID = 1<<32 - 2

// resolveUser resolves user (USER as written, "" for root) with open,
// which opens a file of the image's root ("etc/passwd").
func resolveUser(user string, open func(name string) (io.ReadCloser, error)) (imageUser, error) {
	u := imageUser{home: "/"}
	name, group, hasGroup := strings.Cut(user, ":")
	if name == "" && !hasGroup {
		name = "0"
	}
	var entries [][]string
	readPasswd := func() {
		if entries == nil {
			entries = readIDFile(open, "etc/passwd", 7)
		}
	}
	if id, numeric, err := parseID(name, "user"); err != nil {
		return u, err
	} else if numeric {
		u.uid = id
		readPasswd()
		for _, e := range entries {
			if n, err := strconv.Atoi(e[2]); err == nil && n == id {
				u.gid, _ = strconv.Atoi(e[3])
				u.home = e[5]
				break
			}
		}
	} else {
		readPasswd()
		found := false
		for _, e := range entries {
			if e[0] == name {
				uid, err1 := strconv.Atoi(e[2])
				gid, err2 := strconv.Atoi(e[3])
				if err1 != nil || err2 != nil || uid < 0 || gid < 0 || uid > maxID || gid > maxID {
					return u, &userError{fmt.Sprintf("the passwd entry of user %s has an invalid uid or gid (%s:%s)", name, e[2], e[3])}
				}
				u.uid, u.gid, u.home, found = uid, gid, e[5], true
				break
			}
		}
		if !found {
			return u, &userError{fmt.Sprintf("unable to find user %s: no matching entries in passwd file", name)}
		}
	}
	if hasGroup {
		id, numeric, err := parseID(group, "group")
		if err != nil {
			return u, err
		}
		if numeric {
			u.gid = id
		} else {
			found := false
			for _, e := range readIDFile(open, "etc/group", 4) {
				if e[0] == group {
					gid, err := strconv.Atoi(e[2])
					if err != nil || gid < 0 || gid > maxID {
						return u, &userError{fmt.Sprintf("the group entry of %s has an invalid gid (%s)", group, e[2])}
					}
					u.gid, found = gid, true
					break
				}
			}
			if !found {
				return u, &userError{fmt.Sprintf("unable to find group %s: no matching entries in group file", group)}
			}
		}
	}
	if u.gid < 0 || u.gid > maxID {
		u.gid = 0
	}
	if u.home == "" {
		u.home = "/"
	}
	return u, nil
}

// parseID reads a numeric user or group id; numeric is false for a name.
func parseID(s, what string) (id int, numeric bool, err error) {
	if s == "" {
		return 0, false, &userError{fmt.Sprintf("USER has an empty %s name", what)}
	}
	if s[0] < '0' || s[0] > '9' {
		return 0, false, nil
	}
	n, perr := strconv.ParseUint(s, 10, 64)
	if perr != nil || n > maxID {
		// Docker reads "12ab" as a name; a number past 2^32-2 maps nowhere.
		if perr != nil && strings.Trim(s, "0123456789") != "" {
			return 0, false, nil
		}
		return 0, false, &userError{fmt.Sprintf("USER's %s id %s is out of range (0-%d)", what, s, maxID)}
	}
	return int(n), true, nil
}

// readIDFile reads the colon-separated entries of /etc/passwd (7 fields)
// or /etc/group (4) of the image; a missing or unreadable file has none,
// and malformed lines are skipped, as the C library does.
func readIDFile(open func(string) (io.ReadCloser, error), name string, fields int) [][]string {
	out := [][]string{}
	f, err := open(name)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, maxIDFile))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, ":")
		if len(parts) < fields {
			continue
		}
		out = append(out, parts)
	}
	return out
}

// rootOpener opens files of dir without leaving it: a symlinked
// /etc/passwd resolves inside the image, never on the host.
func rootOpener(dir string) (func(string) (io.ReadCloser, error), func(), error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	open := func(name string) (io.ReadCloser, error) {
		f, err := root.Open(name)
		if err != nil {
			return nil, err
		}
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%s: not a regular file", name)
		}
		return f, nil
	}
	return open, func() { root.Close() }, nil
}
