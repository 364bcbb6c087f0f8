// Allocator stress test on two memories at once: random malloc/calloc/
// realloc/aligned_alloc/free sequences on the heaps of memories 1 and 3,
// every block filled with a pattern unique to it and verified before it is
// resized or freed (overlap or corruption changes some byte), the heap
// invariants walked periodically, growth across many pages, and reuse of
// freed memory checked (after freeing everything, a big allocation fits
// without growing).
// RUN: %wmc-cc -std=c17 -O0 %s -o %t.O0.wasm
// RUN: %wmc-cc -std=c17 -O2 %s -o %t.O2.wasm
// RUN: %if wmc-run %{ %wmc-run %t.O2.wasm | FileCheck %s %}
// RUN: %run-node %t.O0.wasm | FileCheck %s
// RUN: %run-node %t.O2.wasm | FileCheck %s
// RUN: %wmc-cc -std=c17 -O3 %s -o %t.O3.wasm
// RUN: %run-node %t.O3.wasm | FileCheck %s
// CHECK: memory 1: ops=6000 ok
// CHECK-NEXT: memory 1: grew to {{[1-9][0-9]+}} pages
// CHECK-NEXT: memory 1: all freed, heap fully free, reused without growth
// CHECK-NEXT: memory 3: ops=6000 ok
// CHECK-NEXT: memory 3: grew to {{[1-9][0-9]+}} pages
// CHECK-NEXT: memory 3: all freed, heap fully free, reused without growth
// CHECK-NEXT: interleaved: ok
#include <stdio.h>
#include <stdlib.h>
#include <wasm/memctl_alloc.h>

WASM_MEMORY(1, "left", 1, 4096, 0);
WASM_MEMORY(3, "right", 0, 4096, 0);
// Static data in memory 1 puts its heap base above 0.
static char __wasm_mem(1) banner[100] = "static data below the heap";

WMC_DEFINE_HEAP(1);
WMC_DEFINE_HEAP(3);

#define SLOTS 256
#define OPS 6000
static unsigned rng_state = 12345;
static unsigned rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}
static unsigned pick_size(void) {
  unsigned r = rnd() % 100;
  if (r < 60) return rnd() % 128;          // small, exact classes
  if (r < 90) return 128 + rnd() % 4000;   // medium, range classes
  if (r < 99) return 4096 + rnd() % 60000; // large
  return 65536 + rnd() % 200000;           // spans pages
}

static int failed;
static void fail(int k, const char *what, unsigned slot) {
  printf("memory %d: FAIL %s (slot %u)\n", k, what, slot);
  failed = 1;
}

