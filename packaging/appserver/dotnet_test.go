package appserver

import "testing"

func TestDotnet(t *testing.T) {
	dll := "MZ\x00\x00#Strings\x00Main\x00WebApplication\x00Run\x00"
	ka := "FC502 :0 default KeepAliveTimeout of 130 s"
	runCases(t, []appCase{
		{name: "nothing set: localhost:5000", cmd: "dotnet Api.dll", files: mapFiles{"Api.dll": dll},
			want: []string{ka, "FC501 :0 listens on localhost (Kestrel's default http://localhost:5000"}},
		{name: "ASPNETCORE_URLS", cmd: "dotnet Api.dll", vars: map[string]string{"ASPNETCORE_URLS": "http://0.0.0.0:9000"}, files: mapFiles{"Api.dll": dll,
			"appsettings.json": `{"Kestrel": {"Limits": {"KeepAliveTimeout": "1.00:00:00"}}}`}},
		{name: "short KeepAliveTimeout", cmd: "dotnet Api.dll --urls http://0.0.0.0:9000", files: mapFiles{"Api.dll": dll,
			"appsettings.json": `{"Kestrel": {"Limits": {"KeepAliveTimeout": "00:05:00"}}}`}, want: []string{"FC502 appsettings.json:0 idle 300 s (Kestrel:Limits:KeepAliveTimeout 00:05:00"}},
		{name: "ASPNETCORE_HTTP_PORTS", cmd: "dotnet Api.dll", vars: map[string]string{"ASPNETCORE_HTTP_PORTS": "8080"}, files: mapFiles{"Api.dll": dll},
			want: []string{ka, "FC501 :0 port 8080 (ASPNETCORE_HTTP_PORTS=8080)"}},
		{name: "--urls", cmd: "dotnet Api.dll --urls http://+:${FC_CUSTOM_LISTEN_PORT}", files: mapFiles{"Api.dll": dll}, want: []string{ka}},
		{name: "appsettings Urls", cmd: "dotnet out/Api.dll", files: mapFiles{"out/Api.dll": dll, "out/appsettings.json": `{
  // comments are allowed
  "Urls": "http://localhost:9000",
}`}, want: []string{ka, "FC501 out/appsettings.json:0 listens on localhost (appsettings.json Urls)"}},
		{name: "Kestrel endpoints win", cmd: "dotnet Api.dll --urls http://0.0.0.0:9000", files: mapFiles{"Api.dll": dll,
			"appsettings.json": `{"Kestrel": {"Endpoints": {"Http": {"Url": "http://0.0.0.0:5000"}}}}`},
			want: []string{ka, "FC501 appsettings.json:0 port 5000 (Kestrel:Endpoints"}},
		{name: "the address and keep-alive are set in code", cmd: "dotnet Api.dll", files: mapFiles{"Api.dll": "MZ\x00UseUrls\x00set_KeepAliveTimeout\x00"}},
	})
}
