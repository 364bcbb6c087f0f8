// A pointer converted to an integer and back may not change memory: the
// round trip is caught directly and through local variables whose every
// assignment comes from the same memory.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <stdint.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
static char __wasm_mem(1) key[32];
char plain[32];

void direct(char __wasm_mem(1) *p) {
  char *a = (char *)(uintptr_t)p;            // expected-error {{integer round trip turns a pointer into memory 1 ('secrets') into a default-memory pointer; pointers into different wasm memories are incompatible}} expected-note {{the integer was computed from a pointer into memory 1 ('secrets') here}}
  char *b = (char *)((uintptr_t)key + 4);    // expected-error {{integer round trip turns a pointer into memory 1 ('secrets')}} expected-note {{computed from}}
  char __wasm_mem(1) *c = (char __wasm_mem(1) *)(unsigned long)plain; // expected-error {{integer round trip turns a default-memory pointer into a pointer into memory 1 ('secrets')}} expected-note {{computed from a default-memory pointer}}
  char *e = (char *)(((uintptr_t)p + 15) & ~(uintptr_t)15); // expected-error {{integer round trip turns a pointer into memory 1 ('secrets')}} expected-note {{computed from}}
  (void)a; (void)b; (void)c; (void)e;
}

void through_variable(char __wasm_mem(1) *p) {
  uintptr_t u = (uintptr_t)p;                // expected-note {{the integer was computed from a pointer into memory 1 ('secrets') here}}
  uintptr_t v = u + 16;
  char *a = (char *)v;                       // expected-error {{integer round trip turns a pointer into memory 1 ('secrets') into a default-memory pointer}}
  (void)a;
}

void fine(char __wasm_mem(1) *p, uintptr_t unknown) {
  char __wasm_mem(1) *a = (char __wasm_mem(1) *)((uintptr_t)p + 1); // same memory
  char __wasm_mem(1) *b = (char __wasm_mem(1) *)0x10000;            // an address in memory 1
  char __wasm_mem(1) *c = (char __wasm_mem(1) *)unknown;            // origin unknown
  uintptr_t mixed = (uintptr_t)p;
  mixed = (uintptr_t)plain;                  // two origins: not tracked
  char *d = (char *)mixed;
  char __wasm_mem(1) *rel = (char __wasm_mem(1) *)((uintptr_t)plain - (uintptr_t)plain); // a distance
  (void)a; (void)b; (void)c; (void)d; (void)rel;
}
