; An atomic access wasm has no instruction for.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'f': wasm-memctl: atomic load of type 'i128' from memory 1 is not supported
define i128 @f(ptr addrspace(101) %p) "target-features"="+atomics" {
  %v = load atomic i128, ptr addrspace(101) %p seq_cst, align 16
  ret i128 %v
}
