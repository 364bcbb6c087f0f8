#!/usr/bin/env python3
"""Unified wasm-memctl benchmark: native vs plain clang-22 vs wasm-memctl.

For each kernel of bench/runtime/kernels/ it builds

  native  clang-22 -O2 for x86-64 (or --native-cc gcc): the same compiler
          and optimizer as the wasm builds
  plain   stock clang-22 --target=wasm32-wasip1 -O2 over the wasm-memctl
          sysroot, linked by the wasm-ld-22 clang runs; no plugins, no
          wmc-opt, no wasm-opt: everything in memory 0
  wmc     wmc-cc -O2 on the same (memory-0) sources: plugins, automatic
          read-only data (-fwasm-rodata=auto), wmc-opt --finalize -O2
  placed  wmc-cc -O2 -DBENCH_PLACE: the kernel's tables/arrays placed with
          __wasm_mem(k) / __wasm_ro (see kernels/kernel.h and each kernel's
          header comment), plus automatic read-only data

runs native once per repetition and every wasm build on wmc-run, node 26 and
bun, and reports the minimum wall time of --reps runs as a ratio to native
measured in the same run (process start-up and module compilation
included). Every run's checksum (the last stdout line) must equal native's;
a mismatch or a failed run makes the command exit 1 after printing the table.

It also reports compile times (min of --reps builds) of plain clang-22 +
wasm-ld vs wmc-cc for the same sources (the kernels, and stb_image.h from
libstb-dev when installed, unless --quick), and the start-up time of each
engine on an empty program.

Results: the table on stdout, and OUT/latest.json + OUT/latest.md (OUT is
bench/results by default).
"""
import argparse
import datetime
import json
import math
import os
import platform
import resource
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KDIR = os.path.join(HERE, "runtime", "kernels")
CDIR = os.path.join(HERE, "compile")
CACHE = os.path.expanduser("~/.cache/wasm-memctl")
KERNELS = ["crc32", "sha256", "matmul", "nbody", "sort", "hashmap"]
ENGINES = ["wmc-run", "node", "bun"]
VARIANTS = ["plain", "wmc", "placed"]
STB_HEADER = "/usr/include/stb/stb_image.h"


def die(msg):
    sys.stderr.write(f"bench: error: {msg}\n")
    sys.exit(2)


class LoadSampler(threading.Thread):
    """Samples the 1-minute load average every `period` seconds."""

    def __init__(self, period=2.0):
        super().__init__(daemon=True)
        self.period = period
        self.samples = []
        self.stop = threading.Event()

    def sample(self):
        with open("/proc/loadavg") as f:
            self.samples.append(float(f.read().split()[0]))

    def run(self):
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.period)

    def summary(self):
        s = self.samples or [float("nan")]
        return {"min": min(s), "mean": sum(s) / len(s), "max": max(s),
                "samples": len(self.samples)}


def plain_env():
    """clang's wasm driver runs any wasm-opt on PATH after linking; the plain
    build must be stock clang + wasm-ld only, so hide it (wmc-cc does too)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join(
        d for d in env.get("PATH", "").split(os.pathsep)
        if d and not os.path.exists(os.path.join(d, "wasm-opt")))
    return env


def timed(cmd, env=None, cwd=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    return time.perf_counter() - t0, p


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def leb(data, i):
    """Decodes the unsigned LEB128 at data[i]; returns (value, next index)."""
    r = s = 0
    while True:
        b = data[i]
        i += 1
        r |= (b & 0x7F) << s
        s += 7
        if b < 0x80:
            return r, i


def sections(data):
    """Yields (id, payload start, payload end) for each section of a module."""
    i = 8
    while i < len(data):
        size, j = leb(data, i + 1)
        yield data[i], j, j + size
        i = j + size


def memories(path):
    """Number of memories a wasm module defines or imports (sections 2, 5)."""
    data = open(path, "rb").read()

    def name(i):
        n, i = leb(data, i)
        return i + n

    count = 0
    for sid, j, _ in sections(data):
        if sid == 5:
            count += leb(data, j)[0]
        elif sid == 2:
            n, j = leb(data, j)
            for _ in range(n):
                j = name(name(j))
                kind = data[j]
                j += 1
                if kind == 0:          # func: type index
                    j = leb(data, j)[1]
                elif kind in (1, 2):   # table: reftype + limits; memory: limits
                    if kind == 1:
                        j += 1
                    else:
                        count += 1
                    flags, j = leb(data, j)
                    j = leb(data, j)[1]
                    if flags & 1:
                        j = leb(data, j)[1]
                elif kind == 3:        # global: valtype + mut
                    j += 2
                else:
                    raise ValueError(f"{path}: import kind {kind}")
    return count


def code_bytes(path):
    """Size of a wasm module's code section (id 10), in bytes."""
    data = open(path, "rb").read()
    return next((end - start for sid, start, end in sections(data) if sid == 10), 0)


