package appserver

import "testing"

func TestDotnet(t *testing.T) {
	dll := "MZ\x00\x00#Strings\x00Main\x00WebApplication\x00Run\x00"
	runCases(t, []appCase{
		{name: "nothing set: localhost:5000", cmd: "dotnet Api.dll", files: mapFiles{"Api.dll": dll},
			want: []string{"FC501 :0 listens on localhost (Kestrel's default http://localhost:5000"}},
		{name: "ASPNETCORE_URLS", cmd: "dotnet Api.dll", vars: map[string]string{"ASPNETCORE_URLS": "http://0.0.0.0:9000"}, files: mapFiles{"Api.dll": dll}},
		{name: "ASPNETCORE_HTTP_PORTS", cmd: "dotnet Api.dll", vars: map[string]string{"ASPNETCORE_HTTP_PORTS": "8080"}, files: mapFiles{"Api.dll": dll},
			want: []string{"FC501 :0 port 8080 (ASPNETCORE_HTTP_PORTS=8080)"}},
		{name: "--urls", cmd: "dotnet Api.dll --urls http://+:${FC_CUSTOM_LISTEN_PORT}", files: mapFiles{"Api.dll": dll}},
		{name: "appsettings Urls", cmd: "dotnet out/Api.dll", files: mapFiles{"out/Api.dll": dll, "out/appsettings.json": `{
  // comments are allowed
  "Urls": "http://localhost:9000",
}`}, want: []string{"FC501 out/appsettings.json:0 listens on localhost (appsettings.json Urls)"}},
		{name: "Kestrel endpoints win", cmd: "dotnet Api.dll --urls http://0.0.0.0:9000", files: mapFiles{"Api.dll": dll,
			"appsettings.json": `{"Kestrel": {"Endpoints": {"Http": {"Url": "http://0.0.0.0:5000"}}}}`},
			want: []string{"FC501 appsettings.json:0 port 5000 (Kestrel:Endpoints"}},
		{name: "the address is set in code", cmd: "dotnet Api.dll", files: mapFiles{"Api.dll": "MZ\x00UseUrls\x00"}},
	})
}
