// Operations mixing pointers into different memories (Clang's errors,
// explained in memory terms), nested pointers, and the memcpy family, which
// takes pointers into any memory as a C builtin but not with -fno-builtin.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
// RUN: %clang -fsyntax-only -Xclang -verify=nobuiltin -fno-builtin -DNO_BUILTIN --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <string.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
static char __wasm_mem(1) key[32];
char plain[32];

#ifndef NO_BUILTIN
char __wasm_mem(1) **pp;

long mixed(int c, char __wasm_mem(1) *p, char *q) {
  char **q2 = pp;         // expected-error {{initializing 'char **' with an expression of type '__wasm_mem(1) char **': a pointer into memory 1 ('secrets') used where a default-memory pointer is expected}}
  char *r = c ? p : q;    // expected-error {{conditional operator with the second and third operands of type ('__wasm_mem(1) char *' and 'char *') which point into different memories (memory 1 ('secrets') and the default memory are different wasm memories; their pointers are incompatible)}}
  (void)q2; (void)r;
  return p - q;           // expected-error {{arithmetic operation with operands of type ('__wasm_mem(1) char *' and 'char *') which point into different memories}}
}

void copies(unsigned n) { // builtins: fine, any memory
  memcpy(key, plain, n);
  memcpy(plain, key, n);
  memmove(key, plain, n);
  memset(key, 0, n);
}
#else
// nobuiltin-note@* 2 {{passing argument to parameter}}
void copies(unsigned n) {
  memcpy(key, plain, n);  // nobuiltin-error {{passing '__wasm_mem(1) char *' to parameter of type 'void *': a pointer into memory 1 ('secrets') passed where a default-memory pointer is expected}}
  __builtin_memcpy(key, plain, n); // always a builtin: fine
  memset(key, 0, n);      // nobuiltin-error {{a pointer into memory 1 ('secrets') passed where a default-memory pointer is expected}}
}
#endif
