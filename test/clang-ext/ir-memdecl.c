// IR contract for WASM_MEMORY: an internal constant __wmc_memdecl_<n> of
// type { i32 index, i32 min, i32 max, i32 flags, ptr name, ptr source } kept
// alive by llvm.used at every -O level.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O0 -o - %s | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O2 -o - %s | FileCheck %s
#include <wasm/memctl.h>

// CHECK-DAG: %struct.__wmc_memory_decl = type { i32, i32, i32, i32, ptr, ptr }
// CHECK-DAG: [[N1:@.*]] = private unnamed_addr constant [8 x i8] c"secrets\00"
// CHECK-DAG: [[S1:@.*]] = private unnamed_addr constant {{.*}} c"{{.*}}ir-memdecl.c:[[#@LINE+2]]\00"
// CHECK-DAG: @__wmc_memdecl_0 = internal constant %struct.__wmc_memory_decl { i32 1, i32 1, i32 4, i32 327684, ptr [[N1]], ptr [[S1]] }
WASM_MEMORY(1, "secrets", 1, 4, WASM_MEMORY_EXPORT | WASM_MEMORY_NULL_GUARD(20000));
// CHECK-DAG: @__wmc_memdecl_1 = internal constant %struct.__wmc_memory_decl { i32 65535, i32 2, i32 -1, i32 1, ptr
WASM_MEMORY(WASM_MEMORY_RO, "rodata", 2, WASM_MEMORY_NO_MAX, WASM_MEMORY_READONLY);
// CHECK-DAG: @__wmc_memdecl_2 = internal constant %struct.__wmc_memory_decl { i32 2, i32 0, i32 16, i32 2, ptr
WASM_MEMORY(2, "maps", 0, 16, WASM_MEMORY_MAPPABLE);
// CHECK-DAG: @llvm.used = appending global [3 x ptr] [ptr @__wmc_memdecl_0, ptr @__wmc_memdecl_1, ptr @__wmc_memdecl_2], section "llvm.metadata"
