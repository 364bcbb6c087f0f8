// Objects with automatic storage (locals, by-value parameters, return
// values) always live in
// the default memory; fields cannot have a memory of their own; thread-local
// storage is in the default memory. Clang's errors are rephrased.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);

struct Record {
  int __wasm_mem(1) field; // expected-error {{a field cannot live in a memory of its own: place the whole object in the memory instead}}
  char __wasm_mem(1) *ok;  // a pointer into memory 1 as a field is fine
};

void param(char __wasm_mem(1) c) {} // expected-error {{parameter cannot live in a non-default memory: by-value parameters are automatic objects in the default memory}}
// Clang also rejects array-syntax parameters whose elements are in a memory;
// the message says to write them as pointers.
void array_param(char __wasm_mem(1) buf[16]); // expected-error {{write an array parameter as a pointer, 'T __wasm_mem(k) *p'}}
void pointer_param(char __wasm_mem(1) *buf);  // fine

char __wasm_mem(1) ret(void); // expected-error {{a return value cannot live in memory 1 ('secrets'): return values are temporaries in the default memory (return a pointer into the memory instead)}}
char __wasm_mem(1) *ret_ptr(void); // returning a pointer into memory 1: fine

_Thread_local int __wasm_mem(1) tls; // expected-error {{thread-local variable 'tls' cannot live in memory 1 ('secrets'): thread-local storage is always in the default memory}}

void locals(void) {
  char __wasm_mem(1) buf[16];            // expected-error {{automatic variable cannot live in a non-default memory: locals with automatic storage always live in the default memory (make it 'static' or move it to file scope)}}
  static char __wasm_mem(1) kept[16];    // static storage: fine
  char __wasm_mem(1) *p = kept;          // a local pointer into memory 1: fine
  (void)p;
}
