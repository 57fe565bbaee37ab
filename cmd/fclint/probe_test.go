package main

import (
	"bytes"
	"strings"
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
