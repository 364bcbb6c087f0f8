; Atomic read-modify-write on the read-only memory is an error.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'inc': wasm-memctl: atomic read-modify-write on the read-only memory
define i32 @inc(ptr addrspace(99) %p) {
  %r = atomicrmw add ptr addrspace(99) %p, i32 1 seq_cst
  ret i32 %r
}
