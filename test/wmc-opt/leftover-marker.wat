;; --finalize refuses to write a module that still imports a marker it cannot
;; lower (contract 5): the error names the marker; nothing is written.
;; RUN: rm -f %t.wasm
;; RUN: not %wmc-opt %s --finalize -o %t.wasm 2>&1 | FileCheck %s
;; RUN: test ! -e %t.wasm
;; CHECK: wmc-opt: error: {{.*}}"wmc:m7" "i32.frobnicate"
(module
  (import "wmc:m7" "i32.frobnicate" (func $m (param i32) (result i32)))
  (memory 1)
  (func (export "f") (result i32) (call $m (i32.const 0))))
