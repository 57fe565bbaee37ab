package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fclint/fclint/probe"
)

func TestTimeline(t *testing.T) {
	steps := []probe.Step{
		{Name: "started", Detail: "pid 7: /code/bootstrap", OK: true},
		{Name: "listening", Detail: "after 131ms on 0.0.0.0:9000", At: 131 * time.Millisecond, OK: true},
		{Name: "keep-alive", Detail: "the response said Connection: close", At: 140 * time.Millisecond},
		{Name: "idle hold", Detail: "connection open after 10s idle", At: 10046 * time.Millisecond, OK: true},
	}
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		tl := newTimeline(&b, color)
		tl.title = "probe function.zip (CAPort 9000)"
		for _, s := range steps {
			tl.step(s)
		}
		out := b.String()
		if hasANSI := strings.Contains(out, "\x1b["); hasANSI != color {
			t.Errorf("color=%v: ANSI escapes present=%v:\n%s", color, hasANSI, out)
		}
		for _, want := range []string{"probe function.zip (CAPort 9000)", "listening", "+131ms", "+10.0s ", "after 131ms on 0.0.0.0:9000", "Connection: close"} {
			if !strings.Contains(out, want) {
				t.Errorf("color=%v: output lacks %q:\n%s", color, want, out)
			}
		}
		if !color && (!strings.Contains(out, "  ok   listening") || !strings.Contains(out, "  FAIL keep-alive")) {
			t.Errorf("plain marks:\n%s", out)
		}
	}
}

// Not on a terminal: a wait that lasts gets one plain line, a short one none.
func TestTimelinePlainWait(t *testing.T) {
	defer func(d time.Duration) { plainWaitAfter = d }(plainWaitAfter)
	plainWaitAfter = 20 * time.Millisecond
	var b syncBuffer
	tl := newTimeline(&b, false)
	now := time.Now()
	tl.wait(probe.Wait{Step: "invoke", Why: "a response to POST /invoke", Since: now, Deadline: now.Add(time.Minute)})
	tl.step(probe.Step{Name: "invoke", Detail: "200 in 1ms", OK: true})
	tl.wait(probe.Wait{Step: "idle hold", Why: "the idle connection to stay open", Since: now, Deadline: now.Add(10 * time.Second)})
	time.Sleep(100 * time.Millisecond)
	tl.step(probe.Step{Name: "idle hold", Detail: "open", OK: true})
	out := b.String()
	if strings.Contains(out, "POST /invoke") {
		t.Errorf("a short wait was printed:\n%s", out)
	}
	if !strings.Contains(out, "  ...  idle hold") || !strings.Contains(out, "waiting up to 10s for the idle connection to stay open\n") {
		t.Errorf("no plain line for the long wait:\n%s", out)
	}
	if strings.Contains(out, "\r") || strings.Contains(out, "\x1b") {
		t.Errorf("terminal controls outside a terminal:\n%q", out)
	}
}

// On a terminal: a live line with the time spent and the deadline, cleared
// by the next step.
func TestTimelineLive(t *testing.T) {
	var b syncBuffer
	tl := newTimeline(&b, false)
	tl.live = true
	now := time.Now()
	tl.wait(probe.Wait{Step: "listening", Why: "the function to accept connections on CAPort 9000", Since: now.Add(-25 * time.Second), Deadline: now.Add(95 * time.Second)})
	time.Sleep(250 * time.Millisecond)
	tl.step(probe.Step{Name: "listening", Detail: "after 25s", OK: true})
	out := b.String()
	if !strings.Contains(out, "\r\x1b[K  ") || !strings.Contains(out, "listening   25") || !strings.Contains(out, " / 2m0s waiting for the function to accept connections on CAPort 9000") {
		t.Errorf("no live line:\n%q", out)
	}
	if !strings.Contains(out, "\r\x1b[K  ok   listening") {
		t.Errorf("the step does not clear the live line:\n%q", out)
	}
}

// --verbose passes the function's output line by line, made safe.
func TestDimWriter(t *testing.T) {
	var b syncBuffer
	d := newDimWriter(&b, false)
	d.Write([]byte("hel"))
	d.Write([]byte("lo\nwor"))
	d.Write([]byte("ld \x1b[31mred\n"))
	d.Write([]byte("tail"))
	d.flush()
	if got, want := b.String(), "  │ hello\n  │ world \\x1b[31mred\n  │ tail\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
