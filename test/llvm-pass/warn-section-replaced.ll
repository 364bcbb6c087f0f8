; A user section on an object of memory k is replaced by the memory's
; section, with a warning (the object still lands in memory k).
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: warning: wasm-memctl: section 'mysec' of 'x' is replaced by '.wmc.m1.x': objects of memory 1 live in its own sections
; CHECK: @x = global i32 0, section ".wmc.m1.x"
@x = addrspace(101) global i32 0, section "mysec"
