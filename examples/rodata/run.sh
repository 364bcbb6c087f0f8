#!/usr/bin/env bash
# Builds charstats.c three ways and feeds each the same UTF-8 text (menu.txt),
# whose non-ASCII bytes trigger the signed-char indexing bug.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}/node26/package/bin/node
WMC_BIN=$(cd "$WMC_BIN" && pwd) || exit 1 # absolute: we cd below
mkdir -p "$WMC_OUT" && cd "$WMC_OUT" || exit 1
status=0
check() { # check FILE PATTERN WHAT
  if grep -q -- "$2" "$1"; then echo "($3)"; else echo "(NOT as described: $3)"; status=1; fi
}
build() { "$WMC_BIN/wmc-cc" -O2 "$HERE/charstats.c" "$@" || exit 1; }

echo "\$ wmc-cc -O2 -fwasm-rodata=off charstats.c -o off.wasm"
build -fwasm-rodata=off -o off.wasm
echo "\$ wmc-cc -O2 -fwasm-rodata-report charstats.c -o auto.wasm"
build -fwasm-rodata-report -o auto.wasm 2> report.txt
grep "'table'" report.txt
check report.txt "moved 'table' (16384 bytes" "the table moved to the read-only memory"
echo "\$ wmc-run --describe auto.wasm    # where the table lives now"
"$WMC_BIN/wmc-run" --describe auto.wasm | grep -A1 readonly
echo "\$ wmc-cc -O2 -fwasm-guard-vacated charstats.c -o guard.wasm"
build -fwasm-guard-vacated -o guard.wasm

echo; echo "\$ wmc-run off.wasm < menu.txt"
"$WMC_BIN/wmc-run" off.wasm < "$HERE/menu.txt" | tee off.out
check off.out "entries CORRUPTED" "stray writes silently changed the constant table"

echo; echo "\$ wmc-run auto.wasm < menu.txt"
"$WMC_BIN/wmc-run" auto.wasm < "$HERE/menu.txt" | tee auto.out
check auto.out "all 2048 entries intact" "table safe in read-only memory; the bug went unnoticed"

for engine in wmc-run "node --strict (polyfill)"; do
  echo; echo "\$ guard.wasm < menu.txt    # on $engine"
  if [[ $engine == wmc-run ]]; then
    "$WMC_BIN/wmc-run" guard.wasm < "$HERE/menu.txt" > guard.out 2>&1
  else
    "$NODE" --no-warnings "$ROOT/runtime/js/runner.mjs" --strict guard.wasm \
      < "$HERE/menu.txt" > guard.out 2>&1
  fi
  rc=$?
  head -n 3 guard.out
  [[ $rc == 134 ]] || { echo "(NOT as described: exit $rc, expected a trap)"; status=1; }
  check guard.out "wasm trap: access to no-access memory (memory 0" "the first stray access traps"
done

echo; echo "\$ wmc-cc -O2 -DEXPLICIT_RO -DPATCH_TABLE -c charstats.c   # patch a __wasm_ro table"
if "$WMC_BIN/wmc-cc" -O2 -DEXPLICIT_RO -DPATCH_TABLE -c "$HERE/charstats.c" \
     -o patch.o > patch.err 2>&1; then
  echo "(NOT as described: it compiled)"; status=1
else
  grep "error:" patch.err
  check patch.err "write to an object in the read-only memory" "a compile error"
fi
exit $status
