; Pointer values in memory k (arguments, returns, GEPs, phis, selects,
; comparisons, pointers stored in memory 0) are i32 to the wasm backend and
; stay as they are; only the accesses through them become markers.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

@slot = global ptr addrspace(101) null

; CHECK-LABEL: define i32 @sum(ptr addrspace(101) %base, i32 %n)
; CHECK: loop:
; CHECK: %p = phi ptr addrspace(101) [ %base, %entry ], [ %next, %loop ]
; CHECK: %[[A:.*]] = ptrtoint ptr addrspace(101) %p to i32
; CHECK: %v = call i32 @__wmc_wmc_m1_i32_load(i32 %[[A]])
; CHECK: %next = getelementptr inbounds i32, ptr addrspace(101) %p, i32 1
define i32 @sum(ptr addrspace(101) %base, i32 %n) {
entry:
  br label %loop
loop:
  %p = phi ptr addrspace(101) [ %base, %entry ], [ %next, %loop ]
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s1, %loop ]
  %v = load i32, ptr addrspace(101) %p
  %s1 = add i32 %s, %v
  %next = getelementptr inbounds i32, ptr addrspace(101) %p, i32 1
  %i1 = add i32 %i, 1
  %done = icmp eq i32 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i32 %s1
}

; CHECK-LABEL: define ptr addrspace(101) @choose(
; CHECK: %q = select i1 %c, ptr addrspace(101) %a, ptr addrspace(101) %b
; CHECK: icmp eq ptr addrspace(101) %q, null
; CHECK: store ptr addrspace(101) %q, ptr @slot
; CHECK: call void @__wmc_wmc_m1_i32_store(
; CHECK: ret ptr addrspace(101) %q
define ptr addrspace(101) @choose(i1 %c, ptr addrspace(101) %a, ptr addrspace(101) %b) {
  %q = select i1 %c, ptr addrspace(101) %a, ptr addrspace(101) %b
  %z = icmp eq ptr addrspace(101) %q, null
  br i1 %z, label %out, label %write
write:
  store ptr addrspace(101) %q, ptr @slot
  store i32 1, ptr addrspace(101) %q
  br label %out
out:
  ret ptr addrspace(101) %q
}

; CHECK-LABEL: define i32 @caller(
; CHECK: call ptr addrspace(101) @choose(i1 true, ptr addrspace(101) %a, ptr addrspace(101) null)
; CHECK: call i32 @sum(
define i32 @caller(ptr addrspace(101) %a) {
  %r = call ptr addrspace(101) @choose(i1 true, ptr addrspace(101) %a, ptr addrspace(101) null)
  %s = call i32 @sum(ptr addrspace(101) %r, i32 4)
  ret i32 %s
}

; Harmless intrinsics on such pointers are dropped or kept as values.
; CHECK-LABEL: define void @harmless(
; CHECK-NOT: llvm.lifetime
; CHECK-NOT: llvm.prefetch
; CHECK-NOT: llvm.launder
; CHECK: call void @__wmc_wmc_m1_i32_store(i32 %{{.*}}, i32 3)
; CHECK: ret void
define void @harmless(ptr addrspace(101) %p) {
  call void @llvm.prefetch.p101(ptr addrspace(101) %p, i32 0, i32 3, i32 1)
  %l = call ptr addrspace(101) @llvm.launder.invariant.group.p101(ptr addrspace(101) %p)
  store i32 3, ptr addrspace(101) %l
  ret void
}

; A null cast between address spaces is folded, not diagnosed.
; CHECK-LABEL: define ptr addrspace(101) @null_cast(
; CHECK: ret ptr addrspace(101) null
define ptr addrspace(101) @null_cast() {
  %n = addrspacecast ptr null to ptr addrspace(101)
  ret ptr addrspace(101) %n
}
