package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestDockerfileGoBuilds: image folders of go build lines map back to the
// build context through COPY and WORKDIR; what COPY did not bring in from
// the context (another stage, a folder never copied) gives no build.
func TestDockerfileGoBuilds(t *testing.T) {
	for _, tc := range []struct {
		name       string
		dockerfile string
		// want: each build as its folder, then its packages, relative to the context
		want [][]string
	}{
		{"workdir and copy dot", "FROM golang\nWORKDIR /src\nCOPY . .\nRUN go build -o /s ./cmd/server\n",
			[][]string{{".", "cmd/server"}}},
		{"go -C", "FROM golang\nCOPY . /src\nRUN go -C /src/cmd build -o /s ./server\n",
			[][]string{{"cmd", "cmd/server"}}},
		{"glob and file copies", "FROM golang\nWORKDIR /w\nCOPY go.mod ./\nCOPY *.go ./\nRUN go build .\n",
			[][]string{{".", "."}}},
		{"a subfolder copied in, relative workdir", "FROM golang\nWORKDIR /a\nWORKDIR b\nCOPY cmd/ .\nRUN go build ./server\n",
			[][]string{{"cmd", "cmd/server"}}},
		{"exec-form RUN in a stage built FROM another", "FROM golang AS base\nWORKDIR /src\nCOPY . .\nFROM base AS build\nRUN [\"go\", \"build\", \"./cmd/server\"]\n",
			[][]string{{".", "cmd/server"}}},
		{"COPY --from brings nothing from the context", "FROM golang\nCOPY --from=other /cmd /src\nRUN cd /src && go build ./server\n", nil},
		{"never copied", "FROM golang\nWORKDIR /src\nRUN go build ./cmd/server\n", nil},
		{"a package that is not there", "FROM golang\nCOPY . /src\nRUN cd /src && go build ./cmd/missing\n", nil},
		{"traversal stays in the context", "FROM golang\nCOPY ../../cmd /x\nRUN cd /x && go build ./server\n",
			[][]string{{"cmd", "cmd/server"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := t.TempDir()
			if err := os.MkdirAll(filepath.Join(ctx, "cmd", "server"), 0o755); err != nil {
				t.Fatal(err)
			}
			for name, body := range map[string]string{"Dockerfile": tc.dockerfile, "go.mod": "module m\n", "main.go": "package main\n"} {
				if err := os.WriteFile(filepath.Join(ctx, name), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var got [][]string
			for _, b := range dockerfileGoBuilds(filepath.Join(ctx, "Dockerfile"), ctx) {
				row := []string{rel(t, ctx, b.build.dir)}
				for _, p := range b.build.packages {
					row = append(row, rel(t, ctx, p))
				}
				got = append(got, row)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func rel(t *testing.T, base, p string) string {
	t.Helper()
	r, err := filepath.Rel(base, p)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(r)
}
