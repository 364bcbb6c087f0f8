#!/bin/sh
# Builds alloc_bench.c with the drivers of a build dir and runs it on
# wmc-run and node 26. Usage: bench/libcxx-addr/run.sh [build-dir]
set -e
B=${1:-/work/main/build}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${TMPDIR:-/tmp}/wmc-libaddr-bench
mkdir -p "$OUT"
# -mno-simd128: wmc-run rejects SIMD.
"$B/bin/wmc-cc" -std=gnu17 -O2 -mno-simd128 "$HERE/alloc_bench.c" -o "$OUT/alloc_bench.wasm"
echo "== wmc-run"; "$B/bin/wmc-run" "$OUT/alloc_bench.wasm"
NODE=${NODE:-$HOME/.cache/wasm-memctl/node26/package/bin/node}
echo "== node 26"; "$NODE" --no-warnings "$HERE/../../runtime/js/runner.mjs" "$OUT/alloc_bench.wasm"
