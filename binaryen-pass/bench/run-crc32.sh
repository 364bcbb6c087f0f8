#!/usr/bin/env bash
# Read-only-memory benchmark: the CRC32 kernel of crc32.c with its table in
# memory 0 ("single") vs in the read-only memory ("ro"), and the "ro" build
# lowered back to one memory by wmc-opt --lower-to-single-memory
# ("ro-lowered"). Runs each in node 26, bun and (if found) wmc-run, prints
# the best time per MiB and the ratio to "single" (lower is better), and what
# wmc-opt's read-only passes did (--stats).
# usage: binaryen-pass/bench/run-crc32.sh BUILD_DIR [ROUNDS]
set -euo pipefail
BUILD=${1:?usage: run-crc32.sh BUILD_DIR [ROUNDS]}
ROUNDS=${2:-40}
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$HERE/../../
CACHE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}
NODE=$CACHE/node26/package/bin/node
BUN=$CACHE/bun/package/bin/bun
RUNNER=$SRC/runtime/js/runner.mjs
WMCRUN=${WMC_RUN:-$BUILD/bin/wmc-run}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

cc() { "$BUILD/bin/wmc-cc" -O2 -fwasm-rodata=off "$@"; }
cc "$HERE/crc32.c" -o "$OUT/single.wasm"
cc -DTABLE_IN_RO -save-temps "$HERE/crc32.c" -o "$OUT/ro.wasm"
echo "wmc-opt --finalize -O2 on the ro build:"
"$BUILD/bin/wmc-opt" "$OUT/ro.wasm.pre" --finalize -O2 --stats -o /dev/null
"$BUILD/bin/wmc-opt" "$OUT/ro.wasm" --lower-to-single-memory \
  -o "$OUT/ro-lowered.wasm" 2>/dev/null

time_of() { sed -n 's/.*best \([0-9.]*\) ms\/MiB.*/\1/p'; }
run_engine() {
  local name=$1; shift
  local base=""
  for v in single ro ro-lowered; do
    local t
    t=$("$@" "$OUT/$v.wasm" "$ROUNDS" | time_of)
    [[ -z $base ]] && base=$t
    printf '%-8s %-11s %9s ms/MiB  ratio %s\n' "$name" "$v" "$t" \
      "$(awk -v a="$t" -v b="$base" 'BEGIN { printf "%.3f", a / b }')"
  done
}
run_engine node "$NODE" --no-warnings "$RUNNER"
run_engine bun "$BUN" "$RUNNER"
if [[ -x $WMCRUN ]]; then
  ROUNDS=$(( ROUNDS / 8 > 0 ? ROUNDS / 8 : 1 )) run_engine wmc-run "$WMCRUN"
fi
