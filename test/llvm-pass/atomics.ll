; Atomics with the wasm "atomics" feature become *.atomic.* markers;
; atomicrmw operations wasm lacks become a cmpxchg loop; cmpxchg's
; { value, success } pair is rebuilt.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: define i32 @atomic_loads(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_load8_u(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_load16_u(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_load(
; CHECK: call i64 @__wmc_wmc_m1_i64_atomic_load(
; CHECK: %[[P:.*]] = call i32 @__wmc_wmc_m1_i32_atomic_load(
; CHECK: inttoptr i32 %[[P]] to ptr
; CHECK: %[[F:.*]] = call i32 @__wmc_wmc_m1_i32_atomic_load(
; CHECK: bitcast i32 %[[F]] to float
define i32 @atomic_loads(ptr addrspace(101) %p) #0 {
  %a = load atomic i8, ptr addrspace(101) %p seq_cst, align 1
  %b = load atomic i16, ptr addrspace(101) %p acquire, align 2
  %c = load atomic i32, ptr addrspace(101) %p monotonic, align 4
  %d = load atomic i64, ptr addrspace(101) %p seq_cst, align 8
  %e = load atomic ptr, ptr addrspace(101) %p seq_cst, align 4
  %f = load atomic float, ptr addrspace(101) %p seq_cst, align 4
  ret i32 %c
}

; CHECK-LABEL: define void @atomic_stores(
; CHECK: call void @__wmc_wmc_m2_i32_atomic_store8(
; CHECK: call void @__wmc_wmc_m2_i32_atomic_store16(
; CHECK: call void @__wmc_wmc_m2_i32_atomic_store(
; CHECK: call void @__wmc_wmc_m2_i64_atomic_store(
define void @atomic_stores(ptr addrspace(102) %p, i8 %a, i16 %b, i32 %c, i64 %d) #0 {
  store atomic i8 %a, ptr addrspace(102) %p seq_cst, align 1
  store atomic i16 %b, ptr addrspace(102) %p release, align 2
  store atomic i32 %c, ptr addrspace(102) %p seq_cst, align 4
  store atomic i64 %d, ptr addrspace(102) %p seq_cst, align 8
  ret void
}

; CHECK-LABEL: define i32 @rmw_native(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw_add(i32 %{{.*}}, i32 %v)
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw_sub(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw_and(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw_or(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw_xor(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw_xchg(
; CHECK: call i64 @__wmc_wmc_m1_i64_atomic_rmw_add(
; CHECK: %[[N:.*]] = zext i8 %n to i32
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw8_add_u(i32 %{{.*}}, i32 %[[N]])
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw16_xchg_u(
define i32 @rmw_native(ptr addrspace(101) %p, i32 %v, i64 %w, i8 %n, i16 %h) #0 {
  %a = atomicrmw add ptr addrspace(101) %p, i32 %v seq_cst
  %b = atomicrmw sub ptr addrspace(101) %p, i32 %v seq_cst
  %c = atomicrmw and ptr addrspace(101) %p, i32 %v seq_cst
  %d = atomicrmw or ptr addrspace(101) %p, i32 %v seq_cst
  %e = atomicrmw xor ptr addrspace(101) %p, i32 %v seq_cst
  %f = atomicrmw xchg ptr addrspace(101) %p, i32 %v seq_cst
  %g = atomicrmw add ptr addrspace(101) %p, i64 %w seq_cst
  %h8 = atomicrmw add ptr addrspace(101) %p, i8 %n seq_cst
  %h16 = atomicrmw xchg ptr addrspace(101) %p, i16 %h seq_cst
  ret i32 %a
}

; CHECK-LABEL: define i32 @rmw_loop(
; CHECK: %[[A:.*]] = ptrtoint ptr addrspace(101) %p to i32
; CHECK: %[[I:.*]] = call i32 @__wmc_wmc_m1_i32_atomic_load(i32 %[[A]])
; CHECK: br label %wmc.rmw.loop
; CHECK: wmc.rmw.loop:
; CHECK: %m = phi i32 [ %[[I]], %{{.*}} ], [ %[[S:.*]], %wmc.rmw.loop ]
; CHECK: icmp sgt i32 %m, %v
; CHECK: %[[NEW:.*]] = select i1 %{{.*}}, i32 %m, i32 %v
; CHECK: %[[S]] = call i32 @__wmc_wmc_m1_i32_atomic_rmw_cmpxchg(i32 %[[A]], i32 %m, i32 %[[NEW]])
; CHECK: %[[OK:.*]] = icmp eq i32 %[[S]], %m
; CHECK: br i1 %[[OK]], label %wmc.rmw.done, label %wmc.rmw.loop
; CHECK: wmc.rmw.done:
; CHECK: ret i32 %m
define i32 @rmw_loop(ptr addrspace(101) %p, i32 %v) #0 {
  %m = atomicrmw max ptr addrspace(101) %p, i32 %v seq_cst
  ret i32 %m
}

; CHECK-LABEL: define float @rmw_fadd(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_load(
; CHECK: fadd float
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw_cmpxchg(
define float @rmw_fadd(ptr addrspace(101) %p, float %v) #0 {
  %m = atomicrmw fadd ptr addrspace(101) %p, float %v seq_cst
  ret float %m
}

; CHECK-LABEL: define i1 @cas(
; CHECK: %[[S:.*]] = call i32 @__wmc_wmc_m1_i32_atomic_rmw_cmpxchg(i32 %{{.*}}, i32 %old, i32 %new)
; CHECK: %[[OK:.*]] = icmp eq i32 %[[S]], %old
; CHECK: %[[P:.*]] = insertvalue { i32, i1 } poison, i32 %[[S]], 0
; CHECK: %r = insertvalue { i32, i1 } %[[P]], i1 %[[OK]], 1
; CHECK: call i64 @__wmc_wmc_m1_i64_atomic_rmw_cmpxchg(
; CHECK: call i32 @__wmc_wmc_m1_i32_atomic_rmw8_cmpxchg_u(
define i1 @cas(ptr addrspace(101) %p, i32 %old, i32 %new, i64 %w, i8 %b) #0 {
  %r = cmpxchg ptr addrspace(101) %p, i32 %old, i32 %new seq_cst seq_cst
  %r64 = cmpxchg weak ptr addrspace(101) %p, i64 %w, i64 0 acq_rel monotonic
  %r8 = cmpxchg ptr addrspace(101) %p, i8 %b, i8 1 seq_cst seq_cst
  %ok = extractvalue { i32, i1 } %r, 1
  ret i1 %ok
}

; Without +atomics (single-threaded), atomics are plain accesses.
; CHECK-LABEL: define i32 @no_atomics(
; CHECK-NOT: atomic
; CHECK: %[[L:.*]] = call i32 @__wmc_wmc_m1_i32_load(
; CHECK: %[[R:.*]] = call i32 @__wmc_wmc_m1_i32_load(
; CHECK: %[[N:.*]] = add i32 %[[R]], %v
; CHECK: call void @__wmc_wmc_m1_i32_store(i32 %{{.*}}, i32 %[[N]])
; CHECK: %[[C:.*]] = call i32 @__wmc_wmc_m1_i32_load(
; CHECK: %[[EQ:.*]] = icmp eq i32 %[[C]], 5
; CHECK: %[[SEL:.*]] = select i1 %[[EQ]], i32 %v, i32 %[[C]]
; CHECK: call void @__wmc_wmc_m1_i32_store(i32 %{{.*}}, i32 %[[SEL]])
; CHECK: ret i32
define i32 @no_atomics(ptr addrspace(101) %p, i32 %v) {
  %l = load atomic i32, ptr addrspace(101) %p seq_cst, align 4
  %r = atomicrmw add ptr addrspace(101) %p, i32 %v seq_cst
  %c = cmpxchg ptr addrspace(101) %p, i32 5, i32 %v seq_cst seq_cst
  ret i32 %l
}

attributes #0 = { "target-features"="+atomics,+bulk-memory" }
