#!/usr/bin/env bash
# csmith-diff.sh -- differential testing of wasm-memctl with csmith.
#
# For each seed: csmith generates a random, UB-free C program that prints a
# checksum of its globals. It is compiled
#   native  gcc -O1                                      (the reference)
#   auto    wmc-cc -O2 (automatic read-only data, -fwasm-rodata=auto)
#   force   wmc-cc -O2 -mllvm -wmc-force-memory=1 (test flag: every
#           non-escaping internal global lives in memory 1)
# and the two modules run on wmc-run and on node 26 (runtime/js/runner.mjs).
# The five outputs (stdout + exit code) must be identical. csmith assumes an
# LP64 host for the type of `L`/`UL` literals, so they are widened to
# `LL`/`ULL` first (the same program on LP64, the LP64 meaning on wasm32).
#
#   scripts/csmith-diff.sh [-n COUNT] [-s FIRST_SEED] [-j JOBS] [--keep DIR]
#                          [--bin DIR] [--node PATH] [--timeout SECONDS]
#                          [--max-time SECONDS] [-O LEVEL]
#
# -O sets wmc-cc's optimization level for both modes (default 2: -O2; 0, 1,
# 2, 3, s, z); at -O0 automatic read-only data is off, so "auto" is the
# plain build.
# --timeout is the native run's limit (default 10 s; wasm runs get 6x);
# --max-time stops starting new seeds after that many seconds (the rest are
# reported as not run). Tools: --bin (default build/bin, or $WMC_BIN), --node
# (default the node 26 of scripts/bootstrap.sh, or $WMC_NODE).
#
# A seed whose native program does not finish within the timeout is skipped
# (counted as a timeout); a wasm run that hangs while the native one finished
# is counted as a timeout too, and its program is kept for inspection. On a
# mismatch (or a wmc-cc failure) the program, the modules, every output and
# a plain build (-fwasm-rodata=off, for triage) are kept in the keep dir
# (default: a fresh directory under /tmp) and the seed is printed. The last
# line is a summary; the exit status is 1 if any seed mismatched, 2 on a
# usage error. scripts/csmith-reduce.sh turns a kept mismatch into a creduce
# run.
set -u

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
# The checkout (for runtime/js/runner.mjs and build/bin); $WMC_SRC_ROOT lets
# a copy of this script outside the checkout run a long batch while the
# checkout changes.
ROOT="${WMC_SRC_ROOT:-$(cd "$(dirname "$SELF")/.." && pwd)}"

# Options that keep the programs small and quick (few functions, shallow
# blocks) while still exercising structs, unions, bit fields, packed
# structs, arrays, pointers and volatiles. Exported so that
# csmith-reduce.sh regenerates the same program.
: "${CSMITH_OPTS:=--max-funcs 6 --max-block-depth 4 --max-array-dim 2 --max-array-len-per-dim 6 --max-expr-complexity 8}"
: "${CSMITH_INCLUDE:=/usr/include/csmith}"
export CSMITH_OPTS CSMITH_INCLUDE

usage() {
  sed -n '2,/^set -u/p' "$SELF" | sed '$d; s/^# \{0,1\}//'
}

die_usage() {
  echo "csmith-diff: $*" >&2
  echo "usage: scripts/csmith-diff.sh [-n COUNT] [-s FIRST_SEED] [-j JOBS] [--keep DIR] [--bin DIR] [--node PATH] [--timeout SECONDS] [--max-time SECONDS] [-O LEVEL]" >&2
  exit 2
}

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

