;; wmc-memory-licm: a load whose address is loop-invariant and provably in
;; bounds leaves the loop when nothing in the loop writes ITS memory -- a
;; store to another memory or a call to a function that only writes other
;; memories no longer blocks it (Binaryen's LICM treats all memories as one).
;; Read-only memories always qualify. Stays: loads from a memory the loop
;; writes, loads with variant or unbounded addresses, loads from an exported
;; memory across an import call (the host may write it), atomic loads.
;; RUN: %wat2wasm --enable-threads --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize --pass wmc-memory-licm -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize --pass wmc-memory-licm -o %t.out.wasm
;; RUN: %wasm-validate --enable-threads %t.out.wasm

;; WMC-DECL: 1 heap 1 16 0 0 a.c:1
;; WMC-DECL: 2 table 1 16 0 0 a.c:2
;; WMC-DECL: 3 shared 1 16 EXPORT 0 a.c:3
;; WMC-DECL: ro rodata 1 65536 READONLY|IMPLICIT 0 a.c
(module
  (import "env" "log" (func $log (param i32)))
  (import "wmc:m1" "i32.store" (func $heap.store (param i32 i32)))
  (import "wmc:m2" "i32.store" (func $table.store (param i32 i32)))
  (import "wmc:m2" "i32.load" (func $table.load (param i32) (result i32)))
  (import "wmc:m3" "i32.load" (func $shared.load (param i32) (result i32)))
  (import "wmc:ro" "i32.load" (func $ro.load (param i32) (result i32)))
  (import "wmc:ro" "i32.atomic.load" (func $ro.atomic.load (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; The table load is hoisted across the store to memory 1; the read-only
  ;; load indexed by a masked parameter (in bounds) too.
  ;; CHECK-LABEL: (func $other_memory (param $n i32) (param $k i32)
  ;; CHECK:       (local.set $2
  ;; CHECK-NEXT:   (i32.load $table
  ;; CHECK-NEXT:    (i32.const 64)
  ;; CHECK:       (local.set $3
  ;; CHECK-NEXT:   (i32.load $rodata
  ;; CHECK-NEXT:    (i32.shl
  ;; CHECK-NEXT:     (i32.and
  ;; CHECK-NEXT:      (local.get $k)
  ;; CHECK-NEXT:      (i32.const 255)
  ;; CHECK:       (loop $l
  ;; CHECK-NOT:   i32.load
  ;; CHECK:       (local.get $2)
  ;; CHECK:       (local.get $3)
  (func $other_memory (param $n i32) (param $k i32)
    (loop $l
      (call $heap.store (i32.shl (local.get $n) (i32.const 2))
        (i32.add (call $table.load (i32.const 64))
                 (call $ro.load (i32.shl (i32.and (local.get $k) (i32.const 255)) (i32.const 2)))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  ;; The loop writes the table memory: its load stays; the read-only one
  ;; still leaves, even across an import call.
  ;; CHECK-LABEL: (func $same_memory (param $n i32)
  ;; CHECK:       (local.set $1
  ;; CHECK-NEXT:   (i32.load $rodata
  ;; CHECK:       (loop $l
  ;; CHECK:        (i32.load $table
  (func $same_memory (param $n i32)
    (loop $l
      (call $table.store (local.get $n) (call $table.load (i32.const 64)))
      (call $log (call $ro.load (i32.const 128)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  ;; Stays: variant address, unbounded address, exported memory across an
  ;; import call, atomic load.
  ;; CHECK-LABEL: (func $kept (param $n i32) (param $p i32)
  ;; CHECK-NEXT:  (loop $l
  ;; CHECK:        (i32.load $rodata
  ;; CHECK-NEXT:    (local.get $n)
  ;; CHECK:        (i32.load $rodata
  ;; CHECK-NEXT:    (local.get $p)
  ;; CHECK:        (i32.load $shared
  ;; CHECK:        (i32.atomic.load $rodata
  (func $kept (param $n i32) (param $p i32)
    (loop $l
      (call $log (call $ro.load (local.get $n)))
      (call $log (call $ro.load (local.get $p)))
      (call $log (call $shared.load (i32.const 64)))
      (call $log (call $ro.atomic.load (i32.const 64)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  ;; Unexported memory 2 across a call to a function that writes only
  ;; memory 1: hoisted (per-function write sets).
  ;; CHECK-LABEL: (func $via_call (param $n i32)
  ;; CHECK:       (local.set $1
  ;; CHECK-NEXT:   (i32.load $table
  ;; CHECK:       (loop $l
  (func $via_call (param $n i32)
    (loop $l
      (call $writes_heap (call $table.load (i32.const 64)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  ;; An indirect call may write whatever some code writes: memory 2 (written
  ;; by $same_memory) stays, the read-only memory (written by nothing) leaves.
  ;; CHECK-LABEL: (func $indirect (param $n i32)
  ;; CHECK:       (local.set $1
  ;; CHECK-NEXT:   (i32.load $rodata
  ;; CHECK:       (loop $l
  ;; CHECK:        (call_indirect
  ;; CHECK:        (i32.load $table
  (func $indirect (param $n i32)
    (loop $l
      (call_indirect (type $v) (i32.const 0))
      (call $log (call $ro.load (i32.const 256)))
      (call $log (call $table.load (i32.const 64)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (type $v (func))
  (table 1 funcref)
  (func $writes_heap (param $v i32)
    (call $heap.store (i32.const 0) (local.get $v))))
