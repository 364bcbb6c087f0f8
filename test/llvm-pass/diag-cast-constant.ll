; A cast of a memory-k global hidden in a constant expression operand.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

@x = addrspace(101) global i32 0

; CHECK: error: in function 'get': wasm-memctl: address-space cast from memory 1 to memory 0 in a constant expression; pointers into different memories cannot be converted
define i32 @get() {
  %v = load i32, ptr addrspacecast (ptr addrspace(101) @x to ptr)
  ret i32 %v
}
