;; The largest address + largest offset still lands in the reservation and
;; traps, in every memory (multi-memory), not only memory 0.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: (%wmc-run --invoke far1 %t.wasm 0xffffffff 2>&1; echo "exit=$?") | FileCheck %s
;; RUN: (%wmc-run --invoke far0 %t.wasm 0xffffffff 2>&1; echo "exit=$?") | FileCheck %s
;; RUN: %wmc-run --invoke near1 %t.wasm 131064 | FileCheck %s --check-prefix=OK
;; CHECK: wasm trap: out of bounds memory access
;; CHECK: exit=134
;; OK: 0
(module
  (memory 1)
  (memory 2)
  (func (export "far0") (param i32) (result i64) (i64.load offset=0xffffffff (local.get 0)))
  (func (export "far1") (param i32) (result i64) (i64.load 1 offset=0xffffffff (local.get 0)))
  (func (export "near1") (param i32) (result i64) (i64.load 1 (local.get 0))))
