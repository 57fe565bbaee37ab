#!/usr/bin/env bash
# bench.sh: the speed budget of SPEC §5. Times `fclint check ./...` against a
# no-op go/analysis checker (internal/noopchecker: same load mode, one analyzer
# that walks every file) on google.golang.org/grpc at a pinned version, and
# fails when fclint's median wall time or median peak RSS exceeds the floor's
# by more than BENCH_BUDGET (default 1.3). CPU time (user+sys, children
# included) is reported beside them: on a shared machine it varies much less
# than wall time, so it tells a busy neighbour from a slower fclint.
#
#   scripts/bench.sh            # 5 alternating runs of each tool
#   BENCH_RUNS=9 BENCH_BUDGET=1.2 scripts/bench.sh
set -euo pipefail

runs=${BENCH_RUNS:-5}
budget=${BENCH_BUDGET:-1.3}
module=google.golang.org/grpc
version=${BENCH_GRPC_VERSION:-v1.85.0}
repo=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x /usr/bin/time ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get install -y -qq time >/dev/null
	else
		echo "bench.sh: /usr/bin/time (GNU time) is needed: apt-get install time" >&2
		exit 2
	fi
fi

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

echo "building fclint and noopchecker" >&2
(cd "$repo" && go build -o "$tmp/fclint" ./cmd/fclint && go build -o "$tmp/noopchecker" ./internal/noopchecker)

echo "fetching $module@$version" >&2
src=$(cd "$tmp" && go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
	echo "bench.sh: go mod download gave no directory for $module@$version" >&2
	exit 2
fi
cp -r "$src" "$tmp/grpc"
chmod -R u+w "$tmp/grpc"
cd "$tmp/grpc"
go mod download

# One untimed run each warms the build cache (export data of dependencies).
"$tmp/noopchecker" ./... >/dev/null 2>&1 || true
set +e
"$tmp/fclint" check --format json ./... >"$tmp/findings.json" 2>"$tmp/fclint.err"
status=$?
set -e
if [ "$status" -ge 2 ]; then
	echo "bench.sh: fclint failed (exit $status):" >&2
	cat "$tmp/fclint.err" >&2
	exit 2
fi

# measure LABEL TOOL...: appends "seconds kilobytes cpu-seconds" to $tmp/LABEL.
measure() {
	local label=$1
	shift
	/usr/bin/time -f '%e %M %U %S' -o "$tmp/one" "$@" >/dev/null 2>&1 || true
	# GNU time also writes "Command exited with non-zero status 1" (fclint's
	# exit code for findings); keep only the measurement.
	grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$tmp/one" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' >>"$tmp/$label"
}

: >"$tmp/fclint.times"
: >"$tmp/noop.times"
for i in $(seq "$runs"); do
	# Alternate the order so neither tool always runs on a warmer machine.
	if [ $((i % 2)) -eq 1 ]; then
		measure noop.times "$tmp/noopchecker" ./...
		measure fclint.times "$tmp/fclint" check --format json ./...
	else
		measure fclint.times "$tmp/fclint" check --format json ./...
		measure noop.times "$tmp/noopchecker" ./...
	fi
done

median() { # median of column $1 of file $2
	cut -d' ' -f"$1" "$2" | sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'
}

ft=$(median 1 "$tmp/fclint.times")
fm=$(median 2 "$tmp/fclint.times")
nt=$(median 1 "$tmp/noop.times")
nm=$(median 2 "$tmp/noop.times")
fc=$(median 3 "$tmp/fclint.times")
nc=$(median 3 "$tmp/noop.times")
time_ratio=$(awk -v a="$ft" -v b="$nt" 'BEGIN {printf "%.2f", a/b}')
mem_ratio=$(awk -v a="$fm" -v b="$nm" 'BEGIN {printf "%.2f", a/b}')
cpu_ratio=$(awk -v a="$fc" -v b="$nc" 'BEGIN {printf "%.2f", a/b}')
findings=$(grep -o '"rule": *"FC[0-9]*"' "$tmp/findings.json" | grep -o 'FC[0-9]*' | sort | uniq -c | awk '{printf "%s%s %s", sep, $2, $1; sep=", "}')

printf '%s@%s, %d runs each (median)\n' "$module" "$version" "$runs"
printf '               %8s  %11s  %9s\n' wall peak-RSS cpu
printf '  noopchecker  %6.2f s  %8d KB  %6.2f s\n' "$nt" "$nm" "$nc"
printf '  fclint       %6.2f s  %8d KB  %6.2f s  (findings: %s)\n' "$ft" "$fm" "$fc" "${findings:-none}"
printf '  ratio        %6s x  %8s x  %6s x  (budget %s on wall and peak RSS)\n' "$time_ratio" "$mem_ratio" "$cpu_ratio" "$budget"

if awk -v t="$time_ratio" -v m="$mem_ratio" -v b="$budget" 'BEGIN {exit !(t > b || m > b)}'; then
	echo "bench.sh: over budget" >&2
	exit 1
fi
