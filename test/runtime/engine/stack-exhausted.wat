;; Unbounded recursion is a "call stack exhausted" trap, never a host crash.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: (%wmc-run --invoke rec %t.wasm 0 2>&1; echo "exit=$?") | FileCheck %s
;; CHECK: wasm trap: call stack exhausted
;; CHECK-NEXT: wasm backtrace:
;; CHECK-NEXT: 0: $rec
;; CHECK: more frames
;; CHECK: exit=134
(module
  (func $rec (export "rec") (param i32) (result i32)
    (call $rec (i32.add (local.get 0) (i32.const 1)))))
