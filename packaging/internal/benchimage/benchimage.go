// Package benchimage generates the large image archive the image-check
// benchmark runs on: a Docker 25 `docker save` archive of about 1 GB
// uncompressed in 100,000 files over two gzip layers, plus a top layer with
// the entrypoint (a copy of the running executable: a real static ELF).
// Walk is the baseline: list every member of the archive and of each layer,
// which any image tool must do at least once.
package benchimage

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Version keys the cached file: bump it when the generated content changes.
const Version = 1

// Shape of the generated image.
const (
	Files    = 100_000
	FileSize = 10_000 // 100,000 × 10,000 ≈ 1 GB uncompressed
)

// CachedPath is where the benchmark keeps the archive between runs.
func CachedPath() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("fclint-bench-image-%dx%d-v%d.tar", Files, FileSize, Version))
}

// Ensure returns CachedPath, generating it when missing.
func Ensure() (string, error) {
	p := CachedPath()
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	tmp := p + ".tmp"
	if err := Generate(tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	return p, os.Rename(tmp, p)
}

// layer writes one gzip layer with files from..to-1 into a temp file and
// returns its path, digest and the uncompressed tar's digest.
func layer(dir string, from, to int, extra func(*tar.Writer) error) (string, string, string, error) {
	f, err := os.CreateTemp(dir, "layer")
	if err != nil {
		return "", "", "", err
	}
	defer f.Close()
	zsum, sum := sha256.New(), sha256.New()
	zw, _ := gzip.NewWriterLevel(io.MultiWriter(f, zsum), gzip.BestSpeed)
	bw := bufio.NewWriterSize(io.MultiWriter(zw, sum), 1<<20)
	tw := tar.NewWriter(bw)
	body := []byte(strings.Repeat("fclint benchmark line of a shipped file\n", FileSize/40+1)[:FileSize])
	for i := from; i < to; i++ {
		name := fmt.Sprintf("usr/share/bench/d%03d/f%06d.txt", i/1000, i)
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: FileSize, ModTime: time.Unix(0, 0)}); err != nil {
			return "", "", "", err
		}
		if _, err := tw.Write(body); err != nil {
			return "", "", "", err
		}
	}
	if extra != nil {
		if err := extra(tw); err != nil {
			return "", "", "", err
		}
	}
	if err := tw.Close(); err != nil {
		return "", "", "", err
	}
	if err := bw.Flush(); err != nil {
		return "", "", "", err
	}
	if err := zw.Close(); err != nil {
		return "", "", "", err
	}
	return f.Name(), hex.EncodeToString(zsum.Sum(nil)), hex.EncodeToString(sum.Sum(nil)), nil
}

// Generate writes the benchmark archive to p.
func Generate(p string) error {
	dir, err := os.MkdirTemp("", "benchimage")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	server, err := os.ReadFile(self)
	if err != nil {
		return err
	}
	addServer := func(tw *tar.Writer) error {
		if err := tw.WriteHeader(&tar.Header{Name: "app/server", Mode: 0o755, Size: int64(len(server)), ModTime: time.Unix(0, 0)}); err != nil {
			return err
		}
		_, err := tw.Write(server)
		return err
	}
	type built struct{ path, digest, diffID string }
	var layers []built
	for _, spec := range []struct {
		from, to int
		extra    func(*tar.Writer) error
	}{{0, Files * 6 / 10, nil}, {Files * 6 / 10, Files, addServer}} {
		lp, d, diff, err := layer(dir, spec.from, spec.to, spec.extra)
		if err != nil {
			return err
		}
		layers = append(layers, built{lp, d, diff})
	}
	var diffIDs, layerPaths []string
	for _, l := range layers {
		diffIDs = append(diffIDs, "sha256:"+l.diffID)
		layerPaths = append(layerPaths, "blobs/sha256/"+l.digest)
	}
	cfg, _ := json.Marshal(map[string]any{
		"architecture": "amd64", "os": "linux",
		"config": map[string]any{"Entrypoint": []string{"/app/server"}, "ExposedPorts": map[string]any{"9000/tcp": struct{}{}}},
		"rootfs": map[string]any{"type": "layers", "diff_ids": diffIDs},
	})
	cs := sha256.Sum256(cfg)
	cfgPath := "blobs/sha256/" + hex.EncodeToString(cs[:])
	manifest, _ := json.Marshal([]map[string]any{{"Config": cfgPath, "RepoTags": []string{"bench:latest"}, "Layers": layerPaths}})

	out, err := os.Create(p)
	if err != nil {
		return err
	}
	defer out.Close()
	bw := bufio.NewWriterSize(out, 1<<20)
	tw := tar.NewWriter(bw)
	add := func(name string, size int64, r io.Reader) error {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: size, ModTime: time.Unix(0, 0)}); err != nil {
			return err
		}
		_, err := io.Copy(tw, r)
		return err
	}
	for i, l := range layers {
		f, err := os.Open(l.path)
		if err != nil {
			return err
		}
		fi, _ := f.Stat()
		err = add(layerPaths[i], fi.Size(), f)
		f.Close()
		if err != nil {
			return err
		}
	}
	if err := add(cfgPath, int64(len(cfg)), strings.NewReader(string(cfg))); err != nil {
		return err
	}
	if err := add("manifest.json", int64(len(manifest)), strings.NewReader(string(manifest))); err != nil {
		return err
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return out.Close()
}

// Walk lists every member of the archive and of each gzip layer in it (the
// baseline: `tar -t` on the archive and on every layer); it returns the
// number of layer members.
func Walk(p string) (int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	outer := tar.NewReader(f)
	n := 0
	for {
		h, err := outer.Next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if !strings.HasPrefix(h.Name, "blobs/") {
			continue
		}
		zr, err := gzip.NewReader(outer)
		if err != nil {
			continue // the config blob
		}
		inner := tar.NewReader(zr)
		for {
			if _, err := inner.Next(); err != nil {
				break
			}
			n++
		}
	}
}
