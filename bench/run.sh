#!/bin/sh
# The wasm-memctl benchmark command (bench/README.md):
#   bench/run.sh [--quick] [--reps N] [--kernels a,b] [--out DIR] ...
# Prints the native / plain clang-22 / wmc-cc / placement table on wmc-run,
# node 26 and bun and writes bench/results/latest.{json,md}; exit 1 if any
# checksum differs from native's. `bench/run.sh --help` lists all options.
exec python3 "$(dirname "$0")/bench.py" "$@"
