; An alias in a memory's address space.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

@g = addrspace(101) global i32 0
@a = alias i32, ptr addrspace(101) @g

; CHECK: error: wasm-memctl: alias 'a' of an object in memory 1 is not supported
