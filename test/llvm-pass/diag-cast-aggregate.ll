; A cast hidden inside an aggregate initializer is found too (the backend
; would otherwise abort on "Unsupported expression in static initializer").
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

@x = addrspace(101) global i32 0
@table = global { i32, [2 x ptr] } { i32 1, [2 x ptr] [ptr null, ptr addrspacecast (ptr addrspace(101) @x to ptr)] }

; CHECK: error: wasm-memctl: address-space cast from memory 1 to memory 0 in a constant expression
