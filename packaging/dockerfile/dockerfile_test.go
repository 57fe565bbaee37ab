package dockerfile

import (
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `ARG BASE=alpine:3.20
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
ENV CGO_ENABLED=0
RUN go build -o /out/server .

FROM build AS mid
ENV PORT=9000 NAME="two words"
EXPOSE $PORT 8000/udp ${MISSING}
WORKDIR /srv
WORKDIR app
ENTRYPOINT ["/srv/app/server"]
CMD run --verbose

FROM mid
CMD ["--quiet"]
`
	df, err := Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(df.Stages) != 3 || df.Args["BASE"] != "alpine:3.20" {
		t.Fatalf("stages = %d, args = %v", len(df.Stages), df.Args)
	}
	b := df.Stages[0]
	if b.Name != "build" || b.Platform != "$BUILDPLATFORM" || b.FromLine != 2 {
		t.Errorf("build stage: %+v", b)
	}
	final := df.Final()
	if final.Parent != df.Stages[1] || final.Workdir != "/srv/app" {
		t.Errorf("final: parent %p, workdir %q", final.Parent, final.Workdir)
	}
	if final.Env["NAME"] != "two words" || final.Env["CGO_ENABLED"] != "0" || final.EnvLine["PORT"] != 7 {
		t.Errorf("env = %v, lines = %v", final.Env, final.EnvLine)
	}
	var ports []string
	for _, p := range final.Expose {
		ports = append(ports, p.Number+"/"+p.Proto+map[bool]string{true: "", false: "?"}[p.Known])
	}
	if want := []string{"9000/tcp", "8000/udp", "${MISSING}/tcp?"}; !slices.Equal(ports, want) {
		t.Errorf("expose = %v, want %v", ports, want)
	}
	if got := final.Argv(); !slices.Equal(got, []string{"/srv/app/server", "--quiet"}) {
		t.Errorf("argv = %q", got)
	}
	mid := df.Stages[1]
	if got := mid.Argv(); !slices.Equal(got, []string{"/srv/app/server", "/bin/sh", "-c", "run --verbose"}) || !mid.Cmd.Shell {
		t.Errorf("mid argv = %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{strings.Repeat("#", MaxSize+1), "FROM a\nENV onlyname\n"} {
		if _, err := Parse(strings.NewReader(src)); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%.20q): err = %v, want a one-line error", src, err)
		}
	}
}
