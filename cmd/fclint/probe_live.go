package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/fclint/fclint/probe"
	"github.com/fclint/fclint/report"
)

// timeline prints the probe's steps as they happen:
//
//	probe function.zip (CAPort 9000)
//	  ok  started     +0ms     /code/bootstrap (in the sandbox, set up in 40ms)
//	  ok  listening   +131ms   after 131ms on 0.0.0.0:9000
//
// While the probe waits, a terminal shows a live line with the time spent and
// the deadline; elsewhere a wait that lasts longer than plainWaitAfter gets
// one plain line.
type timeline struct {
	w              io.Writer
	title          string // printed before the first step, so an error that stops the probe first stands alone
	ok, fail, dim  lipgloss.Style
	okMark, noMark string
	live           bool // w is a terminal: redraw a live line while waiting

	mu      sync.Mutex
	waiting *probe.Wait
	drawn   bool        // a live line is on the screen
	ticker  *time.Timer // redraws the live line, or prints the plain one
	frame   int
}

// plainWaitAfter is how long a wait lasts before a plain line says so.
var plainWaitAfter = 2 * time.Second

func newTimeline(w io.Writer, color bool) *timeline {
	t := &timeline{w: w, okMark: "ok", noMark: "FAIL"}
	if color {
		// Same choice as the text printer: the caller decided, force ANSI.
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.ANSI)
		t.ok = r.NewStyle().Foreground(lipgloss.Color("2")).Bold(true)
		t.fail = r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true)
		t.dim = r.NewStyle().Faint(true)
		t.okMark, t.noMark = "✓", "✗"
	}
	return t
}

func (t *timeline) printTitle() {
	if t.title != "" {
		fmt.Fprintln(t.w, t.title)
		t.title = ""
	}
}

func (t *timeline) step(s probe.Step) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.endWaitLocked()
	t.printTitle()
	mark := t.ok.Render(fmt.Sprintf("%-4s", t.okMark))
	if !s.OK {
		mark = t.fail.Render(fmt.Sprintf("%-4s", t.noMark))
	}
	at := t.dim.Render(fmt.Sprintf("%-8s", "+"+sinceStart(s.At)))
	fmt.Fprintf(t.w, "  %s %-11s %s %s\n", mark, s.Name, at, probe.Sanitize(s.Detail))
}

// wait starts showing a wait; the next step or wait ends it.
func (t *timeline) wait(w probe.Wait) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.endWaitLocked()
	t.printTitle()
	t.waiting = &w
	if t.live {
		t.drawLocked()
		t.ticker = time.AfterFunc(100*time.Millisecond, t.tick)
	} else {
		t.ticker = time.AfterFunc(plainWaitAfter, t.tick)
	}
}

func (t *timeline) tick() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.waiting == nil {
		return
	}
	w := t.waiting
	if !t.live {
		fmt.Fprintf(t.w, "  ...  %-11s %s waiting up to %s for %s\n", w.Step, t.dim.Render(fmt.Sprintf("%-8s", "")), roundDur(w.Deadline.Sub(w.Since)), w.Why)
		return
	}
	t.drawLocked()
	t.ticker = time.AfterFunc(100*time.Millisecond, t.tick)
}

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// drawLocked redraws the live line: spinner, step, time spent / deadline.
func (t *timeline) drawLocked() {
	w := t.waiting
	t.frame++
	fmt.Fprintf(t.w, "\r\x1b[K  %s %-11s %s waiting for %s", spinner[t.frame%len(spinner)], w.Step,
		t.dim.Render(roundDur(time.Since(w.Since))+" / "+roundDur(w.Deadline.Sub(w.Since))), w.Why)
	t.drawn = true
}

// endWaitLocked stops the wait display and clears the live line.
func (t *timeline) endWaitLocked() {
	if t.ticker != nil {
		t.ticker.Stop()
		t.ticker = nil
	}
	t.waiting = nil
	t.clearLocked()
}

