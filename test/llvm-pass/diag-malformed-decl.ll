; A __wmc_memdecl global that does not follow the IR contract.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: wasm-memctl: malformed memory declaration '__wmc_memdecl_0': expected { i32, i32, i32, i32, ptr, ptr }
@__wmc_memdecl_0 = internal constant i32 1
