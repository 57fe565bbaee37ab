package runtimes

import "testing"

func TestFind(t *testing.T) {
	deb10, _ := Lookup("custom.debian10")
	deb12, _ := Lookup("custom.debian12")
	custom, _ := Lookup("custom")
	path := "/var/fc/lang/nodejs20/bin:$PATH"
	// As the layers' docs write it.
	layerPath := "/opt/nodejs20/bin:/opt/python3.10/bin:/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/bin"
	cases := []struct {
		env  Env
		prog string
		want Availability
	}{
		{Env{Image: deb10}, "bash", Available},
		{Env{Image: deb10}, "/bin/sh", Available},
		{Env{Image: deb10}, "python3", NeedsPath},
		{Env{Image: deb10}, "/var/fc/lang/python3.10/bin/python3", Available},
		{Env{Image: deb10}, "java", Missing},
		{Env{Image: deb10, Path: &path}, "node", Available},
		{Env{Image: deb10, Layers: []string{"acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/1"}}, "node", NeedsPath},
		{Env{Image: deb10, Layers: []string{"acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/1"}, Path: &layerPath}, "node", Available},
		{Env{Image: deb10, Layers: []string{"acs:fc:cn-hangzhou:official:layers/Python310/versions/1"}, Path: &layerPath}, "python3", Available},
		{Env{Image: deb10, Layers: []string{"acs:fc:cn-hangzhou:official:layers/Python310/versions/1"}}, "/opt/python3.10/bin/python3", Available},
		{Env{Image: deb10, Layers: []string{"acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/1"}}, "/opt/nodejs20/bin/node", Available},
		{Env{Image: deb10, PathUnknown: true}, "java", Unknowable},
		{Env{Image: deb12}, "python3", Available},
		{Env{Image: deb12}, "/usr/bin/python3", Available},
		{Env{Image: custom}, "java", Available},
		{Env{Image: custom}, "php", Available},
		{Env{Image: custom}, "/usr/bin/python3", Unknowable}, // the docs give no folder
		{Env{Image: custom}, "/usr/bin/dotnet", Missing},
	}
	for _, c := range cases {
		if got, _ := c.env.Find(c.prog); got != c.want {
			t.Errorf("%s on %s (layers %v): %v, want %v", c.prog, c.env.Image.ID, c.env.Layers, got, c.want)
		}
	}
}

func TestImages(t *testing.T) {
	for _, id := range []string{"custom", "custom.debian10", "custom.debian11", "custom.debian12"} {
		im, ok := Lookup(id)
		if !ok || im.GLIBC == "" || im.Source == "" {
			t.Errorf("%s: %+v", id, im)
		}
	}
	if _, ok := Lookup(Fallback); !ok {
		t.Error("fallback image missing")
	}
}
