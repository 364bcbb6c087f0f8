// IR shape of objects and pointers in C: memory k is addrspace(100+k), the
// read-only memory addrspace(99), __wasm_mem(0) is plain address space 0.
// Accesses through memory-k pointers are loads/stores in that address space
// (llvm-pass lowers them later).
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O0 -o - %s | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O2 -o - %s | FileCheck %s --check-prefix=OPT
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
WASM_MEMORY(31, "last", 1, 1, 0);

// CHECK-DAG: @key = hidden addrspace(101) global [32 x i8] zeroinitializer
char __wasm_mem(1) key[32];
// CHECK-DAG: @last = hidden addrspace(131) global i32 7
int __wasm_mem(31) last = 7;
// CHECK-DAG: @plain = hidden global [4 x i8] zeroinitializer
char __wasm_mem(0) plain[4];
// CHECK-DAG: @table = hidden addrspace(99) constant [4 x i32] [i32 1, i32 2, i32 3, i32 4]
const int __wasm_ro table[4] = {1, 2, 3, 4};
// A default-memory global holding a pointer into memory 1.
// CHECK-DAG: @cursor = hidden global ptr addrspace(101) getelementptr ({{.*}}i8, ptr addrspace(101) @key, i{{32|64}} 4)
char __wasm_mem(1) *cursor = key + 4;

typedef struct {
  int len;
  char __wasm_mem(1) *data; // a field pointing into memory 1
} slice;
// CHECK-DAG: %struct.slice = type { i32, ptr addrspace(101) }
// CHECK-DAG: @static_local.counter = internal addrspace(101) global i32 0
// CHECK-DAG: @whole = hidden addrspace(101) global %struct.slice zeroinitializer
slice __wasm_mem(1) whole;

typedef char __wasm_mem(1) secret_char;

// CHECK-LABEL: define hidden signext i8 @load_store(ptr addrspace(101) noundef %{{.*}}, i32 noundef %{{.*}})
// CHECK: load i8, ptr addrspace(101)
// CHECK: load i32, ptr addrspace(99)
// CHECK: store i8 {{.*}}, ptr addrspace(101)
char load_store(secret_char *p, int i) {
  p[i] = (char)(p[i + 1] + table[i & 3]);
  return p[0];
}

// CHECK-LABEL: define hidden i32 @static_local()
// CHECK: load i32, ptr addrspace(101) @static_local.counter
int static_local(void) {
  static int __wasm_mem(1) counter;
  return ++counter;
}

// CHECK-LABEL: define hidden ptr addrspace(101) @field(ptr noundef %{{.*}})
// CHECK: load ptr addrspace(101), ptr
char __wasm_mem(1) *field(slice *s) { return s->data; }

// OPT-LABEL: define hidden signext i8 @load_store(
// OPT: load i8, ptr addrspace(101)
// OPT: load i32, ptr addrspace(99)
// OPT: store i8 {{.*}}, ptr addrspace(101)
