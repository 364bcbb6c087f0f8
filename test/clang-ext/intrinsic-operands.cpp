// C++: constant variables and template parameters are constant memory
// indices; errors in instantiations name the instantiation; the typed forms
// take the memory from the pointer type and reject the read-only memory.
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
static char __wasm_mem(1) key[4096];
static const char __wasm_ro text[] = "x";
constexpr int Secrets = 1;

template <int K> unsigned pages() { return wasm_memory_size(K); } // expected-error {{memory index 40 is out of range}}
template <int K> void lock(wasm::in_memory<K, char> *p) {
  wasm_memory_protect(K, p, 4096, WASM_PROT_READ);
}

void uses(int k) {
  const int one = 1;
  wasm_memory_size(one);      // a constant in C++: fine
  wasm_memory_size(Secrets);
  pages<1>();
  pages<0>();
  pages<40>();                // expected-note {{in instantiation of 'pages<40>' requested here}}
  lock<1>(key);
  wasm_memory_grow(k, 1);     // expected-error {{memory index must be an integer constant expression}}
  wasm::protect(key, sizeof key, WASM_PROT_READ);
  wasm::memcpy(key, text, 2); // from the read-only memory: fine
  wasm::memset(text, 0, 1);   // expected-error@*:* {{wasm::memset: cannot write to the read-only memory}} expected-note {{in instantiation of}}
}
