package packaging

import (
	"fmt"

	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/rules"
)

// Package size limits (FC-FACTS §6) and decompression-bomb thresholds. All
// are judged from the central directory's declared sizes: nothing is inflated.
const (
	// MaxUpload is the largest ZIP FC takes through the console, Serverless
	// Devs or OSS.
	MaxUpload = 500 << 20
	// MaxAPIUpload is the largest ZIP the API takes inline (base64).
	MaxAPIUpload = 100 << 20
	// BombTotal: more declared content than an instance's 10 GB disk can
	// hold cannot be unpacked.
	BombTotal = 10 << 30
	// BombRatio over BombRatioMin: code compresses 2–10x, text up to ~20x; a
	// package that inflates more than 100x to over 1 GiB is built to explode.
	BombRatio    = 100
	BombRatioMin = 1 << 30
)

// checkSize is FC209.
func (c *checker) checkSize() {
	r := rules.MustGet("FC209")
	p := c.pkg
	if p.Kind == archive.Dir {
		// The ZIP will be smaller than the files; only a folder too big even
		// uncompressed-to-compressed 1:1 is worth a warning.
		if p.Size > MaxUpload {
			f := c.add(r, c.disp, 0, "", fmt.Sprintf("%s holds %s of files; its ZIP may exceed FC's %s upload limit", c.disp, mb(p.Size), mb(MaxUpload)))
			f.Severity = rules.Warning
		}
		return
	}
	switch {
	case p.Size > MaxUpload:
		c.add(r, c.disp, 0, "", fmt.Sprintf("%s is %s: over FC's %s limit for code packages (console, Serverless Devs, OSS)", c.disp, mb(p.Size), mb(MaxUpload)))
	case p.Size > MaxAPIUpload:
		f := c.add(r, c.disp, 0, "", fmt.Sprintf("%s is %s: over the %s limit for code sent through the API (base64); deploy it through OSS or Serverless Devs", c.disp, mb(p.Size), mb(MaxAPIUpload)))
		f.Severity = rules.Warning
	}
	if msg := BombMessage(p, c.disp); msg != "" {
		c.add(r, c.disp, 0, "", msg)
	}
}

// BombMessage says why a ZIP looks like a decompression bomb, from its
// declared sizes alone (nothing is inflated), or "" when it does not; disp
// names the package. The probe refuses to unpack such a ZIP.
func BombMessage(p *archive.Package, disp string) string {
	var total, compressed uint64
	for _, e := range p.Entries {
		total += e.Size
		compressed += e.CompressedSize
		if total < e.Size { // overflow: absurd declared sizes
			total = ^uint64(0)
			break
		}
	}
	switch {
	case compressed > uint64(p.Size):
		return fmt.Sprintf("%s declares %s of compressed data in a %s file: its entries overlap, the trick of non-recursive ZIP bombs", disp, mb(int64(min(compressed, 1<<62))), mb(p.Size))
	case total > BombTotal:
		return fmt.Sprintf("%s inflates to %s: more than an instance's 10 GB disk; it looks like a decompression bomb", disp, mb(int64(min(total, 1<<62))))
	case total > BombRatioMin && compressed > 0 && total/compressed > BombRatio:
		return fmt.Sprintf("%s inflates %dx to %s: a decompression-bomb ratio (limit %dx above %s)", disp, total/compressed, mb(int64(total)), BombRatio, mb(BombRatioMin))
	}
	return ""
}

func mb(n int64) string {
	if n >= 10<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
