#!/usr/bin/env bash
# The demo, complete on a fresh machine: bootstrap, build, then compile every
# example in examples/ with the toolchain and run it, saying what happened.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${WMC_BUILD_DIR:-$ROOT/build}
"$ROOT/scripts/bootstrap.sh" || exit 1
"$ROOT/scripts/build.sh" || exit 1
OUT=$BUILD/examples
mkdir -p "$OUT"
status=0
for dir in "$ROOT"/examples/*/; do
  name=$(basename "$dir")
  [[ -f $dir/run.sh ]] || continue
  echo
  echo "=== example: $name ==="
  sed -n '3,/^$/p' "$dir/README.md" 2>/dev/null | head -n 6
  if WMC_BIN="$BUILD/bin" WMC_OUT="$OUT/$name" bash "$dir/run.sh"; then
    echo "--- $name: behaved as described"
  else
    echo "--- $name: FAILED"; status=1
  fi
done
exit $status
