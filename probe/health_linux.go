package probe

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/fclint/fclint/config"
)

// healthDefaults are FC's for customRuntimeConfig.healthCheckConfig.
var healthDefaults = struct{ initialDelay, period, timeout, failures, successes int }{0, 3, 1, 3, 1}

func orDefault(f config.Field[int], def int) int {
	if f.Known() && f.Value > 0 {
		return f.Value
	}
	return def
}

// healthCheck runs FC's HTTP health check when healthCheckConfig.httpGetUrl
// is configured: after initialDelaySeconds, GET httpGetUrl every
// periodSeconds (each within timeoutSeconds) until successThreshold answers
// in a row are 2xx, or failureThreshold in a row are not. It reports whether
// the function is healthy; a failure is a finding.
func (p *prober) healthCheck(ctx context.Context) bool {
	f := p.opts.Function
	if f == nil || !f.HealthCheck.HTTPGetURL.Known() || strings.TrimSpace(f.HealthCheck.HTTPGetURL.Value) == "" {
		return true
	}
	hc := f.HealthCheck
	url := strings.TrimSpace(hc.HTTPGetURL.Value)
	if !strings.HasPrefix(url, "/") {
		url = "/" + url
	}
	initialDelay := time.Duration(orDefault(hc.InitialDelaySeconds, healthDefaults.initialDelay)) * time.Second
	period := time.Duration(orDefault(hc.PeriodSeconds, healthDefaults.period)) * time.Second
	timeout := time.Duration(orDefault(hc.TimeoutSeconds, healthDefaults.timeout)) * time.Second
	failures := orDefault(hc.FailureThreshold, healthDefaults.failures)
	successes := orDefault(hc.SuccessThreshold, healthDefaults.successes)
	deadline := p.res.Started.Add(p.opts.StartTimeout)
	if !p.wait(ctx, initialDelay, "health check", "initialDelaySeconds") {
		return false
	}
	okInRow, failedInRow := 0, 0
	var last string
	for {
		last = p.healthGet(url, timeout)
		if last == "" {
			okInRow, failedInRow = okInRow+1, 0
		} else {
			okInRow, failedInRow = 0, failedInRow+1
		}
		switch {
		case okInRow >= successes:
			p.step("health check", true, "GET %s answered 2xx %d time(s) in a row", url, okInRow)
			return true
		case failedInRow >= failures:
			p.step("health check", false, "GET %s failed %d time(s) in a row: %s", url, failedInRow, last)
			p.finding("FC410", "the health check GET %s failed %d time(s) in a row (failureThreshold %d): %s; FC reports \"Function instance health check failed on port %d\"", url, failedInRow, failures, last, p.opts.Port)
			return false
		case time.Now().Add(period).After(deadline):
			p.step("health check", false, "GET %s not healthy within %s: %s", url, p.opts.StartTimeout, last)
			p.finding("FC410", "the health check GET %s was not healthy within %s (last: %s); FC reports \"Function instance health check failed on port %d in 120 seconds\"", url, p.opts.StartTimeout, last, p.opts.Port)
			return false
		}
		if !p.wait(ctx, period, "health check", "periodSeconds") {
			return false
		}
	}
}

// healthGet sends one health check request on a new connection; "" means
// healthy, else what went wrong.
func (p *prober) healthGet(url string, timeout time.Duration) string {
	conn, err := p.proc.dial("127.0.0.1", p.opts.Port)
	if err != nil {
		return err.Error()
	}
	defer conn.Close()
	meter := &meteredReader{r: conn}
	c := &fcConn{conn: conn, meter: meter, br: bufio.NewReader(meter), opts: p.opts, limits: p.limits, timeout: timeout}
	r, err := c.do("GET", url, nil)
	switch {
	case err != nil:
		return err.Error()
	case r.status/100 != 2:
		return fmt.Sprintf("status %d", r.status)
	}
	return ""
}

// wait sleeps d unless ctx ends or the function exits; it reports whether
// the probe should go on. OnWait, when set, is told what is awaited.
func (p *prober) wait(ctx context.Context, d time.Duration, step, why string) bool {
	if d <= 0 {
		return true
	}
	p.waiting(step, why, d)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	case <-p.proc.exited:
		return false
	}
}
