// C++: variadic member functions, templates and lambdas get the same check;
// an error inside a template instantiation names the instantiation.
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <cstdio>
#include <wasm/memctl.h>

static char __wasm_mem(2) cache[64];

struct Logger {
  void log(const char *fmt, ...);
  void operator()(int n, ...);
};

template <class T> void show(T *p) {
  std::printf("%p", p); // expected-error {{a pointer into memory 2 passed as a variadic argument to 'printf'}} expected-note {{copy the data}}
}

void uses(Logger &L) {
  L.log("%s", cache);   // expected-error {{a pointer into memory 2 passed as a variadic argument to 'log'}} expected-note {{copy the data}}
  L(1, &cache[3]);      // expected-error {{a pointer into memory 2 passed as a variadic argument}} expected-note {{copy the data}}
  show(cache);          // expected-note {{in instantiation of 'show<__wasm_mem(2) char>' requested here}}
  show("fine");         // default memory: no error
  auto F = [p = &cache[0]] { std::printf("%c", *p); }; // dereferenced: fine
  F();
}
