#!/usr/bin/env bash
# bench-image.sh: `fclint package IMAGE.tar` on a ~1 GB, 100,000-file image against
# the baseline of listing every tar member (the archive's and each gzip
# layer's, as tar -t would), issue 13: fclint's median wall time at most 2x
# the baseline's, peak RSS < 100 MB. The image (a Docker 25 docker save
# archive, two gzip layers and a static ELF entrypoint) is generated once
# and cached in the temp dir. Exit 1 over budget.
#
#   scripts/bench-image.sh        # N=7 runs of each
#   N=15 scripts/bench-image.sh
set -euo pipefail

N=${N:-7}
MAX_RATIO=${MAX_RATIO:-2.0}
MAX_RSS_KB=${MAX_RSS_KB:-102400}

cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/fclint" ./cmd/fclint
go build -o "$tmp/benchimage" ./packaging/internal/benchimage/cmd/benchimage
img=$("$tmp/benchimage" gen)
echo "image: $img ($(du -h "$img" | cut -f1) on disk)"

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

# Warm the page cache so that both sides read from memory.
"$tmp/benchimage" walk "$img"

base=() check=()
for _ in $(seq "$N"); do # interleaved, so load changes hit both alike
	base+=("$(ms "$tmp/benchimage" walk "$img")")
	check+=("$(ms "$tmp/fclint" package --fail-on never "$img")")
done
base_med=$(printf '%s\n' "${base[@]}" | median)
check_med=$(printf '%s\n' "${check[@]}" | median)
ratio=$(awk -v c="$check_med" -v b="$base_med" 'BEGIN {printf "%.2f", c / b}')

rss=$(/usr/bin/time -f %M "$tmp/fclint" package --fail-on never "$img" 2>&1 >/dev/null | tail -1)

echo "tar member listing:    median ${base_med} ms over $N runs (${base[*]})"
echo "fclint package:        median ${check_med} ms over $N runs (${check[*]})"
echo "ratio:                 ${ratio}x (budget ${MAX_RATIO}x)"
echo "fclint peak RSS:       $((rss / 1024)) MB (budget $((MAX_RSS_KB / 1024)) MB)"

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
