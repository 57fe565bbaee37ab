package archive

import (
	"errors"
	"strings"
)

// Linux limits (PATH_MAX, NAME_MAX): longer names cannot be unpacked.
const (
	maxPath      = 4096
	maxComponent = 255
)

// CheckName reports why a package entry name is unsafe to place under /code
// (FC208), or nil. The probe uses it before unpacking.
func CheckName(name string) error {
	switch {
	case name == "":
		return errors.New("empty entry name")
	case strings.Contains(name, "\\"):
		return errors.New("backslash in entry name (made on Windows?)")
	case strings.HasPrefix(name, "/"):
		return errors.New("absolute entry name")
	case len(name) >= 2 && name[1] == ':':
		return errors.New("drive-letter entry name")
	case strings.IndexByte(name, 0) >= 0:
		return errors.New("NUL byte in entry name")
	case len(name) > maxPath:
		return errors.New("entry name longer than 4096 bytes")
	}
	depth, dotdot := 0, false
	for rest := name; rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, "/")
		switch part {
		case "..":
			dotdot = true
			if depth--; depth < 0 {
				return errors.New(`entry name escapes the package with ".."`)
			}
		case "", ".":
		default:
			depth++
		}
		if len(part) > maxComponent {
			return errors.New("entry name has a component longer than 255 bytes")
		}
	}
	if dotdot {
		// Inside the root, but unzip and most unpackers refuse or strip "..".
		return errors.New("entry name has a .. component: unpackers refuse it or strip it")
	}
	return nil
}
