// Benchmark for libcxx-addr: (1) allocator throughput of wmc_malloc_1/
// wmc_free_1/wmc_realloc_1 on memory 1 vs wasi-libc's malloc/free/realloc
// on memory 0, replaying the same pre-generated trace; (2) cross-memory copy
// (memory 0 -> memory 1, memory 1 -> memory 1) vs memcpy within memory 0.
// Prints ns per operation and the ratio. Build and run: ./run.sh.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wasm/memctl_alloc.h>

WASM_MEMORY(1, "bench", 1, 16384, 0);
WMC_DEFINE_HEAP(1);

#define SLOTS 1024
#define OPS 400000
#define ROUNDS 5
struct op { unsigned slot, size, kind; };
static struct op trace[OPS];

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}
static unsigned rng = 2463534242u;
static unsigned rnd(void) {
  rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5;
  return rng;
}
static void make_trace(void) {
  for (unsigned i = 0; i < OPS; i++) {
    unsigned r = rnd() % 100, n;
    if (r < 70) n = 8 + rnd() % 120;
    else if (r < 95) n = 128 + rnd() % 2000;
    else n = 2048 + rnd() % 30000;
    trace[i].slot = rnd() % SLOTS;
    trace[i].size = n;
    trace[i].kind = rnd() % 10; // 0: realloc if live, else alloc/free
  }
}

static char *p0[SLOTS];
static char __wasm_mem(1) *p1[SLOTS];

static double run_libc(void) {
  double t = now();
  for (unsigned i = 0; i < OPS; i++) {
    struct op o = trace[i];
    if (!p0[o.slot]) { p0[o.slot] = malloc(o.size); p0[o.slot][0] = 1; }
    else if (o.kind == 0) { p0[o.slot] = realloc(p0[o.slot], o.size); p0[o.slot][0] = 1; }
    else { free(p0[o.slot]); p0[o.slot] = 0; }
  }
  for (unsigned j = 0; j < SLOTS; j++) { free(p0[j]); p0[j] = 0; }
  return now() - t;
}
static double run_wmc(void) {
  double t = now();
  for (unsigned i = 0; i < OPS; i++) {
    struct op o = trace[i];
    if (!p1[o.slot]) { p1[o.slot] = wmc_malloc_1(o.size); p1[o.slot][0] = 1; }
    else if (o.kind == 0) { p1[o.slot] = wmc_realloc_1(p1[o.slot], o.size); p1[o.slot][0] = 1; }
    else { wmc_free_1(p1[o.slot]); p1[o.slot] = 0; }
  }
  for (unsigned j = 0; j < SLOTS; j++) { wmc_free_1(p1[j]); p1[j] = 0; }
  return now() - t;
}

#define COPY_BYTES (1u << 20)
#define COPY_REPS 200
static char src0[COPY_BYTES], dst0[COPY_BYTES];

int main(void) {
  make_trace();
  double best0 = 1e30, best1 = 1e30;
  for (int r = 0; r < ROUNDS; r++) {
    double a = run_libc(), b = run_wmc();
    if (a < best0) best0 = a;
    if (b < best1) best1 = b;
  }
  printf("alloc trace: %u ops, best of %d\n", OPS, ROUNDS);
  printf("  wasi-libc malloc (memory 0): %6.1f ns/op\n", best0 / OPS);
  printf("  wmc_malloc_1     (memory 1): %6.1f ns/op\n", best1 / OPS);
  printf("  throughput ratio wmc/libc:   %6.2fx\n", best0 / best1);

  char __wasm_mem(1) *d1 = wmc_malloc_1(COPY_BYTES);
  char __wasm_mem(1) *s1 = wmc_malloc_1(COPY_BYTES);
  memset(src0, 7, sizeof src0);
  double t0 = 1e30, t01 = 1e30, t11 = 1e30, t10 = 1e30;
  for (int r = 0; r < ROUNDS; r++) {
    double t = now();
    for (int i = 0; i < COPY_REPS; i++) {
      memcpy(dst0, src0, COPY_BYTES);
      __asm__ volatile("" ::: "memory");
    }
    double a = now() - t; t = now();
    for (int i = 0; i < COPY_REPS; i++)
      wmc_copy_in_1(d1, src0, COPY_BYTES);
    double b = now() - t; t = now();
    for (int i = 0; i < COPY_REPS; i++)
      wmc_memmove_1(s1, d1, COPY_BYTES);
    double c = now() - t; t = now();
    for (int i = 0; i < COPY_REPS; i++)
      wmc_copy_out_1(dst0, s1, COPY_BYTES);
    double d = now() - t;
    if (a < t0) t0 = a;
    if (b < t01) t01 = b;
    if (c < t11) t11 = c;
    if (d < t10) t10 = d;
  }
  double gb = (double)COPY_BYTES * COPY_REPS; // bytes; GB/s = bytes/ns
  printf("copy 1 MiB x %d, best of %d\n", COPY_REPS, ROUNDS);
  printf("  memcpy 0->0:      %6.2f GB/s\n", gb / t0);
  printf("  copy_in 0->1:     %6.2f GB/s\n", gb / t01);
  printf("  memmove 1->1:     %6.2f GB/s\n", gb / t11);
  printf("  copy_out 1->0:    %6.2f GB/s\n", gb / t10);
  printf("check: %d\n", dst0[12345] == 7);
  return 0;
}
