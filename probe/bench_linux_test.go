package probe

import (
	"context"
	"regexp"
	"strconv"
	"testing"
	"time"
)

var (
	mainLine  = regexp.MustCompile(`MAIN (\d+)`)
	readyLine = regexp.MustCompile(`READY (\d+)`)
)

func stamp(b *testing.B, re *regexp.Regexp, output string) time.Time {
	m := re.FindStringSubmatch(output)
	if m == nil {
		b.Fatalf("no %s line in %q", re, output)
	}
	ns, _ := strconv.ParseInt(m[1], 10, 64)
	return time.Unix(0, ns)
}

// BenchmarkProbeOverhead measures what the probe adds to a cold start. The
// "clean" server prints when its main starts and when its listener is ready.
// Reported per run: overhead-ms, from the listener being ready to the
// probe's first /invoke response (polling, connecting, the request);
// launch-ms, from calling Run to the function's main running (the sandbox:
// cgroup, namespaces, the helper, its mounts and the exec); start-ms, the server's own
// start (main to ready); total-overhead-ms = launch + overhead, what a
// function's cold start looks longer under the probe than on its own.
//
//	go test -run '^$' -bench ProbeOverhead -benchtime 20x ./probe
func BenchmarkProbeOverhead(b *testing.B) {
	for _, mode := range []struct {
		name                     string
		noNamespace, hostNetwork bool
	}{{"sandbox", false, false}, {"sandbox-host-network", false, true}, {"in-place", true, false}} {
		b.Run(mode.name, func(b *testing.B) {
			dir := packageDir(b, map[string]string{"bootstrap": server(b, "clean")})
			var overhead, launch, start time.Duration
			for i := 0; i < b.N; i++ {
				before := time.Now()
				res, err := Run(context.Background(), Options{Path: dir, Port: freePort(b), Hold: time.Millisecond, StartTimeout: 30 * time.Second, NoSandbox: mode.noNamespace, HostNetwork: mode.hostNetwork})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Findings) > 0 {
					b.Fatalf("findings: %v", res.Findings)
				}
				mainAt, ready := stamp(b, mainLine, res.Output), stamp(b, readyLine, res.Output)
				overhead += res.FirstInvoke.Sub(ready)
				launch += mainAt.Sub(before)
				start += ready.Sub(mainAt)
			}
			per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
			b.ReportMetric(per(overhead), "overhead-ms")
			b.ReportMetric(per(launch), "launch-ms")
			b.ReportMetric(per(start), "start-ms")
			b.ReportMetric(per(launch+overhead), "total-overhead-ms")
		})
	}
}
