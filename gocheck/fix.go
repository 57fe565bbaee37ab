package gocheck

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/fclint/fclint/packaging/archive"
)

// edit is one text replacement in byte offsets of a file.
type edit struct {
	start, end int
	text       string
}

// sources records what each Go file held when it was parsed, so that --fix
// never applies offsets computed on one content to another.
type sources struct {
	mu   sync.Mutex
	hash map[string][sha256.Size]byte
}

// parseFile is packages.Config.ParseFile under --fix: parseFile's parse,
// plus a record of the content.
func (s *sources) parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	s.mu.Lock()
	if s.hash == nil {
		s.hash = map[string][sha256.Size]byte{}
	}
	s.hash[filename] = sha256.Sum256(src)
	s.mu.Unlock()
	return parseFile(fset, filename, src)
}

func (s *sources) analyzed(filename string, src []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.hash[filename]
	return ok && h == sha256.Sum256(src)
}

// applyFixes applies the first suggested fix of each diagnostic. A fix whose
// edits overlap an edit already taken is skipped whole, so a file never
// receives half a fix. Only the edited bytes change (no reformatting), and a
// file is written only when
//   - it still holds what was analyzed (else it changed meanwhile: offsets
//     would land in the wrong places),
//   - the result parses,
//
// by writing a temporary file in the same folder, with the same mode, and
// renaming it over the original. It returns which diagnostics were fixed, the
// files it rewrote and one note per file it left alone. When a write fails,
// the error names the files already rewritten.
func applyFixes(diags []located, src *sources) (map[int]bool, []string, []string, error) {
	byFile := map[string][]edit{}
	owners := map[string][]int{}
	fixed := map[int]bool{}
	for i, d := range diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		fix := d.SuggestedFixes[0]
		var mine []edit
		var file string
		ok := true
		for _, te := range fix.TextEdits {
			tf := d.fset.File(te.Pos)
			if tf == nil {
				ok = false
				break
			}
			end := te.End
			if !end.IsValid() {
				end = te.Pos
			}
			if file != "" && file != tf.Name() {
				ok = false // fclint's fixes stay within one file
				break
			}
			file = tf.Name()
			mine = append(mine, edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
		}
		if !ok || file == "" {
			continue
		}
		if conflicts(byFile[file], mine) {
			continue
		}
		byFile[file] = append(byFile[file], mine...)
		owners[file] = append(owners[file], i)
	}
	names := make([]string, 0, len(byFile))
	for file := range byFile {
		names = append(names, file)
	}
	sort.Strings(names)
	var files, notes []string
	wd, _ := os.Getwd()
	for _, file := range names {
		shown := RelPath(wd, file)
		cur, err := archive.ReadRegular(file)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s not fixed: %v", shown, err))
			continue
		}
		if src == nil || !src.analyzed(file, cur) {
			notes = append(notes, fmt.Sprintf("%s not fixed: it changed after it was analyzed; run fclint again", shown))
			continue
		}
		out, err := apply(cur, byFile[file])
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s not fixed: %v", shown, err))
			continue
		}
		if _, err := parser.ParseFile(token.NewFileSet(), file, out, parser.SkipObjectResolution); err != nil {
			notes = append(notes, fmt.Sprintf("%s not fixed: the result would not parse (%v)", shown, firstLine(err.Error())))
			continue
		}
		for _, i := range owners[file] {
			fixed[i] = true
		}
		if bytes.Equal(out, cur) {
			continue
		}
		if err := writeAtomic(file, out); err != nil {
			msg := fmt.Sprintf("--fix: %s: %v", shown, err)
			if len(files) > 0 {
				msg += "; already rewritten: " + strings.Join(files, ", ")
			} else {
				msg += "; no file was changed"
			}
			return nil, nil, nil, fmt.Errorf("%s", msg)
		}
		files = append(files, file)
	}
	return fixed, files, notes, nil
}

// writeAtomic replaces name with data: a temporary file in the same folder
// (same file system), given name's mode, synced, then renamed over it. A
// reader sees the old or the new content, never a half-written file.
func writeAtomic(name string, data []byte) error {
	fi, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".fclint-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	done = true
	return nil
}

// conflicts reports whether any new edit overlaps a taken one. Identical
// edits (two findings proposing the same change) do not conflict.
func conflicts(taken, mine []edit) bool {
	for _, m := range mine {
		for _, t := range taken {
			if m == t {
				continue
			}
			if m.start < t.end && t.start < m.end || (m.start == t.start && m.end == t.end) {
				return true
			}
			if m.start == m.end && m.start == t.start && t.start == t.end {
				return true // two insertions at one point: order unknown
			}
		}
	}
	return false
}

// apply performs non-overlapping edits on src.
func apply(src []byte, edits []edit) ([]byte, error) {
	edits = append([]edit(nil), edits...)
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var buf bytes.Buffer
	last := 0
	for i, e := range edits {
		if i > 0 && e == edits[i-1] {
			continue // the same edit from two findings
		}
		if e.start < last || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("invalid edit range %d-%d", e.start, e.end)
		}
		buf.Write(src[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes(), nil
}
