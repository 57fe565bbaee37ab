package report

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// archiveExts are the package files whose entries findings name as ARCHIVE!ENTRY.
var archiveExts = []string{".zip", ".jar", ".war"}

// splitArchive splits "function.zip!bootstrap" into the archive and the entry;
// entry is "" for an ordinary file (whose name may contain "!" itself).
func splitArchive(file string) (path, entry string) {
	for i := 0; i < len(file); i++ {
		if file[i] != '!' {
			continue
		}
		lower := strings.ToLower(file[:i])
		for _, ext := range archiveExts {
			if strings.HasSuffix(lower, ext) {
				return file[:i], file[i+1:]
			}
		}
	}
	return file, ""
}

// repoRoot is the nearest directory at or above dir holding .git, or "".
func repoRoot(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// artifact is where a finding points, for formats that CI resolves against
// the repository (SARIF, GitHub annotations).
type artifact struct {
	path     string // repository-relative with forward slashes; absolute when outside
	relative bool   // path is relative to the repository root (or the working directory)
	entry    string // the ZIP entry, when the finding is inside an archive
}

// locate maps a finding's file (relative to workDir, or absolute) to the
// repository root when there is one, so that CI tools find it from any cwd.
func locate(workDir, root, file string) artifact {
	path, entry := splitArchive(file)
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(workDir, path)
	}
	if root != "" {
		if rel, err := filepath.Rel(root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return artifact{path: filepath.ToSlash(rel), relative: true, entry: entry}
		}
	}
	if !filepath.IsAbs(path) {
		return artifact{path: filepath.ToSlash(filepath.Clean(path)), relative: true, entry: entry}
	}
	return artifact{path: filepath.ToSlash(abs), entry: entry}
}

// uri is the artifact as a URI reference: relative and percent-encoded, or file:///.
func (a artifact) uri() string {
	if a.relative {
		return (&url.URL{Path: a.path}).String()
	}
	p := a.path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive paths: file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func itoa(n int) string { return strconv.Itoa(n) }
