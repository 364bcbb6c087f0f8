;; An out-of-bounds load faults on the guard region (no software bounds
;; check) and becomes a wasm trap with a backtrace of name-section names.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: (%wmc-run --invoke outer %t.wasm 65533 2>&1; echo "exit=$?") | FileCheck %s
;; RUN: %wmc-run --invoke outer %t.wasm 65532 | FileCheck %s --check-prefix=OK
;; CHECK: wasm trap: out of bounds memory access
;; CHECK-NEXT: wasm backtrace:
;; CHECK-NEXT: 0: $inner
;; CHECK-NEXT: 1: $outer
;; CHECK: exit=134
;; OK: 0
(module
  (memory 1)
  (func $inner (param i32) (result i32) (i32.load (local.get 0)))
  (func $outer (export "outer") (param i32) (result i32)
    (call $inner (local.get 0))))
