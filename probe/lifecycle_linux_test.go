package probe

import (
	"strings"
	"testing"
	"time"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/rules"
)

func set[T any](v T) config.Field[T] { return config.Field[T]{Value: v, Set: true} }

// lifecycle probes the lifecycle server with the given configuration and
// environment, and checks the findings.
func lifecycle(t *testing.T, f *config.Function, env []string, want ...string) *Result {
	t.Helper()
	dir := packageDir(t, map[string]string{"bootstrap": server(t, "lifecycle")})
	return runProbe(t, Options{Path: dir, Function: f, Env: env, Hold: 100 * time.Millisecond}, want...)
}

func TestInvoke5xx(t *testing.T) {
	res := lifecycle(t, &config.Function{TriggerTypes: set([]string{"oss"})}, []string{"INVOKE_STATUS=502"}, "FC408")
	if f := res.Findings[0]; f.Severity != rules.Error || !strings.Contains(f.Message, "answered 502") {
		t.Errorf("finding %+v", f)
	}
}

// An event function needs POST /invoke; an HTTP function does not.
func TestInvoke404(t *testing.T) {
	lifecycle(t, nil, []string{"INVOKE_STATUS=404"})
	web := &config.Function{TriggerTypes: set([]string{"http"})}
	lifecycle(t, web, []string{"INVOKE_STATUS=404"})
	timer := &config.Function{TriggerTypes: set([]string{"timer"})}
	res := lifecycle(t, timer, []string{"INVOKE_STATUS=404"}, "FC408")
	if f := res.Findings[0]; f.Severity != rules.Error || !strings.Contains(f.Message, "triggers (timer)") {
		t.Errorf("finding %+v", f)
	}
}

func TestInitializerFails(t *testing.T) {
	f := &config.Function{Initializer: set("index.init")}
	res := lifecycle(t, f, []string{"INIT_STATUS=500"}, "FC407")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "answered 500") || !strings.Contains(msg, "index.init") {
		t.Errorf("message: %s", msg)
	}
	// Not configured: never called.
	res = lifecycle(t, nil, []string{"INIT_STATUS=500"})
	if strings.Contains(res.Output, "ROUTE POST /initialize") {
		t.Error("POST /initialize was sent without an initializer")
	}
}

func TestPreStop(t *testing.T) {
	f := &config.Function{PreStop: set("index.preStop")}
	res := lifecycle(t, f, nil, "FC409")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "GET /pre-stop answered 404") {
		t.Errorf("message: %s", msg)
	}
	lifecycle(t, f, []string{"PRESTOP_STATUS=200"})
	res = lifecycle(t, nil, nil)
	if strings.Contains(res.Output, "/pre-stop") {
		t.Error("GET /pre-stop was sent without a PreStop hook")
	}
}

func TestHealthCheck(t *testing.T) {
	hc := config.HealthCheck{HTTPGetURL: set("/ready"), PeriodSeconds: set(1)}
	// Unhealthy for the first 1.5 s: healthy on the second or third check.
	res := lifecycle(t, &config.Function{HealthCheck: hc}, []string{"HEALTH_PATH=/ready", "READY_AFTER_MS=1500"})
	if n := strings.Count(res.Output, "ROUTE GET /ready"); n < 2 {
		t.Errorf("%d health checks, want at least 2:\n%s", n, res.Output)
	}
	hc.HTTPGetURL = set("/missing")
	hc.FailureThreshold = set(2)
	res = lifecycle(t, &config.Function{HealthCheck: hc}, []string{"HEALTH_PATH=/ready"}, "FC410")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "GET /missing failed 2 time(s) in a row") || !strings.Contains(msg, "status 404") {
		t.Errorf("message: %s", msg)
	}
	if strings.Contains(res.Output, "ROUTE POST /invoke") {
		t.Error("invoked an instance whose health check failed")
	}
}

func TestConcurrency(t *testing.T) {
	f := &config.Function{InstanceConcurrency: set(4)}
	res := lifecycle(t, f, []string{"SERIAL_MS=100"}, "FC411")
	if msg := res.Findings[0].Message; !strings.Contains(msg, "one request at a time") {
		t.Errorf("message: %s", msg)
	}
	lifecycle(t, f, nil)
}

// FC's variables and headers carry the configured memory and timeout.
func TestConfiguredValuesSent(t *testing.T) {
	f := &config.Function{MemorySize: set(1024), Timeout: set(7)}
	res := lifecycle(t, f, nil)
	if !strings.Contains(res.Output, "ROUTE POST /invoke memory=1024 timeout=7 env-memory=1024") {
		t.Errorf("the function did not get memorySize 1024 and timeout 7:\n%s", res.Output)
	}
	if !strings.Contains(res.Limits, "timeout 7s per invocation") {
		t.Errorf("limits: %s", res.Limits)
	}
}
