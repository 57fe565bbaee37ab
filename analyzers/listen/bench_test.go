package listen_test

import (
	"go/token"
	"testing"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/listen"
)

// BenchmarkChain measures the listen model on a main of about 200 lines that
// re-assigns a server pointer 95 times (fixture.Chain). Budget: under 100 ms
// per op (an evaluator following every path took 2^95 steps).
func BenchmarkChain(b *testing.B) {
	pass := fixture.Pass(b, fixture.Chain(95), fcconfig.Resolve(fcconfig.Settings{Port: 9000}, b.TempDir()))
	b.ResetTimer()
	for b.Loop() {
		res, err := listen.Analyzer.Run(pass)
		if err != nil {
			b.Fatal(err)
		}
		checkLoopback(b, res.(*listen.Result))
	}
}

// TestChainModel: the chain's server is found with its loopback address.
func TestChainModel(t *testing.T) {
	t.Parallel()
	pass := fixture.Pass(t, fixture.Chain(95), fcconfig.Resolve(fcconfig.Settings{Port: 9000}, t.TempDir()))
	res, err := listen.Analyzer.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	checkLoopback(t, res.(*listen.Result))
}

func checkLoopback(tb testing.TB, res *listen.Result) {
	tb.Helper()
	if len(res.Sites) != 1 {
		tb.Fatalf("%d sites, want 1", len(res.Sites))
	}
	addrs := res.Sites[0].Addrs
	if len(addrs) != 1 || !addrs[0].Loopback() || addrs[0].Host.From.Pos == token.NoPos {
		tb.Fatalf("addresses %v, want the one loopback address of s0", addrs)
	}
}
