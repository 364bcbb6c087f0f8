; A memory-k pointer turned into an integer and back into a generic pointer.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'peek': wasm-memctl: a pointer into memory 1 is converted to an integer and back to a pointer into memory 0; it would access the wrong memory
define i32 @peek(ptr addrspace(101) %p) {
  %i = ptrtoint ptr addrspace(101) %p to i32
  %j = add i32 %i, 4
  %g = inttoptr i32 %j to ptr
  %v = load i32, ptr %g
  ret i32 %v
}