# ---------------------------------------------------------------------------
# Worker: one seed. Prints one result line:
#   <seed> <status> <moved> <considered> <bytes> <rodata> <detail>
# status: ok | mismatch | timeout | skip | notrun
# ---------------------------------------------------------------------------
one_seed() {
  local seed=$1
  if [ "$DEADLINE" -gt 0 ] && [ "$(date +%s)" -ge "$DEADLINE" ]; then
    echo "$seed notrun 0 0 0 0 time-limit"
    return
  fi
  local dir="$WORK/seed-$seed"
  mkdir -p "$dir"
  cd "$dir" || return 1
  local inc=(-I"$CSMITH_INCLUDE")
  # shellcheck disable=SC2086
  if ! csmith $CSMITH_OPTS --seed "$seed" -o prog.c >csmith.log 2>&1; then
    echo "$seed skip 0 0 0 0 csmith-failed"
    return
  fi
  # csmith writes integer literals for an LP64 host: 0xD3C8015BL is a signed
  # 64-bit long there but an unsigned 32-bit long on wasm32, which changes
  # usual arithmetic conversions (seed 1306: `x > 1UL` with int64_t x = -1).
  # Widening every L/UL suffix to LL/ULL is a no-op on the LP64 reference
  # and gives wasm32 the same semantics.
  sed -i -E 's/\b(0x[0-9A-Fa-f]+|[0-9]+)UL\b/\1ULL/g; s/\b(0x[0-9A-Fa-f]+|[0-9]+)L\b/\1LL/g' prog.c
  if ! gcc -O1 -w "${inc[@]}" prog.c -o native >native.cc.log 2>&1; then
    echo "$seed skip 0 0 0 0 gcc-failed"
    return
  fi
  timeout "$TIMEOUT" ./native >native.out 2>native.err
  local rc=$?
  if [ $rc -eq 124 ]; then
    echo "$seed timeout 0 0 0 0 native-hangs"
    rm -rf "$dir"
    return
  fi
  echo "exit=$rc" >>native.out

  local failed=() mode
  for mode in auto force; do
    local extra=(-fwasm-rodata-report)
    [ $mode = force ] && extra=(-mllvm -wmc-force-memory=1 -mllvm -wmc-force-memory-report)
    if ! timeout 300 "$BIN/wmc-cc" "$OLEVEL" -w "${inc[@]}" "${extra[@]}" prog.c \
        -o $mode.wasm >$mode.cc.log 2>&1; then
      # Once more after a pause: the shared build tree may be relinking a
      # plugin right now ("file too short").
      sleep 20
      timeout 300 "$BIN/wmc-cc" "$OLEVEL" -w "${inc[@]}" "${extra[@]}" prog.c \
        -o $mode.wasm >$mode.cc.log 2>&1 || { rm -f $mode.wasm; failed+=("$mode:wmc-cc-failed"); }
    fi
  done

  # The wasm runs get a longer budget: interpreters and JIT warm-up.
  local wt=$((TIMEOUT * 6)) hung=() engine
  for mode in auto force; do
    [ -f $mode.wasm ] || continue
    for engine in wmc-run node; do
      local out=$mode.$engine.out
      if [ $engine = wmc-run ]; then
        timeout "$wt" "$BIN/wmc-run" $mode.wasm >"$out" 2>$mode.$engine.err
      else
        timeout "$wt" "$NODE" --no-warnings "$ROOT/runtime/js/runner.mjs" \
          $mode.wasm >"$out" 2>$mode.$engine.err
      fi
      rc=$?
      if [ $rc -eq 124 ]; then
        hung+=("$mode/$engine")
      fi
      echo "exit=$rc" >>"$out"
      cmp -s native.out "$out" || failed+=("$mode/$engine")
    done
  done

  # Statistics of the test flag and of automatic read-only data.
  local moved=0 considered=0 bytes=0 ro=0 line
  line=$(grep -m1 '^wmc-force-memory: [0-9]* of [0-9]* globals' force.cc.log 2>/dev/null)
  if [ -n "$line" ]; then
    read -r moved considered bytes < <(echo "$line" |
      sed -E 's/^wmc-force-memory: ([0-9]+) of ([0-9]+) globals.*\(([0-9]+) bytes\).*/\1 \2 \3/')
  fi
  line=$(grep -m1 '^wmc-rodata: [0-9]* of [0-9]* constant globals' auto.cc.log 2>/dev/null)
  [ -n "$line" ] && ro=$(echo "$line" | sed -E 's/^wmc-rodata: ([0-9]+) of.*/\1/')

  local status=ok detail=-
  if [ ${#hung[@]} -gt 0 ] && [ ${#failed[@]} -eq ${#hung[@]} ]; then
    status=timeout
    detail="wasm-hangs:$(IFS=,; echo "${hung[*]}")"
  elif [ ${#failed[@]} -gt 0 ]; then
    status=mismatch
    detail=$(IFS=,; echo "${failed[*]}")
  fi
  if [ $status != ok ]; then
    # Triage aid: the same program without any placement.
    timeout 300 "$BIN/wmc-cc" "$OLEVEL" -w "${inc[@]}" -fwasm-rodata=off prog.c \
      -o plain.wasm >plain.cc.log 2>&1 &&
      { timeout "$wt" "$BIN/wmc-run" plain.wasm >plain.wmc-run.out 2>&1
        echo "exit=$?" >>plain.wmc-run.out; }
    printf 'seed %s\ncsmith %s %s\nwmc-cc %s\nstatus %s %s\n' "$seed" \
      "$(csmith --version | head -1)" "$CSMITH_OPTS" "$OLEVEL" "$status" "$detail" >README.txt
    mkdir -p "$KEEP"
    rm -rf "$KEEP/seed-$seed"
    mv "$dir" "$KEEP/seed-$seed"
  else
    rm -rf "$dir"
  fi
  echo "$seed $status $moved $considered $bytes $ro $detail"
}

if [ "${1:-}" = "--worker" ]; then
  one_seed "$2"
  exit 0
fi

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
COUNT=20 FIRST=1 JOBS=1 KEEP="" TIMEOUT=10 MAXTIME=0 OLEVEL=-O2
BIN="${WMC_BIN:-$ROOT/build/bin}"
NODE="${WMC_NODE:-$HOME/.cache/wasm-memctl/node26/package/bin/node}"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) [ $# -ge 2 ] && is_uint "$2" && [ "$2" -gt 0 ] || die_usage "-n needs a positive count"; COUNT=$2; shift ;;
    -s) [ $# -ge 2 ] && is_uint "$2" || die_usage "-s needs a seed (a non-negative integer)"; FIRST=$2; shift ;;
    -j) [ $# -ge 2 ] && is_uint "$2" && [ "$2" -gt 0 ] || die_usage "-j needs a positive job count"; JOBS=$2; shift ;;
    --keep) [ $# -ge 2 ] || die_usage "--keep needs a directory"; KEEP=$2; shift ;;
    --bin) [ $# -ge 2 ] || die_usage "--bin needs a directory"; BIN=$2; shift ;;
    --node) [ $# -ge 2 ] || die_usage "--node needs a path"; NODE=$2; shift ;;
    --timeout) [ $# -ge 2 ] && is_uint "$2" && [ "$2" -gt 0 ] || die_usage "--timeout needs a positive number of seconds"; TIMEOUT=$2; shift ;;
    --max-time) [ $# -ge 2 ] && is_uint "$2" || die_usage "--max-time needs a number of seconds"; MAXTIME=$2; shift ;;
    -O) [ $# -ge 2 ] && [[ "$2" =~ ^[0123sz]$ ]] || die_usage "-O needs 0, 1, 2, 3, s or z"; OLEVEL=-O$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown argument '$1'" ;;
  esac
  shift
done

for tool in csmith gcc timeout; do
  command -v $tool >/dev/null || { echo "csmith-diff: '$tool' not found" >&2; exit 2; }
done
for f in "$BIN/wmc-cc" "$BIN/wmc-run" "$NODE"; do
  [ -x "$f" ] || { echo "csmith-diff: '$f' not found (use --bin / --node)" >&2; exit 2; }
done
[ -f "$CSMITH_INCLUDE/csmith.h" ] ||
  { echo "csmith-diff: $CSMITH_INCLUDE/csmith.h not found (Debian package libcsmith-dev)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/csmith-diff.XXXXXX)
[ -n "$KEEP" ] || KEEP="$WORK/keep"
KEEP=$(mkdir -p "$KEEP" && cd "$KEEP" && pwd)
START=$(date +%s)
DEADLINE=0
[ "$MAXTIME" -gt 0 ] && DEADLINE=$((START + MAXTIME))
export WORK KEEP BIN NODE TIMEOUT ROOT DEADLINE OLEVEL
RESULTS="$WORK/results.txt"

LAST=$((FIRST + COUNT - 1))
seq "$FIRST" "$LAST" | xargs -P "$JOBS" -n 1 "$SELF" --worker | tee "$RESULTS" |
  while read -r seed status _ _ _ _ detail; do
    case $status in
      mismatch) echo "csmith-diff: seed $seed: MISMATCH ($detail), kept in $KEEP/seed-$seed" ;;
      timeout) echo "csmith-diff: seed $seed: timeout ($detail)" ;;
      skip) echo "csmith-diff: seed $seed: skipped ($detail)" ;;
    esac
  done

ELAPSED=$(( $(date +%s) - START ))
read -r N OK MIS TO SKIP MOVED CONS BYTES RO WITH NOTRUN < <(awk '
  $2 == "notrun" { notrun++; next }
  { n++; s[$2]++; moved += $3; cons += $4; bytes += $5; ro += $6; if ($3 > 0) with++ }
  END { printf "%d %d %d %d %d %d %d %d %d %d %d\n", n, s["ok"], s["mismatch"], s["timeout"],
        s["skip"], moved, cons, bytes, ro, with, notrun }' "$RESULTS")
COMPILED=$((N - TO - SKIP))
AVG=$(awk -v m="$MOVED" -v c="$COMPILED" 'BEGIN { printf "%.1f", c ? m / c : 0 }')
echo "csmith-diff: force-memory moved $MOVED of $CONS candidate globals to memory 1 ($BYTES bytes; $AVG per program, $WITH of $COMPILED programs with at least one); rodata moved $RO constants"
NOTE=""
[ "$NOTRUN" -gt 0 ] && NOTE=", $NOTRUN not run (--max-time $MAXTIME)"
echo "csmith-diff: seeds $FIRST..$LAST: $N run, $OK agree, $MIS mismatches, $TO timeouts, $SKIP skipped$NOTE ($ELAPSED s, -j $JOBS, wmc-cc $OLEVEL)"
if [ $((N + NOTRUN)) -ne "$COUNT" ]; then
  echo "csmith-diff: error: only $((N + NOTRUN)) of $COUNT seeds reported a result" >&2
  exit 1
fi
[ -z "$(ls -A "$KEEP" 2>/dev/null)" ] && [ "$KEEP" = "$WORK/keep" ] && rm -rf "$KEEP"
rm -rf "$WORK"/seed-* "$RESULTS"
rmdir "$WORK" 2>/dev/null
[ "$MIS" -eq 0 ]
