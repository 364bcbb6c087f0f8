// Misuse of the library is a compile-time error with a message naming the
// rule: a heap for memory 0 (wasi-libc's malloc owns it) or past 31, a
// memory-1 heap pointer used as a default-memory pointer, and (C++) a
// wmc::vector of a type that is not trivially copyable.
// RUN: not %wmc-cc -std=c17 -fsyntax-only -DHEAP0 %s 2>&1 | FileCheck %s --check-prefix=HEAP0
// RUN: not %wmc-cc -std=c17 -fsyntax-only -DHEAP32 %s 2>&1 | FileCheck %s --check-prefix=HEAP32
// RUN: not %wmc-cc -std=c17 -fsyntax-only -DMIX %s 2>&1 | FileCheck %s --check-prefix=MIX
// RUN: not %wmc-c++ -x c++ -std=c++20 -fno-exceptions -fsyntax-only -DVEC %s 2>&1 | FileCheck %s --check-prefix=VEC
#ifdef VEC
#include <wasm/memctl.hpp>
struct NotTrivial {
  NotTrivial(const NotTrivial &);
  int x;
};
// VEC: error: static assertion failed{{.*}}wmc::vector<T, K>: T must be trivially copyable
wmc::vector<NotTrivial, 1> v;
#else
#include <stddef.h>
#include <wasm/memctl_alloc.h>
#ifdef HEAP0
// HEAP0: error: static assertion failed{{.*}}WMC_DEFINE_HEAP: the memory index must be 1..31
WMC_DEFINE_HEAP(0);
#endif
#ifdef HEAP32
// HEAP32: error: static assertion failed{{.*}}WMC_DEFINE_HEAP: the memory index must be 1..31
WMC_DEFINE_HEAP(32);
#endif
#ifdef MIX
WMC_DEFINE_HEAP(1);
// MIX: error: {{.*}}a pointer into memory 1 {{.*}}passed where a default-memory pointer is expected
size_t my_len(const char *s);
size_t f(void) { return my_len(wmc_malloc_1(10)); }
#endif
#endif
