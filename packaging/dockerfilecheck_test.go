package packaging

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
)

// checkDockerDir writes a Dockerfile into a folder and checks the folder.
func checkDockerDir(t *testing.T, fn *config.Function, dockerfile string) []string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Dockerfile"), []byte(dockerfile), 0o644); err != nil {
		t.Fatal(err)
	}
	fs, err := Check(Options{Path: dir, Function: fn, WorkDir: dir})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.Severity.String()+" "+f.File+":"+itoa(f.Line)+" "+f.Message)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

const goodDockerfile = `# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 GOOS=linux GOARCH=$TARGETARCH go build -o /out/server .

FROM --platform=linux/amd64 gcr.io/distroless/static-debian12
COPY --from=build /out/server /server
EXPOSE 9000
ENTRYPOINT ["/server"]
`

func TestDockerfile(t *testing.T) {
	cases := []struct {
		name       string
		fn         *config.Function
		dockerfile string
		want       []string // substrings, one per finding, in order
	}{
		{"compliant", containerFn(nil), goodDockerfile, nil},
		{"expose 8080", containerFn(nil), "FROM alpine\nEXPOSE 8080\nCMD [\"/app\"]\n", []string{"FC213 error Dockerfile:2 the Dockerfile exposes 8080"}},
		{"legacy fc without caPort: no web server mode", containerFn(func(f *config.Function) { f.Format = config.FormatFC2 }), "FROM alpine\nEXPOSE 8080\nENV PORT=3000\nCMD gunicorn -b 127.0.0.1:8000 app:app\n", nil},
		{"legacy fc with caPort 9000", containerFn(func(f *config.Function) {
			f.Format = config.FormatFC2
			f.Port = config.Field[int]{Value: 9000, Set: true}
		}), "FROM alpine\nEXPOSE 8080\nCMD [\"/app\"]\n", []string{"FC213 error Dockerfile:2"}},
		{"expose matches port 8080", containerFn(withPort(8080)), "FROM alpine\nEXPOSE 8080/tcp\nCMD [\"/app\"]\n", nil},
		{"expose range", containerFn(nil), "FROM alpine\nEXPOSE 8000-9100\nCMD [\"/app\"]\n", nil},
		{"expose from ENV", containerFn(nil), "FROM alpine\nENV PORT=9000\nEXPOSE $PORT\nCMD [\"/app\"]\n", nil},
		{"expose from ARG", containerFn(nil), "FROM alpine\nARG PORT\nEXPOSE $PORT\nCMD [\"/app\"]\n", nil},
		{"expose from an ARG default", containerFn(nil), "FROM alpine\nARG PORT=8080\nEXPOSE $PORT\nCMD [\"/app\"]\n", []string{"FC213 error Dockerfile:3 the Dockerfile exposes $PORT (8080)"}},
		{"final FROM --platform arm64", containerFn(nil), "FROM --platform=linux/arm64 alpine\nCMD [\"/app\"]\n", []string{"FC212 error Dockerfile:1 the final stage is FROM --platform=linux/arm64"}},
		{"final FROM --platform BUILDPLATFORM", containerFn(nil), "FROM --platform=$BUILDPLATFORM alpine\nCMD [\"/app\"]\n", []string{"FC212 error Dockerfile:1", "build machine's platform"}},
		{"final FROM a build stage with arm64", containerFn(nil), "FROM --platform=linux/arm64 alpine AS base\nRUN true\nFROM base\nCMD [\"/app\"]\n", []string{"FC212 error Dockerfile:1"}},
		{"platform from a global ARG", containerFn(nil), "ARG PLAT=linux/arm64\nFROM --platform=$PLAT alpine\nCMD [\"/app\"]\n", []string{"FC212 error Dockerfile:2 the final stage is FROM --platform=linux/arm64"}},
		{"arm64v8 base", containerFn(nil), "FROM arm64v8/alpine\nCMD [\"/app\"]\n", []string{"FC212 error Dockerfile:1", "arm64v8"}},
		{"go build GOARCH=arm64", containerFn(nil), "FROM golang AS b\nRUN GOARCH=arm64 go build -o /s .\nFROM alpine\nCOPY --from=b /s /s\nCMD [\"/s\"]\n", []string{"FC212 error Dockerfile:2", "GOARCH=arm64"}},
		{"go build GOARCH from ENV", containerFn(nil), "FROM golang AS b\nENV GOARCH=arm64\nRUN go build -o /s .\nFROM alpine\nCMD [\"/s\"]\n", []string{"FC212 error Dockerfile:3"}},
		{"loopback gunicorn", containerFn(nil), "FROM python:3.12\nCMD [\"gunicorn\", \"-b\", \"127.0.0.1:9000\", \"app:app\"]\n", []string{"FC302 error Dockerfile:2", "127.0.0.1"}},
		{"uvicorn other port via ENV", containerFn(nil), "FROM python:3.12\nENV APP_PORT=8000\nCMD uvicorn main:app --host 0.0.0.0 --port $APP_PORT\n", []string{"FC302 error Dockerfile:3", "port 8000"}},
		{"ENV PORT other port", containerFn(nil), "FROM node:20\nENV PORT=3000\nCMD [\"node\", \"server.js\"]\n", []string{"FC302 warning Dockerfile:2 ENV PORT=3000"}},
		{"ENV PORT overridden by config", containerFn(func(f *config.Function) { f.Env = map[string]string{"PORT": "9000"} }), "FROM node:20\nENV PORT=3000\nCMD [\"node\", \"server.js\"]\n", nil},
		{"ASPNETCORE_URLS :80", containerFn(nil), "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:80\nENTRYPOINT [\"dotnet\", \"app.dll\"]\n", []string{"FC302 warning Dockerfile:2", "port 80,"}},
		{"shell form with &&", containerFn(nil), "FROM alpine\nCMD cd /app && ./server\n", []string{"FC214 warning Dockerfile:2"}},
		{"shell form simple", containerFn(nil), "FROM alpine\nCMD ./server --port 9000\n", nil},
		{"shell form exec", containerFn(nil), "FROM alpine\nCMD exec ./server; echo never\n", nil},
		{"scratch without the program", containerFn(nil), "FROM scratch\nCOPY server /srv/server\nENTRYPOINT [\"/server\"]\n", []string{"FC207 error Dockerfile:3", "no COPY or ADD writes /server"}},
		{"scratch with the program", containerFn(nil), "FROM scratch\nCOPY server /server\nENTRYPOINT [\"/server\"]\n", nil},
		{"scratch by name", containerFn(nil), "FROM scratch\nCOPY server /server\nENTRYPOINT [\"server\"]\n", []string{"FC207 error Dockerfile:3", "no PATH"}},
		{"scratch nothing to start", containerFn(nil), "FROM scratch\nCOPY server /server\n", []string{"FC201 error Dockerfile:1"}},
		{"config entrypoint replaces CMD", containerFn(func(f *config.Function) {
			f.Container.Entrypoint = config.Field[[]string]{Value: []string{"/server"}, Set: true}
		}), "FROM alpine\nCMD gunicorn -b 127.0.0.1:9000 app:app\n", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := checkDockerDir(t, tc.fn, tc.dockerfile)
			joined := strings.Join(got, "\n")
			if len(tc.want) == 0 && len(got) != 0 {
				t.Fatalf("want no findings, got:\n%s", joined)
			}
			for _, w := range tc.want {
				if !strings.Contains(joined, w) {
					t.Errorf("no finding contains %q; got:\n%s", w, joined)
				}
			}
		})
	}
}

