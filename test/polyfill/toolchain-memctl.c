// A C program built by the real toolchain (wmc-cc: several memories,
// read-only data, a mappable memory, a null guard, the memctl intrinsics)
// runs in node and bun through the polyfill with identical output.
// REQUIRES: wmc-toolchain
// RUN: %wmc-cc -O2 %s -o %t.wasm
// RUN: rm -rf %t.dir && mkdir -p %t.dir && printf 'mapped file contents\n' > %t.dir/data.txt
// RUN: cd %t.dir && %run-node %t.wasm > %t.node 2>&1 || echo "exit status $?" >> %t.node
// RUN: cd %t.dir && %run-bun %t.wasm > %t.bun 2>&1 || echo "exit status $?" >> %t.bun
// RUN: FileCheck %s < %t.node
// RUN: diff %t.node %t.bun
// Strict mode instruments the toolchain's output and changes nothing here.
// RUN: cd %t.dir && %run-node --strict %t.wasm > %t.node-strict 2>&1 || echo "exit status $?" >> %t.node-strict
// RUN: cd %t.dir && %run-bun --strict %t.wasm > %t.bun-strict 2>&1 || echo "exit status $?" >> %t.bun-strict
// RUN: diff %t.node %t.node-strict
// RUN: diff %t.node %t.bun-strict
// ... and makes the null guard of memory 0 trap on a read.
// RUN: cd %t.dir && %run-node --strict %t.wasm null > %t.null 2>&1 || echo "exit status $?" >> %t.null
// RUN: cd %t.dir && %run-bun --strict %t.wasm null >> %t.null 2>&1 || echo "exit status $?" >> %t.null
// RUN: FileCheck %s --check-prefix=NULL < %t.null
// NULL-COUNT-2: wasm trap: access to no-access memory (memory 0, address 0x0, i32.load){{$}}
// NULL-NOT: exit status 0
// CHECK: table[12] = 144
// CHECK-NEXT: motto: read-only hello
// CHECK-NEXT: page size 4096
// CHECK-NEXT: after discard: 0 0, kept 4092529
// CHECK-NEXT: map: 0 mapped file contents
// CHECK-NEXT: past EOF: 0
// CHECK-NEXT: map of a closed fd: 8
// CHECK-NEXT: after unmap + map anonymous: 0 0
// CHECK-NEXT: protect + write through WASI: -1 errno 21
// CHECK-NEXT: wasm trap: misaligned memory-control range (discard.1 addr=0x{{[0-9a-f]+}}1 len=0x1000: must be multiples of 4096)
// CHECK-NEXT: exit status 134
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasm/memctl.h>

WASM_MEMORY(0, "main", 0, WASM_MEMORY_NO_MAX, WASM_MEMORY_NULL_GUARD(4096));
WASM_MEMORY(1, "table", 2, 16, 0);
WASM_MEMORY(2, "files", 1, 16, WASM_MEMORY_MAPPABLE);

// Page-aligned so whole pages can be discarded.
static unsigned __wasm_mem(1) table[2048] __attribute__((aligned(4096)));
static const char __wasm_ro motto[] = "read-only hello";
static char buffer[8192] __attribute__((aligned(4096)));

int main(int argc, char **argv) {
  if (argc > 1) {
    volatile int *null = 0;
    return *null;
  }
  for (unsigned i = 0; i < 2048; i++)
    table[i] = i * i;
  printf("table[12] = %u\n", table[12]);
  char text[32];
  wasm_memcpy(0, text, WASM_MEMORY_RO, motto, sizeof motto);
  printf("motto: %s\n", text);
  printf("page size %u\n", WASM_PROTECTION_PAGE_SIZE);

  // table[0..1023] is the first 4 KiB page of the array.
  wasm_memory_discard(1, table, 4096);
  printf("after discard: %u %u, kept %u\n", table[12], table[1023], table[1024 + 999]);

  int fd = open("data.txt", O_RDONLY);
  int e = wasm_memory_map(2, 0, 8192, fd, 0, WASM_PROT_READ);
  char __wasm_mem(2) *file = (char __wasm_mem(2) *)0;
  char line[32] = {0};
  for (int i = 0; i < 20; i++)
    line[i] = file[i];
  printf("map: %d %s\n", e, line);
  printf("past EOF: %d\n", file[4096 + 17]);
  close(fd);
  printf("map of a closed fd: %d\n", wasm_memory_map(2, 0, 4096, fd, 0, WASM_PROT_READ));
  wasm_memory_unmap(2, 0, 8192);
  e = wasm_memory_map(2, 0, 4096, -1, 0, WASM_PROT_READWRITE);
  printf("after unmap + map anonymous: %d %d\n", e, file[0]);

  // The host may not write a read-only page of memory 0.
  wasm_memory_protect(0, buffer, 4096, WASM_PROT_READ);
  int in = open("data.txt", O_RDONLY);
  errno = 0;
  ssize_t n = read(in, buffer, 16);
  printf("protect + write through WASI: %d errno %d\n", (int)n, errno);
  fflush(stdout);
  wasm_memory_discard(1, (char __wasm_mem(1) *)table + 1, 4096);
  return 0;
}
