; An unknown __wmc_intrinsic_ name.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

declare void @__wmc_intrinsic_frobnicate(i32)

; CHECK: error: in function 'f': wasm-memctl: unknown intrinsic '__wmc_intrinsic_frobnicate'
define void @f() {
  call void @__wmc_intrinsic_frobnicate(i32 1)
  ret void
}
