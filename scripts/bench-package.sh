#!/usr/bin/env bash
# bench-package.sh: two budgets, each as a median of interleaved runs.
#
# check: `fclint package` on a 100,000-entry / ~1 GB ZIP against the
# archive/zip baseline (open + walk the central directory), SPEC §5: fclint's
# median wall time at most 2x the baseline's, peak RSS < 100 MB.
#
# pack: `fclint pack` (which also checks what it wrote) on a 137 MB folder of
# 20,000 small JavaScript files and 30 MB of random data against
# `zip -qr -X` of the same folder: at most 0.7x its median wall time (issue 14).
#
# The ZIP and the folder are generated once and cached in the temp dir.
# Exit 1 over budget.
#
#   scripts/bench-package.sh            # both; N=7 runs for check, N_PACK=3 for pack
#   scripts/bench-package.sh pack       # only pack (needs zip: apt-get install -y zip)
#   N=15 scripts/bench-package.sh check
set -euo pipefail

N=${N:-7}
N_PACK=${N_PACK:-3}
MAX_RATIO=${MAX_RATIO:-2.0}
MAX_PACK_RATIO=${MAX_PACK_RATIO:-0.7}
MAX_RSS_KB=${MAX_RSS_KB:-102400}
what=${1:-all}

cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/fclint" ./cmd/fclint

# ms prints the wall time of one run in milliseconds; fclint exits 1 when it
# has findings, which is not a failure here.
ms() {
	local start end
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
	end=$(date +%s%N)
	echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

over() { awk -v r="$1" -v m="$2" 'BEGIN {exit !(r > m)}'; }

fail=0

bench_check() {
go build -o "$tmp/benchzip" ./packaging/internal/benchzip/cmd/benchzip
zip=$("$tmp/benchzip" gen)
echo "package: $zip ($(du -h "$zip" | cut -f1) on disk)"
# Warm the page cache so that both sides read from memory.
"$tmp/benchzip" walk "$zip"

base=() check=()
for _ in $(seq "$N"); do # interleaved, so load changes hit both alike
	base+=("$(ms "$tmp/benchzip" walk "$zip")")
	check+=("$(ms "$tmp/fclint" package --fail-on never "$zip")")
done
base_med=$(printf '%s\n' "${base[@]}" | median)
check_med=$(printf '%s\n' "${check[@]}" | median)
ratio=$(awk -v c="$check_med" -v b="$base_med" 'BEGIN {printf "%.2f", c / b}')

rss=$(/usr/bin/time -f %M "$tmp/fclint" package --fail-on never "$zip" 2>&1 >/dev/null | tail -1)

echo "archive/zip open+walk: median ${base_med} ms over $N runs (${base[*]})"
echo "fclint package:        median ${check_med} ms over $N runs (${check[*]})"
echo "ratio:                 ${ratio}x (budget ${MAX_RATIO}x)"
echo "fclint peak RSS:       $((rss / 1024)) MB (budget $((MAX_RSS_KB / 1024)) MB)"

if over "$ratio" "$MAX_RATIO"; then
	echo "FAIL: time ratio over budget" >&2
	fail=1
fi
if [ "$rss" -ge "$MAX_RSS_KB" ]; then
	echo "FAIL: peak RSS over budget" >&2
	fail=1
fi
}

bench_pack() {
if ! command -v zip >/dev/null; then
	echo "bench pack: needs zip (apt-get install -y zip)" >&2
	exit 2
fi
go build -o "$tmp/benchdir" ./packaging/pack/internal/benchdir
dir=${TMPDIR:-/tmp}/fclint-bench-pack
"$tmp/benchdir" "$dir"
echo "pack: $dir ($(du -sh --apparent-size "$dir" | cut -f1), $(find "$dir" -type f | wc -l) files)"
tar cf /dev/null -C "$dir" . # warm the page cache for both sides

zipped=() packed=()
for _ in $(seq "$N_PACK"); do
	rm -f "$tmp/z.zip" "$tmp/p.zip"
	zipped+=("$(cd "$dir" && ms zip -qr -X "$tmp/z.zip" .)")
	packed+=("$(ms "$tmp/fclint" pack --fail-on never "$dir" -o "$tmp/p.zip")")
done
zip_med=$(printf '%s\n' "${zipped[@]}" | median)
pack_med=$(printf '%s\n' "${packed[@]}" | median)
pack_ratio=$(awk -v p="$pack_med" -v z="$zip_med" 'BEGIN {printf "%.2f", p / z}')
echo "zip -qr -X:   median ${zip_med} ms over $N_PACK runs (${zipped[*]}), $(stat -c %s "$tmp/z.zip") bytes"
echo "fclint pack:  median ${pack_med} ms over $N_PACK runs (${packed[*]}), $(stat -c %s "$tmp/p.zip") bytes"
echo "ratio:        ${pack_ratio}x (budget ${MAX_PACK_RATIO}x)"
if over "$pack_ratio" "$MAX_PACK_RATIO"; then
	echo "FAIL: pack time ratio over budget" >&2
	fail=1
fi
}

case $what in
all) bench_check; bench_pack ;;
check) bench_check ;;
pack) bench_pack ;;
*) echo "usage: $0 [all|check|pack]" >&2; exit 2 ;;
esac
exit $fail
