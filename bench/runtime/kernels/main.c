// Driver for native and wasm32-wasi builds: prints the kernel's checksum.
// -DBENCH_CORRUPT prints a wrong one (bench/bench.py --corrupt, to test that
// a mismatch fails the benchmark).
#include <stdio.h>
#include "kernel.h"
int main(void) {
#ifdef BENCH_CORRUPT
  printf("%llu\n", bench() + 1);
#else
  printf("%llu\n", bench());
#endif
  return 0;
}
