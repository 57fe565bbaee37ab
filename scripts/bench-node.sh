#!/usr/bin/env bash
# bench-node.sh: `fclint package` on a Node function (command: node index.js)
# whose node_modules holds 50,000 files, against walking the same tree with
# find, reading each file's mode and size as any ZIP tool must (lstat per
# file; packaging's BenchmarkNodeModules compares with fclint's own walk,
# archive.OpenDir). Issue 12's budget: at most 2x the walk, peak RSS < 150 MB; the
# application-server check reads index.js and the package files it
# requires, never node_modules. Exit 1 over budget.
#
#   scripts/bench-node.sh        # N=5 runs of each
set -euo pipefail

N=${N:-5}
MAX_RATIO=${MAX_RATIO:-2.0}
MAX_RSS_KB=${MAX_RSS_KB:-153600}

cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/fclint" ./cmd/fclint
fn=$tmp/fn
mkdir -p "$fn/code"
cat >"$fn/s.yaml" <<'YAML'
edition: 3.0.0
name: bench
resources:
  bench:
    component: fc3
    props:
      runtime: custom.debian10
      code: ./code
      environmentVariables:
        PATH: /var/fc/lang/nodejs20/bin:/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
      customRuntimeConfig:
        port: 9000
        command: [node, index.js]
YAML
cat >"$fn/code/index.js" <<'JS'
const express = require('express')
const routes = require('./routes')
const app = express()
app.use(routes)
const server = app.listen(process.env.FC_CUSTOM_LISTEN_PORT || 9000)
server.keepAliveTimeout = 0
JS
echo "module.exports = require('express').Router()" >"$fn/code/routes.js"
for i in $(seq -w 1 500); do
	d=$fn/code/node_modules/pkg$i/lib
	mkdir -p "$d"
	(cd "$d" && touch f{001..100}.js)
done
echo "files: $(find "$fn/code" -type f | wc -l)"

ms() {
	local start end
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

walk() { find "$1" -printf '%m %s %p\n'; }
walk "$fn/code" >/dev/null # warm the cache
base=() check=()
for _ in $(seq "$N"); do
	base+=("$(ms walk "$fn/code")")
	check+=("$(ms "$tmp/fclint" package --fail-on never --config "$fn/s.yaml" "$fn/code")")
done
base_med=$(printf '%s\n' "${base[@]}" | median)
check_med=$(printf '%s\n' "${check[@]}" | median)
ratio=$(awk -v c="$check_med" -v b="$base_med" 'BEGIN {printf "%.2f", c / b}')
rss=$(/usr/bin/time -f %M "$tmp/fclint" package --fail-on never --config "$fn/s.yaml" "$fn/code" 2>&1 >/dev/null | tail -1)

echo "find (lstat walk): median ${base_med} ms over $N runs (${base[*]})"
echo "fclint package:    median ${check_med} ms over $N runs (${check[*]})"
echo "ratio:             ${ratio}x (budget ${MAX_RATIO}x)"
echo "fclint peak RSS:   $((rss / 1024)) MB (budget $((MAX_RSS_KB / 1024)) MB)"
fail=0
if awk -v r="$ratio" -v m="$MAX_RATIO" 'BEGIN {exit !(r > m)}'; then
	echo "FAIL: time ratio over budget" >&2
	fail=1
fi
if [ "$rss" -ge "$MAX_RSS_KB" ]; then
	echo "FAIL: peak RSS over budget" >&2
	fail=1
fi
exit $fail
