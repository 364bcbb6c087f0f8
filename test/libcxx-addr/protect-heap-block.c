// A page-aligned heap block can be protected: the allocator keeps its
// metadata outside [p, p + n) of wmc_aligned_alloc_K(4096, n), so with the
// block read-only other allocations, frees and growth still work; a write
// to the block traps in wmc-run.
// RUN: %wmc-cc -std=c17 -O2 %s -o %t.wasm
// RUN: %if wmc-run %{ %wmc-run %t.wasm | FileCheck %s %}
// RUN: %if wmc-run %{ not %wmc-run %t.wasm write 2>&1 | FileCheck %s --check-prefix=TRAP %}
// RUN: %run-node %t.wasm | FileCheck %s
// CHECK: protected block intact=1 heap-ok=1
// TRAP: protected block intact=1 heap-ok=1
// TRAP: wasm trap
#include <stdio.h>
#include <string.h>
#include <wasm/memctl_alloc.h>

WASM_MEMORY(1, "vault", 1, 256, 0);
WMC_DEFINE_HEAP(1);

int main(int argc, char **argv) {
  char __wasm_mem(1) *key = wmc_aligned_alloc_1(4096, 8192);
  wmc_memset_1(key, 0x5a, 8192);
  wasm_memory_protect(1, key, 8192, WASM_PROT_READ);
  // Churn around the protected block: neighbours are allocated, freed and
  // coalesced, and the heap grows.
  char __wasm_mem(1) *blocks[64];
  for (int round = 0; round < 20; round++) {
    for (int i = 0; i < 64; i++)
      blocks[i] = wmc_malloc_1((unsigned)(i * 97 + round * 131) % 5000 + 1);
    for (int i = 0; i < 64; i += 2)
      wmc_free_1(blocks[i]);
    for (int i = 1; i < 64; i += 2)
      wmc_free_1(blocks[i]);
  }
  int intact = 1;
  for (int i = 0; i < 8192; i++)
    intact &= key[i] == 0x5a;
  const char *why = "";
  printf("protected block intact=%d heap-ok=%d\n", intact,
         wmc_heap_check_1(&why) >= 0);
  fflush(stdout);
  if (argc > 1 && !strcmp(argv[1], "write"))
    key[100] = 0; // traps: the page is read-only
  wasm_memory_protect(1, key, 8192, WASM_PROT_READWRITE);
  wmc_free_1(key);
  return 0;
}
