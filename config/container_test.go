package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestContainerConfig(t *testing.T) {
	cases := []struct {
		file       string
		image      string
		argv       []string
		port       int
		registry   bool
		healthPath string
	}{
		{"container/s.yaml", "registry.cn-hangzhou.aliyuncs.com/demo/web:v1", []string{"/app/server", "--verbose"}, 8080, true, "/ready"},
		{"container/fc2.yaml", "registry.cn-hangzhou.aliyuncs.com/demo/legacy:v1", []string{"python", "-u", "app.py"}, 9000, false, ""},
		{"container/api.json", "registry.cn-shanghai.aliyuncs.com/x/y:1", []string{"/bin/app"}, 7000, false, ""},
		{"container/template.yml", "registry.cn-beijing.aliyuncs.com/x/fun:1", []string{"/usr/bin/node", "index.js"}, 8000, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			fn := loadOne(t, tc.file)
			if !fn.IsContainer() {
				t.Fatalf("IsContainer() = false for runtime %q", fn.Runtime.Value)
			}
			c := fn.Container
			if c == nil {
				t.Fatal("Container is nil")
			}
			if !c.Image.Known() || c.Image.Value != tc.image {
				t.Errorf("Image = %+v, want %q", c.Image, tc.image)
			}
			if got := c.Argv(); !slices.Equal(got, tc.argv) {
				t.Errorf("Argv() = %q, want %q", got, tc.argv)
			}
			if fn.CAPort() != tc.port {
				t.Errorf("CAPort() = %d, want %d", fn.CAPort(), tc.port)
			}
			if c.Registry != tc.registry {
				t.Errorf("Registry = %v, want %v", c.Registry, tc.registry)
			}
			if fn.HealthCheck.HTTPGetURL.Value != tc.healthPath {
				t.Errorf("healthCheck path = %q, want %q", fn.HealthCheck.HTTPGetURL.Value, tc.healthPath)
			}
			if c.GPU != (tc.file == "container/s.yaml") {
				t.Errorf("GPU = %v", c.GPU)
			}
			if c.Pos.Line == 0 {
				t.Error("Container.Pos has no line")
			}
		})
	}
}

func TestContainerArgListForms(t *testing.T) {
	fn := loadOne(t, "container/fc2.yaml")
	if fn.Container.Entrypoint.Unknown || fn.Container.Cmd.Unknown {
		t.Errorf("JSON-string command/args read as unknown: %+v %+v", fn.Container.Entrypoint, fn.Container.Cmd)
	}
	// A custom runtime with no customContainerConfig is no container.
	if plain := loadOne(t, "fc3/s.yaml"); plain.IsContainer() || plain.Container != nil {
		t.Errorf("fc3/s.yaml: IsContainer() = %v, Container = %+v", plain.IsContainer(), plain.Container)
	}
}

func TestContainerBadCommandString(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(path, []byte(`edition: 3.0.0
resources:
  f:
    component: fc3
    props:
      functionName: f
      runtime: custom-container
      customContainerConfig:
        image: x
        command: "python app.py"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	fn := f.Functions[0]
	if !fn.Container.Cmd.Unknown {
		t.Errorf("a plain string command must be unknown (FC wants a list): %+v", fn.Container.Cmd)
	}
}

func TestPortKey(t *testing.T) {
	rt := func(v string) Field[string] { return Field[string]{Value: v, Set: true} }
	for _, c := range []struct {
		f    *Function
		want string
	}{
		{nil, ""},
		{&Function{Format: FormatFC3, Runtime: rt("custom.debian12")}, "customRuntimeConfig.port"},
		{&Function{Format: FormatFC3, Runtime: rt("custom-container")}, "customContainerConfig.port"},
		{&Function{Format: FormatFlags, Container: &Container{}}, "customContainerConfig.port"},
		{&Function{Format: FormatFC2, Runtime: rt("custom-container")}, "caPort"},
		{&Function{Format: FormatFuncraft, Runtime: rt("custom")}, "CAPort"},
		{&Function{Format: FormatAPIJSON, Runtime: rt("custom")}, ""},
	} {
		if got := c.f.PortKey(); got != c.want {
			t.Errorf("%+v: PortKey = %q, want %q", c.f, got, c.want)
		}
	}
}
