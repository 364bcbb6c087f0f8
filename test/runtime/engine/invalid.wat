;; Invalid modules (type errors) are rejected before running, with offset.
;; RUN: %wat2wasm --no-check %s -o %t.wasm
;; RUN: (%wmc-run %t.wasm 2>&1; echo "exit=$?") | FileCheck %s
;; CHECK: wmc-run: error: invalid module '{{.*}}' at byte offset {{[0-9]+}} (0x{{[0-9a-f]+}}): type mismatch: expected i32, found i64
;; CHECK-NEXT: exit=1
(module (func (result i32) (i64.const 1)))
