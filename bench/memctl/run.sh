#!/bin/sh
# Runs the memory-control benchmarks against a wmc-run build:
#   bench/memctl/run.sh BUILD_DIR [FILE_MIB=256] [TOUCH_MIB=512] [ROUNDS=20]
# Prints the raw lines of memctl-bench.c and the read-heavy timings.
set -eu
B=${1:?usage: run.sh BUILD_DIR [FILE_MIB] [TOUCH_MIB] [ROUNDS]}
FILE_MIB=${2:-256}
TOUCH_MIB=${3:-512}
ROUNDS=${4:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
clang-22 --target=wasm32-wasi -Wno-deprecated -O2 -Wl,--max-memory=2147483648 \
  "$HERE/memctl-bench.c" -o "$W/bench.wasm"
head -c "${FILE_MIB}M" /dev/urandom > "$W/data.bin"
cat "$W/data.bin" > /dev/null # page cache warm, as fd_read would find it
"$B/bin/wmc-run" --dir "$W::/w" --dir /proc/self::/self "$W/bench.wasm" \
  /w/data.bin "$FILE_MIB" "$TOUCH_MIB"
# Benchmark 2 again with discard releasing the pages before it returns.
"$B/bin/wmc-run" --discard=sync --dir /proc/self::/self "$W/bench.wasm" \
  --discard-only sync "$TOUCH_MIB"
wat2wasm --enable-multi-memory "$HERE/readheavy.wat" -o "$W/rh.plain.wasm"
python3 "$HERE/../../test/runtime/memctl/Inputs/addsec.py" "$W/rh.plain.wasm" \
  "$W/rh.wasm" wmc.protections 01 01 01 01 00
# Interleaved, 5 runs each, minimum reported (the host is noisy).
best_ro=999999; best_rw=999999
for i in 1 2 3 4 5; do
  for k in sum-ro sum-rw; do
    s=$(date +%s%N)
    "$B/bin/wmc-run" --invoke $k "$W/rh.wasm" "$ROUNDS" > /dev/null
    ms=$(( ($(date +%s%N) - s) / 1000000 ))
    if [ $k = sum-ro ]; then [ $ms -lt $best_ro ] && best_ro=$ms
    else [ $ms -lt $best_rw ] && best_rw=$ms; fi
  done
done
echo "4. read-heavy ($ROUNDS x 16 MiB, min of 5): read-only memory ${best_ro} ms," \
  "plain memory ${best_rw} ms"
