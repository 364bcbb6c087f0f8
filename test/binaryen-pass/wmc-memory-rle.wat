;; wmc-memory-rle: in straight-line code a repeated load (same memory,
;; address, offset, width, type) reuses the first one's value when nothing in
;; between writes that memory -- a store to ANOTHER memory, or a call that
;; only writes other memories, does not block it. Blocked: a write to the same
;; memory, a change of the address local, control flow, a call the host can
;; use to write an exported memory, atomic loads.
;; RUN: %wat2wasm --enable-threads --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize --pass wmc-memory-rle -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize --pass wmc-memory-rle -o %t.out.wasm --stats 2>&1 | FileCheck %s --check-prefix=STATS
;; RUN: %wasm-validate --enable-threads %t.out.wasm

;; WMC-DECL: 1 heap 1 16 0 0 a.c:1
;; WMC-DECL: 2 table 1 16 0 0 a.c:2
;; WMC-DECL: ro rodata 1 65536 READONLY|IMPLICIT 0 a.c

;; STATS: wmc-opt: stats: wmc-memory-rle reused 2 load(s)
(module
  (import "env" "log" (func $log (param i32)))
  (import "wmc:m1" "i32.store" (func $heap.store (param i32 i32)))
  (import "wmc:m2" "i32.store" (func $table.store (param i32 i32)))
  (import "wmc:m2" "i32.load" (func $table.load (param i32) (result i32)))
  (import "wmc:ro" "i32.load" (func $ro.load (param i32) (result i32)))
  (import "wmc:ro" "i32.atomic.load" (func $ro.atomic.load (param i32) (result i32)))
  (memory (export "memory") 1)

  ;; CHECK-LABEL: (func $across_other_memory (param $p i32) (param $q i32) (result i32)
  ;; CHECK:       (local.tee $[[T:[0-9]+]]
  ;; CHECK-NEXT:   (i32.load $table
  ;; CHECK-NEXT:    (local.get $p)
  ;; CHECK:       (i32.store $heap
  ;; CHECK:       (local.get $[[T]])
  (func $across_other_memory (param $p i32) (param $q i32) (result i32)
    (local $a i32)
    (local.set $a (call $table.load (local.get $p)))
    (call $heap.store (local.get $q) (i32.const 1))
    (i32.add (local.get $a) (call $table.load (local.get $p))))

  ;; The read-only memory survives an import call; the table memory does
  ;; not survive a call to $writes_table.
  ;; CHECK-LABEL: (func $across_calls (param $p i32) (result i32)
  ;; CHECK:       (local.tee $[[R:[0-9]+]]
  ;; CHECK-NEXT:   (i32.load $rodata
  ;; CHECK:       (call $log
  ;; CHECK-NEXT:   (i32.load $table
  ;; CHECK:       (call $writes_table
  ;; CHECK:       (local.get $[[R]])
  ;; CHECK:       (i32.load $table
  (func $across_calls (param $p i32) (result i32)
    (local $a i32)
    (local.set $a (call $ro.load (local.get $p)))
    (call $log (call $table.load (i32.const 8)))
    (call $writes_table)
    (i32.add
      (i32.add (local.get $a) (call $ro.load (local.get $p)))
      (call $table.load (i32.const 8))))
  (func $writes_table (call $table.store (i32.const 0) (i32.const 0)))

  ;; Same memory written, address local changed, control flow, atomic: kept.
  ;; CHECK-LABEL: (func $kept (param $p i32) (param $c i32) (result i32)
  ;; CHECK-NOT:   local.tee
  ;; CHECK:       (i32.load $table
  ;; CHECK:       (i32.load $table
  ;; CHECK:       (i32.load $rodata
  ;; CHECK:       (i32.load $rodata
  ;; CHECK:       (i32.load $rodata
  ;; CHECK:       (i32.load $rodata
  ;; CHECK:       (i32.atomic.load $rodata
  ;; CHECK:       (i32.atomic.load $rodata
  (func $kept (param $p i32) (param $c i32) (result i32)
    (local $a i32)
    (local.set $a (call $table.load (local.get $p)))
    (call $table.store (i32.const 0) (i32.const 0))
    (local.set $a (i32.add (local.get $a) (call $table.load (local.get $p))))
    (local.set $a (i32.add (local.get $a) (call $ro.load (local.get $p))))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (local.set $a (i32.add (local.get $a) (call $ro.load (local.get $p))))
    (local.set $a (i32.add (local.get $a) (call $ro.load (i32.const 64))))
    (if (local.get $c) (then (call $log (i32.const 0))))
    (local.set $a (i32.add (local.get $a) (call $ro.load (i32.const 64))))
    (local.set $a (i32.add (local.get $a) (call $ro.atomic.load (i32.const 64))))
    (i32.add (local.get $a) (call $ro.atomic.load (i32.const 64))))

  ;; Memory 0 is exported: an import call may write it.
  ;; CHECK-LABEL: (func $exported (param $p i32) (result i32)
  ;; CHECK:       (i32.load
  ;; CHECK:       (call $log
  ;; CHECK:       (i32.load
  (func $exported (param $p i32) (result i32)
    (local $a i32)
    (local.set $a (i32.load (local.get $p)))
    (call $log (i32.const 0))
    (i32.add (local.get $a) (i32.load (local.get $p)))))
