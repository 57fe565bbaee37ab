// Package image reads a container image without Docker: a `docker save`
// archive (manifest.json; Docker 25+ writes an OCI layout beside it) or an
// OCI image layout, as a tar or a folder. It reads the manifest, the config
// and the layers' tar headers, and only the files a check asks for; Flatten
// unpacks the layers into a root folder for the probe.
//
// The JSON documents are parsed with go-containerregistry's v1 types. Its
// tarball package is not used for layers: it re-compresses uncompressed
// layers to compute digests, which would cost more than the whole check.
package image

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/klauspost/compress/zstd"

	"github.com/fclint/fclint/config"
)

// maxDocument bounds a manifest, index or config: real ones are a few KiB.
const maxDocument = 4 << 20

// maxIndexDepth bounds nested indexes (an index of indexes of manifests).
const maxIndexDepth = 4

// Format names the kind of archive.
type Format string

const (
	DockerSave Format = "docker save archive"
	OCILayout  Format = "OCI image layout"
)

// Image is one image of an archive: its config and layers, bottom first.
type Image struct {
	Format Format
	Config *v1.ConfigFile
	Layers []Layer
	// Platforms lists the platforms of a multi-platform index ("linux/arm64");
	// nil for a single-platform archive.
	Platforms []string
	// Images is how many images the archive holds (docker save IMG1 IMG2);
	// the first is checked.
	Images int
	store  store
}

// Layer is one layer: where its (maybe compressed) tar is stored.
type Layer struct {
	Name      string // the member or blob path
	MediaType string // "" in a legacy docker save manifest
	Stored    int64  // bytes in the archive
}

// Platform is the config's os/architecture[/variant].
func (im *Image) Platform() string {
	if im.Config == nil {
		return ""
	}
	p := im.Config.OS + "/" + im.Config.Architecture
	if im.Config.Variant != "" {
		p += "/" + im.Config.Variant
	}
	return p
}

// Close releases the archive.
func (im *Image) Close() error { return im.store.Close() }

// Open reads an image archive (a tar) or an OCI layout folder. The error
// wraps ErrNotImage when p is readable but is no image.
func Open(p string) (*Image, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	var s store
	if fi.IsDir() {
		s, err = openDir(p)
	} else {
		s, err = openTar(p)
	}
	if err != nil {
		return nil, err
	}
	im, err := read(s)
	if err != nil {
		s.Close()
		return nil, err
	}
	return im, nil
}

func read(s store) (*Image, error) {
	if s.has("manifest.json") {
		im, err := readDockerSave(s)
		if err != nil {
			return nil, err
		}
		// Docker 25+ also writes index.json: it may list more platforms.
		if s.has("index.json") {
			if idx, err := readIndexPlatforms(s); err == nil {
				im.Platforms = idx
			}
		}
		return im, nil
	}
	if s.has("index.json") {
		return readOCI(s)
	}
	return nil, fmt.Errorf("%w: no manifest.json or index.json", ErrNotImage)
}

