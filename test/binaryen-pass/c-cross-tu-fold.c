// End to end through the real toolchain (clang-ext, llvm-pass, wasm-ld,
// wmc-opt): a read-only table defined in another translation unit cannot be
// folded by LLVM, but after linking wmc-opt sees a constant address in the
// read-only memory and folds the load (in the round after Binaryen's -O2 has
// propagated the address). The program behaves the same either way.
// RUN: %wmc-cc -O2 -c %s -o %t.a.o
// RUN: %wmc-cc -O2 -DSECOND -c %s -o %t.b.o
// RUN: %wmc-cc -O2 -save-temps %t.a.o %t.b.o -o %t.wasm
// RUN: %wmc-opt %t.wasm.pre --finalize -O2 --stats -o %t.again.wasm 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: %wasm-validate %t.wasm
// RUN: %wasm2wat %t.wasm | FileCheck %s --check-prefix=MODULE
// RUN: %run-node %t.wasm | FileCheck %s
// RUN: %run-bun %t.wasm | FileCheck %s

// STATS:      wmc-opt: stats: wmc-fold-readonly-loads folded 0 load(s)
// STATS:      wmc-opt: stats: wmc-fold-readonly-loads folded 1 load(s)
// MODULE:     (memory (;0;) 2)
// MODULE-NEXT: (memory $counts 2 16)
// MODULE-NEXT: (memory $rodata 2 65536)
// MODULE-NOT: "wmc:
// CHECK: sum 300 count 91 p3 7

#include <stdio.h>
#include <wasm/memctl.h>

#ifdef SECOND
const __wasm_ro int Primes[8] = {2, 3, 5, 7, 11, 13, 17, 19};
__wasm_mem(1) int Counts[8];
#else
extern const __wasm_ro int Primes[8];
extern __wasm_mem(1) int Counts[8];
WASM_MEMORY(1, "counts", 1, 16, 0);

int main(int argc, char **argv) {
  int Sum = 0;
  for (int I = 0; I < 100; ++I) {
    Counts[I & 7] += Primes[3]; // constant index: folded after linking
    Sum += Primes[argc & 7];    // invariant index
  }
  printf("sum %d count %d p3 %d\n", Sum, Counts[0], Primes[3]);
  return 0;
}
#endif
