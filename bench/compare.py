#!/usr/bin/env python3
"""Spread between runs of bench/run.sh: reads two or more latest.json files
(copies of bench/results/latest.json) and prints, for every engine/variant,
the ratio to native in each run (geometric mean over the kernels both runs
have) and the largest per-kernel difference between the runs, for wall and
CPU time, as a markdown table.

    bench/compare.py run1.json run2.json [...]
"""
import json
import math
import sys


def ratios(run, key, native_key):
    out = {}
    for k, r in run["kernels"].items():
        base = r.get(native_key)
        for cell, t in r.get(key, {}).items():
            if base and t:
                out[(k, cell)] = t / base
    return out


def main(paths):
    if len(paths) < 2:
        sys.stderr.write(__doc__)
        return 2
    runs = [json.load(open(p)) for p in paths]
    cells = [c for c in runs[0]["kernels"][next(iter(runs[0]["kernels"]))]["runs_s"]]
    print("| time | engine / variant | " +
          " | ".join(f"run {i + 1} geomean" for i in range(len(runs))) +
          " | largest per-kernel spread |")
    print("|---|---|" + "---:|" * (len(runs) + 1))
    for key, nkey, label in (("runs_s", "native_s", "wall"),
                             ("cpu_s", "native_cpu_s", "CPU")):
        rs = [ratios(r, key, nkey) for r in runs]
        for cell in cells:
            keys = [k for k in rs[0] if k[1] == cell and all(k in r for r in rs)]
            if not keys:
                continue
            gms = [math.exp(sum(math.log(r[k]) for k in keys) / len(keys)) for r in rs]
            spread = max(max(r[k] for r in rs) / min(r[k] for r in rs) - 1 for k in keys)
            print(f"| {label} | {cell} | " + " | ".join(f"{g:.2f}" for g in gms) +
                  f" | {spread * 100:.0f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
