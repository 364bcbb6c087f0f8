// wmc-cc adds the header directory and the plugin by itself: the same
// diagnostics appear without any -fplugin / -isystem flag.
// RUN: %wmc-cc -fsyntax-only -Xclang -verify %s
#include <stdio.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 1, 0);
static char __wasm_mem(1) key[16];

void leak(void) {
  printf("%s\n", key); // expected-error {{a pointer into memory 1 ('secrets') passed as a variadic argument to 'printf'}} expected-note {{copy the data}}
  wasm_memory_protect(1, key, 4096, 5); // expected-error {{invalid protection 5}}
}
