// Markers, segments and the declarations section survive a real link with
// stock wasm-ld: two objects, memory 1 shared between them.
// RUN: cd %S && %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c c-link.c -o %t.a.o
// RUN: cd %S && %clang --target=wasm32-wasi -Wno-deprecated -O2 -DSECOND -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c c-link.c -o %t.b.o
// RUN: wasm-ld-22 --no-entry --export=run --export=bump %t.a.o %t.b.o -o %t.wasm
// RUN: wasm-objdump -x %t.wasm | FileCheck %s
// RUN: wasm-objdump -s -j wmc.memories %t.wasm | FileCheck %s --check-prefix=DECL

// CHECK: Import[
// CHECK-DAG: <- wmc:m1.i32.load
// CHECK-DAG: <- wmc:m1.i32.store
// CHECK-DAG: <- wmc:ro.i32.load16_u
// CHECK-DAG: <- wmc:m1.heap_base
// CHECK: Data[
// CHECK-DAG: <.wmc.m1.shared>
// CHECK-DAG: <.wmc.m1.local_a>
// CHECK-DAG: <.wmc.m1.local_b>
// CHECK-DAG: <.wmc.ro.primes>
// CHECK: name: "wmc.memories"
// Both objects' records are concatenated: the first object's implicit
// records for memory 1 and the read-only memory, then the second's
// declaration of memory 1 ("sharedmem", 1..16 pages, c-link.c:44).
// DECL: Contents of section Custom:
// DECL-NEXT: 0c77 6d63 2e6d 656d 6f72 6965 7301 0104  .wmc.memories...
// DECL-NEXT: 6d65 6d31 0180 8004 0800 0863 2d6c 696e  mem1.......c-lin
// DECL-NEXT: 6b2e 6301 ffff 0306 726f 6461 7461 0180  k.c.....rodata..
// DECL-NEXT: 8004 0900 0863 2d6c 696e 6b2e 6301 0109  .....c-link.c...
// DECL-NEXT: 7368 6172 6564 6d65 6d01 1000 000b 632d  sharedmem.....c-

#define M1 __attribute__((address_space(101)))

unsigned __wmc_intrinsic_heap_base(int k);

#ifndef SECOND
extern int M1 shared[16];
static int M1 local_a = 1;
static const unsigned short primes[8] = {2, 3, 5, 7, 11, 13, 17, 19};
int bump(int i);
int run(int i) {
  shared[i & 15] = primes[i & 7] + local_a++;
  return bump(i) + (int)__wmc_intrinsic_heap_base(1);
}
#else
struct __wmc_memory_decl {
  unsigned index, min_pages, max_pages, flags;
  const char *name, *source;
};
static const struct __wmc_memory_decl __attribute__((used))
__wmc_memdecl_0 = {1, 1, 16, 0, "sharedmem", "c-link.c:44"};
int M1 shared[16];
static int M1 local_b = 2;
int bump(int i) { return shared[i & 15] += local_b++; }
#endif
