// A plain WASI program (no memory-control imports) still runs through the
// runner in node and bun: stdout/stderr, arguments, environment, a file in
// the preopened current directory, and the exit code.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 %s -o %t.wasm
// RUN: rm -rf %t.dir && mkdir -p %t.dir && printf 'file line\n' > %t.dir/input.txt
// RUN: cd %t.dir && env WMC_GREETING=hi %run-node %t.wasm one two > %t.node.out 2>&1 || echo "exit status $?" >> %t.node.out
// RUN: FileCheck %s < %t.node.out
// RUN: cd %t.dir && env WMC_GREETING=hi %run-bun %t.wasm one two > %t.bun.out 2>&1 || echo "exit status $?" >> %t.bun.out
// RUN: FileCheck %s < %t.bun.out
// RUN: cd %t.dir && env WMC_GREETING=hi WMC_POLYFILL_STRICT=1 %run-node %t.wasm one two > %t.strict.out 2>&1 || echo "exit status $?" >> %t.strict.out
// RUN: diff %t.node.out %t.strict.out
// CHECK: hello, world
// CHECK-NEXT: argc 3 one two
// CHECK-NEXT: env hi
// CHECK-NEXT: read: file line
// CHECK-NEXT: wrote output.txt
// CHECK-NEXT: to stderr
// CHECK-NEXT: exit status 7
// RUN: cat %t.dir/output.txt | FileCheck %s --check-prefix=FILE
// FILE: written by the guest
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  printf("hello, world\n");
  printf("argc %d %s %s\n", argc, argv[1], argv[2]);
  const char *greeting = getenv("WMC_GREETING");
  printf("env %s\n", greeting ? greeting : "(none)");
  char line[64] = {0};
  FILE *in = fopen("input.txt", "r");
  if (!in || !fgets(line, sizeof line, in))
    return 1;
  fclose(in);
  printf("read: %s", line);
  FILE *out = fopen("output.txt", "w");
  if (!out)
    return 2;
  fputs("written by the guest\n", out);
  fclose(out);
  printf("wrote output.txt\n");
  fflush(stdout);
  fprintf(stderr, "to stderr\n");
  return 7;
}