func TestDockerfileBadInput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "Dockerfile"), []byte("RUN echo no from\n"), 0o644)
	_, err := Check(Options{Path: dir, Function: containerFn(nil), WorkDir: dir})
	if err == nil || !strings.Contains(err.Error(), "no FROM") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v, want a one-line no-FROM error", err)
	}
}

// A custom-runtime function's folder is a ZIP to be, Dockerfile or not.
func TestDockerfileIgnoredForCustomRuntime(t *testing.T) {
	got := checkDockerDir(t, fnWith(nil), "FROM alpine\nEXPOSE 8080\n")
	for _, g := range got {
		if strings.HasPrefix(g, "FC213") {
			t.Errorf("Dockerfile checked for a custom runtime: %s", g)
		}
	}
}

// A container function's folder without a Dockerfile (or a ZIP) gets one
// warning, not the ZIP rules.
func TestContainerWithoutImage(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.py"), []byte("print(1)\n"), 0o644)
	fs, err := Check(Options{Path: dir, Function: containerFn(func(f *config.Function) { f.Runtime.Pos = config.Pos{File: "/x/s.yaml", Line: 7} }), WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != "FC301" || fs[0].Severity.String() != "warning" || !strings.Contains(fs[0].Message, "customContainerConfig.image") {
		t.Errorf("want one FC301 warning:%s", dump(fs))
	}
}
