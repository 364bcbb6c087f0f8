;; SIMD is rejected with a clear "unsupported feature" error.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: (%wmc-run %t.wasm 2>&1; echo "exit=$?") | FileCheck %s
;; CHECK: error: malformed module '{{.*}}' at byte offset {{.*}}: unsupported feature: SIMD
;; CHECK-NEXT: exit=1
(module (func (result i32) (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4))))
