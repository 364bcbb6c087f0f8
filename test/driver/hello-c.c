// A C hello world built with wmc-cc runs in node 26 through node:wasi with
// the expected output, arguments and exit code.
// RUN: %wmc-cc -O2 %s -o %t.wasm
// RUN: %wasm-validate %t.wasm
// RUN: %run-node %t.wasm one two > %t.out || echo "exit=$?" >> %t.out
// RUN: FileCheck %s < %t.out
// CHECK: hello from C, 3 args, last=two
// CHECK-NEXT: sum=5050
// CHECK-NEXT: exit=7
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int *v = malloc(101 * sizeof *v);
  long sum = 0;
  for (int i = 0; i <= 100; ++i)
    v[i] = i;
  for (int i = 0; i <= 100; ++i)
    sum += v[i];
  printf("hello from C, %d args, last=%s\n", argc, argv[argc - 1]);
  printf("sum=%ld\n", sum);
  free(v);
  return 7;
}
