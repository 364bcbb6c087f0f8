// Objects with automatic storage (locals, by-value parameters, return
// values) always live in
// the default memory; fields cannot have a memory of their own; thread-local
// storage is in the default memory. Clang's errors are rephrased, naming the
// variable and its memory.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);

struct Record {
  int __wasm_mem(1) field; // expected-error {{a field cannot live in a memory of its own: place the whole object in the memory instead}}
  char __wasm_mem(1) *ok;  // a pointer into memory 1 as a field is fine
};

void param(char __wasm_mem(1) c) {} // expected-error {{parameter 'c' cannot live in memory 1 ('secrets'): by-value parameters are automatic objects in the default memory (pass a pointer into the memory instead)}}
// Clang also rejects array-syntax parameters whose elements are in a memory;
// the message says to write them as pointers.
void array_param(char __wasm_mem(1) buf[16]); // expected-error {{array parameter 'buf' with elements in memory 1 ('secrets') is not supported: write it as a pointer, 'T __wasm_mem(1) *p'}}
void pointer_param(char __wasm_mem(1) *buf);  // fine

char __wasm_mem(1) ret(void); // expected-error {{a return value cannot live in memory 1 ('secrets'): return values are temporaries in the default memory (return a pointer into the memory instead)}}
char __wasm_mem(1) *ret_ptr(void); // returning a pointer into memory 1: fine

_Thread_local int __wasm_mem(1) tls; // expected-error {{thread-local variable 'tls' cannot live in memory 1 ('secrets'): thread-local storage is always in the default memory}}

void locals(void) {
  char __wasm_mem(1) buf[16];            // expected-error {{automatic variable 'buf' cannot live in memory 1 ('secrets'): locals with automatic storage always live in the default memory (make it 'static' or move it to file scope)}}
  const int __wasm_ro limit = 3;         // expected-error {{automatic variable 'limit' cannot live in the read-only memory}}
  static char __wasm_mem(1) kept[16];    // static storage: fine
  char __wasm_mem(1) *p = kept;          // a local pointer into memory 1: fine
  (void)p;
}
