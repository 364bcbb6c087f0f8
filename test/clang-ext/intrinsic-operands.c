// Intrinsic operands: the memory index must be an integer constant
// expression naming a valid memory; writing operations reject the read-only
// memory; a pointer operand must point into the memory the operation acts
// on; a constant protection must be one of WASM_PROT_*.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
WASM_MEMORY(2, "cache", 1, 4, WASM_MEMORY_MAPPABLE);
#define SECRETS 1
enum { CACHE = 2 };
static char __wasm_mem(1) key[4096];
static char __wasm_mem(2) page[65536];
static const char __wasm_ro text[] = "x";
char plain[16];

void non_constant(int k) {
  const int c = 1;
  wasm_memory_size(k);        // expected-error {{memory index must be an integer constant expression (operand of 'wasm_memory_size')}}
  wasm_memory_grow(c, 1);     // expected-error {{memory index must be an integer constant expression (operand of 'wasm_memory_grow')}}
  wasm_memcpy(1, key, k, plain, 4); // expected-error {{memory index must be an integer constant expression (operand of 'wasm_memcpy')}}
}

void out_of_range(void) {
  wasm_memory_size(32);       // expected-error {{memory index 32 is out of range: valid indices are 0 to 31, or WASM_MEMORY_RO for the read-only memory}}
  wasm_memory_discard(-1, 0, 4096); // expected-error {{memory index -1 is out of range}}
}

void read_only(void) {
  wasm_memory_protect(WASM_MEMORY_RO, text, 4096, WASM_PROT_NONE); // expected-error {{'wasm_memory_protect' cannot act on the read-only memory}}
  wasm_memset(WASM_MEMORY_RO, text, 0, 1);  // expected-error {{'wasm_memset' cannot act on the read-only memory}}
  wasm_memcpy(WASM_MEMORY_RO, text, 0, plain, 1); // expected-error {{'wasm_memcpy' cannot write to the read-only memory}}
  wasm_memcpy(0, plain, WASM_MEMORY_RO, text, 2); // reading from it: fine
  (void)wasm_memory_size(WASM_MEMORY_RO);         // fine
}

void address_mismatch(void) {
  wasm_memory_protect(1, page, 4096, WASM_PROT_READ);  // expected-error {{address operand of 'wasm_memory_protect' is a pointer into memory 2 ('cache'), but the operation acts on memory 1 ('secrets')}}
  wasm_memory_discard(2, plain, 4096);                 // expected-error {{address operand of 'wasm_memory_discard' is a default-memory pointer, but the operation acts on memory 2 ('cache')}}
  wasm_memcpy(0, plain, 2, key, 4);                    // expected-error {{address operand of 'wasm_memcpy' is a pointer into memory 1 ('secrets'), but the operation acts on memory 2 ('cache')}}
}

void bad_prot(int prot) {
  wasm_memory_protect(1, key, 4096, 2); // expected-error {{invalid protection 2: use WASM_PROT_NONE, WASM_PROT_READ or WASM_PROT_READWRITE}}
  wasm_memory_map(2, page, 65536, -1, 0, 7); // expected-error {{invalid protection 7}}
  wasm_memory_protect(1, key, 4096, prot);   // not constant: checked at run time
}

unsigned fine(int fd) {
  wasm_memory_protect(SECRETS, key, sizeof key, WASM_PROT_READ);
  wasm_memory_protect(1, 0, 4096, WASM_PROT_READWRITE);     // integer address
  wasm_memory_discard(CACHE, page, sizeof page);
  int err = wasm_memory_map(CACHE, page, 65536, fd, 0, WASM_PROT_READ);
  wasm_memory_unmap(CACHE, page, 65536);
  wasm_memcpy(1, key, 2, page, 16);
  wasm_memset(0, plain, 0, sizeof plain);
  return wasm_memory_size(0) + wasm_memory_grow(2, 1) + wasm_memory_heap_base(1) + err;
}
