;; A memory whose static data does not fit under its declared maximum is an
;; error naming the memory, the size needed and the maximum.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; WMC-DECL: 1 tiny 1 1 0 0 tiny.c:3
;; CHECK: wmc-opt: error: memory 1 ("tiny") needs 2 pages for its static data (65540 bytes), more than its declared maximum of 1 pages
(module
  (import "wmc:m1" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 2)
  (data $.wmc.m1 (i32.const 65536) "abcd")
  (func (export "f") (result i32) (call $load (i32.const 65536))))
