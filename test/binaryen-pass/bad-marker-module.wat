;; A "wmc:" import module that names no memory is an error.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; CHECK: wmc-opt: error: marker import module "wmc:m32" names no memory (expected "wmc:m<k>" with 0 <= k <= 31, or "wmc:ro")
(module
  (import "wmc:m32" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "f") (result i32) (call $load (i32.const 0))))
