#!/usr/bin/env bash
# Builds Binaryen 132 from the source shipped in the npm package
# @grain/libbinaryen@132.0.0 as one static library (libbinaryen.a) and
# installs its headers next to it. The result is cached outside the checkout,
# keyed by version, so a warm run returns at once:
#   $WMC_CACHE/binaryen-132/{include,lib/libbinaryen.a,src}
# Usage: scripts/build-binaryen.sh   (WMC_CACHE defaults to ~/.cache/wasm-memctl)
set -euo pipefail
BINARYEN_VERSION=132
CACHE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}
PREFIX=$CACHE/binaryen-$BINARYEN_VERSION
STAMP=$PREFIX/.complete

die() { echo "build-binaryen: $*" >&2; exit 1; }

if [[ -f $STAMP ]]; then
  echo "build-binaryen: Binaryen $BINARYEN_VERSION already built in $PREFIX"
  exit 0
fi

TGZ=$CACHE/npm/grain-libbinaryen-$BINARYEN_VERSION.0.0.tgz
if [[ ! -f $TGZ ]]; then
  mkdir -p "$CACHE/npm"
  (cd "$CACHE/npm" && npm pack --silent "@grain/libbinaryen@$BINARYEN_VERSION.0.0" >/dev/null) ||
    die "step 'npm pack @grain/libbinaryen@$BINARYEN_VERSION.0.0' failed"
fi

SRC=$PREFIX/src
if [[ ! -f $SRC/CMakeLists.txt ]]; then
  rm -rf "$PREFIX/unpack" && mkdir -p "$PREFIX/unpack"
  tar xzf "$TGZ" -C "$PREFIX/unpack" || die "step 'unpack $TGZ' failed"
  rm -rf "$SRC" && mv "$PREFIX/unpack/libbinaryen/binaryen" "$SRC" && rm -rf "$PREFIX/unpack"
fi

BUILD=$PREFIX/build
echo "build-binaryen: building Binaryen $BINARYEN_VERSION (cold build: ~20-30 min on 2 cores)"
cmake -S "$SRC" -B "$BUILD" -G Ninja \
  -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_SHARED_LIBS=OFF -DBUILD_STATIC_LIB=ON \
  -DBUILD_TESTS=OFF -DBUILD_TOOLS=OFF -DBUILD_LLVM_DWARF=ON \
  -DENABLE_WERROR=OFF -DBYN_ENABLE_LTO=OFF -DBYN_ENABLE_ASSERTIONS=ON \
  >"$PREFIX/configure.log" 2>&1 || die "step 'cmake configure' failed, see $PREFIX/configure.log"
cmake --build "$BUILD" --target binaryen -j"${WMC_JOBS:-2}" >"$PREFIX/build.log" 2>&1 ||
  die "step 'build libbinaryen.a' failed, see $PREFIX/build.log"

mkdir -p "$PREFIX/lib"
LIB=$(find "$BUILD" -name 'libbinaryen.a' | head -n1)
[[ -n $LIB ]] || die "libbinaryen.a not found after build"
cp "$LIB" "$PREFIX/lib/libbinaryen.a"
# Binaryen's API headers live in src/ (plus the generated config.h in the build dir).
cp "$BUILD/config.h" "$PREFIX/lib/config.h" 2>/dev/null || true
touch "$STAMP"
echo "build-binaryen: done: $PREFIX/lib/libbinaryen.a"
