// Package imagetest writes container image archives for tests, in Go, with
// no Docker: `docker save` archives (manifest.json, optionally with Docker
// 25's index.json) and OCI image layouts (index.json, blobs), gzip or plain
// layers, single or multi-platform.
package imagetest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// File is one layer entry. Type defaults to a regular file (a folder when
// Name ends in "/"); Link is a symlink's or hard link's target.
type File struct {
	Name string
	Mode int64 // default 0644 (0755 for folders)
	Body []byte
	Link string
	Type byte // tar.TypeReg, TypeDir, TypeSymlink, TypeLink, ...
	UID  int  // owner recorded in the layer (default 0, root)
	GID  int
}

// Image describes one image.
type Image struct {
	OS, Arch, Variant string // default linux/amd64
	Entrypoint, Cmd   []string
	Env               []string
	WorkingDir        string
	User              string
	ExposedPorts      []string // "9000/tcp"
	Layers            [][]File
	Gzip              bool // compress layers
}

func (im Image) platform() (string, string) {
	os, arch := im.OS, im.Arch
	if os == "" {
		os = "linux"
	}
	if arch == "" {
		arch = "amd64"
	}
	return os, arch
}

// LayerTar returns one layer's tar bytes (compressed when gz).
func LayerTar(files []File, gz bool) []byte {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, f := range files {
		h := &tar.Header{Name: f.Name, Mode: f.Mode, Typeflag: f.Type, Linkname: f.Link, Uid: f.UID, Gid: f.GID, ModTime: time.Unix(0, 0), Format: tar.FormatPAX}
		if h.Typeflag == 0 {
			h.Typeflag = tar.TypeReg
			if len(f.Name) > 0 && f.Name[len(f.Name)-1] == '/' {
				h.Typeflag = tar.TypeDir
			}
		}
		if h.Mode == 0 {
			h.Mode = 0o644
			if h.Typeflag == tar.TypeDir {
				h.Mode = 0o755
			}
		}
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(f.Body))
		}
		if err := tw.WriteHeader(h); err != nil {
			panic(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write(f.Body)
		}
	}
	tw.Close()
	if !gz {
		return buf.Bytes()
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(buf.Bytes())
	zw.Close()
	return z.Bytes()
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// archive collects members of the outer tar.
type archive struct {
	names []string
	data  map[string][]byte
}

func (a *archive) add(name string, b []byte) {
	if a.data == nil {
		a.data = map[string][]byte{}
	}
	if _, ok := a.data[name]; !ok {
		a.names = append(a.names, name)
	}
	a.data[name] = b
}

func (a *archive) blob(b []byte) (string, string) {
	d := digest(b)
	a.add("blobs/sha256/"+d, b)
	return "sha256:" + d, "blobs/sha256/" + d
}

func (a *archive) write(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	for _, n := range a.names {
		b := a.data[n]
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(b)), ModTime: time.Unix(0, 0)}); err != nil {
			f.Close()
			return err
		}
		tw.Write(b)
	}
	if err := tw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type descriptor struct {
	MediaType string            `json:"mediaType"`
	Digest    string            `json:"digest"`
	Size      int               `json:"size"`
	Platform  map[string]string `json:"platform,omitempty"`
}

// addImage writes an image's config, layers and manifest as blobs; it
// returns the manifest's descriptor, the config blob path and the layer paths.
func (a *archive) addImage(im Image) (descriptor, string, []string) {
	osName, arch := im.platform()
	var diffIDs []string
	var layers []descriptor
	var layerPaths []string
	for _, files := range im.Layers {
		raw := LayerTar(files, false)
		diffIDs = append(diffIDs, "sha256:"+digest(raw))
		b := raw
		mt := "application/vnd.oci.image.layer.v1.tar"
		if im.Gzip {
			b = LayerTar(files, true)
			mt += "+gzip"
		}
		d, p := a.blob(b)
		layers = append(layers, descriptor{MediaType: mt, Digest: d, Size: len(b)})
		layerPaths = append(layerPaths, p)
	}
	ports := map[string]struct{}{}
	for _, p := range im.ExposedPorts {
		ports[p] = struct{}{}
	}
	cfg := map[string]any{
		"architecture": arch, "os": osName,
		"config": map[string]any{
			"Entrypoint": im.Entrypoint, "Cmd": im.Cmd, "Env": im.Env,
			"WorkingDir": im.WorkingDir, "User": im.User, "ExposedPorts": ports,
		},
		"rootfs": map[string]any{"type": "layers", "diff_ids": diffIDs},
	}
	if im.Variant != "" {
		cfg["variant"] = im.Variant
	}
	cb, _ := json.Marshal(cfg)
	cd, cp := a.blob(cb)
	m := map[string]any{
		"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
		"config": descriptor{MediaType: "application/vnd.oci.image.config.v1+json", Digest: cd, Size: len(cb)},
		"layers": layers,
	}
	mb, _ := json.Marshal(m)
	md, _ := a.blob(mb)
	desc := descriptor{MediaType: "application/vnd.oci.image.manifest.v1+json", Digest: md, Size: len(mb),
		Platform: map[string]string{"os": osName, "architecture": arch}}
	if im.Variant != "" {
		desc.Platform["variant"] = im.Variant
	}
	return desc, cp, layerPaths
}

