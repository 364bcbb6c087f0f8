// A WASI reactor (-mexec-model=reactor): wmc-run calls _initialize (which
// runs constructors) before the --invoke'd export.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -mexec-model=reactor %s -o %t.wasm
// RUN: %wmc-run --invoke get %t.wasm | FileCheck %s
// CHECK: in get
// CHECK-NEXT: 42
#include <stdio.h>
static int Counter = 41;
__attribute__((constructor)) static void init(void) { Counter++; }
__attribute__((export_name("get"))) int get(void) {
  printf("in get\n");
  fflush(stdout);
  return Counter;
}
