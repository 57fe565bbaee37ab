package report

import (
	"strings"
	"unicode/utf8"
)

// maxHeadline is the longest message kept whole on the headline; a longer one
// is split into a headline and a "why:" part.
const maxHeadline = 100

// minHeadline keeps a split from leaving a stub ("fc.Start:") as the headline.
const minHeadline = 12

// SplitMessage splits a finding's message into the headline (what is wrong)
// and the why part (why FC cares: its error text, where the value comes from).
//
// Messages are written as one sentence whose clauses are joined by "; ", ": "
// or " — ". A message of at most 100 characters stays whole. A longer one is
// split at the first such separator that lies outside quotes, parentheses and
// brackets and leaves a headline of 12 to 100 characters; with none, it stays
// whole. Later lines (a probe finding's output tail) are returned as tail,
// unchanged. Nothing is dropped: headline + separator + why is the first line.
func SplitMessage(msg string) (headline, why, tail string) {
	first, tail, _ := strings.Cut(strings.TrimRight(msg, "\n"), "\n")
	first = strings.TrimRight(first, "\r")
	if utf8.RuneCountInString(first) <= maxHeadline {
		return first, "", tail
	}
	at, sepLen := headlineEnd(first)
	if at < 0 {
		return first, "", tail
	}
	why = strings.TrimSpace(first[at+sepLen:])
	if why == "" {
		// Nothing after the separator: splitting would only drop it.
		return first, "", tail
	}
	return first[:at], why, tail
}

// headlineEnd finds the first clause separator outside quotes and brackets
// that gives a headline of minHeadline..maxHeadline runes; -1 when none does.
func headlineEnd(s string) (at, sepLen int) {
	depth, quoted, runes := 0, false, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '(' || r == '[' || r == '{':
			depth++
		case r == ')' || r == ']' || r == '}':
			depth = max(depth-1, 0)
		case depth == 0 && runes >= minHeadline:
			for _, sep := range []string{"; ", ": ", " — "} {
				if strings.HasPrefix(s[i:], sep) {
					return i, len(sep)
				}
			}
		}
		runes++
		if runes > maxHeadline {
			return -1, 0
		}
		i += size
	}
	return -1, 0
}

// Wrap breaks text into lines of at most width runes at spaces; a word longer
// than width gets a line of its own.
func Wrap(text string, width int) []string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil
	}
	width = max(width, 20)
	var lines []string
	line, n := words[0], utf8.RuneCountInString(words[0])
	for _, w := range words[1:] {
		wn := utf8.RuneCountInString(w)
		if n+1+wn > width {
			lines = append(lines, line)
			line, n = w, wn
			continue
		}
		line += " " + w
		n += 1 + wn
	}
	return append(lines, line)
}
