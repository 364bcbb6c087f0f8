; A pointer into memory k converted to a pointer into memory j is an error.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'move': wasm-memctl: a pointer into memory 1 is converted to a pointer into the read-only memory (address-space cast)
define i32 @move(ptr addrspace(101) %p) {
  %m = addrspacecast ptr addrspace(101) %p to ptr addrspace(99)
  %v = load i32, ptr addrspace(99) %m
  ret i32 %v
}
