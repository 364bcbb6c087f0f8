// __wasm_mem(k) with k beyond the maximum names no memory.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

static char __wasm_mem(32) big[4];    // expected-error {{'__wasm_mem(32)' names no memory: memory indices are 1 to 31 (__wasm_mem(0) is the default memory)}}
typedef int __wasm_mem(40) *bad_ptr;  // expected-error {{'__wasm_mem(40)' names no memory}}
char __wasm_mem(0) plain[4];          // literal 0: the default memory, no qualifier
char *p = plain;
const int __wasm_ro __wasm_mem(1) both = 1; // expected-error {{an object can live in only one memory: the type names two (e.g. both '__wasm_ro' and '__wasm_mem(k)')}}
