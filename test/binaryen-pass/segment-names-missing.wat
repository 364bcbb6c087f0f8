;; Without segment names (wasm-ld --strip-all) nothing can be placed: error.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; WMC-DECL: 1 heap 1 16 0 0 a.c:1
;; CHECK: wmc-opt: error: segment names missing: the data segments carry no names (linked with --strip-all or --strip-debug?), so the data of memories other than 0 cannot be placed
(module
  (import "wmc:m1" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  (data $.wmc.m1 (i32.const 1024) "x")
  (func (export "f") (result i32) (call $load (i32.const 1024))))
