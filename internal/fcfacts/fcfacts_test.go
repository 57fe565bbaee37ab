package fcfacts

import "testing"

func TestIsLoopbackHost(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.1.2.3": true, "::1": true, "[::1]": true, "localhost": true, "LocalHost": true,
		"api.localhost": true, "localhost.": true, "ip6-localhost": true, "::ffff:127.0.0.1": true,
		"": false, "0.0.0.0": false, "::": false, "[::]": false, "10.0.0.1": false, "example.com": false,
		"localhost.example.com": false, "mylocalhost": false, "fe80::1%eth0": false, "128.0.0.1": false,
	} {
		if got := IsLoopbackHost(host); got != want {
			t.Errorf("IsLoopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestPortEnvs(t *testing.T) {
	t.Parallel()
	for _, name := range PortEnvs {
		if !IsPortEnv(name) || !SetByPlatform(name) {
			t.Errorf("%s: IsPortEnv %v, SetByPlatform %v", name, IsPortEnv(name), SetByPlatform(name))
		}
	}
	for _, name := range []string{"PORT", "HTTP_PORT", "FC_CUSTOM_LISTEN_PORT_2", ""} {
		if IsPortEnv(name) {
			t.Errorf("IsPortEnv(%q) = true", name)
		}
	}
	if SetByPlatform("PORT") {
		t.Error("SetByPlatform(PORT) = true: FC does not set PORT")
	}
}
