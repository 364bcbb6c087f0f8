; -wmc-rodata=auto: internal constants only read through GEP chains move to
; the read-only memory (section .wmc.ro.<symbol>, loads become wmc:ro
; markers); every escaping or visible one stays in memory 0.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-rodata=auto -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-rodata=auto -wmc-rodata-report -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-rodata=off -S %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-rodata=auto %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: @table = internal constant [16 x i32] {{.*}}, section ".wmc.ro.table"
; CHECK: @.str = private unnamed_addr constant [4 x i8] c"%d\0A\00"{{$}}
; CHECK: @public = constant i32 1{{$}}
; CHECK: @stored = internal constant i32 2{{$}}
; CHECK: @compared = internal constant [4 x i32] [i32 3, i32 4, i32 5, i32 6], section ".wmc.ro.compared"
; CHECK: @returned = internal constant [2 x i8] c"ab"{{$}}
; CHECK: @sectioned = internal constant i32 4, section "mine"
; CHECK: @pair_a = internal constant [2 x i32] [i32 1, i32 2]{{$}}
; CHECK: @pair_b = internal constant [2 x i32] [i32 3, i32 4]{{$}}
; CHECK: @selfsel = internal constant [4 x i16] {{.*}}, section ".wmc.ro.selfsel"
; CHECK: @init = internal constant [8 x i8] c"initdata", section ".wmc.ro.init"
; CHECK: @in_init = internal constant i32 5{{$}}
; CHECK: @holder = global ptr @in_init
; CHECK: @unused = internal constant i32 6{{$}}
; CHECK: @used_attr = internal constant i32 7{{$}}
; OFF-NOT: .wmc.ro
@table = internal constant [16 x i32] [i32 0, i32 1, i32 4, i32 9, i32 16, i32 25, i32 36, i32 49, i32 64, i32 81, i32 100, i32 121, i32 144, i32 169, i32 196, i32 225]
@.str = private unnamed_addr constant [4 x i8] c"%d\0A\00"
@public = constant i32 1
@stored = internal constant i32 2
@compared = internal constant [4 x i32] [i32 3, i32 4, i32 5, i32 6]
@returned = internal constant [2 x i8] c"ab"
@sectioned = internal constant i32 4, section "mine"
@pair_a = internal constant [2 x i32] [i32 1, i32 2]
@pair_b = internal constant [2 x i32] [i32 3, i32 4]
@selfsel = internal constant [4 x i16] [i16 1, i16 2, i16 3, i16 4]
@init = internal constant [8 x i8] c"initdata"
@in_init = internal constant i32 5
@holder = global ptr @in_init
@unused = internal constant i32 6
@used_attr = internal constant i32 7
@sink = global ptr null
@llvm.used = appending global [1 x ptr] [ptr @used_attr], section "llvm.metadata"

declare i32 @printf(ptr, ...)

; The lookup table indexed in a loop moves; printf's format stays.
; CHECK-LABEL: define i32 @lookup_loop(
; CHECK: %slot = getelementptr inbounds [16 x i32], ptr @table, i32 0, i32 %idx
; CHECK: %[[A:.*]] = ptrtoint ptr %slot to i32
; CHECK: %v = call i32 @__wmc_wmc_ro_i32_load(i32 %[[A]])
; CHECK: call i32 (ptr, ...) @printf(ptr @.str, i32 %s1)
define i32 @lookup_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s1, %loop ]
  %idx = and i32 %i, 15
  %slot = getelementptr inbounds [16 x i32], ptr @table, i32 0, i32 %idx
  %v = load i32, ptr %slot
  %s1 = add i32 %s, %v
  %i1 = add i32 %i, 1
  %done = icmp eq i32 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  %r = call i32 (ptr, ...) @printf(ptr @.str, i32 %s1)
  ret i32 %s1
}

