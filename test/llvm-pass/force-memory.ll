; Test flag -wmc-force-memory=K: every internal/private global whose address
; never escapes -- read and written through GEP/phi/select chains, memcpy,
; memset, atomics -- moves to memory K (section .wmc.m<K>.<symbol>) and its
; accesses become wmc:m<K> markers; escaping, visible, sectioned, used and
; thread-local globals stay in memory 0. With -wmc-rodata=auto the read-only
; candidates go to the read-only memory first.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=3 -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=3 -wmc-force-memory-report -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=3 -wmc-rodata=auto -S %s | FileCheck %s --check-prefix=RODATA
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=3 %s | llc -filetype=obj -o /dev/null
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: @counter = internal global i32 0, section ".wmc.m3.counter"
; CHECK: @arr = internal global [8 x i64] zeroinitializer, section ".wmc.m3.arr"
; CHECK: @table = internal constant [4 x i16] [i16 1, i16 2, i16 3, i16 4], section ".wmc.m3.table"
; CHECK: @buf = internal global [16 x i8] zeroinitializer, section ".wmc.m3.buf"
; CHECK: @atom = internal global i32 0, section ".wmc.m3.atom"
; CHECK: @stored = internal global i32 1{{$}}
; CHECK: @passed = internal global i32 2{{$}}
; CHECK: @merged_a = internal global i32 3{{$}}
; CHECK: @merged_b = internal global i32 4{{$}}
; CHECK: @in_init = internal global i32 5{{$}}
; CHECK: @holder = internal global ptr @in_init, section ".wmc.m3.holder"
; CHECK: @visible = global i32 6{{$}}
; CHECK: @sectioned = internal global i32 7, section "mine"
; CHECK: @tls = internal thread_local global i32 8{{$}}
; CHECK: @used_attr = internal global i32 9{{$}}
; CHECK: @as_int = internal global i32 10{{$}}
; CHECK: @stored_self = internal global ptr null{{$}}
; CHECK: @sink = global ptr null
; CHECK: @in_array = internal global i32 11{{$}}

; RODATA: @table = internal constant [4 x i16] [i16 1, i16 2, i16 3, i16 4], section ".wmc.ro.table"
; RODATA: @buf = internal global [16 x i8] zeroinitializer, section ".wmc.m3.buf"
; OFF-NOT: .wmc.m3
@counter = internal global i32 0
@arr = internal global [8 x i64] zeroinitializer
@table = internal constant [4 x i16] [i16 1, i16 2, i16 3, i16 4]
@buf = internal global [16 x i8] zeroinitializer
@atom = internal global i32 0
@stored = internal global i32 1
@passed = internal global i32 2
@merged_a = internal global i32 3
@merged_b = internal global i32 4
@in_init = internal global i32 5
@holder = internal global ptr @in_init
@visible = global i32 6
@sectioned = internal global i32 7, section "mine"
@tls = internal thread_local global i32 8
@used_attr = internal global i32 9
@as_int = internal global i32 10
@stored_self = internal global ptr null
@sink = global ptr null
@in_array = internal global i32 11
@table_of_ptrs = global [2 x ptr] [ptr null, ptr @in_array]
@llvm.used = appending global [1 x ptr] [ptr @used_attr], section "llvm.metadata"

declare void @use(ptr)
declare void @llvm.memcpy.p0.p0.i32(ptr, ptr, i32, i1)
declare void @llvm.memset.p0.i32(ptr, i8, i32, i1)

