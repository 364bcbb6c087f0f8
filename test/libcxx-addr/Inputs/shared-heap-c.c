// C half of shared-heap.cpp: allocates in memory 1 with the C API.
#include <wasm/memctl_alloc.h>
WASM_MEMORY(1, "shared", 1, 64, 0);
WMC_DEFINE_HEAP(1);
char __wasm_mem(1) *c_make(const char *s) { return wmc_strdup_in_1(s); }
void c_release(char __wasm_mem(1) *p) { wmc_free_1(p); }
long c_check(void) {
  const char *why = "";
  return wmc_heap_check_1(&why);
}
