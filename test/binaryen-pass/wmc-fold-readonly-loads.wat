;; wmc-fold-readonly-loads: a load from a read-only memory at a constant
;; address inside its initial size and past its null guard becomes the
;; constant from the data segments (zero where no segment is). Loads from
;; writable memories, with unknown addresses, possibly trapping ones and loads
;; from a read-only memory the host can reach (exported) stay.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize --pass wmc-fold-readonly-loads -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize --pass wmc-fold-readonly-loads -o %t.out.wasm
;; RUN: %wmc-opt %t.wasm --finalize -o %t.ref.wasm
;; RUN: %node %S/Inputs/call-export.mjs %t.out.wasm i32 s8 i64 f32 f64 zero v128lane | FileCheck %s --check-prefix=NODE
;; RUN: %node %S/Inputs/call-export.mjs %t.ref.wasm i32 s8 i64 f32 f64 zero v128lane | FileCheck %s --check-prefix=NODE

;; WMC-DECL: 1 heap 1 16 0 0 a.c:1
;; WMC-DECL: 2 consts 1 1 READONLY 4096 a.c:2
;; WMC-DECL: 3 shown 1 1 READONLY|EXPORT 0 a.c:3
;; WMC-DECL: ro rodata 1 65536 READONLY|IMPLICIT 0 a.c

;; NODE: i32() = 42
;; NODE: s8() = -1
;; NODE: i64() = -4294967254
;; NODE: f32() = 1.5
;; NODE: f64() = 2.5
;; NODE: zero() = 0
;; NODE: v128lane() = 42
(module
  (import "wmc:ro" "i32.load" (func $ro.i32 (param i32) (result i32)))
  (import "wmc:ro" "i32.load8_s" (func $ro.s8 (param i32) (result i32)))
  (import "wmc:ro" "i64.load" (func $ro.i64 (param i32) (result i64)))
  (import "wmc:ro" "f32.load" (func $ro.f32 (param i32) (result f32)))
  (import "wmc:ro" "f64.load" (func $ro.f64 (param i32) (result f64)))
  (import "wmc:ro" "v128.load" (func $ro.v128 (param i32) (result v128)))
  (import "wmc:m1" "i32.load" (func $heap.i32 (param i32) (result i32)))
  (import "wmc:m2" "i32.load" (func $consts.i32 (param i32) (result i32)))
  (import "wmc:m3" "i32.load" (func $shown.i32 (param i32) (result i32)))
  (memory (export "memory") 1)
  (data $.wmc.ro (i32.const 4096) "\2a\00\00\00\ff\ff\ff\ff\00\00\c0\3f\00\00\00\00\00\00\04\40")
  (data $.wmc.m1 (i32.const 8192) "\2a\00\00\00")
  (data $.wmc.m2 (i32.const 12288) "\2a\00\00\00")
  (data $.wmc.m3 (i32.const 16384) "\2a\00\00\00")

  ;; CHECK-LABEL: (func $i32 (result i32)
  ;; CHECK-NEXT:  (i32.const 42)
  (func $i32 (export "i32") (result i32) (call $ro.i32 (i32.const 4096)))
  ;; CHECK-LABEL: (func $s8 (result i32)
  ;; CHECK-NEXT:  (i32.const -1)
  (func $s8 (export "s8") (result i32) (call $ro.s8 (i32.const 4100)))
  ;; CHECK-LABEL: (func $i64 (result i64)
  ;; CHECK-NEXT:  (i64.const -4294967254)
  (func $i64 (export "i64") (result i64) (call $ro.i64 (i32.const 4096)))
  ;; CHECK-LABEL: (func $f32 (result f32)
  ;; CHECK-NEXT:  (f32.const 1.5)
  (func $f32 (export "f32") (result f32) (call $ro.f32 (i32.const 4104)))
  ;; CHECK-LABEL: (func $f64 (result f64)
  ;; CHECK-NEXT:  (f64.const 2.5)
  (func $f64 (export "f64") (result f64) (call $ro.f64 (i32.const 4108)))
  ;; Past the data but inside the memory: zero.
  ;; CHECK-LABEL: (func $zero (result i32)
  ;; CHECK-NEXT:  (i32.const 0)
  (func $zero (export "zero") (result i32) (call $ro.i32 (i32.const 60000)))
  ;; CHECK-LABEL: (func $v128lane (result i32)
  ;; CHECK-NEXT:  (i32x4.extract_lane 0
  ;; CHECK-NEXT:   (v128.const i32x4 0x0000002a 0xffffffff 0x3fc00000 0x00000000)
  (func $v128lane (export "v128lane") (result i32)
    (i32x4.extract_lane 0 (call $ro.v128 (i32.const 4096))))

  ;; Not folded: beyond the initial size (may trap), unknown address,
  ;; writable memory, inside the null guard, host-reachable memory; but a
  ;; user memory declared read-only (memory 2) folds like the rodata one.
  ;; CHECK-LABEL: (func $kept
  ;; CHECK:      (i32.load $rodata
  ;; CHECK-NEXT:  (i32.const 65534)
  ;; CHECK:      (i32.load $rodata
  ;; CHECK-NEXT:  (local.get $p)
  ;; CHECK:      (i32.load $heap
  ;; CHECK-NEXT:  (i32.const 8192)
  ;; CHECK:      (i32.load $consts
  ;; CHECK-NEXT:  (i32.const 4092)
  ;; CHECK:      (i32.const 42)
  ;; CHECK:      (i32.load $shown
  ;; CHECK-NEXT:  (i32.const 16384)
  (func $kept (param $p i32) (result i32)
    (i32.add
      (i32.add
        (i32.add (call $ro.i32 (i32.const 65534)) (call $ro.i32 (local.get $p)))
        (i32.add (call $heap.i32 (i32.const 8192)) (call $consts.i32 (i32.const 4092))))
      (i32.add (i32.const 0) (i32.add (call $consts.i32 (i32.const 12288)) (call $shown.i32 (i32.const 16384)))))))
