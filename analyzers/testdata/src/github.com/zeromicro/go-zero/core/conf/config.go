// Package conf is a test stand-in for github.com/zeromicro/go-zero/core/conf:
// the real import path and signatures, no behavior.
package conf

type (
	// Option configures loading.
	Option func(opt *options)

	options struct{}
)

// Load fills v from the file, applying the `json:",default=..."` tags of
// the fields the file leaves out.
func Load(file string, v any, opts ...Option) error { return nil }

// MustLoad is Load that exits on error.
func MustLoad(path string, v any, opts ...Option) {}
