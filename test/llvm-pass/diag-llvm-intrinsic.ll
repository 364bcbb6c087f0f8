; An LLVM intrinsic that accesses memory k and has no marker form.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'f': wasm-memctl: intrinsic 'llvm.memcpy.element.unordered.atomic.p101.p101.i32' on a pointer into memory 1 is not supported
define void @f(ptr addrspace(101) %d, ptr addrspace(101) %s) {
  call void @llvm.memcpy.element.unordered.atomic.p101.p101.i32(ptr addrspace(101) align 4 %d, ptr addrspace(101) align 4 %s, i32 16, i32 4)
  ret void
}
