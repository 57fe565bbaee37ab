package image

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/fclint/fclint/internal/imagetest"
)

// A layer that inflates past maxIndexed is not read to its end: Index stops
// there, keeps what it has, and says the size is a lower bound.
func TestIndexStopsAtTheSizeLimit(t *testing.T) {
	saved := maxIndexed
	t.Cleanup(func() { maxIndexed = saved })
	maxIndexed = 64 << 10
	big := imagetest.Image{Layers: [][]imagetest.File{
		{{Name: "bin/"}, {Name: "bin/app", Mode: 0o755, Body: []byte("app")}},
		{{Name: "data", Body: []byte(strings.Repeat("x", 1<<20))}},
		{{Name: "never", Body: []byte("unread")}},
	}}
	im, err := Open(writeImage(t, big, "oci"))
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := im.Index(nil)
	if err != nil {
		t.Fatalf("Index: %v, want the capped index", err)
	}
	defer fsys.Close()
	if !fsys.Capped || fsys.Uncompressed != maxIndexed {
		t.Errorf("Capped %v, Uncompressed %d; want true, %d", fsys.Capped, fsys.Uncompressed, maxIndexed)
	}
}

// A name longer than PATH_MAX is refused before it makes a folder per part.
func TestLongNamesAreRefused(t *testing.T) {
	long := strings.Repeat("a/", maxPath) + "x"
	im, err := Open(writeImage(t, imagetest.Image{Layers: [][]imagetest.File{{{Name: long, Body: []byte("x")}}}}, "oci"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := im.Index(nil); !errors.Is(err, ErrLimit) {
		t.Errorf("Index: %v, want ErrLimit", err)
	}
	if _, err := im.Flatten(context.Background(), t.TempDir(), FlattenOptions{Limits: DefaultLimits}); !errors.Is(err, ErrLimit) {
		t.Errorf("Flatten: %v, want ErrLimit", err)
	}
}
