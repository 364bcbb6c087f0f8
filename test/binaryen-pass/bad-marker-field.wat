;; A marker whose field names no instruction of the ABI is an error.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; CHECK: wmc-opt: error: unknown marker field: import "wmc:m1" "i32.load24_u" names no instruction of docs/toolchain-abi.md
(module
  (import "wmc:m1" "i32.load24_u" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "f") (result i32) (call $load (i32.const 0))))
