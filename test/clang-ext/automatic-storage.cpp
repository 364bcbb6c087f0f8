// C++: the same rules inside classes, templates and lambdas.
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
static int __wasm_mem(1) counter;

struct Holder {
  static int __wasm_mem(1) shared;   // static member: fine
  int __wasm_mem(1) *ptr = &counter; // pointer member: fine
  void bump() { ++*ptr; }
};
int __wasm_mem(1) Holder::shared;

void locals() {
  int __wasm_mem(1) n = 0; // expected-error {{automatic variable 'n' cannot live in memory 1 ('secrets')}}
  auto f = [](int __wasm_mem(1) v) { return v; }; // expected-error {{parameter 'v' cannot live in memory 1 ('secrets')}}
  (void)f;
}