; CHECK-LABEL: define i32 @escapes(
; CHECK: load i32, ptr @public
; CHECK: store ptr @stored, ptr @sink
; CHECK: load i32, ptr @sectioned
define i32 @escapes(ptr %p) {
  %a = load i32, ptr @public
  store ptr @stored, ptr @sink
  %s = load i32, ptr @sectioned
  %u = load i32, ptr @used_attr
  %r2 = add i32 %a, %s
  %r3 = add i32 %r2, %u
  ret i32 %r3
}

; A pointer loop `for (p = compared; p != compared + 4; ++p)`: comparisons
; do not dereference, the table moves.
; CHECK-LABEL: define i32 @pointer_loop(
; CHECK: %v = call i32 @__wmc_wmc_ro_i32_load(
; CHECK: icmp eq ptr %next, getelementptr inbounds (i8, ptr @compared, i32 16)
define i32 @pointer_loop() {
entry:
  br label %loop
loop:
  %p = phi ptr [ @compared, %entry ], [ %next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s1, %loop ]
  %v = load i32, ptr %p
  %s1 = add i32 %s, %v
  %next = getelementptr inbounds i32, ptr %p, i32 1
  %done = icmp eq ptr %next, getelementptr inbounds (i8, ptr @compared, i32 16)
  br i1 %done, label %exit, label %loop
exit:
  ret i32 %s1
}

; CHECK-LABEL: define ptr @returns(
; CHECK: ret ptr getelementptr (i8, ptr @returned, i32 1)
define ptr @returns() {
  ret ptr getelementptr (i8, ptr @returned, i32 1)
}

; A select of two different globals: both stay. A select between two
; elements of the same global: it moves.
; CHECK-LABEL: define i32 @selects(
; CHECK: %p = select i1 %c, ptr @pair_a, ptr @pair_b
; CHECK: load i32, ptr %p
; CHECK: %q = select i1 %c, ptr @selfsel, ptr %q1
; CHECK: call i32 @__wmc_wmc_ro_i32_load16_u(
define i32 @selects(i1 %c) {
  %p = select i1 %c, ptr @pair_a, ptr @pair_b
  %v = load i32, ptr %p
  %q1 = getelementptr i16, ptr @selfsel, i32 2
  %q = select i1 %c, ptr @selfsel, ptr %q1
  %w = load i16, ptr %q
  %w1 = zext i16 %w to i32
  %r = add i32 %v, %w1
  ret i32 %r
}

; A memcpy out of a constant (struct initialisation): copy from ro.
; CHECK-LABEL: define void @init_copy(
; CHECK: call void @__wmc_wmc_m0_memory_copy_ro(i32 %{{.*}}, i32 ptrtoint (ptr @init to i32), i32 8)
define void @init_copy(ptr %dst) {
  call void @llvm.memcpy.p0.p0.i32(ptr %dst, ptr @init, i32 8, i1 false)
  ret void
}

; REPORT-DAG: wmc-rodata: moved 'table' (64 bytes, 1 access) to read-only memory: only read in this module
; REPORT-DAG: wmc-rodata: kept '.str' in memory 0: address passed to 'printf' in 'lookup_loop'
; REPORT-DAG: wmc-rodata: kept 'public' in memory 0: not internal or private (visible to other translation units)
; REPORT-DAG: wmc-rodata: kept 'stored' in memory 0: address stored to memory in 'escapes'
; REPORT-DAG: wmc-rodata: moved 'compared' (16 bytes, 1 access)
; REPORT-DAG: wmc-rodata: kept 'returned' in memory 0: address returned in 'returns'
; REPORT-DAG: wmc-rodata: kept 'sectioned' in memory 0: has an explicit section 'mine'
; REPORT-DAG: wmc-rodata: kept 'pair_a' in memory 0: address merged with another pointer in 'selects'
; REPORT-DAG: wmc-rodata: kept 'pair_b' in memory 0: address merged with another pointer in 'selects'
; REPORT-DAG: wmc-rodata: moved 'selfsel'
; REPORT-DAG: wmc-rodata: moved 'init' (8 bytes, 1 access)
; REPORT-DAG: wmc-rodata: kept 'in_init' in memory 0: address used in the initializer of 'holder'
; REPORT-DAG: wmc-rodata: kept 'unused' in memory 0: not referenced
; REPORT-DAG: wmc-rodata: kept 'used_attr' in memory 0: marked 'used'
; REPORT: wmc-rodata: 4 of 14 constant globals moved to read-only memory (96 bytes)
