// The __wmc_intrinsic_* IR contract from C (declared by hand here, as
// <wasm/memctl.h> does): markers for memory k, LLVM intrinsics for memory 0.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.o
// RUN: wasm-objdump -x %t.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O0 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.O0.o
// RUN: wasm-objdump -x %t.O0.o | FileCheck %s
#define M2 __attribute__((address_space(102)))
#define ADDR(p) ((unsigned)(__UINTPTR_TYPE__)(p))
__attribute__((nothrow, leaf)) unsigned __wmc_intrinsic_memory_size(int k);
__attribute__((nothrow, leaf)) int __wmc_intrinsic_memory_grow(int k, unsigned d);
__attribute__((nothrow, leaf)) void __wmc_intrinsic_protect(int k, unsigned a, unsigned n, int prot);
__attribute__((nothrow, leaf)) void __wmc_intrinsic_discard(int k, unsigned a, unsigned n);
__attribute__((nothrow, leaf)) void __wmc_intrinsic_memcpy(int dk, unsigned d, int sk, unsigned s, unsigned n);
__attribute__((nothrow, leaf)) void __wmc_intrinsic_memset(int k, unsigned d, int b, unsigned n);

char M2 page[8192] __attribute__((aligned(4096)));
char local[64];

int control(void) {
  int before = __wmc_intrinsic_memory_grow(2, 1);
  __wmc_intrinsic_memset(2, ADDR(page), 0xAA, 4096);
  __wmc_intrinsic_memcpy(0, ADDR(local), 2, ADDR(page), sizeof local);
  __wmc_intrinsic_protect(2, ADDR(page), 4096, 1);
  __wmc_intrinsic_discard(2, ADDR(page) + 4096, 4096);
  return before + (int)__wmc_intrinsic_memory_size(2) +
         (int)__wmc_intrinsic_memory_size(0);
}

// CHECK-DAG: <- wmc:m2.memory.grow
// CHECK-DAG: <- wmc:m2.memory.fill
// CHECK-DAG: <- wmc:m0.memory.copy.m2
// CHECK-DAG: <- wmc:m2.memctl.protect
// CHECK-DAG: <- wmc:m2.memctl.discard
// CHECK-DAG: <- wmc:m2.memory.size
// CHECK-NOT: __wmc_intrinsic
