;; A trap in the start function is reported like any other trap.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: (%wmc-run %t.wasm 2>&1; echo "exit=$?") | FileCheck %s
;; CHECK: wasm trap: unreachable
;; CHECK: exit=134
(module (func $s unreachable) (start $s))
