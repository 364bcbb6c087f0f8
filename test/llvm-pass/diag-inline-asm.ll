; An inline asm operand pointing into memory k.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'f': wasm-memctl: inline asm operand points into memory 1
define void @f(ptr addrspace(101) %p) {
  call void asm sideeffect "", "r"(ptr addrspace(101) %p)
  ret void
}
