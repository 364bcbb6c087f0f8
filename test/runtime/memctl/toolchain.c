// End to end through the toolchain: WASM_MEMORY with a null guard, a
// __wasm_ro object, wasm_memory_protect, and the module's wmc.protections
// section and builtins enforced by wmc-run (and by the polyfill in strict
// mode in node and bun, which name the instruction instead of the access).
// RUN: %wmc-cc -O2 %s -o %t.wasm
// RUN: %wmc-run %t.wasm | FileCheck %s --check-prefix=OK
// OK: hello 42
// RUN: not %wmc-run %t.wasm protect 2>&1 | FileCheck %s --check-prefix=RO
// RUN: not %run-node --strict %t.wasm protect 2>&1 | FileCheck %s --check-prefix=RO
// RUN: not %run-bun --strict %t.wasm protect 2>&1 | FileCheck %s --check-prefix=RO
// RO: hello 42
// RO-NEXT: wasm trap: write to read-only memory (memory 1 "secrets", address 0x{{[0-9a-f]+}}1,
// RUN: not %wmc-run %t.wasm guard 2>&1 | FileCheck %s --check-prefix=GUARD
// GUARD: wasm trap: access to no-access memory (memory 1 "secrets", address 0x10, read)
// RUN: %wmc-run --describe %t.wasm | FileCheck %s --check-prefix=DESC
// DESC: 1      secrets                 {{[0-9]+}}        4  null-guard
// DESC: protected [0x0, 0x1000) no-access (null guard)
// DESC: readonly
// DESC: builtin wasm:memctl.protect.1
#include <stdio.h>
#include <string.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, WASM_MEMORY_NULL_GUARD(4096));

static char __wasm_mem(1) key[4096] WASM_PAGE_ALIGNED;
static const char __wasm_ro banner[] = "hello";

int main(int argc, char **argv) {
  char __wasm_mem(1) *p = key;
  p[0] = 42;
  wasm_memory_protect(1, key, sizeof key, WASM_PROT_READ);
  char copy[8];
  wasm_memcpy(0, copy, WASM_MEMORY_RO, banner, sizeof banner);
  if (argc > 1 && !strcmp(argv[1], "guard")) {
    volatile char __wasm_mem(1) *q = (volatile char __wasm_mem(1) *)16;
    return q[0];
  }
  printf("%s %d\n", copy, p[0]);
  fflush(stdout);
  if (argc > 1 && !strcmp(argv[1], "protect"))
    p[1] = 1; // traps: the page is read-only now
  return 0;
}
