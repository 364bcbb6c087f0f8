; Globals of memory k become address-space-0 globals in section
; .wmc.m<k>.<symbol> (read-only memory: .wmc.ro.<symbol>), zero-initialized
; ones included; uses see inttoptr (ptrtoint @g) in the old address space.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o %t.o
; RUN: wasm-objdump -x %t.o | FileCheck %s --check-prefix=OBJ
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: @counter = global i32 5, section ".wmc.m1.counter", align 4
; CHECK: @zeros = internal global [4096 x i8] zeroinitializer, section ".wmc.m2.zeros", align 16
; CHECK: @key = constant [4 x i8] c"abcd", section ".wmc.ro.key"
; CHECK: @ext = external global i32{{$}}
; CHECK: @kept = global i32 0, section ".wmc.m1.kept"
; CHECK: @ptr_to_counter = global ptr addrspace(101) inttoptr (i32 ptrtoint (ptr @counter to i32) to ptr addrspace(101))
; CHECK: @self = global ptr addrspace(101) inttoptr (i32 ptrtoint (ptr @self to i32) to ptr addrspace(101)), section ".wmc.m1.self"
; CHECK: @inner = global ptr addrspace(102) getelementptr (i8, ptr addrspace(102) inttoptr (i32 ptrtoint (ptr @zeros to i32) to ptr addrspace(102)), i32 8)
; CHECK: @tentative = weak global i32 0, section ".wmc.m4.tentative", align 4
; CHECK: @llvm.used = appending global [1 x ptr] [ptr @kept]
; CHECK-NOT: addrspace(10{{[0-9]}}) global
; CHECK-NOT: addrspace(99) {{global|constant}}
@counter = addrspace(101) global i32 5, align 4
@zeros = internal addrspace(102) global [4096 x i8] zeroinitializer, align 16
@key = addrspace(99) constant [4 x i8] c"abcd"
@ext = external addrspace(101) global i32
@kept = addrspace(101) global i32 0
@llvm.used = appending global [1 x ptr] [ptr addrspacecast (ptr addrspace(101) @kept to ptr)]
@ptr_to_counter = global ptr addrspace(101) @counter
@self = addrspace(101) global ptr addrspace(101) @self
@inner = global ptr addrspace(102) getelementptr (i8, ptr addrspace(102) @zeros, i32 8)
; A tentative definition (-fcommon) must not become a linker-allocated
; common symbol outside the memory's section.
@tentative = common addrspace(104) global i32 0, align 4

; CHECK-LABEL: define i32 @use(
; CHECK: call i32 @__wmc_wmc_m1_i32_load(i32 ptrtoint (ptr @counter to i32))
; CHECK: call i32 @__wmc_wmc_m1_i32_load(i32 ptrtoint (ptr @ext to i32))
; CHECK: call i32 @__wmc_wmc_m2_i32_load8_u(i32 ptrtoint (ptr getelementptr (i8, ptr @zeros, i32 100) to i32))
; CHECK: call i32 @__wmc_wmc_ro_i32_load(i32 ptrtoint (ptr @key to i32))
define i32 @use() {
  %a = load i32, ptr addrspace(101) @counter
  %b = load i32, ptr addrspace(101) @ext
  %c = load i8, ptr addrspace(102) getelementptr (i8, ptr addrspace(102) @zeros, i32 100)
  %d = load i32, ptr addrspace(99) @key
  %c1 = zext i8 %c to i32
  %s = add i32 %a, %b
  %s1 = add i32 %s, %c1
  %s2 = add i32 %s1, %d
  ret i32 %s2
}

; A pointer value to a global of memory k is an i32 address.
; CHECK-LABEL: define ptr addrspace(101) @address(
; CHECK: ret ptr addrspace(101) inttoptr (i32 ptrtoint (ptr @counter to i32) to ptr addrspace(101))
define ptr addrspace(101) @address() {
  ret ptr addrspace(101) @counter
}

; The zero-initialized object is a real data segment (not .bss).
; OBJ-DAG: segment[{{[0-9]+}}] <.wmc.m1.counter> memory=0 size=4
; OBJ-DAG: segment[{{[0-9]+}}] <.wmc.m2.zeros> memory=0 size=4096
; OBJ-DAG: segment[{{[0-9]+}}] <.wmc.ro.key> memory=0 size=4
; OBJ-DAG: segment[{{[0-9]+}}] <.wmc.m1.kept> memory=0 size=4
; OBJ-DAG: segment[{{[0-9]+}}] <.wmc.m4.tentative> memory=0 size=4
; OBJ-DAG: <__wmc_wmc_m1_i32_load> <- wmc:m1.i32.load
; OBJ-DAG: <__wmc_wmc_ro_i32_load> <- wmc:ro.i32.load
; OBJ-DAG: name: "wmc.memories"
