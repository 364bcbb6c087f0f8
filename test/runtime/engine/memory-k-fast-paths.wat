;; Memory-k accesses share memory 0's fast paths (a module defining all its
;; memories lays them out in one reservation block, memory k at a fixed
;; distance from memory 0): values stay in their own memory through const,
;; slot and add addresses, load-modify-store and multiply-add fusions, and
;; out-of-bounds accesses still trap in the right memory.
;; mix(256): b[8]=5, b[260]=7, b[256]+=100 -> 100; c[256]=2.0, c[16]=3.0,
;; c[256] += 1.5*c[16] -> 6.5. Result: a[0]+a[8] (0: nothing leaked into
;; memory 0) + b[8]+b[260] (12) + trunc(c[256]) (6) + i64 b[256]
;; (7<<32 | 100 = 30064771172) = 30064771190. node computes the same.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wmc-run --invoke mix %t.wasm 256 | FileCheck %s --check-prefix=MIX
;; RUN: %node -e "const fs=require('fs');WebAssembly.instantiate(fs.readFileSync(process.argv[1])).then(r=>console.log(String(r.instance.exports.mix(256))))" %t.wasm | FileCheck %s --check-prefix=MIX
;; MIX: 30064771190
;; RUN: %wmc-run --invoke edge %t.wasm 65532 | FileCheck %s --check-prefix=ZERO
;; RUN: %wmc-run --invoke edgeadd %t.wasm -1 | FileCheck %s --check-prefix=ZERO
;; ZERO: 0
;; RUN: %wmc-run --invoke far %t.wasm 0xffffffff 2>&1; test $? = 134
;; RUN: not %wmc-run --invoke far %t.wasm 0xffffffff 2>&1 | FileCheck %s
;; RUN: not %wmc-run --invoke farc %t.wasm 2>&1 | FileCheck %s
;; RUN: not %wmc-run --invoke edge %t.wasm 65533 2>&1 | FileCheck %s
;; RUN: not %wmc-run --invoke edgec %t.wasm 2>&1 | FileCheck %s
;; RUN: not %wmc-run --invoke edgeadd %t.wasm 0 2>&1 | FileCheck %s
;; RUN: not %wmc-run --invoke lastfar %t.wasm 0xffffffff 2>&1 | FileCheck %s
;; CHECK: wasm trap: out of bounds memory access
(module
  (memory $a 1)
  (memory $b 1)
  (memory $c 1)
  ;; store via const address, slot address, add address; rmw; read back all memories
  (func (export "mix") (param i32) (result i64)
    (i32.store $b (i32.const 8) (i32.const 5))
    (i32.store $b (i32.add (local.get 0) (i32.const 4)) (i32.const 7))
    (i32.store $b (local.get 0) (i32.add (i32.load $b (local.get 0)) (i32.const 100)))
    (f64.store $c (local.get 0) (f64.const 2))
    (f64.store $c (i32.const 16) (f64.const 3))
    (f64.store $c (local.get 0) (f64.add (f64.load $c (local.get 0)) (f64.mul (f64.const 1.5) (f64.load $c (i32.const 16)))))
    (i64.add
      (i64.add (i64.load $a (i32.const 0)) (i64.load $a (i32.const 8)))
      (i64.add
        (i64.extend_i32_u (i32.add (i32.load $b (i32.const 8)) (i32.load $b (i32.add (local.get 0) (i32.const 4)))))
        (i64.add (i64.trunc_f64_s (f64.load $c (local.get 0))) (i64.load $b offset=0 (local.get 0))))))
  (func (export "far") (param i32) (result i32) (i32.load $b offset=0xffffffff (local.get 0)))
  (func (export "farc") (result i32) (i32.load $b offset=0xffffffff (i32.const -1)))
  (func (export "edge") (param i32) (result i32) (i32.load $b (local.get 0)))
  (func (export "edgec") (result i32) (i32.load $b (i32.const 65536)))
  (func (export "edgeadd") (param i32) (result i32) (i32.load $b (i32.add (local.get 0) (i32.const 65533))))
  (func (export "lastfar") (param i32) (i64.store $c offset=0xffffffff (local.get 0) (i64.const 1)))
)