// DockerSave writes a docker save archive of im: Docker 25+'s layout
// (blobs, manifest.json and index.json) when oci is true, else the legacy
// one (ID/layer.tar folders, manifest.json only).
func DockerSave(path string, im Image, oci bool) error {
	a := &archive{}
	if !oci {
		osName, arch := im.platform()
		var layerPaths, diffIDs []string
		for i, files := range im.Layers {
			raw := LayerTar(files, false)
			diffIDs = append(diffIDs, "sha256:"+digest(raw))
			p := fmt.Sprintf("%064d/layer.tar", i)
			a.add(p, raw)
			layerPaths = append(layerPaths, p)
		}
		ports := map[string]struct{}{}
		for _, p := range im.ExposedPorts {
			ports[p] = struct{}{}
		}
		cb, _ := json.Marshal(map[string]any{
			"architecture": arch, "os": osName,
			"config": map[string]any{"Entrypoint": im.Entrypoint, "Cmd": im.Cmd, "Env": im.Env, "WorkingDir": im.WorkingDir, "User": im.User, "ExposedPorts": ports},
			"rootfs": map[string]any{"type": "layers", "diff_ids": diffIDs},
		})
		cp := digest(cb) + ".json"
		a.add(cp, cb)
		// Each layer folder also holds VERSION and a v1 json, as docker
		// save wrote them; readers go by manifest.json.
		for i := range im.Layers {
			id := fmt.Sprintf("%064d", i)
			a.add(id+"/VERSION", []byte("1.0"))
			a.add(id+"/json", []byte(`{"id":"`+id+`"}`))
		}
		mb, _ := json.Marshal([]map[string]any{{"Config": cp, "RepoTags": []string{"test:latest"}, "Layers": layerPaths}})
		a.add("manifest.json", mb)
		a.add("repositories", repositories(fmt.Sprintf("%064d", len(im.Layers)-1)))
		return a.write(path)
	}
	desc, cp, layerPaths := a.addImage(im)
	desc.Platform = nil // docker's index.json names the manifest without a platform
	mb, _ := json.Marshal([]map[string]any{{"Config": cp, "RepoTags": []string{"test:latest"}, "Layers": layerPaths}})
	a.add("manifest.json", mb)
	ib, _ := json.Marshal(map[string]any{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": []descriptor{desc}})
	a.add("index.json", ib)
	a.add("oci-layout", []byte(`{"imageLayoutVersion":"1.0.0"}`))
	a.add("repositories", repositories(strings.TrimPrefix(desc.Digest, "sha256:")))
	return a.write(path)
}

// repositories is docker save's legacy tag file: {"test":{"latest":ID}}.
func repositories(id string) []byte {
	b, _ := json.Marshal(map[string]map[string]string{"test": {"latest": id}})
	return b
}

// OCI writes an OCI image-layout archive holding the images; with more
// than one, index.json is a multi-platform index.
func OCI(path string, ims ...Image) error {
	a := &archive{}
	var ds []descriptor
	for _, im := range ims {
		d, _, _ := a.addImage(im)
		ds = append(ds, d)
	}
	ib, _ := json.Marshal(map[string]any{"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": ds})
	a.add("index.json", ib)
	a.add("oci-layout", []byte(`{"imageLayoutVersion":"1.0.0"}`))
	return a.write(path)
}