func (t *timeline) clearLocked() {
	if t.drawn {
		fmt.Fprint(t.w, "\r\x1b[K")
		t.drawn = false
	}
}

// stop ends any wait display.
func (t *timeline) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.endWaitLocked()
}

// around runs print with the live line out of the way (the function's
// output on the same terminal), then redraws it.
func (t *timeline) around(print func()) {
	if t == nil {
		print()
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.clearLocked()
	print()
	if t.live && t.waiting != nil {
		t.drawLocked()
	}
}

func roundDur(d time.Duration) string {
	if d < time.Minute {
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// dimWriter passes the function's output through line by line, sanitized
// for the terminal and dimmed when colors are on (--verbose).
type dimWriter struct {
	w       io.Writer
	dim     lipgloss.Style
	tl      *timeline // moves its live line out of the way; may be nil
	mu      sync.Mutex
	partial []byte
}

func newDimWriter(w io.Writer, color bool) *dimWriter {
	d := &dimWriter{w: w}
	if color {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.ANSI)
		d.dim = r.NewStyle().Faint(true)
	}
	return d
}

// maxPartialLine bounds a line kept while waiting for its newline.
const maxPartialLine = 4096

func (d *dimWriter) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.partial = append(d.partial, p...)
	var lines []string
	for {
		i := bytes.IndexByte(d.partial, '\n')
		if i < 0 {
			break
		}
		lines = append(lines, string(d.partial[:i]))
		d.partial = d.partial[i+1:]
	}
	if len(d.partial) > maxPartialLine {
		lines = append(lines, string(d.partial))
		d.partial = nil
	}
	d.print(lines)
	return len(p), nil
}

func (d *dimWriter) print(lines []string) {
	if len(lines) == 0 {
		return
	}
	d.tl.around(func() {
		for _, line := range lines {
			fmt.Fprintln(d.w, "  │ "+d.dim.Render(probe.Sanitize(line)))
		}
	})
}

// flush prints a last line that had no newline.
func (d *dimWriter) flush() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.partial) > 0 {
		d.print([]string{string(d.partial)})
		d.partial = nil
	}
}

// probeJSON is the "probe" object that --format json adds beside the
// findings: where the function ran, the limits and the timeline.
type probeJSON struct {
	Sandbox  bool           `json:"sandbox"`
	Limits   string         `json:"limits,omitempty"`
	Timeline []probeStepOut `json:"timeline"`
}

type probeStepOut struct {
	Step   string `json:"step"`
	OK     bool   `json:"ok"`
	AtMS   int64  `json:"at_ms"`
	Detail string `json:"detail"`
}

// emitWithProbe prints the JSON document with a top-level "probe" field
// after the others (a new field keeps version 1).
func (g *globalFlags) emitWithProbe(out io.Writer, p report.Printer, res *probe.Result) error {
	var doc bytes.Buffer
	err := g.emit(&doc, p, res.Findings)
	var ee *exitErr
	if err != nil && !(errors.As(err, &ee) && ee.code == exitFindings) {
		return err
	}
	pj := probeJSON{Sandbox: res.Namespace, Limits: res.Limits, Timeline: []probeStepOut{}}
	for _, s := range res.Steps {
		pj.Timeline = append(pj.Timeline, probeStepOut{Step: s.Name, OK: s.OK, AtMS: s.At.Milliseconds(), Detail: s.Detail})
	}
	extra, jerr := json.MarshalIndent(pj, "  ", "  ")
	body := bytes.TrimRight(doc.Bytes(), "\n")
	if jerr != nil || !bytes.HasSuffix(body, []byte("}")) {
		out.Write(doc.Bytes())
		return err
	}
	body = bytes.TrimRight(body[:len(body)-1], "\n ")
	fmt.Fprintf(out, "%s,\n  \"probe\": %s\n}\n", body, extra)
	return err
}
