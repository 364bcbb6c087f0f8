#!/usr/bin/env bash
# Builds null.c and runs it with a name that exists and with one that does not.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}/node26/package/bin/node
mkdir -p "$WMC_OUT"
"$WMC_BIN/wmc-cc" -O2 "$HERE/null.c" -o "$WMC_OUT/null.wasm" || exit 1
echo "\$ null.wasm alice"
"$WMC_BIN/wmc-run" "$WMC_OUT/null.wasm" alice || exit 1
for engine in "wmc-run" "node --strict (polyfill)"; do
  echo "\$ null.wasm bob    # on $engine: the missing NULL check must trap"
  if [[ $engine == wmc-run ]]; then
    "$WMC_BIN/wmc-run" "$WMC_OUT/null.wasm" bob
  else
    "$NODE" --no-warnings "$ROOT/runtime/js/runner.mjs" --strict "$WMC_OUT/null.wasm" bob
  fi
  rc=$?
  if [[ $rc == 134 ]]; then echo "(trapped, exit $rc)"; else echo "(did NOT trap, exit $rc)"; fi
done
