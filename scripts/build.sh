#!/usr/bin/env bash
# Configures and builds wasm-memctl (Release, Ninja, -j2) into build/.
# Tools land in build/bin. Assumes scripts/bootstrap.sh has run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${WMC_BUILD_DIR:-$ROOT/build}
if [[ ! -f $BUILD/build.ninja ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j"${WMC_JOBS:-2}"
