// C library functions that Clang treats as builtins (strlen, strcmp, memchr,
// ...) accept pointers into any memory and then read the default memory at
// the same offset: an error. memcpy/memmove/memset stay allowed, because
// they become LLVM memory intrinsics that llvm-pass lowers for every memory.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <stdio.h>
#include <string.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);

static char __wasm_mem(1) s[16] = "hello, memory 1";
static char plain[16] = "hello";

size_t f(void) {
  size_t n = strlen(s); // expected-error {{a pointer into memory 1 ('secrets') passed to the C library function 'strlen', which only reads and writes the default memory}} expected-note {{use the cross-memory functions}}
  n += strcmp(plain, s); // expected-error {{a pointer into memory 1 ('secrets') passed to the C library function 'strcmp'}} expected-note {{use the cross-memory functions}}
  n += __builtin_strlen(s); // expected-error {{passed to the C library function '__builtin_strlen'}} expected-note {{use the cross-memory functions}}
  n += memchr(s, 'o', 16) != 0; // expected-error {{passed to the C library function 'memchr'}} expected-note {{use the cross-memory functions}}
  memcpy(s, plain, 6);   // fine: llvm.memcpy, lowered per memory
  memset(s, 0, 4);       // fine
  memmove(s + 1, s, 4);  // fine
  n += strlen(plain);    // fine: default memory
  n += snprintf(s, 16, "%d", 1); // expected-error {{a pointer into memory 1 ('secrets') passed to the C library function 'snprintf'}} expected-note {{use the cross-memory functions}}
  // A variadic argument gets the variadic diagnostic only, not both.
  printf("%s", s); // expected-error {{passed as a variadic argument to 'printf'}} expected-note {{}}
  return n;
}
