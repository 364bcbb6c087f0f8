// Pointers into different memories are incompatible: every conversion
// between them is an error, explicit or implicit. Clang's own errors for
// implicit conversions are rephrased in memory terms, not duplicated.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <stddef.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
WASM_MEMORY(2, "cache", 1, 4, 0);
static char __wasm_mem(1) key[32];
static int __wasm_mem(2) slots[8];
static const int __wasm_ro table[2] = {1, 2};

void take(char *p); // expected-note {{passing argument to parameter 'p' here}}
char *give(char __wasm_mem(1) *p) {
  return p; // expected-error {{returning '__wasm_mem(1) char *' from a function with result type 'char *': a pointer into memory 1 ('secrets') returned where a default-memory pointer is expected (pointers into different wasm memories are incompatible)}}
}

void explicit_casts(char __wasm_mem(1) *p) {
  char *a = (char *)p;                          // expected-error {{cast from '__wasm_mem(1) char *' to 'char *' turns a pointer into memory 1 ('secrets') into a default-memory pointer; pointers into different wasm memories are incompatible}}
  int __wasm_mem(2) *b = (int __wasm_mem(2) *)p; // expected-error {{turns a pointer into memory 1 ('secrets') into a pointer into memory 2 ('cache')}}
  void *c = (void *)key;                        // expected-error {{turns a pointer into memory 1 ('secrets') into a default-memory pointer}}
  char *d = (char *)(void __wasm_mem(1) *)p;    // expected-error {{cast from '__wasm_mem(1) void *' to 'char *' turns a pointer into memory 1 ('secrets') into a default-memory pointer}}
  const int *e = (const int *)table;            // expected-error {{turns a read-only-memory pointer into a default-memory pointer}}
  int __wasm_mem(2) *f = (int __wasm_mem(2) *)a; // expected-error {{turns a default-memory pointer into a pointer into memory 2 ('cache')}}
  (void)b; (void)c; (void)d; (void)e; (void)f;
}

void implicit_conversions(char __wasm_mem(1) *p, char *q) {
  take(p);  // expected-error {{passing '__wasm_mem(1) char *' to parameter of type 'char *': a pointer into memory 1 ('secrets') passed where a default-memory pointer is expected}}
  q = p;    // expected-error {{assigning '__wasm_mem(1) char *' to 'char *': a pointer into memory 1 ('secrets') assigned where a default-memory pointer is expected}}
  p = q;    // expected-error {{a default-memory pointer assigned where a pointer into memory 1 ('secrets') is expected}}
  int __wasm_mem(2) *s = key; // expected-error {{initializing '__wasm_mem(2) int *' with an expression of type '__wasm_mem(1) char *': a pointer into memory 1 ('secrets') used where a pointer into memory 2 ('cache') is expected}}
  (void)s;
  if (p == q) // expected-error {{implicit conversion from 'char *' to '__wasm_mem(1) char *' turns a default-memory pointer into a pointer into memory 1 ('secrets')}}
    return;
}

void fine(char __wasm_mem(1) *p) {
  char __wasm_mem(1) *a = key;                    // same memory
  void __wasm_mem(1) *v = p;                      // void pointer in the same memory
  char __wasm_mem(1) *b = (char __wasm_mem(1) *)v;
  char __wasm_mem(1) *n = NULL;                   // null converts to any memory
  char __wasm_mem(1) *z = 0;
  int __wasm_mem(2) *w = (int __wasm_mem(2) *)0;
  const char __wasm_mem(1) *c = p;                // adding const
  (void)a; (void)b; (void)n; (void)z; (void)w; (void)c;
  if (p == key || p != NULL)
    return;
}
