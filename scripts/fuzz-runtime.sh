#!/usr/bin/env bash
# Builds the runtime's libFuzzer target (runtime/fuzz/FuzzModule.cpp: decode +
# validate + instantiate + run exports under a fuel limit) with clang-22
# -fsanitize=fuzzer,address,undefined and runs it.
#   scripts/fuzz-runtime.sh [SECONDS] [extra libFuzzer args...]
# SECONDS defaults to 600. The corpus lives in $WMC_FUZZ_DIR (default
# /tmp/wmc-fuzz-runtime), seeded with the spec test modules when available;
# nothing is kept in the repository. Exits non-zero on any crash, leak or
# timeout (the reproducer is left in $WMC_FUZZ_DIR).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECS=${1:-600}
shift || true
OUT=${WMC_FUZZ_DIR:-/tmp/wmc-fuzz-runtime}
SPEC=${WMC_SPEC_TESTS:-/work/shared/spec-tests}
mkdir -p "$OUT/corpus" "$OUT/artifacts"
SRC=$ROOT/runtime/src
clang++-22 -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -DWMC_FUZZ_FUEL \
  -fno-sanitize-recover=undefined -I"$SRC" -I"$ROOT/abi" \
  "$SRC"/*.cpp "$ROOT"/runtime/fuzz/FuzzModule.cpp \
  -o "$OUT/fuzz-module"
# Seed with a few hundred spec modules (valid and invalid) if present.
if [[ -d $SPEC/core && -z $(ls -A "$OUT/corpus") ]]; then
  TMP=$(mktemp -d)
  for W in "$SPEC"/core/{binary,br_table,call_indirect,elem,data,memory,table,select,if,loop}.wast \
           "$SPEC"/multi-memory/{memory-multi,load,store}.wast; do
    [[ -f $W ]] && wast2json --enable-multi-memory "$W" -o "$TMP/$(basename "$W" .wast).json" >/dev/null 2>&1 || true
  done
  cp "$TMP"/*.wasm "$OUT/corpus/" 2>/dev/null || true
  rm -rf "$TMP"
fi
# ASan: the engine reserves 8 GiB of address space per memory.
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=1:handle_segv=0}
exec "$OUT/fuzz-module" "$OUT/corpus" -artifact_prefix="$OUT/artifacts/" \
  -max_total_time="$SECS" -timeout=10 -rss_limit_mb=4096 -max_len=65536 "$@"
