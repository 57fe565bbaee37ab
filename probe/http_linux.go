package probe

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// fcConn is the one keep-alive connection the probe holds, as FC does.
type fcConn struct {
	conn    net.Conn
	br      *bufio.Reader
	opts    *Options
	seq     int
	meter   *meteredReader // bounds what each response may send
	limits  *limits
	timeout time.Duration // each request's deadline: the function's timeout
}

// response is what one request brought back.
type response struct {
	status int
	close  bool // Connection: close
	took   time.Duration
}

// do sends one request with FC's headers and reads the whole response.
func (c *fcConn) do(method, path string, body []byte) (response, error) {
	c.seq++
	req, err := http.NewRequest(method, "http://"+c.conn.RemoteAddr().String()+path, strings.NewReader(string(body)))
	if err != nil {
		return response{}, err
	}
	c.setHeaders(req.Header)
	start := time.Now()
	c.conn.SetDeadline(start.Add(c.timeout))
	defer c.conn.SetDeadline(time.Time{})
	if err := req.Write(c.conn); err != nil {
		return response{}, connError(err)
	}
	c.meter.allow(maxHeaderBytes, "response headers over 1 MiB")
	resp, err := http.ReadResponse(c.br, req)
	if err != nil {
		return response{}, connError(err)
	}
	c.meter.allow(maxBodyBytes, "a response body over 32 MiB")
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return response{}, connError(err)
	}
	return response{status: resp.StatusCode, close: resp.Close, took: time.Since(start)}, nil
}

// setHeaders adds the common request headers FC sends.
func (c *fcConn) setHeaders(h http.Header) {
	f := c.opts.Function
	h.Set("Content-Type", "application/octet-stream")
	h.Set("x-fc-request-id", fmt.Sprintf("fclint-probe-%d-%s", c.seq, randomID()))
	h.Set("x-fc-function-name", functionName(f))
	h.Set("x-fc-function-handler", defaultHandler)
	h.Set("x-fc-function-memory", strconv.Itoa(c.limits.memoryMB))
	h.Set("x-fc-region", probeRegion)
	h.Set("x-fc-account-id", probeAccountID)
	h.Set("x-fc-qualifier", "LATEST")
	h.Set("x-fc-version-id", "0")
	h.Set("x-fc-service-name", functionName(f))
	h.Set("x-fc-function-timeout", strconv.Itoa(int(c.timeout.Seconds())))
	if f != nil && f.Initializer.Set {
		h.Set("x-fc-function-initializer", f.Initializer.Value)
	}
}

