package probe

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestParseAddr(t *testing.T) {
	cases := map[string]string{
		"0100007F:1F90":                         "127.0.0.1:8080",
		"00000000:2328":                         "0.0.0.0:9000",
		"0500000A:0050":                         "10.0.0.5:80",
		"00000000000000000000000000000000:2328": "[::]:9000",
		"00000000000000000000000001000000:2328": "[::1]:9000",
		"0000000000000000FFFF00000100007F:2328": "127.0.0.1:9000",
	}
	for in, want := range cases {
		l, ok := parseAddr(in)
		if !ok || l.String() != want {
			t.Errorf("parseAddr(%s) = %v %v, want %s", in, l, ok, want)
		}
	}
	for _, bad := range []string{"", "0100007F", "zz00007F:1F90", "0100007F:FFFFF", "01007F:1F90"} {
		if l, ok := parseAddr(bad); ok {
			t.Errorf("parseAddr(%q) = %v, want failure", bad, l)
		}
	}
}

func TestParseListeners(t *testing.T) {
	table := `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:2328 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1 0000000000000000 100 0 0 10 0
   2: 0100007F:2328 0100007F:A000 01 00000000:00000000 00:00000000 00000000     0        0 111 1 0000000000000000 100 0 0 10 0
   3: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0000000000000000 100 0 0 10 0
`
	path := filepath.Join(t.TempDir(), "tcp")
	os.WriteFile(path, []byte(table), 0o644)
	f, _ := os.Open(path)
	defer f.Close()
	// Inode 333 (port 22) belongs to another process; line 2 is not listening.
	got := parseListeners(f, map[uint64]bool{111: true, 222: true})
	if len(got) != 2 || got[0].String() != "0.0.0.0:9000" || got[1].String() != "127.0.0.1:8080" {
		t.Errorf("listeners = %v", got)
	}
}

func TestPollEverySlowsDown(t *testing.T) {
	if got := pollEvery(0); got != pollInterval {
		t.Errorf("at start: %v, want %v", got, pollInterval)
	}
	if got := pollEvery(10 * time.Second); got != slowPollInterval {
		t.Errorf("after 10s: %v, want %v", got, slowPollInterval)
	}
}

func TestMsFormat(t *testing.T) {
	for d, want := range map[time.Duration]string{
		131 * time.Millisecond:   "131ms",
		9999 * time.Millisecond:  "9999ms",
		30001 * time.Millisecond: "30s", // as FC405's example shows
		45249 * time.Millisecond: "45.2s",
		90 * time.Second:         "1m30s",
	} {
		if got := ms(d); got != want {
			t.Errorf("ms(%v) = %q, want %q", d, got, want)
		}
	}
}
