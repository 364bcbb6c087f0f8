// IR contract for the intrinsics (docs/language.md "IR contract"): each is a
// call to an external __wmc_intrinsic_<op> whose memory-index operands are
// i32 constants at every -O level, addresses are i32 (ptrtoint of the
// pointer), lengths i32, map's offset i64.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O0 -o - %s | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O2 -o - %s | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O0 -o - %s | FileCheck %s --check-prefix=DECL
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
WASM_MEMORY(2, "cache", 1, 4, WASM_MEMORY_MAPPABLE);
enum { CACHE = 2 };
static char __wasm_mem(1) key[4096];
static char __wasm_mem(2) page[65536];
static const char __wasm_ro text[16] = "read-only";
char plain[16];

// CHECK-LABEL: @size_grow(
// CHECK: call i32 @__wmc_intrinsic_memory_size(i32 noundef 1)
// CHECK: call i32 @__wmc_intrinsic_memory_size(i32 noundef 0)
// CHECK: call i32 @__wmc_intrinsic_memory_size(i32 noundef 65535)
// CHECK: call i32 @__wmc_intrinsic_memory_grow(i32 noundef 2, i32 noundef 3)
// CHECK: call i32 @__wmc_intrinsic_heap_base(i32 noundef 1)
unsigned size_grow(void) {
  unsigned s = wasm_memory_size(1) + wasm_memory_size(0) +
               wasm_memory_size(WASM_MEMORY_RO);
  s += (unsigned)wasm_memory_grow(CACHE, 3);
  return s + wasm_memory_heap_base(1);
}

// CHECK-LABEL: @control(
// CHECK: call void @__wmc_intrinsic_protect(i32 noundef 1, i32 noundef ptrtoint (ptr addrspace(101) @key to i32), i32 noundef 4096, i32 noundef 1)
// CHECK: call void @__wmc_intrinsic_discard(i32 noundef 2, i32 noundef 65536, i32 noundef 4096)
// CHECK: call i32 @__wmc_intrinsic_map(i32 noundef 2, i32 noundef ptrtoint (ptr addrspace(102) @page to i32), i32 noundef 65536, i32 noundef %{{.*}}, i64 noundef 4096, i32 noundef 3)
// CHECK: call void @__wmc_intrinsic_unmap(i32 noundef 2, i32 noundef ptrtoint (ptr addrspace(102) @page to i32), i32 noundef 65536)
int control(int fd) {
  wasm_memory_protect(1, key, sizeof key, WASM_PROT_READ);
  wasm_memory_discard(2, 65536, 4096);
  int err = wasm_memory_map(2, page, sizeof page, fd, 4096, WASM_PROT_READWRITE);
  wasm_memory_unmap(2, page, sizeof page);
  return err;
}

// CHECK-LABEL: @copies(
// CHECK: call void @__wmc_intrinsic_memcpy(i32 noundef 0, i32 noundef ptrtoint (ptr @plain to i32), i32 noundef 1, i32 noundef ptrtoint (ptr addrspace(101) @key to i32), i32 noundef 16)
// CHECK: call void @__wmc_intrinsic_memcpy(i32 noundef 2, i32 noundef ptrtoint (ptr addrspace(102) @page to i32), i32 noundef 65535, i32 noundef ptrtoint (ptr addrspace(99) @text to i32), i32 noundef 16)
// CHECK: call void @__wmc_intrinsic_memset(i32 noundef 1, i32 noundef ptrtoint (ptr addrspace(101) @key to i32), i32 noundef 0, i32 noundef 4096)
void copies(void) {
  wasm_memcpy(0, plain, 1, key, 16);
  wasm_memcpy(2, page, WASM_MEMORY_RO, text, sizeof text);
  wasm_memset(1, key, 0, sizeof key);
}

// A pointer parameter becomes a ptrtoint instruction.
// CHECK-LABEL: @through_pointer(
// CHECK: [[A:%.*]] = ptrtoint ptr addrspace(101) %{{.*}} to i32
// CHECK: call void @__wmc_intrinsic_protect(i32 noundef 1, i32 noundef [[A]], i32 noundef 4096, i32 noundef 0)
void through_pointer(char __wasm_mem(1) *p) {
  wasm_memory_protect(1, p, 4096, WASM_PROT_NONE);
}

// DECL-DAG: declare i32 @__wmc_intrinsic_memory_size(i32 noundef)
// DECL-DAG: declare i32 @__wmc_intrinsic_memory_grow(i32 noundef, i32 noundef)
// DECL-DAG: declare i32 @__wmc_intrinsic_heap_base(i32 noundef)
// DECL-DAG: declare void @__wmc_intrinsic_protect(i32 noundef, i32 noundef, i32 noundef, i32 noundef)
// DECL-DAG: declare void @__wmc_intrinsic_discard(i32 noundef, i32 noundef, i32 noundef)
// DECL-DAG: declare i32 @__wmc_intrinsic_map(i32 noundef, i32 noundef, i32 noundef, i32 noundef, i64 noundef, i32 noundef)
// DECL-DAG: declare void @__wmc_intrinsic_unmap(i32 noundef, i32 noundef, i32 noundef)
// DECL-DAG: declare void @__wmc_intrinsic_memcpy(i32 noundef, i32 noundef, i32 noundef, i32 noundef, i32 noundef)
// DECL-DAG: declare void @__wmc_intrinsic_memset(i32 noundef, i32 noundef, i32 noundef, i32 noundef)
