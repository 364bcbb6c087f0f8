// The C API of <wasm/memctl_alloc.h> at -O0..-O3 on wmc-run and node 26:
// per-memory malloc/calloc/realloc/aligned_alloc/free with memory-1 pointer
// types, reuse of freed blocks, in-place realloc, and the string and
// cross-memory helpers (memory 1 <-> memory 0, memory 1 <-> memory 2).
// RUN: %wmc-cc -std=c17 -O0 %s -o %t.O0.wasm
// RUN: %wmc-cc -std=c17 -O1 %s -o %t.O1.wasm
// RUN: %wmc-cc -std=c17 -O2 %s -o %t.O2.wasm
// RUN: %wmc-cc -std=c17 -O3 %s -o %t.O3.wasm
// RUN: %wmc-cc -std=c17 -Os %s -o %t.Os.wasm
// RUN: %if wmc-run %{ %wmc-run %t.O0.wasm | FileCheck %s %}
// RUN: %if wmc-run %{ %wmc-run %t.O2.wasm | FileCheck %s %}
// RUN: %if wmc-run %{ %wmc-run %t.O3.wasm | FileCheck %s %}
// RUN: %if wmc-run %{ %wmc-run %t.Os.wasm | FileCheck %s %}
// RUN: %run-node %t.O0.wasm | FileCheck %s
// RUN: %run-node %t.O1.wasm | FileCheck %s
// RUN: %run-node %t.O2.wasm | FileCheck %s
// RUN: %run-node %t.O3.wasm | FileCheck %s
#include <stdio.h>
#include <string.h>
#include <wasm/memctl_alloc.h>

WASM_MEMORY(1, "work", 1, 64, 0);
WASM_MEMORY(2, "other", 1, 64, 0);
WMC_DEFINE_HEAP(1);
WMC_DEFINE_HEAP(2);
WMC_DEFINE_XMEM(1, 2);
WMC_DEFINE_XMEM(2, 1);

static unsigned addr(void __wasm_mem(1) *p) { return __WMC_ADDR(p); }

int main(void) {
  const char *why = "";
  // CHECK: alloc: aligned=1 distinct=1 heap-ok=1
  char __wasm_mem(1) *a = wmc_malloc_1(24);
  char __wasm_mem(1) *b = wmc_malloc_1(24);
  printf("alloc: aligned=%d distinct=%d heap-ok=%d\n",
         addr(a) % 16 == 0 && addr(b) % 16 == 0, addr(b) >= addr(a) + 24,
         wmc_heap_check_1(&why) >= 0);

  // CHECK-NEXT: reuse: 1
  wmc_free_1(a);
  char __wasm_mem(1) *c = wmc_malloc_1(20);
  printf("reuse: %d\n", c == a);

  // CHECK-NEXT: calloc: zero=1
  int __wasm_mem(1) *z = wmc_calloc_1(100, sizeof(int));
  int allzero = 1;
  for (int i = 0; i < 100; i++)
    allzero &= z[i] == 0;
  printf("calloc: zero=%d\n", allzero);

  // Realloc keeps the contents; growing into a free neighbour stays in place.
  // CHECK-NEXT: realloc: kept=1 in-place=1
  for (int i = 0; i < 100; i++)
    z[i] = i * i;
  int __wasm_mem(1) *big = wmc_malloc_1(4000);
  wmc_free_1(big); // the block after z is free now
  int __wasm_mem(1) *z2 = wmc_realloc_1(z, 800 * sizeof(int));
  int kept = 1;
  for (int i = 0; i < 100; i++)
    kept &= z2[i] == i * i;
  printf("realloc: kept=%d in-place=%d\n", kept, z2 == z);

  // CHECK-NEXT: aligned: 4096=1 256=1 usable=1
  void __wasm_mem(1) *pg = wmc_aligned_alloc_1(4096, 100);
  void __wasm_mem(1) *al = wmc_aligned_alloc_1(256, 10);
  printf("aligned: 4096=%d 256=%d usable=%d\n", __WMC_ADDR(pg) % 4096 == 0,
         __WMC_ADDR(al) % 256 == 0, wmc_malloc_usable_size_1(pg) >= 100);

  // CHECK-NEXT: strings: len=13 chr=7 cmp0=0 cmp-=-1 cmp+=1
  char __wasm_mem(1) *s = wmc_strdup_in_1("hello, memory");
  const char __wasm_mem(1) *w = wmc_memchr_1(s, 'm', 13);
  printf("strings: len=%zu chr=%d cmp0=%d cmp-=%d cmp+=%d\n", wmc_strlen_1(s),
         (int)(w - s), wmc_strcmp_1_0(s, "hello, memory"),
         wmc_strcmp_1_0(s, "hello, memoryz"), wmc_strcmp_0_1("hello, z", s));

  // CHECK-NEXT: strncpy: [hello] pad=1 memcmp=0,-1
  char __wasm_mem(2) *t = wmc_malloc_2(16);
  wmc_memset_2(t, 'x', 16);
  wmc_strncpy_2_1(t, s, 5);
  char back[16] = {0};
  wmc_copy_out_2(back, t, 5);
  char __wasm_mem(2) *u = wmc_calloc_2(1, 16);
  wmc_strncpy_2_1(u, s, 12);
  printf("strncpy: [%s] pad=%d memcmp=%d,%d\n", back, u[11] == 'r' && t[5] == 'x',
         wmc_memcmp_2_1(t, s, 5), wmc_memcmp_1_0(s, "hello, memoryz", 14));

  // Bring a buffer in, work on it, hand it back.
  // CHECK-NEXT: staged: HELLO WORLD
  char buf[] = "hello world";
  char __wasm_mem(1) *in = wmc_dup_in_1(buf, sizeof buf);
  for (char __wasm_mem(1) *q = in; *q; q++)
    if (*q >= 'a' && *q <= 'z')
      *q -= 32;
  wmc_copy_out_1(buf, in, sizeof buf);
  printf("staged: %s\n", buf);

  // CHECK-NEXT: memmove: abcabcdefg
  wmc_strncpy_1_0(in, "abcdefg", 12);
  wmc_memmove_1(in + 3, in, 7);
  wmc_copy_out_1(buf, in, 11);
  printf("memmove: %s\n", buf);

  wmc_free_1(b); wmc_free_1(c); wmc_free_1(z2); wmc_free_1(pg); wmc_free_1(al);
  wmc_free_1(s); wmc_free_1(in); wmc_free_2(t); wmc_free_2(u);
  // Everything freed: one free chunk covering the whole heap.
  // CHECK-NEXT: end: heap-ok=1 one-chunk=1 null-free=ok
  long fb1 = wmc_heap_check_1(&why);
  wmc_free_1(0);
  printf("end: heap-ok=%d one-chunk=%d null-free=ok\n",
         fb1 >= 0 && wmc_heap_check_2(&why) >= 0,
         fb1 == (long)(wmc_heap_end_1() -
                       ((wasm_memory_heap_base(1) + WMC__CTRL_SIZE + 19u) & ~15u)));
  // CHECK-NEXT: oom: 1
  printf("oom: %d\n", wmc_malloc_1(100u << 20) == 0); // beyond max 64 pages
  return 0;
}
