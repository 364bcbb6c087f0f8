// <wasm/memctl.h> compiles warning-free as C17 and C++17/20 under
// -Wall -Wextra -pedantic -Werror, with or without the plugin, found with
// -I or -isystem. Without the plugin nothing is checked, but the IR is the
// same (the header alone defines the surface).
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -std=c17 -Wall -Wextra -pedantic -Werror -I %wmc-include -fsyntax-only %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -std=c17 -Wall -Wextra -pedantic -Werror -I %wmc-include -fplugin=%clang-plugin -fsyntax-only %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -x c++ -std=c++20 -Wall -Wextra -pedantic -Werror -I %wmc-include -fplugin=%clang-plugin -fsyntax-only %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -x c++ -std=c++17 -Wall -Wextra -pedantic -Werror -isystem %wmc-include -fsyntax-only %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -x c++ -std=c++11 -Wall -Wextra -Werror -isystem %wmc-include -fsyntax-only %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -S -emit-llvm -O1 -isystem %wmc-include -o %t.plain.ll %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -S -emit-llvm -O1 -isystem %wmc-include -fplugin=%clang-plugin -o %t.plugin.ll %s
// RUN: diff %t.plain.ll %t.plugin.ll
#include <wasm/memctl.h>

#define SECRETS 3
WASM_MEMORY(SECRETS, "secrets", 1, 4, WASM_MEMORY_EXPORT | WASM_MEMORY_NULL_GUARD(4096));
WASM_MEMORY(SECRETS, "secrets", 1, 4, WASM_MEMORY_EXPORT | WASM_MEMORY_NULL_GUARD(4096));

static char __wasm_mem(SECRETS) key[32];
static const int __wasm_ro table[2] = {1, 2};
char __wasm_mem(0) plain[2];

unsigned use(void);
unsigned use(void) {
  wasm_memory_protect(SECRETS, key, sizeof key, WASM_PROT_READ);
  wasm_memcpy(0, plain, SECRETS, key, sizeof plain);
  return wasm_memory_size(SECRETS) + (unsigned)table[1] + (unsigned)plain[0];
}
