#!/usr/bin/env python3
"""Compile-time overhead of the wasm-memctl pass plugin.

Compiles one large C translation unit (by default the implementations of
Debian's libstb-dev headers in one file, see stb_all.c beside this script)
with plain clang-22 and with clang-22 + the pass plugin (-wmc-rodata=auto),
alternating, N times each, and reports the minimum CPU time (user+sys of the
child) of each, the overhead, and how many constants moved to read-only
memory. Usage:

    compile-time.py PLUGIN.so [SOURCE.c] [--opt=-O2] [--runs N]
"""
import argparse
import os
import re
import resource
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu_time(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"compile failed: {' '.join(cmd)}\n{proc.stderr}")
    return (after.ru_utime - before.ru_utime +
            after.ru_stime - before.ru_stime), proc.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plugin")
    ap.add_argument("source", nargs="?", default=os.path.join(HERE, "stb_all.c"))
    ap.add_argument("--opt", default="-O2")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--clang", default="clang-22")
    a = ap.parse_args()
    base = [a.clang, "--target=wasm32-wasi", "-Wno-deprecated", a.opt, "-c",
            a.source, "-o", os.devnull]
    plug = base + ["-Xclang", "-load", "-Xclang", a.plugin,
                   f"-fpass-plugin={a.plugin}", "-mllvm", "-wmc-rodata=auto"]
    plain_times, plugin_times = [], []
    for _ in range(a.runs):
        plain_times.append(cpu_time(base)[0])
        plugin_times.append(cpu_time(plug)[0])
    _, report = cpu_time(plug + ["-mllvm", "-wmc-rodata-report"])
    summary = [l for l in report.splitlines() if "constant globals moved" in l]
    p, q = min(plain_times), min(plugin_times)
    print(f"source: {a.source} ({a.opt}, {a.runs} runs each, min CPU time)")
    print(f"clang-22:          {p:.3f} s")
    print(f"clang-22 + plugin: {q:.3f} s")
    print(f"overhead:          {100.0 * (q - p) / p:+.2f} %")
    if summary:
        print(re.sub(r"^wmc-rodata: ", "read-only data:    ", summary[-1]))


if __name__ == "__main__":
    main()
