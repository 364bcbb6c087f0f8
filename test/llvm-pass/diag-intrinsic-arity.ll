; A known intrinsic with the wrong number of arguments.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

declare i32 @__wmc_intrinsic_memory_grow(i32)

; CHECK: error: in function 'f': wasm-memctl: '__wmc_intrinsic_memory_grow' takes 2 arguments
define i32 @f() {
  %r = call i32 @__wmc_intrinsic_memory_grow(i32 1)
  ret i32 %r
}
