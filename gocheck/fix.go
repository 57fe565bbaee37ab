package gocheck

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"sort"
)

// edit is one text replacement in byte offsets of a file.
type edit struct {
	start, end int
	text       string
}

// applyFixes applies the first suggested fix of each diagnostic. A fix whose
// edits overlap an edit already taken is skipped whole, so a file never
// receives half a fix. It returns which diagnostics were fixed and the files
// it rewrote.
func applyFixes(diags []located) (map[int]bool, []string, error) {
	byFile := map[string][]edit{}
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
		fixed[i] = true
	}
	var files []string
	for file, edits := range byFile {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, nil, fmt.Errorf("--fix: %v", err)
		}
		out, err := apply(src, edits)
		if err != nil {
			return nil, nil, fmt.Errorf("--fix: %s: %v", file, err)
		}
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		if bytes.Equal(out, src) {
			continue
		}
		info, err := os.Stat(file)
		if err != nil {
			return nil, nil, fmt.Errorf("--fix: %v", err)
		}
		if err := os.WriteFile(file, out, info.Mode().Perm()); err != nil {
			return nil, nil, fmt.Errorf("--fix: %v", err)
		}
		files = append(files, file)
	}
	sort.Strings(files)
	return fixed, files, nil
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
