// C++ casts between memories: C-style and functional casts (which Clang
// accepts) are errors; static_cast/reinterpret_cast (which Clang rejects)
// are rephrased in memory terms. References and templates too.
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <cstdint>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
static char __wasm_mem(1) key[32];
using SecretPtr = char __wasm_mem(1) *;
using Plain = char *;

void casts(SecretPtr p) {
  char *a = (char *)p;                     // expected-error {{cast from 'SecretPtr' (aka '__wasm_mem(1) char *') to 'char *' turns a pointer into memory 1 ('secrets') into a default-memory pointer}}
  char *b = Plain(p);                      // expected-error {{cast from 'SecretPtr' (aka '__wasm_mem(1) char *') to 'Plain' (aka 'char *') turns a pointer into memory 1 ('secrets') into a default-memory pointer}}
  char *c = static_cast<char *>(p);        // expected-error {{static_cast from 'SecretPtr' (aka '__wasm_mem(1) char *') to 'char *' is not allowed (memory 1 ('secrets') and the default memory are different wasm memories; their pointers are incompatible)}}
  char *d = reinterpret_cast<char *>(p);   // expected-error {{reinterpret_cast from 'SecretPtr' (aka '__wasm_mem(1) char *') to 'char *' is not allowed (memory 1 ('secrets') and the default memory are different wasm memories}}
  char &r = (char &)key[0];                // expected-error {{implicit conversion from '__wasm_mem(1) char' to 'char' turns a reference into memory 1 ('secrets') into a default-memory reference}}
  (void)a; (void)b; (void)c; (void)d; (void)r;
}

template <class To, class From> To convert(From f) {
  return (To)f; // expected-error {{cast from '__wasm_mem(1) char *' to 'char *' turns a pointer into memory 1 ('secrets') into a default-memory pointer}}
}

void instantiate() {
  convert<char *>(key + 1);        // expected-note {{in instantiation of 'convert<char *, __wasm_mem(1) char *>' requested here}}
  convert<SecretPtr>(key + 2);     // same memory: fine
  char __wasm_mem(1) &ok = key[0]; // reference into the same memory: fine
  const char __wasm_mem(1) &cok = ok;
  (void)cok;
}

void compare(char __wasm_mem(1) *p, char *q) {
  (void)(p == q); // expected-error {{comparison of distinct pointer types ('__wasm_mem(1) char *' and 'char *') (memory 1 ('secrets') and the default memory are different wasm memories; their pointers are incompatible)}}
}
