; llvm.memcpy/memmove/memset in every memory pair become memory.copy /
; memory.fill markers on the destination's module; memory 0 ↔ memory 0 stays.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: define void @copies(
; CHECK: %[[D1:.*]] = ptrtoint ptr addrspace(101) %m1 to i32
; CHECK: %[[S2:.*]] = ptrtoint ptr addrspace(102) %m2 to i32
; CHECK: call void @__wmc_wmc_m1_memory_copy_m2(i32 %[[D1]], i32 %[[S2]], i32 %n)
; CHECK: call void @__wmc_wmc_m1_memory_copy_m0(
; CHECK: call void @__wmc_wmc_m0_memory_copy_m1(
; CHECK: call void @__wmc_wmc_m2_memory_copy_ro(
; CHECK: call void @__wmc_wmc_m0_memory_copy_ro(
; CHECK: call void @__wmc_wmc_m1_memory_copy_m1(
; CHECK: call void @llvm.memcpy.p0.p0.i32(ptr %m0, ptr %m0b, i32 %n, i1 false)
; CHECK: ret void
define void @copies(ptr addrspace(101) %m1, ptr addrspace(102) %m2, ptr %m0, ptr %m0b, ptr addrspace(99) %ro, i32 %n) {
  call void @llvm.memcpy.p101.p102.i32(ptr addrspace(101) %m1, ptr addrspace(102) %m2, i32 %n, i1 false)
  call void @llvm.memcpy.p101.p0.i32(ptr addrspace(101) %m1, ptr %m0, i32 %n, i1 false)
  call void @llvm.memcpy.p0.p101.i32(ptr %m0, ptr addrspace(101) %m1, i32 %n, i1 true)
  call void @llvm.memcpy.p102.p99.i32(ptr addrspace(102) %m2, ptr addrspace(99) %ro, i32 %n, i1 false)
  call void @llvm.memmove.p0.p99.i32(ptr %m0, ptr addrspace(99) %ro, i32 %n, i1 false)
  call void @llvm.memmove.p101.p101.i32(ptr addrspace(101) %m1, ptr addrspace(101) %m1, i32 %n, i1 false)
  call void @llvm.memcpy.p0.p0.i32(ptr %m0, ptr %m0b, i32 %n, i1 false)
  ret void
}

; A constant length and a 64-bit length are converted to i32.
; CHECK-LABEL: define void @lengths(
; CHECK: call void @__wmc_wmc_m1_memory_copy_m2(i32 %{{.*}}, i32 %{{.*}}, i32 16)
; CHECK: %[[L:.*]] = trunc i64 %n to i32
; CHECK: call void @__wmc_wmc_m1_memory_copy_m2(i32 %{{.*}}, i32 %{{.*}}, i32 %[[L]])
define void @lengths(ptr addrspace(101) %m1, ptr addrspace(102) %m2, i64 %n) {
  call void @llvm.memcpy.inline.p101.p102.i32(ptr addrspace(101) %m1, ptr addrspace(102) %m2, i32 16, i1 false)
  call void @llvm.memcpy.p101.p102.i64(ptr addrspace(101) %m1, ptr addrspace(102) %m2, i64 %n, i1 false)
  ret void
}

; CHECK-LABEL: define void @fills(
; CHECK: %[[B:.*]] = zext i8 %b to i32
; CHECK: call void @__wmc_wmc_m5_memory_fill(i32 %{{.*}}, i32 %[[B]], i32 %n)
; CHECK: call void @__wmc_wmc_m5_memory_fill(i32 %{{.*}}, i32 0, i32 64)
; CHECK: call void @llvm.memset.p0.i32(ptr %m0, i8 %b, i32 %n, i1 false)
define void @fills(ptr addrspace(105) %m5, ptr %m0, i8 %b, i32 %n) {
  call void @llvm.memset.p105.i32(ptr addrspace(105) %m5, i8 %b, i32 %n, i1 false)
  call void @llvm.memset.inline.p105.i32(ptr addrspace(105) %m5, i8 0, i32 64, i1 true)
  call void @llvm.memset.p0.i32(ptr %m0, i8 %b, i32 %n, i1 false)
  ret void
}

; The overloads on our address spaces are gone; memory 0's stay.
; CHECK-NOT: declare {{.*}}@llvm.mem{{.*}}.p10
; CHECK: declare void @__wmc_wmc_m1_memory_copy_m2(i32, i32, i32) [[C12:#[0-9]+]]
; CHECK-NOT: declare {{.*}}@llvm.mem{{.*}}.p10
; CHECK: attributes [[C12]] = { nounwind "wasm-import-module"="wmc:m1" "wasm-import-name"="memory.copy.m2" }
