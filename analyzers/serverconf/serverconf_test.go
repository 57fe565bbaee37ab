package serverconf

import (
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		30 * time.Second:               "30s",
		3 * time.Minute:                "3m",
		90 * time.Minute:               "1h30m",
		24 * time.Hour:                 "24h",
		time.Hour + time.Second:        "1h0m1s",
		500 * time.Millisecond:         "500ms",
		2*time.Minute + 30*time.Second: "2m30s",
	} {
		if got := Format(d); got != want {
			t.Errorf("Format(%v) = %q, want %q", time.Duration(d), got, want)
		}
	}
}

func TestQualifiedName(t *testing.T) {
	t.Parallel()
	for full, want := range map[string]string{
		"(*net/http.Server).SetKeepAlivesEnabled":           "net/http.SetKeepAlivesEnabled",
		"(github.com/labstack/echo/v5.StartConfig).Start":   "github.com/labstack/echo/v5.Start",
		"github.com/cloudwego/hertz/pkg/app/server.Default": "github.com/cloudwego/hertz/pkg/app/server.Default",
		"net/http.TimeoutHandler":                           "net/http.TimeoutHandler",
	} {
		if got := qualifiedName(full); got != want {
			t.Errorf("qualifiedName(%q) = %q, want %q", full, got, want)
		}
	}
}

// Every start names whose defaults it applies: a message cites them.
func TestStartsHaveDefaults(t *testing.T) {
	t.Parallel()
	for fn, s := range starts {
		if len(s.Defaults) == 0 || s.From == "" {
			t.Errorf("%s: start without defaults or their source", fn)
		}
	}
}