// exchange runs the HTTP part of the probe on a connection to CAPort:
// /initialize when configured, two invocations, an idle hold, and a last
// invocation. It appends steps and findings to res.
func exchange(p *prober, conn net.Conn) {
	meter := &meteredReader{r: conn}
	c := &fcConn{conn: conn, meter: meter, br: bufio.NewReader(meter), opts: p.opts, limits: p.limits, timeout: p.limits.timeout}
	defer conn.Close()
	event := []byte(`{"source":"fclint probe"}`)

	if f := p.opts.Function; f != nil && f.Initializer.Set {
		p.waiting("initialize", "a response to POST /initialize", c.timeout)
		r, err := c.do("POST", "/initialize", nil)
		if err != nil {
			p.step("initialize", false, "failed: %v", err)
			p.finding("FC404", "the server closed the connection during POST /initialize (%v)%s", err, p.exitSuffix())
			return
		}
		// Unlike /invoke, any status but 2xx is a failed initializer on FC.
		initNote := ""
		if r.status/100 != 2 {
			initNote = " (FC counts anything but 2xx as a failed initializer)"
		}
		p.step("initialize", r.status/100 == 2, "%d in %s%s", r.status, ms(r.took), initNote)
		if r.status/100 != 2 {
			p.finding("FC407", "POST /initialize answered %d; an initializer is configured (%s), so FC calls it before the first invocation and destroys the instance when it fails", r.status, f.Initializer.Value)
		}
		if r.close {
			p.finding("FC404", "the server answered POST /initialize with Connection: close; FC reuses one connection for all requests")
			return
		}
	}

	p.waiting("invoke", "a response to POST /invoke", c.timeout)
	r, err := c.do("POST", "/invoke", event)
	if errors.Is(err, errNoResponse) {
		// Not a connection problem: often the function waits for something
		// only its cloud environment has (a database, a VPC endpoint).
		p.step("invoke", false, "no response within %s", c.timeout)
		fmt.Fprintf(p.opts.Notes, "fclint: probe: the function accepted the connection but did not answer POST /invoke within %s (%s), so keep-alive was not tested; pass what it waits for with --env\n", c.timeout, timeoutSource(p.limits))
		return
	}
	if err != nil {
		p.step("invoke", false, "failed: %v", err)
		// The output tail comes last: it spans lines.
		p.finding("FC404", "the server closed the connection before answering POST /invoke (%v); FC reports \"Process exited unexpectedly before completing request\"%s", err, p.exitSuffix())
		return
	}
	p.res.FirstInvoke = time.Now()
	p.step("invoke", r.status < 500, "%d in %s%s", r.status, ms(r.took), statusNote(r.status))
	// FC sends POST /invoke only to event functions: an HTTP function
	// never sees it, so its answer there is no finding.
	if (r.status == 404 || r.status >= 500) && p.opts.Function.EventFunction() {
		p.finding("FC408", "POST /invoke answered %d; the configuration's triggers (%s) make this an event function, and FC fails every invocation that gets a 404 or 5xx", r.status, strings.Join(p.opts.Function.TriggerTypes.Value, ", "))
	}
	if r.close {
		p.step("keep-alive", false, "the response said Connection: close")
		p.finding("FC404", "the server answered POST /invoke with Connection: close; FC keeps one connection open across invocations")
		return
	}
	r, err = c.do("POST", "/invoke", event)
	if err != nil {
		p.step("keep-alive", false, "second invoke on the same connection failed: %v", err)
		p.finding("FC404", "the server closed the connection after the first response (second POST /invoke on the same connection: %v)%s", err, p.exitSuffix())
		return
	}
	if r.close {
		p.step("keep-alive", false, "the second response said Connection: close")
		p.finding("FC404", "the server answered the second POST /invoke with Connection: close; FC keeps one connection open across invocations")
		return
	}
	p.step("keep-alive", true, "second invoke %d on the same connection", r.status)

	hold := p.opts.Hold
	p.waiting("idle hold", "the idle keep-alive connection to stay open, as FC keeps it between invocations", hold)
	if closedAfter, closed := c.idle(hold); closed {
		p.step("idle hold", false, "closed by the server after %s idle", ms(closedAfter))
		p.finding("FC405", "the server closed an idle keep-alive connection after %s (held %s); FC keeps idle connections open between invocations, so it fails with \"Process exited unexpectedly before completing request\"", ms(closedAfter), hold)
		return
	}
	r, err = c.do("POST", "/invoke", event)
	if err != nil {
		p.step("idle hold", false, "invoke after %s idle failed: %v", hold, err)
		p.finding("FC405", "the server closed an idle keep-alive connection within %s (the request after the hold failed: %v)", hold, err)
		return
	}
	p.step("idle hold", true, "connection open after %s idle; invoke %d", hold, r.status)
	p.concurrency(event)
	p.preStop(c)
}

// preStop sends GET /pre-stop when a PreStop hook is configured, as FC does
// before it stops the instance.
func (p *prober) preStop(c *fcConn) {
	f := p.opts.Function
	if f == nil || !f.PreStop.Set || (f.PreStop.Known() && strings.TrimSpace(f.PreStop.Value) == "") {
		return
	}
	r, err := c.do("GET", "/pre-stop", nil)
	if err != nil {
		p.step("pre-stop", false, "failed: %v", err)
		p.finding("FC409", "GET /pre-stop failed (%v); a PreStop hook is configured, so FC calls it before stopping the instance", err)
		return
	}
	p.step("pre-stop", r.status/100 == 2, "%d in %s", r.status, ms(r.took))
	if r.status/100 != 2 {
		p.finding("FC409", "GET /pre-stop answered %d; a PreStop hook is configured (%s) and FC counts anything but 2xx as failed", r.status, f.PreStop.Value)
	}
}

// maxConcurrentProbe caps the parallel invocations of the concurrency check.
const maxConcurrentProbe = 8

// concurrency sends instanceConcurrency (at most 8) invocations at once, each
// on its own connection as FC does, after timing one alone. It reports
// invocations that fail, and a server that answers them one after another.
func (p *prober) concurrency(event []byte) {
	f := p.opts.Function
	if f == nil || !f.InstanceConcurrency.Known() || f.InstanceConcurrency.Value <= 1 || p.canceled() {
		return
	}
	n := min(f.InstanceConcurrency.Value, maxConcurrentProbe)
	invoke := func() (response, error) {
		conn, err := p.proc.dial("127.0.0.1", p.opts.Port)
		if err != nil {
			return response{}, err
		}
		defer conn.Close()
		meter := &meteredReader{r: conn}
		c := &fcConn{conn: conn, meter: meter, br: bufio.NewReader(meter), opts: p.opts, limits: p.limits, timeout: p.limits.timeout}
		return c.do("POST", "/invoke", event)
	}
	alone, err := invoke()
	if err != nil {
		p.step("concurrency", false, "an invocation on a second connection failed: %v", err)
		p.finding("FC411", "with instanceConcurrency %d FC opens several connections at once, and an invocation on a second connection failed: %v", f.InstanceConcurrency.Value, err)
		return
	}
	start := time.Now()
	results := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := invoke()
			if err == nil && r.status >= 500 {
				err = fmt.Errorf("status %d", r.status)
			}
			results[i] = err
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	failed := 0
	var first error
	for _, err := range results {
		if err != nil {
			failed++
			if first == nil {
				first = err
			}
		}
	}
	switch {
	case failed > 0:
		p.step("concurrency", false, "%d of %d concurrent invocations failed", failed, n)
		p.finding("FC411", "with instanceConcurrency %d, %d of %d concurrent invocations failed (%v)", f.InstanceConcurrency.Value, failed, n, first)
	case serialized(alone.took, wall, n):
		p.step("concurrency", false, "%d concurrent invocations took %s, one alone %s: answered one at a time", n, ms(wall), ms(alone.took))
		p.finding("FC411", "with instanceConcurrency %d the server answers one request at a time: %d concurrent invocations took %s, one alone %s; requests queue in the instance until they time out", f.InstanceConcurrency.Value, n, ms(wall), ms(alone.took))
	default:
		p.step("concurrency", true, "%d concurrent invocations in %s (one alone %s)", n, ms(wall), ms(alone.took))
	}
}

