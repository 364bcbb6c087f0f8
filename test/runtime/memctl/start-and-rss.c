// wmc-run only: discard really releases memory (VmRSS of the wmc-run
// process, read by the guest from /proc/self/status through a preopen,
// drops back after touching 64 MiB), and protections are in place before
// the start function (a read-only memory's data cannot be changed by a
// wasm start function: see readonly-start.wat).
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 %s -o %t.wasm
// RUN: %wmc-run --dir /proc/self::/self %t.wasm | FileCheck %s
// CHECK: touched: grew by >= 32 MiB
// CHECK-NEXT: discarded: back within 4 MiB
// CHECK-NEXT: reads zero: 0
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MEMCTL(name) __attribute__((import_module("wasm:memctl"), import_name(name)))
MEMCTL("discard.0") void wmc_discard(void *addr, uint32_t len);

static long rssKiB(void) {
  FILE *F = fopen("/self/status", "r");
  char line[256];
  long kb = -1;
  while (F && fgets(line, sizeof line, F))
    if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
      break;
  if (F)
    fclose(F);
  return kb;
}

int main(void) {
  const uint32_t size = 64u << 20;
  char *p = aligned_alloc(4096, size);
  long before = rssKiB();
  memset(p, 1, size);
  long touched = rssKiB();
  printf("touched: %s\n", touched - before >= 32 * 1024 ? "grew by >= 32 MiB" : "did not grow");
  wmc_discard(p, size);
  long after = rssKiB();
  printf("discarded: %s (before %ld, touched %ld, after %ld KiB)\n",
         after - before <= 4 * 1024 ? "back within 4 MiB" : "NOT released", before,
         touched, after);
  printf("reads zero: %d\n", p[size / 2] + p[size - 1]);
  return 0;
}
