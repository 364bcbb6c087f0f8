// wmc-c++ loads the plugin too: Clang's overload notes are explained in
// memory terms and the C++ surface is available.
// RUN: %wmc-c++ -std=c++20 -fsyntax-only -Xclang -verify %s
#include <wasm/memctl.h>

static int __wasm_mem(2) slots[4];
void f(int *p); // expected-note {{candidate function not viable: no known conversion from '__wasm_mem(2) int[4]' to 'int *' for 1st argument (memory 2 and the default memory are different wasm memories; their pointers are incompatible)}}
void g() {
  f(slots); // expected-error {{no matching function for call to 'f'}}
  wasm::memset(slots, 0, sizeof slots);
}
