package image

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Whiteout markers of the OCI image spec (layer.md, "Whiteouts"): a file
// .wh.NAME deletes NAME from the layers below; .wh..wh..opq in a folder
// hides everything the layers below put in that folder.
const (
	whiteoutPrefix = ".wh."
	opaqueMarker   = ".wh..wh..opq"
)

// entryName turns a layer member name into a root-relative path: no
// leading "/" or "./", no ".." that climbs out ("../../etc/x" is "etc/x").
// "" is the root itself.
func entryName(name string) string {
	return strings.TrimPrefix(path.Clean("/"+name), "/")
}

// walkLayer calls fn for every entry of layer i, in order, with its
// root-relative name; r reads a regular file's content.
func (im *Image) walkLayer(i int, fn func(name string, h *tar.Header, r io.Reader) error) error {
	return im.walkLayerContext(context.Background(), i, fn)
}

// walkLayerContext is walkLayer that stops at ctx's cancellation: every
// read of the layer checks it, so a huge entry does not delay the stop.
func (im *Image) walkLayerContext(ctx context.Context, i int, fn func(name string, h *tar.Header, r io.Reader) error) error {
	rc, err := im.openLayer(i)
	if err != nil {
		return err
	}
	defer rc.Close()
	var src io.Reader = rc
	if ctx.Done() != nil {
		src = ctxReader{ctx, rc}
	}
	tr := tar.NewReader(src)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			return fmt.Errorf("layer %d (%s): %v", i+1, im.Layers[i].Name, err)
		}
		name := entryName(h.Name)
		if err := checkNameLength(name); err != nil {
			return err
		}
		if err := fn(name, h, tr); err != nil {
			return err
		}
	}
}

// maxPath is Linux's PATH_MAX: no runtime can create a longer path, and a
// hostile layer's megabyte-long name would otherwise make as many folders.
const maxPath = 4096

func checkNameLength(name string) error {
	if len(name) > maxPath {
		return fmt.Errorf("%w: an entry name of %d bytes (Linux allows %d)", ErrLimit, len(name), maxPath)
	}
	return nil
}

// ctxReader fails its reads once ctx is canceled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
