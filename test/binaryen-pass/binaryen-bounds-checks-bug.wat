;; Why wmc-lower-to-single-memory adds its own bounds checks: in Binaryen 132,
;; `multi-memory-lowering-with-bounds-checks` compares the combined byte
;; address plus the access size with the memory's size in *pages*, so valid
;; accesses trap (memory 0 at address 100 included), while the unchecked
;; `multi-memory-lowering` lets an access past memory 0 read memory 1. Our
;; lowering traps exactly when the multi-memory original does.
;; RUN: %wmc-opt %s --pass multi-memory-lowering-with-bounds-checks -o %t.checked.wasm
;; RUN: %node %S/Inputs/call-export.mjs %t.checked.wasm get0:100 get1:16 | FileCheck %s --check-prefix=CHECKED
;; RUN: %wmc-opt %s --pass multi-memory-lowering -o %t.unchecked.wasm
;; RUN: %node %S/Inputs/call-export.mjs %t.unchecked.wasm get0:100 get0:65552 get1:16 | FileCheck %s --check-prefix=UNCHECKED
;; RUN: %wmc-opt %s --lower-to-single-memory -o %t.ours.wasm 2>/dev/null
;; RUN: %node %S/Inputs/call-export.mjs %t.ours.wasm get0:100 get0:65552 get1:16 get1:65536 | FileCheck %s --check-prefix=OURS
;; RUN: %wmc-opt %s -o %t.multi.wasm
;; RUN: %node %S/Inputs/call-export.mjs %t.multi.wasm get0:100 get0:65552 get1:16 get1:65536 | FileCheck %s --check-prefix=OURS

;; CHECKED:   get0(100) trapped
;; CHECKED:   get1(16) trapped
;; UNCHECKED: get0(100) = 0
;; UNCHECKED: get0(65552) = 7
;; UNCHECKED: get1(16) = 7
;; OURS:      get0(100) = 0
;; OURS:      get0(65552) trapped
;; OURS:      get1(16) = 7
;; OURS:      get1(65536) trapped
(module
  (memory $a 1 1)
  (memory $b 1 1)
  (data (memory $b) (i32.const 16) "\07")
  (func (export "get0") (param i32) (result i32) (i32.load8_u $a (local.get 0)))
  (func (export "get1") (param i32) (result i32) (i32.load8_u $b (local.get 0))))