// One test body per memory, generated for memory K.
#define STRESS(K)                                                              \
  struct slot_##K { unsigned char __wasm_mem(K) *p; unsigned n, tag; };        \
  static struct slot_##K s##K[SLOTS];                                          \
  static unsigned char pat_##K(unsigned tag, unsigned i) {                     \
    return (unsigned char)(tag * 131u + i * 7u + (i >> 8));                    \
  }                                                                            \
  static void fill_##K(unsigned j, unsigned from) {                            \
    for (unsigned i = from; i < s##K[j].n; i++)                                \
      s##K[j].p[i] = pat_##K(s##K[j].tag, i);                                  \
  }                                                                            \
  static int verify_##K(unsigned j, unsigned n) {                              \
    for (unsigned i = 0; i < n; i++)                                           \
      if (s##K[j].p[i] != pat_##K(s##K[j].tag, i))                             \
        return 0;                                                              \
    return 1;                                                                  \
  }                                                                            \
  static void step_##K(unsigned op) {                                          \
    static unsigned tags;                                                      \
    unsigned j = rnd() % SLOTS;                                                \
    struct slot_##K *s = &s##K[j];                                             \
    if (s->p && !verify_##K(j, s->n))                                          \
      fail(K, "content corrupted", j);                                         \
    unsigned kind = rnd() % 8;                                                 \
    if (!s->p) {                                                               \
      unsigned n = pick_size();                                                \
      if (kind == 0) {                                                         \
        s->p = wmc_calloc_##K(1, n);                                           \
        for (unsigned i = 0; s->p && i < n; i++)                               \
          if (s->p[i]) { fail(K, "calloc not zeroed", j); break; }             \
      } else if (kind == 1) {                                                  \
        unsigned a = 32u << (rnd() % 8);                                       \
        s->p = wmc_aligned_alloc_##K(a, n);                                    \
        if (__WMC_ADDR(s->p) % a) fail(K, "misaligned", j);                    \
      } else                                                                   \
        s->p = wmc_malloc_##K(n);                                              \
      if (!s->p) { fail(K, "out of memory", j); return; }                      \
      if (__WMC_ADDR(s->p) % 16) fail(K, "not 16-aligned", j);                 \
      if (wmc_malloc_usable_size_##K(s->p) < n) fail(K, "usable size", j);     \
      s->n = n;                                                                \
      s->tag = ++tags;                                                         \
      fill_##K(j, 0);                                                          \
    } else if (kind < 3) {                                                     \
      unsigned n = kind == 1 ? s->n / 2 : pick_size();                         \
      unsigned char __wasm_mem(K) *q = wmc_realloc_##K(s->p, n);              \
      if (!q && n) { fail(K, "realloc failed", j); return; }                   \
      s->p = q;                                                                \
      unsigned keep = n < s->n ? n : s->n;                                     \
      s->n = keep;                                                             \
      if (q && !verify_##K(j, keep)) fail(K, "realloc lost content", j);      \
      s->n = n;                                                                \
      if (q) fill_##K(j, keep);                                                \
    } else {                                                                   \
      wmc_free_##K(s->p);                                                      \
      s->p = 0;                                                                \
    }                                                                          \
    if (op % 1000 == 0) {                                                      \
      const char *why = "";                                                    \
      if (wmc_heap_check_##K(&why) < 0) fail(K, why, op);                      \
    }                                                                          \
  }                                                                            \
  static void finish_##K(void) {                                               \
    const char *why = "";                                                      \
    for (unsigned j = 0; j < SLOTS; j++) {                                     \
      if (s##K[j].p && !verify_##K(j, s##K[j].n)) fail(K, "final content", j); \
      wmc_free_##K(s##K[j].p);                                                 \
      s##K[j].p = 0;                                                           \
    }                                                                          \
    long fb = wmc_heap_check_##K(&why);                                        \
    unsigned end = wmc_heap_end_##K();                                         \
    unsigned first = (wasm_memory_heap_base(K) + WMC__CTRL_SIZE + 19u) & ~15u; \
    if (fb < 0) fail(K, why, 0);                                               \
    else if ((unsigned long)fb != end - first) fail(K, "heap not fully free", 0); \
    void __wasm_mem(K) *big = wmc_malloc_##K(end - first - 64);                \
    if (!big || wmc_heap_end_##K() != end) fail(K, "no reuse", 0);             \
    wmc_free_##K(big);                                                         \
    if (!failed)                                                               \
      printf("memory %d: all freed, heap fully free, reused without growth\n", K); \
  }

STRESS(1)
STRESS(3)

int main(void) {
  for (unsigned op = 1; op <= OPS; op++) step_1(op);
  if (!failed) printf("memory 1: ops=%d ok\n", OPS);
  if (wasm_memory_size(1) > 16) printf("memory 1: grew to %u pages\n", wasm_memory_size(1));
  finish_1();
  for (unsigned op = 1; op <= OPS; op++) step_3(op);
  if (!failed) printf("memory 3: ops=%d ok\n", OPS);
  if (wasm_memory_size(3) > 16) printf("memory 3: grew to %u pages\n", wasm_memory_size(3));
  finish_3();
  // Both heaps live at once: interleave operations.
  for (unsigned op = 1; op <= OPS; op++) { step_1(op); step_3(op); }
  const char *why = "";
  if (wmc_heap_check_1(&why) < 0 || wmc_heap_check_3(&why) < 0) fail(0, why, 0);
  if (banner[0] != 's') fail(1, "static data clobbered", 0);
  if (!failed) printf("interleaved: ok\n");
  return failed;
}
