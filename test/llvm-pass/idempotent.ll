; Running the pass twice changes nothing the second time: no second
; declarations record, no new markers, moved globals stay where they are.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-rodata=auto -S %s -o %t.once.ll
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-rodata=auto -S %t.once.ll -o %t.twice.ll
; RUN: sed -e "s/^; ModuleID = .*//" -e "s/^source_filename = .*//" %t.once.ll > %t.once.clean
; RUN: sed -e "s/^; ModuleID = .*//" -e "s/^source_filename = .*//" %t.twice.ll > %t.twice.clean
; RUN: diff %t.once.clean %t.twice.clean
; RUN: FileCheck %s < %t.twice.ll
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

@g = addrspace(101) global i32 1
@tab = internal constant [2 x i32] [i32 5, i32 6]

define i32 @f(i32 %i) {
  %a = load i32, ptr addrspace(101) @g
  %p = getelementptr [2 x i32], ptr @tab, i32 0, i32 %i
  %b = load i32, ptr %p
  %s = add i32 %a, %b
  ret i32 %s
}

; CHECK: @g = global i32 1, section ".wmc.m1.g"
; CHECK: @tab = internal constant [2 x i32] [i32 5, i32 6], section ".wmc.ro.tab"
; CHECK: !wasm.custom_sections = !{![[S:[0-9]+]]}
; CHECK-NOT: !{!"wmc.memories"
; CHECK: ![[S]] = !{!"wmc.memories",
; CHECK-NOT: !{!"wmc.memories"
