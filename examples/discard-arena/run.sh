#!/usr/bin/env bash
# Runs arena.wasm in wmc-run with and without discard while rss.py samples
# the resident set size of the wmc-run process; plots both runs into
# $WMC_OUT/discard-rss.svg (docs/discard-rss.svg is this plot, committed)
# and checks that the answers agree (also on node) and that discard keeps
# the peak RSS at least 4x lower.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}/node26/package/bin/node
ROUNDS=${ARENA_ROUNDS:-300}
WMC_BIN=$(cd "$WMC_BIN" && pwd) || exit 1 # absolute: we cd below
mkdir -p "$WMC_OUT" && cd "$WMC_OUT" || exit 1
"$WMC_BIN/wmc-cc" -O2 "$HERE/arena.c" -o arena.wasm || exit 1
status=0
echo "\$ wmc-run arena.wasm $ROUNDS"
python3 "$HERE/rss.py" sample discard.tsv -- "$WMC_BIN/wmc-run" arena.wasm "$ROUNDS" > discard.out || status=1
cat discard.out
echo "\$ wmc-run arena.wasm --no-discard $ROUNDS"
python3 "$HERE/rss.py" sample nodiscard.tsv -- "$WMC_BIN/wmc-run" arena.wasm --no-discard "$ROUNDS" > nodiscard.out || status=1
cmp -s discard.out nodiscard.out && echo "(same answers)" || { echo "(NOT as described: the answers differ)"; status=1; }
"$NODE" --no-warnings "$ROOT/runtime/js/runner.mjs" arena.wasm "$ROUNDS" > node.out
cmp -s discard.out node.out && echo "(node: same answers)" || { echo "(NOT as described: node differs)"; status=1; }
python3 "$HERE/rss.py" ratio nodiscard.tsv discard.tsv 4 || status=1
python3 "$HERE/rss.py" svg discard-rss.svg \
  "arena.wasm, $ROUNDS requests in wmc-run: resident memory over time" \
  discard.tsv "arenas freed with wasm_memory_discard" \
  nodiscard.tsv "arenas freed with memset 0 (--no-discard)" || status=1
echo "plot: $WMC_OUT/discard-rss.svg"
exit $status
