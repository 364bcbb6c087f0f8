; 128-bit vectors use v128 markers when the function has +simd128; without
; it, and for other widths, vectors are split through integers or elements.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: define <4 x float> @simd_load(
; CHECK: %[[V:.*]] = call <4 x i32> @__wmc_wmc_m1_v128_load(i32
; CHECK: bitcast <4 x i32> %[[V]] to <4 x float>
define <4 x float> @simd_load(ptr addrspace(101) %p) #0 {
  %v = load <4 x float>, ptr addrspace(101) %p
  ret <4 x float> %v
}

; CHECK-LABEL: define void @simd_store(
; CHECK: %[[V:.*]] = bitcast <16 x i8> %v to <4 x i32>
; CHECK: call void @__wmc_wmc_m1_v128_store(i32 %{{.*}}, <4 x i32> %[[V]])
define void @simd_store(ptr addrspace(101) %p, <16 x i8> %v) #0 {
  store <16 x i8> %v, ptr addrspace(101) %p, align 1
  ret void
}

; No simd128: the same vector goes through i128, i.e. two i64 pieces.
; CHECK-LABEL: define <4 x i32> @nosimd_load(
; CHECK-NOT: v128
; CHECK: call i64 @__wmc_wmc_m1_i64_load(
; CHECK: call i64 @__wmc_wmc_m1_i64_load(
; CHECK: bitcast i128 %{{.*}} to <4 x i32>
define <4 x i32> @nosimd_load(ptr addrspace(101) %p) {
  %v = load <4 x i32>, ptr addrspace(101) %p
  ret <4 x i32> %v
}

; 64-bit vector even with simd128: one i64 piece.
; CHECK-LABEL: define void @v2f32_store(
; CHECK: bitcast <2 x float> %v to i64
; CHECK: call void @__wmc_wmc_m1_i64_store(
define void @v2f32_store(ptr addrspace(101) %p, <2 x float> %v) #0 {
  store <2 x float> %v, ptr addrspace(101) %p
  ret void
}

; <3 x float> is 12 bytes: i64 + i32.
; CHECK-LABEL: define <3 x float> @v3f32_load(
; CHECK: call i64 @__wmc_wmc_m1_i64_load(
; CHECK: call i32 @__wmc_wmc_m1_i32_load(
; CHECK: bitcast i96 %{{.*}} to <3 x float>
define <3 x float> @v3f32_load(ptr addrspace(101) %p) {
  %v = load <3 x float>, ptr addrspace(101) %p
  ret <3 x float> %v
}

; Vectors of pointers go through <N x i32>.
; CHECK-LABEL: define <2 x ptr> @vptr_load(
; CHECK: call i64 @__wmc_wmc_m1_i64_load(
; CHECK: inttoptr <2 x i32> %{{.*}} to <2 x ptr>
define <2 x ptr> @vptr_load(ptr addrspace(101) %p) {
  %v = load <2 x ptr>, ptr addrspace(101) %p
  ret <2 x ptr> %v
}

; <8 x i1> is one byte.
; CHECK-LABEL: define <8 x i1> @vbool_load(
; CHECK: call i32 @__wmc_wmc_m1_i32_load8_u(
; CHECK: bitcast i8 %{{.*}} to <8 x i1>
define <8 x i1> @vbool_load(ptr addrspace(101) %p) {
  %v = load <8 x i1>, ptr addrspace(101) %p
  ret <8 x i1> %v
}

attributes #0 = { "target-features"="+simd128" }

; <3 x i1> has padding bits: i3 in one byte.
; CHECK-LABEL: define void @vbool3_store(
; CHECK: %[[I:.*]] = bitcast <3 x i1> %v to i3
; CHECK: zext i3 %[[I]] to i8
; CHECK: call void @__wmc_wmc_m1_i32_store8(
define void @vbool3_store(ptr addrspace(101) %p, <3 x i1> %v) {
  store <3 x i1> %v, ptr addrspace(101) %p
  ret void
}

; 256-bit vectors with simd128: two v128 halves.
; CHECK-LABEL: define <8 x float> @wide_simd(
; CHECK: %[[A:.*]] = ptrtoint ptr addrspace(101) %p to i32
; CHECK: %[[L0:.*]] = call <4 x i32> @__wmc_wmc_m1_v128_load(i32 %[[A]])
; CHECK: %[[A16:.*]] = add i32 %[[A]], 16
; CHECK: %[[L1:.*]] = call <4 x i32> @__wmc_wmc_m1_v128_load(i32 %[[A16]])
; CHECK: shufflevector <4 x i32> %[[L0]], <4 x i32> %[[L1]], <8 x i32> <i32 0, i32 1, i32 2, i32 3, i32 4, i32 5, i32 6, i32 7>
; CHECK: %[[W:.*]] = bitcast <8 x float> %v to <8 x i32>
; CHECK: shufflevector <8 x i32> %[[W]], <8 x i32> poison, <4 x i32> <i32 0, i32 1, i32 2, i32 3>
; CHECK: call void @__wmc_wmc_m1_v128_store(
; CHECK: shufflevector <8 x i32> %[[W]], <8 x i32> poison, <4 x i32> <i32 4, i32 5, i32 6, i32 7>
; CHECK: call void @__wmc_wmc_m1_v128_store(
define <8 x float> @wide_simd(ptr addrspace(101) %p, <8 x float> %v) #0 {
  %r = load <8 x float>, ptr addrspace(101) %p
  store <8 x float> %v, ptr addrspace(101) %p
  ret <8 x float> %r
}
