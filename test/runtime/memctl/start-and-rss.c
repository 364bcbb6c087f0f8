// wmc-run only: discard really releases memory (VmRSS of the wmc-run
// process, read by the guest from /proc/self/status through a preopen,
// drops back after touching 64 MiB). With --discard=sync the pages are
// released before the call returns; by default (async) the range reads zero
// as soon as the call returns and the reclaimer thread releases the pages
// moments later (the guest polls for up to 5 s). A range below the 1 MiB
// async threshold is released in place in both modes; a range spanning two
// protections (two host mappings) is released run by run and keeps each
// run's access. After a discard the
// memory keeps working (rewritten and read back).
// (Protections before the start function: see readonly-start.wat.)
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 %s -o %t.wasm
// RUN: %wmc-run --discard=sync --dir /proc/self::/self %t.wasm now | FileCheck %s
// RUN: %wmc-run --dir /proc/self::/self %t.wasm wait | FileCheck %s
// RUN: %wmc-run --discard=async --dir /proc/self::/self %t.wasm wait | FileCheck %s
// RUN: not %wmc-run --dir /proc/self::/self %t.wasm trap 2>&1 | FileCheck %s --check-prefix=TRAP
// RUN: not %wmc-run --discard=later %t.wasm 2>&1 | FileCheck %s --check-prefix=BAD
// CHECK: touched: grew by >= 32 MiB
// CHECK-NEXT: reads zero right after discard: yes
// CHECK-NEXT: discarded: back within 4 MiB
// CHECK-NEXT: small discard: zero yes, released yes
// CHECK-NEXT: mixed protections: zero yes, access kept yes
// CHECK-NEXT: rewritten after discard: ok
// TRAP: small discard: zero yes
// TRAP-NOT: mixed protections
// TRAP: wasm trap: write to read-only memory (memory 0, address 0x{{[0-9a-f]+}}064, write)
// BAD: wmc-run: error: --discard expects 'async' or 'sync', got 'later'
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MEMCTL(name) __attribute__((import_module("wasm:memctl"), import_name(name)))
MEMCTL("discard.0") void wmc_discard(void *addr, uint32_t len);
MEMCTL("protect.0") void wmc_protect(void *addr, uint32_t len, int32_t prot);

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

/// RSS once it is within 4 MiB of `target`; with `wait`, polls up to 5 s.
static long settledKiB(long target, int wait) {
  long now = rssKiB();
  for (int i = 0; wait && now - target > 4 * 1024 && i < 500; ++i) {
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, 0);
    now = rssKiB();
  }
  return now;
}

static int allZero(const char *p, uint32_t n) {
  for (uint32_t i = 0; i < n; i += 512)
    if (p[i])
      return 0;
  return p[n - 1] == 0;
}

int main(int argc, char **argv) {
  int wait = argc > 1 && !strcmp(argv[1], "wait");
  const uint32_t size = 64u << 20;
  char *p = aligned_alloc(4096, size);
  long before = rssKiB();
  memset(p, 1, size);
  long touched = rssKiB();
  printf("touched: %s\n", touched - before >= 32 * 1024 ? "grew by >= 32 MiB" : "did not grow");
  wmc_discard(p, size);
  printf("reads zero right after discard: %s\n", allZero(p, size) ? "yes" : "NO");
  long after = settledKiB(before, wait);
  printf("discarded: %s (before %ld, touched %ld, after %ld KiB)\n",
         after - before <= 4 * 1024 ? "back within 4 MiB" : "NOT released", before,
         touched, after);

  // 512 KiB: below the async threshold, released in place in both modes.
  const uint32_t small = 512u << 10;
  memset(p, 2, small);
  long s0 = rssKiB();
  wmc_discard(p, small);
  long s1 = rssKiB();
  printf("small discard: zero %s, released %s\n", allZero(p, small) ? "yes" : "NO",
         s0 - s1 >= 256 ? "yes" : "NO");

  // 8 MiB whose first half is read-only: two host mappings, so the range
  // cannot be detached as one; it is still zeroed and keeps its access.
  const uint32_t mixed = 8u << 20;
  memset(p, 3, mixed);
  wmc_protect(p, mixed / 2, 1); // WMC_PROT_READ
  wmc_discard(p, mixed);
  int zero = allZero(p, mixed);
  if (argc > 1 && !strcmp(argv[1], "trap")) {
    fflush(stdout);
    p[100] = 1; // the read-only half is still read-only: traps
  }
  p[mixed / 2] = 9; // the read-write half stays writable
  wmc_protect(p, mixed / 2, 3); // WMC_PROT_READWRITE
  p[0] = 7;
  printf("mixed protections: zero %s, access kept %s\n", zero ? "yes" : "NO",
         p[0] == 7 && p[mixed / 2] == 9 ? "yes" : "NO");

  memset(p, 5, size);
  long sum = 0;
  for (uint32_t i = 0; i < size; i += 4096)
    sum += p[i];
  printf("rewritten after discard: %s\n", sum == 5L * (size / 4096) ? "ok" : "WRONG");
  return 0;
}
