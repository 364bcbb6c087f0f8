; Wide integers, odd widths, other float types and aggregates are split
; little-endian into i64/i32/i16/i8 pieces at increasing offsets.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: define i128 @load_i128(
; CHECK: %[[A:.*]] = ptrtoint ptr addrspace(101) %p to i32
; CHECK: call i64 @__wmc_wmc_m1_i64_load(i32 %[[A]])
; CHECK: %[[A8:.*]] = add i32 %[[A]], 8
; CHECK: call i64 @__wmc_wmc_m1_i64_load(i32 %[[A8]])
; CHECK: shl i128 %{{.*}}, 64
; CHECK-NOT: call
; CHECK: ret i128
define i128 @load_i128(ptr addrspace(101) %p) {
  %v = load i128, ptr addrspace(101) %p
  ret i128 %v
}

; CHECK-LABEL: define void @store_i128(
; CHECK: call void @__wmc_wmc_m1_i64_store(i32 %[[A:.*]], i64
; CHECK: lshr i128 %v, 64
; CHECK: call void @__wmc_wmc_m1_i64_store(
define void @store_i128(ptr addrspace(101) %p, i128 %v) {
  store i128 %v, ptr addrspace(101) %p
  ret void
}

; i24 has a store size of 3 bytes: a 16-bit and an 8-bit piece.
; CHECK-LABEL: define i24 @load_i24(
; CHECK: call i32 @__wmc_wmc_m1_i32_load16_u(
; CHECK: call i32 @__wmc_wmc_m1_i32_load8_u(
; CHECK: shl i24 %{{.*}}, 16
define i24 @load_i24(ptr addrspace(101) %p) {
  %v = load i24, ptr addrspace(101) %p
  ret i24 %v
}

; CHECK-LABEL: define void @store_i56(
; CHECK: call void @__wmc_wmc_m1_i32_store(
; CHECK: call void @__wmc_wmc_m1_i32_store16(
; CHECK: call void @__wmc_wmc_m1_i32_store8(
define void @store_i56(ptr addrspace(101) %p, i56 %v) {
  store i56 %v, ptr addrspace(101) %p
  ret void
}

; CHECK-LABEL: define half @load_half(
; CHECK: call i32 @__wmc_wmc_m1_i32_load16_u(
; CHECK: bitcast i16 %{{.*}} to half
define half @load_half(ptr addrspace(101) %p) {
  %v = load half, ptr addrspace(101) %p
  ret half %v
}

; CHECK-LABEL: define void @store_fp128(
; CHECK: bitcast fp128 %v to i128
; CHECK: call void @__wmc_wmc_m1_i64_store(
; CHECK: call void @__wmc_wmc_m1_i64_store(
define void @store_fp128(ptr addrspace(101) %p, fp128 %v) {
  store fp128 %v, ptr addrspace(101) %p
  ret void
}

%pair = type { i8, i32, double }

; Struct fields at their layout offsets: 0, 4, 8.
; CHECK-LABEL: define %pair @load_struct(
; CHECK: %[[A:.*]] = ptrtoint ptr addrspace(102) %p to i32
; CHECK: call i32 @__wmc_wmc_m2_i32_load8_u(i32 %[[A]])
; CHECK: %[[A4:.*]] = add i32 %[[A]], 4
; CHECK: call i32 @__wmc_wmc_m2_i32_load(i32 %[[A4]])
; CHECK: %[[A8:.*]] = add i32 %[[A]], 8
; CHECK: call double @__wmc_wmc_m2_f64_load(i32 %[[A8]])
; CHECK: insertvalue %pair
define %pair @load_struct(ptr addrspace(102) %p) {
  %v = load %pair, ptr addrspace(102) %p
  ret %pair %v
}

; CHECK-LABEL: define void @store_array(
; CHECK: extractvalue [3 x i16] %v, 0
; CHECK: call void @__wmc_wmc_m2_i32_store16(
; CHECK: add i32 %{{.*}}, 2
; CHECK: call void @__wmc_wmc_m2_i32_store16(
; CHECK: add i32 %{{.*}}, 4
; CHECK: call void @__wmc_wmc_m2_i32_store16(
define void @store_array(ptr addrspace(102) %p, [3 x i16] %v) {
  store [3 x i16] %v, ptr addrspace(102) %p
  ret void
}

; Empty aggregates have nothing to access.
; CHECK-LABEL: define {} @empty(
; CHECK-NOT: call
; CHECK: ret {} poison
define {} @empty(ptr addrspace(101) %p) {
  %v = load {}, ptr addrspace(101) %p
  store {} %v, ptr addrspace(101) %p
  ret {} %v
}