class Bench:
    def __init__(self, args):
        self.a = args
        b = args.build
        self.wmc_cc = os.path.join(b, "bin", "wmc-cc")
        self.wmc_opt = os.path.join(b, "bin", "wmc-opt")
        self.wmc_run = args.wmc_run or os.path.join(b, "bin", "wmc-run")
        self.sysroot = os.path.join(b, "share", "wasm-memctl", "sysroot")
        self.runner = os.path.join(ROOT, "runtime", "js", "runner.mjs")
        for tool in (self.wmc_cc, self.wmc_opt, self.wmc_run, args.node,
                     args.bun, self.runner):
            if not os.path.exists(tool):
                die(f"{tool} not found (build wasm-memctl first, or pass "
                    "--build/--node/--bun)")
        if not os.path.isdir(self.sysroot):
            die(f"sysroot {self.sysroot} not found")
        for tool in (args.clang, args.native_cc):
            if not shutil.which(tool):
                die(f"{tool} not found")
        self.env = plain_env()
        self.errors = []
        self.quick = ["-DBENCH_QUICK"] if args.quick else []

    # ---- builds ----------------------------------------------------------
    def build_cmd(self, variant, srcs, out, extra=()):
        inc = ["-I", KDIR, *extra, *self.quick]
        if variant == self.a.corrupt:
            inc.append("-DBENCH_CORRUPT")
        if variant == "native":
            return [self.a.native_cc, "-O2", *inc, *srcs, "-o", out, "-lm"]
        if variant == "plain":
            return [self.a.clang, "--target=wasm32-wasip1",
                    f"--sysroot={self.sysroot}",
                    "-O2", *inc, *srcs, "-o", out]
        if variant == "wmc":  # -save-temps keeps out.pre for wmc_opt_time
            return [self.wmc_cc, "-O2", "-save-temps", *inc, *srcs, "-o", out]
        if variant == "placed":
            return [self.wmc_cc, "-O2", "-DBENCH_PLACE", *inc, *srcs, "-o", out]
        raise ValueError(variant)

    def build(self, variant, srcs, out, extra=(), reps=1):
        """Builds `out`; returns the min wall time of `reps` builds."""
        cmd = self.build_cmd(variant, srcs, out, extra)
        best = None
        for _ in range(reps):
            dt, p = timed(cmd, env=self.env)
            if p.returncode != 0:
                die(f"build failed ({variant}): {shlex.join(cmd)}\n"
                    + p.stdout + p.stderr)
            best = dt if best is None else min(best, dt)
        return best

    def wmc_opt_time(self, out, reps=1):
        """Time of wmc-cc's last step alone: wmc-opt --finalize -O2 on the
        pre-finalize module that the "wmc" build kept (-save-temps)."""
        pre = out + ".pre"
        best = None
        for _ in range(reps):
            dt, p = timed([self.wmc_opt, pre, "--finalize", "-O2", "-o",
                           out + ".opt"])
            if p.returncode != 0:
                die(f"wmc-opt failed on {pre}:\n{p.stderr}")
            best = dt if best is None else min(best, dt)
        return best

    # ---- runs ------------------------------------------------------------
    def command(self, engine, module):
        if engine == "native":
            return [module]
        if engine == "wmc-run":
            return [self.wmc_run, module]
        if engine == "node":
            return [self.a.node, "--no-warnings", self.runner, module]
        if engine == "bun":
            return [self.a.bun, self.runner, module]
        raise ValueError(engine)

    def run_once(self, label, cmd):
        """Runs cmd; returns (wall s, user+sys CPU s, checksum) or Nones."""
        c0 = children_cpu()
        dt, p = timed(cmd)
        cpu = children_cpu() - c0
        try:
            value = int(p.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            value = None
        if p.returncode != 0 or value is None:
            self.errors.append(f"{label}: exit {p.returncode}, stdout "
                               f"{p.stdout.strip()[-80:]!r}, stderr "
                               f"{p.stderr.strip()[-300:]!r}")
            return None, None, None
        return dt, cpu, value


def tool_stamp(paths):
    """mtime and size of each tool, to notice a rebuild during the run."""
    out = {}
    for p in paths:
        try:
            st = os.stat(p)
            out[p] = f"{datetime.datetime.fromtimestamp(st.st_mtime, datetime.timezone.utc):%Y-%m-%d %H:%M:%S} UTC, {st.st_size} bytes"
        except OSError:
            out[p] = "missing"
    return out


def git_head():
    p = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                       capture_output=True, text=True)
    return p.stdout.strip() or "?"


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def fmt_ratio(x):
    return "-" if x is None else (f"{x:.2f}" if x < 10 else f"{x:.1f}")


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="tiny problem sizes (-DBENCH_QUICK), no stb_image")
    ap.add_argument("--reps", type=int, default=3,
                    help="repetitions per cell, minimum reported (default 3)")
    ap.add_argument("--compile-reps", type=int, default=None,
                    help="builds per compile-time cell, minimum reported "
                         "(default 3, 1 with --quick)")
    ap.add_argument("--kernels", default=",".join(KERNELS))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"),
                    help="wasm-memctl build or install prefix (bin/, share/)")
    ap.add_argument("--wmc-cc", default=None,
                    help="wmc-cc to use; its prefix replaces --build")
    ap.add_argument("--wmc-run", default=None)
    ap.add_argument("--node", default=os.path.join(CACHE, "node26/package/bin/node"))
    ap.add_argument("--bun", default=os.path.join(CACHE, "bun/package/bin/bun"))
    ap.add_argument("--clang", default="clang-22")
    ap.add_argument("--native-cc", default="clang-22",
                    help="native compiler (default clang-22; gcc 12 -O2 keeps "
                         "errno for sqrt, which halves nbody's speed)")
    ap.add_argument("--no-stb", action="store_true",
                    help="skip the stb_image.h compile-time row")
    ap.add_argument("--out", default=os.path.join(HERE, "results"),
                    help="where latest.json/latest.md go (default bench/results)")
    ap.add_argument("--work", default=None,
                    help="build directory (default: a fresh temporary one)")
    ap.add_argument("--corrupt", choices=VARIANTS, default=None,
                    help="testing: build this variant with a checksum off by "
                         "one, which must make the command fail")
    args = ap.parse_args()
    if args.compile_reps is None:
        args.compile_reps = 1 if args.quick else 3
    if args.wmc_cc:
        args.build = os.path.dirname(os.path.dirname(os.path.abspath(args.wmc_cc)))
    if args.reps < 1 or args.compile_reps < 1:
        die("--reps and --compile-reps must be >= 1")
    kernels = args.kernels.split(",")
    for k in kernels:
        if k not in KERNELS:
            die(f"unknown kernel '{k}' (known: {', '.join(KERNELS)})")
    b = Bench(args)
    work = args.work or tempfile.mkdtemp(prefix="wmc-bench-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    tools = [b.wmc_cc, b.wmc_opt, b.wmc_run,
             os.path.join(args.build, "lib", "wmc-clang-ext.so"),
             os.path.join(args.build, "lib", "wmc-llvm-pass.so")]
    stamp0 = tool_stamp(tools)
    head = git_head()
    load = LoadSampler()
    load.start()
    started = datetime.datetime.now(datetime.timezone.utc)
    log = lambda m: print(m, file=sys.stderr, flush=True)

    # 1. Builds, timed: compile time of plain clang vs wmc-cc.
    main_c = os.path.join(KDIR, "main.c")
    mods, compile_rows, nmem = {}, [], {}
    creps = args.compile_reps
    for k in kernels:
        srcs = [os.path.join(KDIR, k + ".c"), main_c]
        mods[k] = {}
        row = {"name": k}
        for v in ["native", *VARIANTS]:
            out = os.path.join(work, f"{k}.{v}" + ("" if v == "native" else ".wasm"))
            row[v] = b.build(v, srcs, out, reps=1 if v == "native" else creps)
            if v != "native":
                row[v + "_bytes"] = code_bytes(out)
            mods[k][v] = out
        row["wmc-opt"] = b.wmc_opt_time(mods[k]["wmc"], reps=creps)
        nmem[k] = {v: memories(mods[k][v]) for v in VARIANTS}
        if nmem[k]["placed"] < 2:
            b.errors.append(f"{k}: the placed build has {nmem[k]['placed']} "
                            "memory; placement did not happen")
        compile_rows.append(row)
        log(f"built {k}: plain {row['plain']*1e3:.0f} ms, wmc-cc "
            f"{row['wmc']*1e3:.0f} ms (wmc-opt {row['wmc-opt']*1e3:.0f} ms), "
            f"placed {row['placed']*1e3:.0f} ms; memories {nmem[k]}")
    if not args.quick and not args.no_stb and os.path.exists(STB_HEADER):
        srcs = [os.path.join(CDIR, "stb_image_main.c")]
        row = {"name": "stb_image.h"}
        for v in ["plain", "wmc"]:
            out = os.path.join(work, f"stb.{v}.wasm")
            row[v] = b.build(v, srcs, out,
                             extra=["-I/usr/include/stb"], reps=creps)
            row[v + "_bytes"] = code_bytes(out)
        row["wmc-opt"] = b.wmc_opt_time(os.path.join(work, "stb.wmc.wasm"),
                                        reps=creps)
        row["placed"] = row["placed_bytes"] = None
        compile_rows.append(row)
        log(f"built stb_image: plain {row['plain']*1e3:.0f} ms, wmc-cc "
            f"{row['wmc']*1e3:.0f} ms")

    # 2. Start-up: an empty program on every engine.
    empty_srcs = [os.path.join(CDIR, "empty.c")]
    empty = {"native": os.path.join(work, "empty.native"),
             "plain": os.path.join(work, "empty.wasm")}
    b.build("native", empty_srcs, empty["native"])
    b.build("plain", empty_srcs, empty["plain"])

    # 3. Runs, interleaved: each repetition runs every cell once, so load
    # changes during the run hit all cells alike.
    cells = [("native", "native")] + [(e, v) for e in ENGINES for v in VARIANTS]
    times = {k: {} for k in kernels}
    cpus = {k: {} for k in kernels}
    sums = {k: {} for k in kernels}
    startup = {}
    for rep in range(args.reps):
        for e in ["native", *ENGINES]:
            m = empty["native" if e == "native" else "plain"]
            dt, _, _ = b.run_once(f"empty/{e}", b.command(e, m))
            if dt is not None:
                startup[e] = min(startup.get(e, dt), dt)
        for k in kernels:
            for e, v in cells:
                label = f"{k}/{e}/{v}"
                dt, cpu, value = b.run_once(label, b.command(e, mods[k][v]))
                if dt is None:
                    continue
                times[k][(e, v)] = min(times[k].get((e, v), dt), dt)
                cpus[k][(e, v)] = min(cpus[k].get((e, v), cpu), cpu)
                sums[k].setdefault((e, v), set()).add(value)
        log(f"repetition {rep + 1}/{args.reps} done")
    load.stop.set()
    load.sample()
    stamp1 = tool_stamp(tools)
    rebuilt = [os.path.basename(t) for t in tools if stamp0[t] != stamp1[t]]
    finished = datetime.datetime.now(datetime.timezone.utc)

    # 4. Checksums: every cell, every repetition, equals native.
    for k in kernels:
        ref = sums[k].get(("native", "native"), set())
        if len(ref) != 1:
            b.errors.append(f"{k}: native checksum not unique: {sorted(ref)}")
            continue
        for cell, vals in sums[k].items():
            if vals != ref:
                b.errors.append(f"{k}/{cell[0]}/{cell[1]}: checksum "
                                f"{sorted(vals)} != native {next(iter(ref))}")
        for cell in cells:
            if cell not in sums[k]:
                b.errors.append(f"{k}/{cell[0]}/{cell[1]}: no result")

    # 5. Report.
    def ratio(k, e, v, tab=times):
        base = tab[k].get(("native", "native"))
        t = tab[k].get((e, v))
        return t / base if t is not None and base else None

    cols = [f"{e} {v}" for e in ENGINES for v in VARIANTS]
    header = ["kernel", "native ms", *cols, "memories", "checksum"]
    rows = []
    for k in kernels:
        base = times[k].get(("native", "native"))
        ok = not any(x.startswith(k + ":") or x.startswith(k + "/")
                     for x in b.errors)
        rows.append([k, "-" if base is None else f"{base * 1e3:.0f}",
                     *[fmt_ratio(ratio(k, e, v)) for e in ENGINES for v in VARIANTS],
                     "/".join(str(nmem[k][v]) for v in VARIANTS),
                     "ok" if ok else "MISMATCH"])
    rows.append(["geomean", "",
                 *[fmt_ratio(geomean([ratio(k, e, v) for k in kernels]))
                   for e in ENGINES for v in VARIANTS], "", ""])
    crows = [header[:-2]]
    for k in kernels:
        base = cpus[k].get(("native", "native"))
        crows.append([k, "-" if base is None else f"{base * 1e3:.0f}",
                      *[fmt_ratio(ratio(k, e, v, cpus)) for e in ENGINES for v in VARIANTS]])
    crows.append(["geomean", "",
                  *[fmt_ratio(geomean([ratio(k, e, v, cpus) for k in kernels]))
                    for e in ENGINES for v in VARIANTS]])
    ctable = [["sources", "clang-22 + wasm-ld ms", "wmc-cc ms", "of which wmc-opt ms",
               "rest (clang + plugins + wasm-ld) ms", "wmc-cc / clang",
               "wmc-cc placed ms", "code KiB plain / wmc / placed"]]
    for r in compile_rows:
        ctable.append([r["name"], f"{r['plain'] * 1e3:.0f}", f"{r['wmc'] * 1e3:.0f}",
                       f"{r['wmc-opt'] * 1e3:.0f}",
                       f"{(r['wmc'] - r['wmc-opt']) * 1e3:.0f}",
                       f"{r['wmc'] / r['plain']:.2f}",
                       "-" if r["placed"] is None else f"{r['placed'] * 1e3:.0f}",
                       " / ".join("-" if r[v + "_bytes"] is None else
                                  f"{r[v + '_bytes'] / 1024:.1f}" for v in VARIANTS)])
    st = ", ".join(f"{e} {startup[e] * 1e3:.0f} ms" for e in ["native", *ENGINES]
                   if e in startup)
    ld = load.summary()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), platform.processor())

    def md(table):
        out = ["| " + " | ".join(table[0]) + " |",
               "|" + "|".join("---" if i == 0 else "---:" for i in range(len(table[0]))) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in table[1:]]
        return "\n".join(out)

    def version(cmd):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True).stdout
            return out.strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    versions = {"native": version([args.native_cc, "--version"]),
                "clang": version([args.clang, "--version"]),
                "node": version([args.node, "--version"]),
                "bun": version([args.bun, "--version"])}
    cmdline = "bench/run.sh " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "bench/run.sh"
    meta = (f"date {started:%Y-%m-%d %H:%M}–{finished:%H:%M} UTC; "
            f"{os.cpu_count()} CPUs ({cpu}); load average (1 min) during the run "
            f"min {ld['min']:.2f} / mean {ld['mean']:.2f} / max {ld['max']:.2f}; "
            f"min of {args.reps} runs{'; --quick sizes' if args.quick else ''}")
    text = "\n".join([
        f"Run time as a ratio to native ({args.native_cc} -O2), {meta}.",
        "Versions: " + "; ".join(f"{k} {v}" for k, v in versions.items()) + ".",
        "Variants: plain = clang-22 + wasm-ld, memory 0 only; wmc = wmc-cc -O2, "
        "same sources; placed = wmc-cc -O2 with __wasm_mem/__wasm_ro placement; "
        "memories = memories in the plain/wmc/placed module.",
        "",
        md([header, *rows]),
        "",
        f"Start-up (empty program): {st}.",
        "",
        f"Source tree: git {head}; {os.path.basename(b.wmc_run)} built "
        f"{stamp0[b.wmc_run].split(',')[0]}, wmc-opt built "
        f"{stamp0[b.wmc_opt].split(',')[0]}."
        + (f" WARNING: rebuilt during the run: {', '.join(rebuilt)}; "
           "cells measured before and after differ." if rebuilt else ""),
        "",
        "User + system CPU time of the same runs as a ratio to native's (min of "
        f"{args.reps}; counts JIT and GC threads, less sensitive to load than wall time):",
        "",
        md(crows),
        "",
        "Compile + link time (min of %d):" % creps,
        "",
        md(ctable),
        ""])
    print(text)
    with open(os.path.join(args.out, "latest.md"), "w") as f:
        f.write(f"Command: `{cmdline}`\n\n{text}")
    result = {
        "command": cmdline, "started": started.isoformat(),
        "finished": finished.isoformat(), "nproc": os.cpu_count(), "cpu": cpu,
        "load": ld, "reps": args.reps, "compile_reps": creps,
        "quick": args.quick,
        "native_cc": args.native_cc, "versions": versions,
        "git": head, "tools_at_start": stamp0, "tools_at_end": stamp1,
        "rebuilt_during_run": rebuilt,
        "kernels": {k: {"native_s": times[k].get(("native", "native")),
                        "checksum": next(iter(sums[k].get(("native", "native"), {None}))),
                        "memories": nmem.get(k),
                        "native_cpu_s": cpus[k].get(("native", "native")),
                        "runs_s": {f"{e}/{v}": times[k].get((e, v))
                                   for e in ENGINES for v in VARIANTS},
                        "cpu_s": {f"{e}/{v}": cpus[k].get((e, v))
                                  for e in ENGINES for v in VARIANTS}}
                    for k in kernels},
        "startup_s": startup,
        "compile_s": compile_rows,
        "errors": b.errors,
    }
    with open(os.path.join(args.out, "latest.json"), "w") as f:
        json.dump(result, f, indent=1)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    if b.errors:
        for e in b.errors:
            sys.stderr.write(f"bench: FAILED: {e}\n")
        sys.stderr.write(f"bench: {len(b.errors)} failure(s); exit 1\n")
        return 1
    sys.stderr.write("bench: all checksums match native\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