func readDocument(s store, name string, v any) error {
	r, err := s.open(name)
	if err != nil {
		return err
	}
	if r.Size() > maxDocument {
		return fmt.Errorf("%s is %d bytes; a manifest or config is a few KiB", name, r.Size())
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

// dockerManifest is one entry of a docker save manifest.json.
type dockerManifest struct {
	Config   string
	RepoTags []string
	Layers   []string
}

func readDockerSave(s store) (*Image, error) {
	var ms []dockerManifest
	if err := readDocument(s, "manifest.json", &ms); err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, errors.New("manifest.json lists no image")
	}
	m := ms[0]
	im := &Image{Format: DockerSave, Images: len(ms), store: s}
	cfg, err := readConfig(s, m.Config)
	if err != nil {
		return nil, err
	}
	im.Config = cfg
	for _, l := range m.Layers {
		r, err := s.open(l)
		if err != nil {
			return nil, fmt.Errorf("manifest.json names layer %s: %v", l, err)
		}
		im.Layers = append(im.Layers, Layer{Name: l, Stored: r.Size()})
	}
	return im, nil
}

func readConfig(s store, name string) (*v1.ConfigFile, error) {
	r, err := s.open(name)
	if err != nil {
		return nil, fmt.Errorf("config %s: %v", name, err)
	}
	if r.Size() > maxDocument {
		return nil, fmt.Errorf("config %s is %d bytes; a config is a few KiB", name, r.Size())
	}
	cfg, err := v1.ParseConfigFile(io.LimitReader(r, maxDocument))
	if err != nil {
		return nil, fmt.Errorf("config %s: %v", name, err)
	}
	return cfg, nil
}

func blobPath(d v1.Descriptor) string {
	return "blobs/" + d.Digest.Algorithm + "/" + d.Digest.Hex
}

func readIndex(s store, name string) (*v1.IndexManifest, error) {
	r, err := s.open(name)
	if err != nil {
		return nil, err
	}
	if r.Size() > maxDocument {
		return nil, fmt.Errorf("%s is %d bytes; an index is a few KiB", name, r.Size())
	}
	return v1.ParseIndexManifest(r)
}

func isIndex(mt string) bool {
	return mt == "application/vnd.oci.image.index.v1+json" || mt == "application/vnd.docker.distribution.manifest.list.v2+json"
}

// manifests lists the image manifests an index reaches, nested indexes
// followed to maxIndexDepth.
func manifests(s store, idx *v1.IndexManifest, depth int) []v1.Descriptor {
	var out []v1.Descriptor
	for _, d := range idx.Manifests {
		if isIndex(string(d.MediaType)) {
			if depth >= maxIndexDepth {
				continue
			}
			if sub, err := readIndex(s, blobPath(d)); err == nil {
				out = append(out, manifests(s, sub, depth+1)...)
			}
			continue
		}
		if d.Platform != nil && d.Platform.OS == "unknown" {
			continue // BuildKit's attestation manifests
		}
		out = append(out, d)
	}
	return out
}

func platformString(p *v1.Platform) string {
	s := p.OS + "/" + p.Architecture
	if p.Variant != "" {
		s += "/" + p.Variant
	}
	return s
}

// readIndexPlatforms lists index.json's platforms when it names more than
// one manifest with a platform.
func readIndexPlatforms(s store) ([]string, error) {
	idx, err := readIndex(s, "index.json")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range manifests(s, idx, 0) {
		if d.Platform != nil {
			out = append(out, platformString(d.Platform))
		}
	}
	if len(out) < 2 {
		return nil, nil
	}
	return out, nil
}

func readOCI(s store) (*Image, error) {
	idx, err := readIndex(s, "index.json")
	if err != nil {
		return nil, fmt.Errorf("index.json: %v", err)
	}
	ds := manifests(s, idx, 0)
	if len(ds) == 0 {
		return nil, errors.New("index.json lists no image manifest")
	}
	im := &Image{Format: OCILayout, Images: 1, store: s}
	pick := ds[0]
	var platforms []string
	for _, d := range ds {
		if d.Platform == nil {
			continue
		}
		platforms = append(platforms, platformString(d.Platform))
		if d.Platform.OS == "linux" && d.Platform.Architecture == "amd64" && (pick.Platform == nil || pick.Platform.Architecture != "amd64") {
			pick = d
		}
	}
	if len(platforms) > 1 {
		im.Platforms = platforms
	}
	var m v1.Manifest
	if err := readDocument(s, blobPath(pick), &m); err != nil {
		return nil, fmt.Errorf("manifest: %v", err)
	}
	cfg, err := readConfig(s, blobPath(m.Config))
	if err != nil {
		return nil, err
	}
	im.Config = cfg
	for _, l := range m.Layers {
		name := blobPath(l)
		r, err := s.open(name)
		if err != nil {
			return nil, fmt.Errorf("layer %s: %v", l.Digest, err)
		}
		im.Layers = append(im.Layers, Layer{Name: name, MediaType: string(l.MediaType), Stored: r.Size()})
	}
	return im, nil
}

// openLayer returns layer i's tar stream, decompressed: gzip and zstd are
// recognised by their magic bytes, whatever the media type says.
func (im *Image) openLayer(i int) (io.ReadCloser, error) {
	r, err := im.store.open(im.Layers[i].Name)
	if err != nil {
		return nil, err
	}
	var magic [4]byte
	n, _ := r.ReadAt(magic[:], 0)
	switch {
	case n >= 2 && bytes.Equal(magic[:2], []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("layer %s: %v", im.Layers[i].Name, err)
		}
		zr.Multistream(true)
		return zr, nil
	case n == 4 && bytes.Equal(magic[:], []byte{0x28, 0xb5, 0x2f, 0xfd}):
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(64<<20))
		if err != nil {
			return nil, fmt.Errorf("layer %s: %v", im.Layers[i].Name, err)
		}
		return zr.IOReadCloser(), nil
	}
	return io.NopCloser(r), nil
}

// Looks reports cheaply whether p is meant as an image: an OCI layout
// folder (oci-layout and index.json), or a tar file (ustar magic) — not a
// ZIP. A tar that turns out to be no image is reported by Open.
func Looks(p string, fi os.FileInfo) bool {
	if fi.IsDir() {
		_, err1 := os.Stat(filepath.Join(p, "oci-layout"))
		_, err2 := os.Stat(filepath.Join(p, "index.json"))
		return err1 == nil && err2 == nil
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	var block [512]byte
	if n, _ := io.ReadFull(f, block[:]); n < 512 {
		return false
	}
	return string(block[257:262]) == "ustar"
}

// StartCommand is the command a container of this image runs: the config's
// ENTRYPOINT + CMD, with customContainerConfig's entrypoint and command in
// their place (cc may be nil). As with docker run --entrypoint, a
// configured entrypoint drops the image's CMD. known is false when the
// configuration's command is a placeholder.
func (im *Image) StartCommand(cc *config.Container) (argv []string, known bool) {
	ep, cmd := im.Config.Config.Entrypoint, im.Config.Config.Cmd
	if cc != nil {
		if cc.Entrypoint.Unknown || cc.Cmd.Unknown {
			return nil, false
		}
		if cc.Entrypoint.Set {
			ep, cmd = cc.Entrypoint.Value, nil
		}
		if cc.Cmd.Set {
			cmd = cc.Cmd.Value
		}
	}
	return append(append([]string(nil), ep...), cmd...), true
}
