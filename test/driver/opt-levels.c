// Every optimization level, -g, and separate compile + link (objects and an
// archive) produce modules that validate and run.
// RUN: rm -rf %t && mkdir -p %t
// RUN: for O in -O0 -O1 -O2 -O3 -Os -Oz -g; do %wmc-cc $O %s -o %t/m$O.wasm && %wasm-validate %t/m$O.wasm && %run-node %t/m$O.wasm | FileCheck %s || exit 1; done
// RUN: %wmc-cc -c -O2 -DPART1 %s -o %t/part1.o
// RUN: %wmc-cc -c -O2 -DPART2 %s -o %t/part2.o
// RUN: llvm-ar-22 rcs %t/libpart2.a %t/part2.o
// RUN: %wmc-cc %t/part1.o -L%t -lpart2 -o %t/linked.wasm
// RUN: %run-node %t/linked.wasm | FileCheck %s
// CHECK: fib(20)=6765
#include <stdio.h>
int fib(int n);
#if !defined(PART1) && !defined(PART2)
#define PART1
#define PART2
#endif
#ifdef PART2
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
#endif
#ifdef PART1
int main(void) {
  printf("fib(20)=%d\n", fib(20));
  return 0;
}
#endif
