#!/usr/bin/env bash
# The whole test suite, complete on a fresh machine: bootstrap, build, then
# every lit test in test/. Prints a final line "N passed, N failed" and exits
# non-zero on any failure. Extra arguments go to lit (e.g. a test path).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${WMC_BUILD_DIR:-$ROOT/build}

"$ROOT/scripts/bootstrap.sh" || { echo "0 passed, 1 failed"; exit 1; }
"$ROOT/scripts/build.sh" || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

RESULTS=$BUILD/lit-results.json
rm -f "$RESULTS"
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=("$BUILD/test")
lit-22 -sv --time-tests -o "$RESULTS" "${TARGETS[@]}"
LIT_RC=$?
python3 "$ROOT/scripts/lit-summary.py" "$RESULTS" || exit 1
exit $LIT_RC
