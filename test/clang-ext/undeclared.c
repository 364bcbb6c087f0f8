// A memory used without WASM_MEMORY gets default limits. That is silent in a
// unit that declares no memory, but warned about in a unit that declares
// others (likely a typo), and an error with -fplugin-arg-wmc-require-declarations.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
// RUN: %clang -fsyntax-only -Xclang -verify=none --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -DNO_DECLS %s
// RUN: %clang -fsyntax-only -Xclang -verify=req --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -fplugin-arg-wmc-require-declarations -isystem %wmc-include -DNO_DECLS %s
#include <wasm/memctl.h>

#ifndef NO_DECLS
WASM_MEMORY(1, "secrets", 1, 4, 0);
#endif
// none-no-diagnostics
static char __wasm_mem(1) key[4];
static char __wasm_mem(3) typo[4]; // expected-warning {{memory 3 is used but not declared with WASM_MEMORY in this translation unit; unless another unit declares it, it gets the default limits (1 to 65536 pages)}}
// req-error@-2 {{memory 1 is used but not declared with WASM_MEMORY}}
// req-error@-2 {{memory 3 is used but not declared with WASM_MEMORY}}
unsigned f(void) { return wasm_memory_size(4); } // expected-warning {{memory 4 is used but not declared}} req-error {{memory 4 is used but not declared}}
