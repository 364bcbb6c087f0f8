; The test flag -wmc-force-memory=K accepts 0 (off) and memory indices
; 1..31, and refuses a memory declared read-only or mappable.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=32 -disable-output %s 2>&1 | FileCheck %s --check-prefix=RANGE
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=-1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=NEG
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=two -disable-output %s 2>&1 | FileCheck %s --check-prefix=NAN
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=2 -disable-output %s 2>&1 | FileCheck %s --check-prefix=RO
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=4 -disable-output %s 2>&1 | FileCheck %s --check-prefix=MAP
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -wmc-force-memory=5 -S %s | FileCheck %s --check-prefix=OK
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

%struct.__wmc_memory_decl = type { i32, i32, i32, i32, ptr, ptr }
@.str = private unnamed_addr constant [3 x i8] c"ro\00"
@.str.1 = private unnamed_addr constant [6 x i8] c"f.c:3\00"
@.str.2 = private unnamed_addr constant [4 x i8] c"map\00"
@.str.3 = private unnamed_addr constant [6 x i8] c"f.c:4\00"
; memory 2: READONLY; memory 4: MAPPABLE.
@__wmc_memdecl_0 = internal constant %struct.__wmc_memory_decl { i32 2, i32 1, i32 10, i32 1, ptr @.str, ptr @.str.1 }
@__wmc_memdecl_1 = internal constant %struct.__wmc_memory_decl { i32 4, i32 1, i32 10, i32 2, ptr @.str.2, ptr @.str.3 }
@llvm.used = appending global [2 x ptr] [ptr @__wmc_memdecl_0, ptr @__wmc_memdecl_1], section "llvm.metadata"
@counter = internal global i32 0

define i32 @bump() {
  %c = load i32, ptr @counter
  %c1 = add i32 %c, 1
  store i32 %c1, ptr @counter
  ret i32 %c1
}

; RANGE: error: wasm-memctl: invalid value '32' for -wmc-force-memory (expected a memory index 1..31, or 0 for off)
; NEG: error: wasm-memctl: invalid value '-1' for -wmc-force-memory
; NAN: for the --wmc-force-memory option: 'two' value invalid for integer argument
; RO: error: wasm-memctl: -wmc-force-memory=2: memory 2 is declared read-only (f.c:3); the test flag needs a plain memory
; MAP: error: wasm-memctl: -wmc-force-memory=4: memory 4 is declared mappable (f.c:4); the test flag needs a plain memory
; OK: @counter = internal global i32 0, section ".wmc.m5.counter"
; OK: call void @__wmc_wmc_m5_i32_store(
