// A C program built with plain clang-22 for wasm32-wasi: args, env, malloc,
// stdio, files under a preopen and the exit code.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 %s -o %t.wasm
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: (%wmc-run --dir %t.dir::/data --env GREETING=hi %t.wasm one two; echo "exit=$?") | FileCheck %s
// RUN: cat %t.dir/out.txt | FileCheck %s --check-prefix=FILE
// CHECK: argc=3 argv[1]=one argv[2]=two
// CHECK-NEXT: GREETING=hi
// CHECK-NEXT: sum=4950
// CHECK-NEXT: read back: written by wasm
// CHECK-NEXT: exit=3
// FILE: written by wasm
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  printf("argc=%d argv[1]=%s argv[2]=%s\n", argc, argv[1], argv[2]);
  printf("GREETING=%s\n", getenv("GREETING"));
  int *v = malloc(100 * sizeof(int)), s = 0;
  for (int i = 0; i < 100; i++) v[i] = i;
  for (int i = 0; i < 100; i++) s += v[i];
  printf("sum=%d\n", s);
  FILE *f = fopen("/data/out.txt", "w");
  fputs("written by wasm\n", f);
  fclose(f);
  char buf[64] = {0};
  f = fopen("/data/out.txt", "r");
  fgets(buf, sizeof buf, f);
  fclose(f);
  printf("read back: %s", buf);
  fflush(stdout);
  exit(3);
}
