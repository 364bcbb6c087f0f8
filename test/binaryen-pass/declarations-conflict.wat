;; Declarations of one memory from two translation units that differ are an
;; error naming both source locations (implicit records never conflict).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize -o %t.out.wasm 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; RUN: test ! -e %t.out.wasm

;; WMC-DECL: 2 heap 1 16 0 0 mem.c:4
;; WMC-DECL: 2 mem2 1 65536 IMPLICIT 0 user.c
;; WMC-DECL: 2 heap 1 32 0 0 other.c:12

;; CHECK: wmc-opt: error: conflicting declarations of memory 2: "heap" (min 1 pages, max 16, flags 0x0, null guard 0 bytes) at mem.c:4 and "heap" (min 1 pages, max 32, flags 0x0, null guard 0 bytes) at other.c:12
(module
  (import "wmc:m2" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "f") (result i32) (call $load (i32.const 0))))
