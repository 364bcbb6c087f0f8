;; An import wmc-run cannot provide is a clear link error naming it.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: (%wmc-run %t.wasm 2>&1; echo "exit=$?") | FileCheck %s
;; CHECK: wmc-run: error: unknown import "env" "missing" (function)
;; CHECK-NEXT: exit=1
(module (import "env" "missing" (func)))
