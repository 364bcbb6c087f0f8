; A memory index that is not a constant (code compiled without clang-ext).
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

declare i32 @__wmc_intrinsic_memory_size(i32)

; CHECK: error: in function 'size': wasm-memctl: memory index of __wmc_intrinsic_memory_size is not a constant
define i32 @size(i32 %k) {
  %s = call i32 @__wmc_intrinsic_memory_size(i32 %k)
  ret i32 %s
}
