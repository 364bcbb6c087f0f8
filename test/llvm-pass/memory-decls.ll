; __wmc_memdecl* globals (clang-ext's WASM_MEMORY) become records of the
; wmc.memories custom section and are deleted with their strings; a memory
; used without a declaration gets an implicit record.
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower %s | llc -filetype=obj -o %t.o
; RUN: wasm-objdump -s -j wmc.memories %t.o | FileCheck %s --check-prefix=OBJ
source_filename = "memdecls.c"
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

%struct.__wmc_memory_decl = type { i32, i32, i32, i32, ptr, ptr }

@.str = private unnamed_addr constant [8 x i8] c"secrets\00"
@.str.1 = private unnamed_addr constant [9 x i8] c"foo.c:12\00"
@.str.2 = private unnamed_addr constant [7 x i8] c"consts\00"
@.str.3 = private unnamed_addr constant [9 x i8] c"foo.c:13\00"
; memory 1: min 2, max 10, READONLY|MAPPABLE, null guard 1 page.
@__wmc_memdecl_0 = internal constant %struct.__wmc_memory_decl { i32 1, i32 2, i32 10, i32 65539, ptr @.str, ptr @.str.1 }
; the read-only memory: min 1, max 4.
@__wmc_memdecl_1 = internal constant %struct.__wmc_memory_decl { i32 65535, i32 1, i32 4, i32 1, ptr @.str.2, ptr @.str.3 }
@llvm.used = appending global [3 x ptr] [ptr @__wmc_memdecl_0, ptr @__wmc_memdecl_1, ptr @other], section "llvm.metadata"
@other = global i32 0
@in3 = addrspace(103) global i32 0

; CHECK-NOT: __wmc_memdecl
; CHECK-NOT: @.str
; CHECK: @llvm.used = appending global [1 x ptr] [ptr @other]
; CHECK: !wasm.custom_sections = !{![[S:[0-9]+]]}
; CHECK: ![[S]] = !{!"wmc.memories", !"\01\01\07secrets\02\0A\03\80 \08foo.c:12\01\FF\FF\03\06consts\01\04\01\00\08foo.c:13\01\03\04mem3\01\80\80\04\08\00\0Amemdecls.c"}

; OBJ: Contents of section Custom:
; OBJ: .wmc.memories
; OBJ-NEXT: 7365 6372 6574 7302 0a03 8020 0866 6f6f  secrets.... .foo
