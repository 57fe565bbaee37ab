package packaging

import (
	"testing"

	"github.com/fclint/fclint/packaging/internal/benchzip"
)

// BenchmarkLargeZip measures, on a 100,000-entry / ~1 GB ZIP (generated once
// and cached under the temp dir), the archive/zip baseline (open + walk the
// central directory) and the full package check. SPEC §5 budget: Check at
// most 2x the baseline; scripts/bench-package.sh also checks peak RSS.
func BenchmarkLargeZip(b *testing.B) {
	p, err := benchzip.Ensure()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("baseline", func(b *testing.B) {
		for b.Loop() {
			if _, err := benchzip.Walk(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			if _, err := Check(Options{Path: p, WorkDir: "/"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
