// Every spelling of the memory index in __wasm_mem(k) gives address space
// 100 + k: literal, macro, enum constant, constant expression; a literal 0
// or a macro expanding to 0 gives the default memory. Volatile and _Atomic
// objects in memory k keep their qualifiers in the IR.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O0 -o - %s | FileCheck %s
#include <stdatomic.h>
#include <wasm/memctl.h>

#define SECRETS 1
#define DEFAULT_MEMORY 0
enum { CACHE = 2, LOG = 3 };

// CHECK-DAG: @by_literal = hidden addrspace(104) global i32 0
int __wasm_mem(4) by_literal;
// CHECK-DAG: @by_macro = hidden addrspace(101) global i32 0
int __wasm_mem(SECRETS) by_macro;
// CHECK-DAG: @by_enum = hidden addrspace(102) global i32 0
int __wasm_mem(CACHE) by_enum;
// CHECK-DAG: @by_expr = hidden addrspace(104) global i32 0
int __wasm_mem(LOG + 1) by_expr;
// CHECK-DAG: @by_zero_macro = hidden global i32 0
int __wasm_mem(DEFAULT_MEMORY) by_zero_macro;
// CHECK-DAG: @flag = hidden addrspace(101) global i32 0
volatile int __wasm_mem(1) flag;
// CHECK-DAG: @hits = hidden addrspace(102) global i32 0
_Atomic int __wasm_mem(2) hits;

// CHECK-LABEL: define hidden i32 @touch()
// CHECK: load volatile i32, ptr addrspace(101) @flag
// CHECK: atomicrmw add ptr addrspace(102) @hits, i32 %{{.*}} seq_cst
// CHECK: load i32, ptr @by_zero_macro
int touch(void) {
  int f = flag;
  atomic_fetch_add(&hits, 1);
  return f + by_zero_macro + by_literal + by_macro + by_enum + by_expr;
}
