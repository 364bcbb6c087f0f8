;; Static data inside a declared null guard would become unreadable: error
;; with the fix (a larger --global-base).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; WMC-DECL: 1 heap 1 16 0 4096 heap.c:7
;; CHECK: wmc-opt: error: data segment ".wmc.m1" at address 1024 lies in the 4096-byte null guard of memory 1 (declared at heap.c:7); link with -Wl,--global-base=4096 or larger
(module
  (import "wmc:m1" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  (data $.wmc.m1 (i32.const 1024) "x")
  (func (export "f") (result i32) (call $load (i32.const 1024))))
