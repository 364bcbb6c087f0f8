;; --invoke parses arguments by parameter type and prints every result.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wmc-run --invoke swap %t.wasm -7 0x10 1.5 -2.25 | FileCheck %s
;; RUN: (%wmc-run --invoke swap %t.wasm 1 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=ARITY
;; RUN: (%wmc-run --invoke nope %t.wasm 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=NOPE
;; CHECK: -2.25
;; CHECK-NEXT: 1.5
;; CHECK-NEXT: 16
;; CHECK-NEXT: -7
;; ARITY: error: 'swap' expects 4 argument(s)
;; ARITY: exit=2
;; NOPE: error: module has no export named 'nope'
;; NOPE: exit=1
(module
  (func (export "swap") (param i32 i64 f32 f64) (result f64 f32 i64 i32)
    (local.get 3) (local.get 2) (local.get 1) (local.get 0)))
