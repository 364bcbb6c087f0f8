#!/usr/bin/env python3
"""Differential test for wmc-run's loop renaming (Compiler.cpp renameLoop):
random straight-line loops closed by `i += step; br_if (i != n)` that shuffle
values between locals (copies, tees, arithmetic, a global, loads and stores
that may be out of bounds) run on wmc-run and on node 26 (V8); every result
or trap must agree. The generator is seeded, so a run is reproducible.

    loop-rename-diff.py --wmc-run PATH --node PATH --dir TMPDIR [--seeds A-B]

Prints `seeds S, runs R, mismatches M` and exits 1 on any mismatch (the
differing module is left in TMPDIR)."""
import argparse
import os
import random
import subprocess
import sys

OPS = ["i32.add", "i32.sub", "i32.xor", "i32.mul", "i32.rotl", "i32.and",
       "i32.or", "i32.shr_u"]
ARGS = [0, 1, 2, 5]  # start counts: the loop is left at different rounds


def module(seed):
    r = random.Random(seed)
    nl = r.randint(3, 12)  # locals 1..nl; local 0 counts
    mem = r.random() < 0.5

    def expr(d=0):
        c = r.random()
        if d > 2 or c < 0.35:
            if r.random() < 0.85:
                return "(local.get %d)" % r.randint(0, nl)
            return "(i32.const %d)" % r.randint(-5, 99)
        if c < 0.45:
            return "(local.tee %d %s)" % (r.randint(1, nl), expr(d + 1))
        if c < 0.55 and mem:
            return "(i32.load (i32.and %s (i32.const %d)))" % (
                expr(d + 1), r.choice([1020, 65535, -1]))
        return "(%s %s %s)" % (r.choice(OPS), expr(d + 1), expr(d + 1))

    body = []
    for _ in range(r.randint(1, 14)):
        t = r.random()
        if t < 0.45:
            body.append("(local.set %d (local.get %d))" % (r.randint(1, nl), r.randint(1, nl)))
        elif t < 0.55:
            body.append("(global.set 0 %s)" % expr())
        elif t < 0.65 and mem:
            body.append("(i32.store (i32.and %s (i32.const %d)) %s)" % (
                expr(), r.choice([1020, 65532, -4]), expr()))
        else:
            body.append("(local.set %d %s)" % (r.randint(1, nl), expr()))
    step = r.choice([1, 1, 2, 3, -1])
    n = r.randint(6, 40) * step
    init = " ".join("(local.set %d (i32.const %d))" % (i, r.randint(-1000, 100000))
                    for i in range(1, nl + 1))
    h = "(i32.const 17)"
    for i in range(1, nl + 1):
        h = "(i32.add (i32.mul %s (i32.const 31)) (local.get %d))" % (h, i)
    return """(module (memory 1) (global (mut i32) (i32.const 0))
 (func (export "f") (param i32) (result i32) (local %s)
  %s
  (local.set 0 (i32.mul (local.get 0) (i32.const %d)))
  (loop
   %s
   (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const %d))) (i32.const %d))))
  (i32.xor (i32.xor %s (global.get 0)) (i32.load (i32.const 40)))))
""" % (" ".join(["i32"] * nl), init, step, "\n   ".join(body), step, n, h)


NODE_JS = r"""
const fs = require('fs');
const m = new WebAssembly.Module(fs.readFileSync(process.argv[1]));
for (const a of process.argv.slice(2)) {
  try { console.log(String(new WebAssembly.Instance(m, {}).exports.f(Number(a)))); }
  catch (e) { console.log('trap'); }
}
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wmc-run", required=True)
    ap.add_argument("--node", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--seeds", default="1-40")
    a = ap.parse_args()
    lo, hi = (int(x) for x in a.seeds.split("-"))
    os.makedirs(a.dir, exist_ok=True)
    runs = bad = 0
    for seed in range(lo, hi + 1):
        wat = os.path.join(a.dir, "s%d.wat" % seed)
        wasm = os.path.join(a.dir, "s%d.wasm" % seed)
        with open(wat, "w") as f:
            f.write(module(seed))
        subprocess.run(["wat2wasm", wat, "-o", wasm], check=True)
        ref = subprocess.run([a.node, "-e", NODE_JS, wasm] + [str(x) for x in ARGS],
                             capture_output=True, text=True, check=True).stdout.split()
        keep = False
        for arg, want in zip(ARGS, ref):
            p = subprocess.run([a.wmc_run, "--invoke", "f", wasm, str(arg)],
                               capture_output=True, text=True, timeout=60)
            got = p.stdout.strip() if p.returncode == 0 else (
                "trap" if "wasm trap" in p.stderr else "exit %d" % p.returncode)
            runs += 1
            if got != want:
                bad += 1
                keep = True
                print("seed %d f(%d): wmc-run %s, node %s" % (seed, arg, got, want))
        if not keep:
            os.remove(wat)
            os.remove(wasm)
    print("seeds %d, runs %d, mismatches %d" % (hi - lo + 1, runs, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
