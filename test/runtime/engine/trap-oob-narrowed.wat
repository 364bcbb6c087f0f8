;; A wide load whose value is narrowed right away (i64.load + i32.wrap_i64,
;; or i32.load + i32.extend8_s) must still trap when only its upper bytes
;; are out of bounds: the interpreter may fuse the pair into one op, but
;; never into a narrower read (regression: the fusion once read 4 bytes).
;; Memory 0 is 1 page = 65536 bytes; reading 8 bytes at 65532 is out of
;; bounds, reading 8 bytes at 65528 is not. Memory 1 likewise.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: (%wmc-run --invoke wrap0 %t.wasm 65532 2>&1; echo "exit=$?") | FileCheck %s
;; RUN: (%wmc-run --invoke wrap1 %t.wasm 65532 2>&1; echo "exit=$?") | FileCheck %s
;; RUN: (%wmc-run --invoke ext0 %t.wasm 65533 2>&1; echo "exit=$?") | FileCheck %s
;; RUN: %wmc-run --invoke wrap0 %t.wasm 65528 | FileCheck %s --check-prefix=OK
;; RUN: %wmc-run --invoke wrap1 %t.wasm 65528 | FileCheck %s --check-prefix=OK
;; RUN: %wmc-run --invoke ext0 %t.wasm 65532 | FileCheck %s --check-prefix=OK
;; CHECK: wasm trap: out of bounds memory access
;; CHECK: exit=134
;; OK: 0
(module
  (memory 1)
  (memory 1)
  (func (export "wrap0") (param i32) (result i32)
    (i32.wrap_i64 (i64.load (local.get 0))))
  (func (export "wrap1") (param i32) (result i32)
    (i32.wrap_i64 (i64.load 1 (local.get 0))))
  (func (export "ext0") (param i32) (result i32)
    (i32.extend8_s (i32.load (local.get 0)))))
