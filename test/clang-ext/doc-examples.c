// The C examples of docs/language.md compile cleanly with the plugin.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -Wall -Wextra -fplugin=%clang-plugin -isystem %wmc-include %s
// expected-no-diagnostics
#include <stdio.h>
#include <string.h>
#include <wasm/memctl.h>

// Quick example.
WASM_MEMORY(1, "secrets", 1, 4, WASM_MEMORY_NULL_GUARD(4096));
static char __wasm_mem(1) key[4096] WASM_PAGE_ALIGNED;
static const char __wasm_ro banner[] = "hello";
int quick(void) {
  char __wasm_mem(1) *p = key;
  p[0] = 42;
  wasm_memory_protect(1, key, sizeof key, WASM_PROT_READ);
  char copy[8];
  wasm_memcpy(0, copy, WASM_MEMORY_RO, banner, sizeof banner);
  printf("%s %d\n", copy, p[0]);
  memcpy(copy, key, 4); // the memcpy builtin takes pointers into any memory
  return 0;
}

// Qualifier placements.
char __wasm_mem(1) table[256] = {1, 2, 3};
int f(void) { static int __wasm_mem(2) hits; return ++hits; }
struct slice { int len; char __wasm_mem(1) *data; };
typedef char __wasm_mem(1) secret_char;
void wipe(secret_char *s, int n);
struct slice __wasm_mem(2) whole;

// Read-only memory.
static const int __wasm_ro crc_table[4] = {1, 2, 3, 4};
const char __wasm_ro greeting[] = "hello";
int lookup(const int __wasm_ro *t, int i) { return t[i] + crc_table[i] + greeting[0]; }

// Declarations.
WASM_MEMORY(1, "secrets", 1, 4, WASM_MEMORY_NULL_GUARD(4096));
WASM_MEMORY(2, "files", 1, 256, WASM_MEMORY_MAPPABLE);
WASM_MEMORY(0, "main", 2, WASM_MEMORY_NO_MAX, WASM_MEMORY_NULL_GUARD(4096));
WASM_MEMORY(WASM_MEMORY_RO, "rodata", 1, 16, 0);

// Intrinsics.
static char __wasm_mem(2) window[1 << 16] WASM_PAGE_ALIGNED;
static unsigned arena_top;
char __wasm_mem(2) *arena_alloc(unsigned n) {
  if (!arena_top)
    arena_top = wasm_memory_heap_base(2);
  unsigned end = arena_top + n;
  while (end > wasm_memory_size(2) * WASM_PAGE_SIZE)
    if (wasm_memory_grow(2, 1) < 0)
      return 0;
  char __wasm_mem(2) *p = (char __wasm_mem(2) *)arena_top;
  arena_top = end;
  return p;
}
int load(int fd) {
  return wasm_memory_map(2, window, sizeof window, fd, 0, WASM_PROT_READ);
}
