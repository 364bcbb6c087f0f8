#!/usr/bin/env bash
# Builds hello.c with wmc-cc and runs it on every engine that is available.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}
mkdir -p "$WMC_OUT"
"$WMC_BIN/wmc-cc" -O2 "$HERE/hello.c" -o "$WMC_OUT/hello.wasm"
echo "built $WMC_OUT/hello.wasm ($(stat -c %s "$WMC_OUT/hello.wasm") bytes)"
if [[ -x $WMC_BIN/wmc-run ]]; then
  echo "wmc-run: $("$WMC_BIN/wmc-run" "$WMC_OUT/hello.wasm" a b)"
fi
echo "node 26: $("$CACHE/node26/package/bin/node" --no-warnings "$ROOT/runtime/js/runner.mjs" "$WMC_OUT/hello.wasm" a b)"
echo "bun:     $("$CACHE/bun/package/bin/bun" "$ROOT/runtime/js/runner.mjs" "$WMC_OUT/hello.wasm" a b)"
