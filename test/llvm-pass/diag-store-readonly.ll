; Writing the read-only memory is a compile-time error.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'poke': wasm-memctl: store into the read-only memory
define void @poke(ptr addrspace(99) %p) {
  store i32 1, ptr addrspace(99) %p
  ret void
}
