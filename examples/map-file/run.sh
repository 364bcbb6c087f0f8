#!/usr/bin/env bash
# Generates a big text file (WCMAP_MIB MiB, default 256) and counts it with
# wcmap.wasm twice in wmc-run, mapping it (zero copy) and read()ing it;
# compares both answers with wc and zlib's Adler-32, then repeats the map
# run in node (polyfill: map is a copy there). Peak RSS of wmc-run comes
# from ../discard-arena/rss.py (VmHWM of the process, sampled every 10 ms).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}/node26/package/bin/node
MIB=${WCMAP_MIB:-256}
WMC_BIN=$(cd "$WMC_BIN" && pwd) || exit 1 # absolute: we cd below
mkdir -p "$WMC_OUT" && cd "$WMC_OUT" || exit 1
"$WMC_BIN/wmc-cc" -O2 "$HERE/wcmap.c" -o wcmap.wasm || exit 1
if [[ $(stat -c %s big.txt 2>/dev/null) != $((MIB << 20)) ]]; then
  python3 "$HERE/gen-text.py" "${MIB}M" big.txt || exit 1
fi
read -r l w c < <(LC_ALL=C wc -l -w -c < big.txt)
adler=$(python3 -c 'import sys, zlib; print("%08x" % zlib.adler32(open(sys.argv[1], "rb").read()))' big.txt)
expected="$l lines, $w words, $c bytes, adler32 $adler"
echo "wc + zlib:   $expected"
status=0
for mode in map read; do
  python3 "$ROOT/examples/discard-arena/rss.py" sample "rss.$mode.tsv" -- \
    "$WMC_BIN/wmc-run" --dir .::. wcmap.wasm "$mode" big.txt > "out.$mode" 2> "err.$mode"
  rc=$?
  peak=$(sed -n 's/^# peak_kib //p' "rss.$mode.tsv")
  printf 'wcmap %-4s  %s\n' "$mode" "$(cat "out.$mode")"
  printf '            %s; peak RSS %d MiB\n' "$(cat "err.$mode")" $((peak / 1024))
  [[ $rc == 0 && $(cat "out.$mode") == "$expected" ]] || { echo "(NOT as described: $mode differs from wc/zlib)"; status=1; }
done
if (( MIB >= 64 )); then # below that the 16 MiB unmap steps hide the difference
  ratio=$(python3 "$ROOT/examples/discard-arena/rss.py" ratio rss.read.tsv rss.map.tsv 2) || status=1
  echo "read vs map: $ratio"
fi
"$NODE" --no-warnings "$ROOT/runtime/js/runner.mjs" wcmap.wasm map big.txt > out.node 2> err.node
printf 'node map    %s\n            %s\n' "$(cat out.node)" "$(cat err.node)"
[[ $(cat out.node) == "$expected" ]] || { echo "(NOT as described: node differs)"; status=1; }
echo "\$ wcmap.wasm map missing.txt"
"$WMC_BIN/wmc-run" --dir .::. wcmap.wasm map missing.txt; rc=$?
[[ $rc == 1 ]] || { echo "(NOT as described: exit $rc for a missing file)"; status=1; }
exit $status
