// A pointer into a non-default memory must not reach a variadic argument:
// the callee (printf here) would read it as a default-memory pointer.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <stdint.h>
#include <stdio.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
static char __wasm_mem(1) key[32];
static const char __wasm_ro banner[] = "hi";
char plain[8];

void logv(int level, ...);
typedef int (*printer)(const char *, ...);

void uses(printer pr, char __wasm_mem(1) *p) {
  printf("%s", key);    // expected-error {{a pointer into memory 1 ('secrets') passed as a variadic argument to 'printf'; the callee reads it as a default-memory pointer}} expected-note {{copy the data into the default memory first}}
  printf("%s %p", plain, p); // expected-error {{a pointer into memory 1 ('secrets') passed as a variadic argument to 'printf'}} expected-note {{copy the data}}
  logv(1, banner);      // expected-error {{a read-only-memory pointer passed as a variadic argument to 'logv'}} expected-note {{copy the data}}
  pr("%s", p);          // expected-error {{a pointer into memory 1 ('secrets') passed as a variadic argument to a variadic function}} expected-note {{copy the data}}

  // Fine: default-memory pointers, integers, explicit uintptr_t escapes.
  printf("%s %d", plain, key[0]);
  printf("%lx", (unsigned long)(uintptr_t)p);
  logv(2, (uintptr_t)key);
}
