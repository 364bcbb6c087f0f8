; The __wmc_intrinsic_* calls of <wasm/memctl.h> (docs/language.md, "IR
; contract") become markers; on memory 0 some become LLVM intrinsics.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o %t.o
; RUN: wasm-objdump -x %t.o | FileCheck %s --check-prefix=OBJ
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

@key = addrspace(101) global [64 x i8] zeroinitializer

declare i32 @__wmc_intrinsic_memory_size(i32)
declare i32 @__wmc_intrinsic_memory_grow(i32, i32)
declare i32 @__wmc_intrinsic_heap_base(i32)
declare void @__wmc_intrinsic_protect(i32, i32, i32, i32)
declare void @__wmc_intrinsic_discard(i32, i32, i32)
declare i32 @__wmc_intrinsic_map(i32, i32, i32, i32, i64, i32)
declare void @__wmc_intrinsic_unmap(i32, i32, i32)
declare void @__wmc_intrinsic_memcpy(i32, i32, i32, i32, i32)
declare void @__wmc_intrinsic_memset(i32, i32, i32, i32)

; CHECK-LABEL: define i32 @sizes(
; CHECK: %a = call i32 @__wmc_wmc_m2_memory_size()
; CHECK: %b = call i32 @llvm.wasm.memory.size.i32(i32 0)
; CHECK: %c = call i32 @__wmc_wmc_ro_memory_size()
; CHECK: %d = call i32 @__wmc_wmc_m2_memory_grow(i32 %n)
; CHECK: %e = call i32 @llvm.wasm.memory.grow.i32(i32 0, i32 %n)
; CHECK: %f = call i32 @__wmc_wmc_m7_heap_base()
; CHECK: %g = call i32 @__wmc_wmc_ro_heap_base()
; CHECK-NOT: __wmc_intrinsic
; CHECK: ret i32
define i32 @sizes(i32 %n) {
  %a = call i32 @__wmc_intrinsic_memory_size(i32 2)
  %b = call i32 @__wmc_intrinsic_memory_size(i32 0)
  %c = call i32 @__wmc_intrinsic_memory_size(i32 65535)
  %d = call i32 @__wmc_intrinsic_memory_grow(i32 2, i32 %n)
  %e = call i32 @__wmc_intrinsic_memory_grow(i32 0, i32 %n)
  %f = call i32 @__wmc_intrinsic_heap_base(i32 7)
  %g = call i32 @__wmc_intrinsic_heap_base(i32 65535)
  %s1 = add i32 %a, %b
  %s2 = add i32 %s1, %c
  %s3 = add i32 %s2, %d
  %s4 = add i32 %s3, %e
  %s5 = add i32 %s4, %f
  %s6 = add i32 %s5, %g
  ret i32 %s6
}

; Memory 0's heap base is wasm-ld's __heap_base.
; CHECK-LABEL: define i32 @heap0(
; CHECK: ret i32 ptrtoint (ptr @__heap_base to i32)
define i32 @heap0() {
  %h = call i32 @__wmc_intrinsic_heap_base(i32 0)
  ret i32 %h
}

; CHECK-LABEL: define i32 @control(
; CHECK: call void @__wmc_wmc_m1_memctl_protect(i32 ptrtoint (ptr @key to i32), i32 4096, i32 1)
; CHECK: call void @__wmc_wmc_m0_memctl_discard(i32 %a, i32 %n)
; CHECK: %r = call i32 @__wmc_wmc_m3_memctl_map(i32 0, i32 65536, i32 %fd, i64 4096, i32 3)
; CHECK: call void @__wmc_wmc_m3_memctl_unmap(i32 0, i32 65536)
define i32 @control(i32 %a, i32 %n, i32 %fd) {
  call void @__wmc_intrinsic_protect(i32 1, i32 ptrtoint (ptr addrspace(101) @key to i32), i32 4096, i32 1)
  call void @__wmc_intrinsic_discard(i32 0, i32 %a, i32 %n)
  %r = call i32 @__wmc_intrinsic_map(i32 3, i32 0, i32 65536, i32 %fd, i64 4096, i32 3)
  call void @__wmc_intrinsic_unmap(i32 3, i32 0, i32 65536)
  ret i32 %r
}

; CHECK-LABEL: define void @copies(
; CHECK: call void @__wmc_wmc_m1_memory_copy_m2(i32 %d, i32 %s, i32 %n)
; CHECK: call void @__wmc_wmc_m0_memory_copy_ro(i32 %d, i32 %s, i32 %n)
; CHECK-DAG: %[[D:.*]] = inttoptr i32 %d to ptr
; CHECK-DAG: %[[S:.*]] = inttoptr i32 %s to ptr
; CHECK: call void @llvm.memmove.p0.p0.i32(ptr %[[D]], ptr %[[S]], i32 %n, i1 false)
; CHECK: call void @__wmc_wmc_m4_memory_fill(i32 %d, i32 255, i32 %n)
; CHECK: call void @llvm.memset.p0.i32(ptr %{{.*}}, i8 7, i32 %n, i1 false)
define void @copies(i32 %d, i32 %s, i32 %n) {
  call void @__wmc_intrinsic_memcpy(i32 1, i32 %d, i32 2, i32 %s, i32 %n)
  call void @__wmc_intrinsic_memcpy(i32 0, i32 %d, i32 65535, i32 %s, i32 %n)
  call void @__wmc_intrinsic_memcpy(i32 0, i32 %d, i32 0, i32 %s, i32 %n)
  call void @__wmc_intrinsic_memset(i32 4, i32 %d, i32 255, i32 %n)
  call void @__wmc_intrinsic_memset(i32 0, i32 %d, i32 7, i32 %n)
  ret void
}

; The intrinsic declarations are gone; every memory used is declared
; implicitly (memory 0 never is).
; CHECK-NOT: declare {{.*}}@__wmc_intrinsic_
; CHECK: !{!"wmc.memories", !"\01\01\04mem1{{.*}}\01\02\04mem2{{.*}}\01\03\04mem3{{.*}}\01\04\04mem4{{.*}}\01\07\04mem7{{.*}}\01\FF\FF\03\06rodata

; OBJ-DAG: <- wmc:m1.memctl.protect
; OBJ-DAG: <- wmc:m0.memctl.discard
; OBJ-DAG: <- wmc:m3.memctl.map
; OBJ-DAG: <- wmc:m0.memory.copy.ro
; OBJ-DAG: <- wmc:ro.heap_base
