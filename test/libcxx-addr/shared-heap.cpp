// Two translation units, one C (WMC_DEFINE_HEAP) and one C++ (wmc::heap),
// share one heap in memory 1: the allocator's state lives in memory 1 at
// its heap base, so blocks allocated by one side are freed by the other
// and reused, and the heap stays consistent.
// RUN: %wmc-cc -std=c17 -O2 -c %S/Inputs/shared-heap-c.c -o %t.c.o
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O2 -c %s -o %t.cpp.o
// RUN: %wmc-c++ -O2 %t.c.o %t.cpp.o -o %t.wasm
// RUN: %run-node %t.wasm | FileCheck %s
// RUN: %wmc-cc -std=c17 -O0 -c %S/Inputs/shared-heap-c.c -o %t.c0.o
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O0 -c %s -o %t.cpp0.o
// RUN: %wmc-c++ -O0 %t.c0.o %t.cpp0.o -o %t0.wasm
// RUN: %if wmc-run %{ %wmc-run %t0.wasm | FileCheck %s %}
// RUN: %run-node %t0.wasm | FileCheck %s
#include <cstdio>
#include <wasm/memctl.hpp>

WASM_MEMORY(1, "shared", 1, 64, 0);
extern "C" {
char __wasm_mem(1) *c_make(const char *s);
void c_release(char __wasm_mem(1) *p);
long c_check(void);
}

int main() {
  // CHECK: c-made: hello from C len=12
  char __wasm_mem(1) *s = c_make("hello from C");
  char out[32];
  wmc::copy_out<1>(out, s, wmc::strlen(s) + 1);
  std::printf("c-made: %s len=%zu\n", out, wmc::strlen(s));
  // C++ frees what C allocated; C allocates the same block again.
  // CHECK-NEXT: freed-by-c++ reused-by-c: 1
  wmc::heap<1>::deallocate(s);
  char __wasm_mem(1) *t = c_make("again");
  std::printf("freed-by-c++ reused-by-c: %d\n", t == s);
  // CHECK-NEXT: c++-made freed-by-c: ok=1
  auto u = (char __wasm_mem(1) *)wmc::heap<1>::allocate(100);
  c_release(u);
  c_release(t);
  const char *why = "";
  std::printf("c++-made freed-by-c: ok=%d\n",
              c_check() >= 0 && wmc::heap<1>::check(&why) == c_check());
  return 0;
}
