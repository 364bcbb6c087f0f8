#!/usr/bin/env bash
# Builds and runs secrets.c, then shows the compile error for the leak.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$WMC_OUT"
"$WMC_BIN/wmc-cc" -O2 "$HERE/secrets.c" -o "$WMC_OUT/secrets.wasm" || exit 1
"$WMC_BIN/wmc-run" "$WMC_OUT/secrets.wasm" || exit 1
echo "\$ wmc-cc -DLEAK secrets.c   # printf(\"%s\", key) with key in memory 1"
if "$WMC_BIN/wmc-cc" -O2 -DLEAK "$HERE/secrets.c" -o "$WMC_OUT/leak.wasm" 2>&1; then
  echo "(compiled: the leak was NOT caught)"; exit 1
fi
echo "(rejected at compile time, as intended)"
