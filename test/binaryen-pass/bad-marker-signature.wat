;; A marker whose signature differs from the ABI's is an error.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; CHECK: wmc-opt: error: marker "wmc:m3" "i64.store16" has signature (i32, i32) -> (), expected (i32, i64) -> ()
(module
  (import "wmc:m3" "i64.store16" (func $store (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "f") (call $store (i32.const 0) (i32.const 1))))