; CHECK-LABEL: define i32 @moved(
; CHECK: %c = call i32 @__wmc_wmc_m3_i32_load(i32 ptrtoint (ptr @counter to i32))
; CHECK: call void @__wmc_wmc_m3_i32_store(i32 ptrtoint (ptr @counter to i32), i32 %c1)
; CHECK: %slot = getelementptr inbounds [8 x i64], ptr @arr, i32 0, i32 %i
; CHECK: %[[A:.*]] = ptrtoint ptr %slot to i32
; CHECK: call void @__wmc_wmc_m3_i64_store(i32 %[[A]], i64 7)
; CHECK: %[[T:.*]] = ptrtoint ptr %tp to i32
; CHECK: call i32 @__wmc_wmc_m3_i32_load16_u(i32 %[[T]])
; CHECK: %sel = select i1 %f, ptr %e0, ptr %e1
; CHECK: %[[S:.*]] = ptrtoint ptr %sel to i32
; CHECK: call void @__wmc_wmc_m3_i64_store(i32 %[[S]], i64 1)
; CHECK: call void @__wmc_wmc_m3_memory_fill(i32 ptrtoint (ptr @buf to i32), i32 0, i32 16)
; CHECK: %[[H:.*]] = ptrtoint ptr %hi to i32
; CHECK: call void @__wmc_wmc_m3_memory_copy_m3(i32 %[[H]], i32 ptrtoint (ptr @buf to i32), i32 8)
; CHECK: call void @__wmc_wmc_m0_memory_copy_m3(i32 %{{.*}}, i32 ptrtoint (ptr @buf to i32), i32 4)
; CHECK: call void @__wmc_wmc_m3_memory_copy_m0(i32 ptrtoint (ptr @buf to i32), i32 %{{.*}}, i32 4)
; CHECK: %old = call i32 @__wmc_wmc_m3_i32_load(i32 ptrtoint (ptr @atom to i32))
; CHECK: call void @__wmc_wmc_m3_i32_store(i32 ptrtoint (ptr @atom to i32), i32 %new)
; CHECK: %eq = icmp eq ptr %slot, %end
define i32 @moved(i32 %i, i1 %f, ptr %dst) {
  %c = load i32, ptr @counter
  %c1 = add i32 %c, 1
  store i32 %c1, ptr @counter
  %slot = getelementptr inbounds [8 x i64], ptr @arr, i32 0, i32 %i
  store i64 7, ptr %slot
  %tp = getelementptr inbounds [4 x i16], ptr @table, i32 0, i32 %i
  %t = load i16, ptr %tp
  %e0 = getelementptr inbounds [8 x i64], ptr @arr, i32 0, i32 1
  %e1 = getelementptr inbounds [8 x i64], ptr @arr, i32 0, i32 2
  %sel = select i1 %f, ptr %e0, ptr %e1
  store i64 1, ptr %sel
  call void @llvm.memset.p0.i32(ptr @buf, i8 0, i32 16, i1 false)
  %hi = getelementptr inbounds i8, ptr @buf, i32 8
  call void @llvm.memcpy.p0.p0.i32(ptr %hi, ptr @buf, i32 8, i1 false)
  call void @llvm.memcpy.p0.p0.i32(ptr %dst, ptr @buf, i32 4, i1 false)
  call void @llvm.memcpy.p0.p0.i32(ptr @buf, ptr %dst, i32 4, i1 false)
  %old = atomicrmw add ptr @atom, i32 1 seq_cst
  %end = getelementptr inbounds [8 x i64], ptr @arr, i32 0, i32 7
  %eq = icmp eq ptr %slot, %end
  %t32 = zext i16 %t to i32
  %r = add i32 %c1, %t32
  %r2 = select i1 %eq, i32 %r, i32 %old
  ret i32 %r2
}

; CHECK-LABEL: define i32 @kept(
; CHECK: store ptr @stored, ptr @sink
; CHECK: call void @use(ptr @passed)
; CHECK: %m = select i1 %f, ptr @merged_a, ptr @merged_b
; CHECK: load i32, ptr %m
; CHECK: %[[HP:.*]] = call i32 @__wmc_wmc_m3_i32_load(i32 ptrtoint (ptr @holder to i32))
; CHECK: %hp = inttoptr i32 %[[HP]] to ptr
; CHECK: load i32, ptr %hp
; CHECK: load i32, ptr @visible
; CHECK: load i32, ptr @sectioned
; CHECK: load i32, ptr @used_attr
; CHECK: ptrtoint ptr @as_int to i32
; CHECK: store ptr @stored_self, ptr @stored_self
define i32 @kept(i1 %f) {
  store ptr @stored, ptr @sink
  call void @use(ptr @passed)
  %m = select i1 %f, ptr @merged_a, ptr @merged_b
  %a = load i32, ptr %m
  %hp = load ptr, ptr @holder
  %h = load i32, ptr %hp
  %v = load i32, ptr @visible
  %s = load i32, ptr @sectioned
  %tp = call ptr @llvm.threadlocal.address.p0(ptr @tls)
  %t = load i32, ptr %tp
  %u = load i32, ptr @used_attr
  %n = ptrtoint ptr @as_int to i32
  store ptr @stored_self, ptr @stored_self
  %r1 = add i32 %a, %h
  %r2 = add i32 %r1, %v
  %r3 = add i32 %r2, %s
  %r4 = add i32 %r3, %t
  %r5 = add i32 %r4, %u
  %r6 = add i32 %r5, %n
  ret i32 %r6
}

declare ptr @llvm.threadlocal.address.p0(ptr)

; Memory 3 gets an implicit declaration (wmc-opt creates it).
; CHECK-LABEL: !{!"wmc.memories", !"\01\03\04mem3

; REPORT-DAG: wmc-force-memory: moved 'counter' (4 bytes, 2 accesses) to memory 3: address never escapes this module
; REPORT-DAG: wmc-force-memory: moved 'buf' (16 bytes, 5 accesses) to memory 3
; REPORT-DAG: wmc-force-memory: kept 'stored' in memory 0: address stored to memory in 'kept'
; REPORT-DAG: wmc-force-memory: kept 'passed' in memory 0: address passed to 'use' in 'kept'
; REPORT-DAG: wmc-force-memory: kept 'merged_a' in memory 0: address merged with another pointer in 'kept'
; REPORT-DAG: wmc-force-memory: kept 'merged_b' in memory 0: address merged with another pointer in 'kept'
; REPORT-DAG: wmc-force-memory: moved 'holder' (4 bytes, 1 access) to memory 3
; REPORT-DAG: wmc-force-memory: kept 'in_init' in memory 0: address used in the initializer of 'holder'
; REPORT-DAG: wmc-force-memory: kept 'visible' in memory 0: not internal or private
; REPORT-DAG: wmc-force-memory: kept 'sectioned' in memory 0: has an explicit section 'mine'
; REPORT-DAG: wmc-force-memory: kept 'tls' in memory 0: thread-local
; REPORT-DAG: wmc-force-memory: kept 'used_attr' in memory 0: marked 'used'
; REPORT-DAG: wmc-force-memory: kept 'as_int' in memory 0: address converted to an integer in 'kept'
; REPORT-DAG: wmc-force-memory: kept 'stored_self' in memory 0: address stored to memory in 'kept'
; An address inside a constant array of another global's initializer.
; REPORT-DAG: wmc-force-memory: kept 'in_array' in memory 0: address used in the initializer of 'table_of_ptrs'
; REPORT: wmc-force-memory: 6 of 20 globals moved to memory 3 (100 bytes)
