;; wmc-move-segments: `.wmc.m<k>` / `.wmc.ro` segments move to their memory at
;; the same offset (so existing pointers stay valid), all-zero ones are dropped
;; after recording their extent, each memory grows to cover its static data,
;; and heap_base becomes the end of the static data rounded up to 16.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize -o %t.out.wasm
;; RUN: %wasm-validate %t.out.wasm
;; RUN: %wasm2wat %t.out.wasm | FileCheck %s --check-prefix=BIN
;; RUN: %node %S/Inputs/call-export.mjs %t.out.wasm get1:1024 get1:131070 getro:2048 get0:1024 get0:3000 heap1 heapro | FileCheck %s --check-prefix=NODE

;; WMC-DECL: 1 big 1 4 0 0 a.c:1
;; WMC-DECL: ro rodata 1 65536 READONLY|IMPLICIT 0 a.c

;; Memory 0 keeps its own data; memory 1 needs 2 pages for the zero segment
;; that ends at 70000 (the segment itself is dropped: memories start zeroed).
;; CHECK:      (memory $0 1)
;; CHECK-NEXT: (memory $big 2 4)
;; CHECK-NEXT: (memory $rodata 1 65536)
;; CHECK:      (data $.wmc.m1 (memory $big) (i32.const 1024) "\01\00\00\00one!")
;; CHECK-NEXT: (data $.wmc.ro.table (memory $rodata) (i32.const 2048) "\07\00\00\00")
;; CHECK-NEXT: (data $.data (i32.const 3000) "zero")
;; CHECK-NOT:  (data $.wmc.m1.bss
;; CHECK-LABEL: (func $heap1 (result i32)
;; CHECK-NEXT:  (i32.const 70000)
;; CHECK-LABEL: (func $heapro (result i32)
;; CHECK-NEXT:  (i32.const 2064)

;; BIN: (data $.wmc.m1 $big (i32.const 1024) "\01\00\00\00one!")
;; BIN: (data $.wmc.ro.table $rodata (i32.const 2048) "\07\00\00\00")

;; NODE: get1(1024) = 1
;; NODE: get1(131070) trapped
;; NODE: getro(2048) = 7
;; NODE: get0(1024) = 0
;; NODE: get0(3000) = 1869768058
;; NODE: heap1() = 70000
;; NODE: heapro() = 2064
(module
  (import "wmc:m1" "i32.load" (func $load1 (param i32) (result i32)))
  (import "wmc:ro" "i32.load" (func $loadro (param i32) (result i32)))
  (import "wmc:m1" "heap_base" (func $heap_base1 (result i32)))
  (import "wmc:ro" "heap_base" (func $heap_basero (result i32)))
  (memory (export "memory") 1)
  (data $.wmc.m1 (i32.const 1024) "\01\00\00\00one!")
  (data $.wmc.ro.table (i32.const 2048) "\07\00\00\00")
  (data $.data (i32.const 3000) "zero")
  (data $.wmc.m1.bss (i32.const 4096) "\00\00\00\00")
  (data $.wmc.m1.big.bss (i32.const 69996) "\00\00\00\00")
  (func $get1 (export "get1") (param $p i32) (result i32)
    (call $load1 (local.get $p)))
  (func $getro (export "getro") (param $p i32) (result i32)
    (call $loadro (local.get $p)))
  (func $get0 (export "get0") (param $p i32) (result i32)
    (i32.load (local.get $p)))
  (func $heap1 (export "heap1") (result i32)
    (call $heap_base1))
  (func $heapro (export "heapro") (result i32)
    (call $heap_basero)))
