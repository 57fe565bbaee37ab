package probe

import (
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"
)

var readyLine = regexp.MustCompile(`READY (\d+)`)

// BenchmarkProbeOverhead measures what the probe adds to a cold start: the
// time from the server's listener being ready (the "clean" server prints the
// instant) to the probe's first /invoke response. Reported per run as
// overhead-ms; start-ms is the process's own start to ready (namespace setup
// included), for comparison.
//
//	go test -run '^$' -bench ProbeOverhead -benchtime 20x ./probe
func BenchmarkProbeOverhead(b *testing.B) {
	dir := packageDir(b, map[string]string{"bootstrap": server(b, "clean")})
	var overhead, start time.Duration
	for i := 0; i < b.N; i++ {
		res, err := Run(context.Background(), Options{Path: dir, Port: freePort(b), Hold: time.Millisecond, StartTimeout: 30 * time.Second})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) > 0 {
			b.Fatalf("findings: %v", res.Findings)
		}
		m := readyLine.FindStringSubmatch(res.Output)
		if m == nil {
			b.Fatalf("no READY line in %q", res.Output)
		}
		ns, _ := strconv.ParseInt(m[1], 10, 64)
		ready := time.Unix(0, ns)
		overhead += res.FirstInvoke.Sub(ready)
		start += ready.Sub(res.Started)
	}
	b.ReportMetric(float64(overhead.Microseconds())/1000/float64(b.N), "overhead-ms")
	b.ReportMetric(float64(start.Microseconds())/1000/float64(b.N), "start-ms")
}
