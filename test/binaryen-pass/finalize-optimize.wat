;; wmc-opt --finalize -O2: the finalize pipeline, then the wasm-memctl memory
;; optimizations around Binaryen's -O2 (multi-memory enabled): a read-only
;; constant load folds and propagates, a read-only table load leaves its loop
;; across stores to another memory; the writable twin of each stays.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize -O2 -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize -O2 -o %t.out.wasm --stats 2>&1 | FileCheck %s --check-prefix=STATS
;; RUN: %wasm-validate %t.out.wasm
;; RUN: %wmc-opt %t.wasm --finalize -o %t.ref.wasm
;; RUN: %node %S/Inputs/call-export.mjs %t.out.wasm scale:5 fill:10,0 sum:10 | FileCheck %s --check-prefix=NODE
;; RUN: %node %S/Inputs/call-export.mjs %t.ref.wasm scale:5 fill:10,0 sum:10 | FileCheck %s --check-prefix=NODE

;; WMC-DECL: 1 out 1 16 0 0 a.c:1
;; WMC-DECL: 2 coeffs 1 16 0 0 a.c:2
;; WMC-DECL: ro rodata 1 65536 READONLY|IMPLICIT 0 a.c

;; Three read-only loads fold before -O2 (scale and the two in sum), one
;; hoists; nothing is left for the second round after -O2.
;; STATS:      wmc-opt: stats: wmc-fold-readonly-loads folded 3 load(s)
;; STATS-NEXT: wmc-opt: stats: wmc-memory-licm hoisted 1 load(s) out of loops
;; STATS-NEXT: wmc-opt: stats: wmc-memory-rle reused 0 load(s)
;; STATS-NEXT: wmc-opt: stats: wmc-fold-readonly-loads folded 0 load(s)
;; STATS-NEXT: wmc-opt: stats: wmc-memory-licm hoisted 0 load(s) out of loops
;; STATS-NEXT: wmc-opt: stats: wmc-memory-rle reused 0 load(s)

;; NODE: scale(5) = 15
;; NODE: fill(10,0) = 0
;; NODE: sum(10) = 50

;; The read-only factor (3) is folded into the multiplication.
;; CHECK-LABEL: (func $scale (param
;; CHECK-NOT:   i32.load
;; CHECK:       (i32.mul
;; CHECK-NEXT:   (local.get $0)
;; CHECK-NEXT:   (i32.const 3)
;; Both table loads have non-constant (masked) addresses; the read-only one
;; leaves the loop, the writable one (memory 2) stays although the loop only
;; stores to memory 1 -- its address depends on the induction variable.
;; CHECK-LABEL: (func $fill (param
;; CHECK:       (i32.load $rodata
;; CHECK:       (loop
;; CHECK-NOT:   (i32.load $rodata
;; CHECK:       (i32.store $out
;; CHECK:       (i32.load $coeffs
;; In $sum both read-only loads fold and -O2 adds them up.
;; CHECK-LABEL: (func $sum (param
;; CHECK-NOT:   i32.load
;; CHECK:       (i32.const 5)
(module
  (import "wmc:ro" "i32.load" (func $ro.load (param i32) (result i32)))
  (import "wmc:m2" "i32.load" (func $coeffs.load (param i32) (result i32)))
  (import "wmc:m1" "i32.store" (func $out.store (param i32 i32)))
  (import "wmc:m1" "i32.load" (func $out.load (param i32) (result i32)))
  (memory (export "memory") 1)
  (data $.wmc.ro (i32.const 1024) "\03\00\00\00\02\00\00\00")
  (data $.wmc.m2 (i32.const 2048) "\01\00\00\00\01\00\00\00\01\00\00\00\01\00\00\00")
  (func $scale (export "scale") (param $x i32) (result i32)
    (i32.mul (local.get $x) (call $ro.load (i32.const 1024))))
  ;; out[i] = rodata[1028 + (k & 4)] + coeffs[2048 + (i & 12)] - 3, i = n..1
  (func $fill (export "fill") (param $n i32) (param $k i32) (result i32)
    (loop $l
      (call $out.store (i32.shl (local.get $n) (i32.const 2))
        (i32.sub
          (i32.add (call $ro.load (i32.add (i32.const 1028) (i32.and (local.get $k) (i32.const 4))))
                   (call $coeffs.load (i32.add (i32.const 2048) (i32.and (local.get $n) (i32.const 12)))))
          (i32.const 3)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (call $out.load (i32.const 4)))
  (func $sum (export "sum") (param $n i32) (result i32)
    (local $s i32)
    (drop (call $fill (local.get $n) (i32.const 0)))
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $ro.load (i32.const 1024))))
      (local.set $s (i32.add (local.get $s) (call $ro.load (i32.const 1028))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s)))
