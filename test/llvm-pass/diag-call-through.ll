; Calling through a pointer into memory k (a function "in" memory k).
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: in function 'call': wasm-memctl: call through a pointer into memory 1: functions cannot live in memory 1
define void @call(ptr addrspace(101) %fp) {
  call addrspace(101) void %fp()
  ret void
}
