package probe

import (
	"io"
	"strings"
	"sync"
)

// tailBuffer keeps the last bytes a process wrote, for showing its last lines.
type tailBuffer struct {
	// echo, when set, also receives everything written (--verbose).
	echo io.Writer
	mu   sync.Mutex
	buf  []byte
	max  int
}

func newTail(max int) *tailBuffer { return &tailBuffer{buf: make([]byte, 0, 2*max), max: max} }

// Write keeps up to twice max bytes and moves the last max to the front only
// when that fills up, so a function that logs heavily costs the probe a
// copy per max bytes, not per write.
func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.echo != nil {
		t.echo.Write(p)
	}
	if len(p) > t.max {
		t.buf = append(t.buf[:0], p[len(p)-t.max:]...)
		return len(p), nil
	}
	if len(t.buf)+len(p) > 2*t.max {
		keep := t.max - len(p)
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-keep:]...)
	}
	t.buf = append(t.buf, p...)
	return len(p), nil
}

// String returns the last max bytes written.
func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.buf
	if len(b) > t.max {
		b = b[len(b)-t.max:]
	}
	return string(b)
}

// lastLines returns the last n lines of s, without a trailing newline.
func lastLines(s string, n int) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return lines
}
