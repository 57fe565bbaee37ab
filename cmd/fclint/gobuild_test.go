package main

import (
	"path/filepath"
	"reflect"
	"testing"
)

// goBuilds reads the go build commands of a pre-deploy action's run line as
// the shell does: pipes, redirections, continuations and env prefixes are
// not packages.
func TestGoBuilds(t *testing.T) {
	dir := filepath.FromSlash("/p")
	for _, tc := range []struct {
		run  string
		want [][]string // packages of each build
	}{
		{"go build -o main . 2>&1 | tee build.log", [][]string{{"/p"}}},
		{"GOOS=linux GOARCH=amd64 go build -o target/main ./cmd/api", [][]string{{"/p/cmd/api"}}},
		{"env GOOS=linux go build -ldflags '-s -w' ./cmd/api", [][]string{{"/p/cmd/api"}}},
		{"cd code && go build -o ../target/main main.go", [][]string{{"/p/code"}}},
		{"go -C code build ./...", [][]string{{"/p/code"}}},
		{"go build \\\n  -o main \\\n  ./cmd/worker > /dev/null # quiet", [][]string{{"/p/cmd/worker"}}},
		{"go test ./... && go vet ./...", nil},
	} {
		var got [][]string
		for _, b := range goBuilds(tc.run, dir) {
			got = append(got, b.packages)
		}
		var want [][]string
		for _, pkgs := range tc.want {
			var w []string
			for _, p := range pkgs {
				w = append(w, filepath.FromSlash(p))
			}
			want = append(want, w)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("goBuilds(%q) = %q, want %q", tc.run, got, want)
		}
	}
}
