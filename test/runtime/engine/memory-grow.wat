;; memory.grow makes new pages accessible in place (mprotect); the maximum
;; is enforced and pages past the size stay inaccessible.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wmc-run --invoke run %t.wasm | FileCheck %s
;; RUN: (%wmc-run --invoke past %t.wasm 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=PAST
;; CHECK: 1
;; CHECK-NEXT: -1
;; CHECK-NEXT: 42
;; PAST: wasm trap: out of bounds memory access
;; PAST: exit=134
(module
  (memory 1 3)
  (func (export "run") (result i32 i32 i32)
    (memory.grow (i32.const 1))
    (memory.grow (i32.const 5))
    (i32.store (i32.const 131068) (i32.const 42))
    (i32.load (i32.const 131068)))
  (func (export "past") (result i32)
    (drop (memory.grow (i32.const 1)))
    (i32.load (i32.const 131072))))
