// A non-literal k in __wasm_mem(k) that turns out to be 0 (a template
// argument) would name address space 100, not the default memory: rejected,
// with the instantiation; wasm::in_memory<K, T> handles K == 0.
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

template <int K> char __wasm_mem(K) *pick(char __wasm_mem(K) *p) { return p; } // expected-error {{'__wasm_mem(k)' with a non-literal k equal to 0 gives address space 100, not the default memory: write a literal '__wasm_mem(0)', or use 'wasm::in_memory<K, T>' in C++ templates}}
template <int K> wasm::in_memory<K, char> *good(wasm::in_memory<K, char> *p) { return p; }

static char __wasm_mem(1) key[4];
char plain[4];

void uses() {
  pick<1>(key);
  pick<0>(nullptr); // expected-note {{in instantiation of 'pick<0>' requested here}}
  good<1>(key);
  good<0>(plain);
}
