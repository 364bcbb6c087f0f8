; A generic pointer converted to a pointer into memory k is an error.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'put': wasm-memctl: a generic pointer is converted to a pointer into memory 2 (address-space cast); pointers into different memories cannot be converted
define void @put(ptr %p) {
  %m = addrspacecast ptr %p to ptr addrspace(102)
  store i32 1, ptr addrspace(102) %m
  ret void
}
