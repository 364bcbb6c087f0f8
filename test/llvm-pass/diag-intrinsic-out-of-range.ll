; A memory index outside 0..31 and not 65535.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

declare void @__wmc_intrinsic_discard(i32, i32, i32)

; CHECK: error: in function 'drop': wasm-memctl: memory index 32 of __wmc_intrinsic_discard is out of range (0..31 or 65535 for the read-only memory)
define void @drop() {
  call void @__wmc_intrinsic_discard(i32 32, i32 0, i32 4096)
  ret void
}
