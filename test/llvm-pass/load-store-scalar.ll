; Scalar loads and stores in memory k become marker calls on an i32 address.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: define i32 @ints(
; CHECK: %[[A:.*]] = ptrtoint ptr addrspace(101) %p to i32
; CHECK: %[[W8:.*]] = call i32 @__wmc_wmc_m1_i32_load8_u(i32 %[[A]])
; CHECK: trunc i32 %[[W8]] to i8
; CHECK: call i32 @__wmc_wmc_m1_i32_load16_u(
; CHECK: call i32 @__wmc_wmc_m1_i32_load(
; CHECK: call i64 @__wmc_wmc_m1_i64_load(
; CHECK-NOT: load {{.*}}addrspace(101)
; CHECK: ret i32
define i32 @ints(ptr addrspace(101) %p) {
  %a = load i8, ptr addrspace(101) %p
  %b = load i16, ptr addrspace(101) %p, align 1
  %c = load volatile i32, ptr addrspace(101) %p
  %d = load i64, ptr addrspace(101) %p, align 2
  %a1 = zext i8 %a to i32
  %b1 = sext i16 %b to i32
  %d1 = trunc i64 %d to i32
  %s = add i32 %a1, %b1
  %s2 = add i32 %s, %c
  %s3 = add i32 %s2, %d1
  ret i32 %s3
}

; CHECK-LABEL: define void @stores(
; CHECK: call void @__wmc_wmc_m3_i32_store8(i32 %{{.*}}, i32 %{{.*}})
; CHECK: call void @__wmc_wmc_m3_i32_store16(
; CHECK: call void @__wmc_wmc_m3_i32_store(
; CHECK: call void @__wmc_wmc_m3_i64_store(
; CHECK: call void @__wmc_wmc_m3_f32_store(i32 %{{.*}}, float %f)
; CHECK: call void @__wmc_wmc_m3_f64_store(i32 %{{.*}}, double %g)
; CHECK-NOT: store {{.*}}addrspace(103)
define void @stores(ptr addrspace(103) %p, i8 %a, i16 %b, i32 %c, i64 %d, float %f, double %g) {
  store i8 %a, ptr addrspace(103) %p
  store i16 %b, ptr addrspace(103) %p
  store volatile i32 %c, ptr addrspace(103) %p, align 1
  store i64 %d, ptr addrspace(103) %p
  store float %f, ptr addrspace(103) %p
  store double %g, ptr addrspace(103) %p
  ret void
}

; CHECK-LABEL: define double @floats(
; CHECK: call float @__wmc_wmc_m31_f32_load(
; CHECK: call double @__wmc_wmc_m31_f64_load(
define double @floats(ptr addrspace(131) %p) {
  %f = load float, ptr addrspace(131) %p
  %g = load double, ptr addrspace(131) %p
  %e = fpext float %f to double
  %r = fadd double %e, %g
  ret double %r
}

; i1 is one byte in memory.
; CHECK-LABEL: define i1 @bools(
; CHECK: %[[B:.*]] = call i32 @__wmc_wmc_m1_i32_load8_u(
; CHECK: trunc i32 %[[B]] to i8
; CHECK: trunc i8 %{{.*}} to i1
; CHECK: zext i1 %v to i8
; CHECK: call void @__wmc_wmc_m1_i32_store8(
define i1 @bools(ptr addrspace(101) %p, i1 %v) {
  %r = load i1, ptr addrspace(101) %p
  store i1 %v, ptr addrspace(101) %p
  ret i1 %r
}

; Pointers are 32-bit: i32 markers with inttoptr/ptrtoint around them.
; CHECK-LABEL: define ptr addrspace(102) @pointers(
; CHECK: %[[P:.*]] = call i32 @__wmc_wmc_m1_i32_load(
; CHECK: %q = inttoptr i32 %[[P]] to ptr addrspace(102)
; CHECK: %[[V:.*]] = ptrtoint ptr %g to i32
; CHECK: call void @__wmc_wmc_m1_i32_store(i32 %{{.*}}, i32 %[[V]])
define ptr addrspace(102) @pointers(ptr addrspace(101) %p, ptr %g) {
  %q = load ptr addrspace(102), ptr addrspace(101) %p
  store ptr %g, ptr addrspace(101) %p
  ret ptr addrspace(102) %q
}

; Memory 0 accesses are left alone.
; CHECK-LABEL: define i32 @memory0(
; CHECK-NEXT: load i32, ptr %p
; CHECK-NEXT: store i32
; CHECK-NEXT: ret
define i32 @memory0(ptr %p) {
  %v = load i32, ptr %p
  store i32 1, ptr %p
  ret i32 %v
}

; The read-only memory: loads only.
; CHECK-LABEL: define i32 @readonly(
; CHECK: call i32 @__wmc_wmc_ro_i32_load(
define i32 @readonly(ptr addrspace(99) %p) {
  %v = load i32, ptr addrspace(99) %p
  ret i32 %v
}

; CHECK: declare i32 @__wmc_wmc_m1_i32_load8_u(i32) [[ATTR:#[0-9]+]]
; CHECK: attributes [[ATTR]] = { nounwind "wasm-import-module"="wmc:m1" "wasm-import-name"="i32.load8_u" }
