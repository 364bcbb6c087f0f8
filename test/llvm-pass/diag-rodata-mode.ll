; -wmc-rodata accepts only auto and off.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-rodata=all -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: wasm-memctl: invalid value 'all' for -wmc-rodata (expected auto or off)