// serialized tells a server that handles requests one at a time: n requests
// at once take about n times one alone. Only requests slow enough to time
// (50ms) are judged.
func serialized(alone, wall time.Duration, n int) bool {
	return alone >= 50*time.Millisecond && wall >= time.Duration(float64(alone)*float64(n)*0.7)
}

// idle leaves the connection unused for hold while a background read
// watches for the server closing it. It reports when the close happened.
func (c *fcConn) idle(hold time.Duration) (time.Duration, bool) {
	start := time.Now()
	closed := make(chan time.Duration, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Peek keeps any byte that arrives in the buffer for the next response.
		if _, err := c.br.Peek(1); err != nil && !isTimeout(err) {
			closed <- time.Since(start)
		}
	}()
	timer := time.NewTimer(hold)
	defer timer.Stop()
	select {
	case d := <-closed:
		<-done
		return d, true
	case <-timer.C:
	}
	// Wake the reader and take the connection back.
	c.conn.SetReadDeadline(time.Now())
	<-done
	c.conn.SetReadDeadline(time.Time{})
	select {
	case d := <-closed:
		return d, true
	default:
		return 0, false
	}
}

// statusNote explains a status that is no success. The probe tests the
// connection, not the function's logic: a 4xx is what an HTTP function
// without a POST /invoke route answers, so only a 5xx marks the step failed.
func statusNote(status int) string {
	switch {
	case status >= 500:
		return " (the function failed; its output says why)"
	case status >= 400:
		return " (fine for an HTTP function; an event function answers POST /invoke with 2xx)"
	}
	return ""
}

// Bounds of one response: a function that streams endless headers or an
// endless body fails the request instead of growing fclint.
const (
	maxHeaderBytes = 1 << 20
	maxBodyBytes   = 32 << 20 // FC's limit for a synchronous invocation's response
)

// meteredReader lets through at most the bytes allowed since the last call
// to allow; past that every read fails with a tooLargeError.
type meteredReader struct {
	r    io.Reader
	left int64
	what string
}

func (m *meteredReader) allow(n int64, what string) { m.left, m.what = n, what }

func (m *meteredReader) Read(p []byte) (int, error) {
	if m.left <= 0 {
		return 0, &tooLargeError{m.what}
	}
	if int64(len(p)) > m.left {
		p = p[:m.left]
	}
	n, err := m.r.Read(p)
	m.left -= int64(n)
	return n, err
}

type tooLargeError struct{ what string }

func (e *tooLargeError) Error() string {
	return "the function sent " + e.what + "; the probe stopped reading"
}

// timeoutSource says where a request deadline comes from.
func timeoutSource(l *limits) string {
	if l.timeoutConfigured {
		return "the configured timeout"
	}
	return "no timeout is configured; the probe's default"
}

// errNoResponse is a request the server accepted but did not answer in time.
var errNoResponse = errors.New("no response in time")

// connError names what went wrong with an exchange in words that stay the
// same from run to run (no ephemeral ports), so findings are stable.
func connError(err error) error {
	var tl *tooLargeError
	switch {
	case errors.As(err, &tl):
		return tl
	case isTimeout(err):
		return errNoResponse
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("connection closed by the server")
	case errors.Is(err, syscall.ECONNRESET):
		return errors.New("connection reset by the server")
	case errors.Is(err, syscall.EPIPE):
		return errors.New("broken pipe: the server had closed the connection")
	}
	return err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// ms formats a duration for the timeline and messages: whole milliseconds
// below 10s, then Go's format to a tenth of a second (30s, 45.2s), then to
// the second.
func ms(d time.Duration) string {
	switch {
	case d < 10*time.Second:
		return strconv.FormatInt(d.Milliseconds(), 10) + "ms"
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}
