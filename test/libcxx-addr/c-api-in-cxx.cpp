// The C macros of <wasm/memctl_alloc.h> also work in C++ (C++20), warning
// free under -Wall -Wextra -Werror even when most generated functions are
// unused.
// RUN: %wmc-c++ -std=c++20 -Wall -Wextra -Werror -O0 %s -o %t.wasm
// RUN: %if wmc-run %{ %wmc-run %t.wasm | FileCheck %s %}
// RUN: %run-node %t.wasm | FileCheck %s
// CHECK: sum=6 len=5 cmp=0
#include <cstdio>
#include <wasm/memctl_alloc.h>
WMC_DEFINE_HEAP(1);
WMC_DEFINE_XMEM(1, 2);

int main() {
  auto p = (int __wasm_mem(1) *)wmc_calloc_1(4, sizeof(int));
  p[1] = 1, p[2] = 2, p[3] = 3;
  int sum = p[0] + p[1] + p[2] + p[3];
  wmc_free_1(p);
  char __wasm_mem(1) *s = wmc_strdup_in_1("hello");
  std::printf("sum=%d len=%zu cmp=%d\n", sum, wmc_strlen_1(s),
              wmc_strcmp_1_0(s, "hello"));
  return 0;
}
