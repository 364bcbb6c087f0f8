#!/usr/bin/env python3
"""Runtime benchmarks: six compute kernels, each built natively (gcc -O2),
for wasm32-wasi (clang-22 -O2) and for wasm32 without WASI (for wabt's
wasm-interp, which has no WASI), then timed on native, wmc-run, node 26, bun
and wasm-interp in the same run. Prints each engine's wall time as a ratio
to native and checks every engine computed the same checksum.

    bench/runtime/bench.py [--wmc-run PATH] [--engines native,wmc-run,...]
                           [--kernels crc32,...] [--repeat N]

Times are the best of --repeat runs (default 3; wasm-interp runs once) and
include process start-up and module compilation."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.expanduser("~/.cache/wasm-memctl")
KERNELS = ["crc32", "sha256", "matmul", "nbody", "sort", "hashmap"]
ENGINES = ["native", "wmc-run", "node", "bun", "wasm-interp"]


def sh(cmd):
    subprocess.run(cmd, check=True)


def build(out, kernel):
    src = os.path.join(HERE, "kernels", kernel + ".c")
    main = os.path.join(HERE, "kernels", "main.c")
    inc = ["-I", os.path.join(HERE, "kernels")]
    native = os.path.join(out, kernel + ".native")
    wasi = os.path.join(out, kernel + ".wasm")
    bare = os.path.join(out, kernel + ".bare.wasm")
    sh(["gcc", "-O2", *inc, src, main, "-o", native, "-lm"])
    sh(["clang-22", "--target=wasm32-wasip1", "-O2", *inc, src, main, "-o", wasi,
        "--sysroot=/usr", "-Wno-deprecated"] if False else
       ["clang-22", "--target=wasm32-wasi", "-Wno-deprecated", "-O2", *inc, src, main, "-o", wasi])
    sh(["clang-22", "--target=wasm32", "-O2", "-nostdlib", *inc, src, "-o", bare,
        "-Wl,--no-entry", "-Wl,--export=bench"])
    return native, wasi, bare


def command(engine, args, native, wasi, bare):
    runner = os.path.join(ROOT, "runtime", "js", "runner.mjs")
    if engine == "native":
        return [native]
    if engine == "wmc-run":
        return [args.wmc_run, wasi]
    if engine == "node":
        return [os.path.join(CACHE, "node26/package/bin/node"), "--no-warnings", runner, wasi]
    if engine == "bun":
        return [os.path.join(CACHE, "bun/package/bin/bun"), runner, wasi]
    if engine == "wasm-interp":
        return ["wasm-interp", bare, "--run-all-exports"]
    raise ValueError(engine)


def checksum(engine, text):
    if engine == "wasm-interp":
        m = re.search(r"bench\(\) => i64:(\d+)", text)
        return int(m.group(1)) if m else None
    try:
        return int(text.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wmc-run", default=os.path.join(ROOT, "build", "bin", "wmc-run"))
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--kernels", default=",".join(KERNELS))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=os.path.join("/tmp", "wmc-bench-runtime"))
    args = ap.parse_args()
    engines = args.engines.split(",")
    os.makedirs(args.out, exist_ok=True)
    rows = []
    failed = False
    for k in args.kernels.split(","):
        native, wasi, bare = build(args.out, k)
        times, sums = {}, {}
        for e in engines:
            cmd = command(e, args, native, wasi, bare)
            if not shutil.which(cmd[0]) and not os.path.exists(cmd[0]):
                continue
            best = None
            for _ in range(1 if e == "wasm-interp" else args.repeat):
                t0 = time.perf_counter()
                p = subprocess.run(cmd, capture_output=True, text=True)
                dt = time.perf_counter() - t0
                if p.returncode != 0:
                    print(f"{k}/{e}: exit {p.returncode}: {p.stderr.strip()[:200]}", file=sys.stderr)
                    failed = True
                    break
                sums[e] = checksum(e, p.stdout)
                best = dt if best is None else min(best, dt)
            if best is not None:
                times[e] = best
        ref = sums.get("native")
        for e, s in sums.items():
            if s != ref:
                print(f"{k}: checksum mismatch: {e} = {s}, native = {ref}", file=sys.stderr)
                failed = True
        rows.append((k, times))
        print(f"{k}: " + ", ".join(f"{e} {t*1000:.0f} ms" for e, t in times.items()),
              file=sys.stderr, flush=True)
    # Table: native time, then each engine's ratio to native.
    print(f"{'kernel':<10}{'native ms':>11}" + "".join(f"{e:>13}" for e in engines[1:]) + f"{'wmc/node':>10}")
    for k, t in rows:
        base = t.get("native")
        line = f"{k:<10}{(base or 0)*1000:>11.1f}"
        for e in engines[1:]:
            line += f"{t[e]/base:>12.2f}x" if e in t and base else f"{'-':>13}"
        if "wmc-run" in t and "node" in t:
            line += f"{t['wmc-run']/t['node']:>9.2f}x"
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
