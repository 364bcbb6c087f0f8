;; Writing the read-only memory (or a memory declared read-only) is an error:
;; the output would trap on every such write.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; CHECK: wmc-opt: error: marker "wmc:ro" "i32.store8" writes the read-only memory
(module
  (import "wmc:ro" "i32.store8" (func $store (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "f") (call $store (i32.const 0) (i32.const 1))))
