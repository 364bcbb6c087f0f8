// Through clang, wasm-memctl errors carry the source location and the
// compilation fails without a crash or an object file.
// RUN: not %clang --target=wasm32-wasi -Wno-deprecated -O2 -g -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: not %clang --target=wasm32-wasi -Wno-deprecated -O0 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=O0
// RUN: not test -e %t.o
#define M1 __attribute__((address_space(101)))
int M1 x;
int M1 *stash;

int get(void) {
  int *p = (int *)&x;
  return *p;
}
// CHECK: c-diagnostics.c:[[@LINE-2]]:10: error: wasm-memctl: address-space cast from memory 1 to memory 0
// O0: c-diagnostics.c:[[@LINE-5]]:{{[0-9]+}}: error: wasm-memctl: address-space cast from memory 1 to memory 0

int peek(void) { return *(int *)(unsigned long)stash; }
// CHECK: c-diagnostics.c:[[@LINE-1]]:26: error: wasm-memctl: a pointer into memory 1 is converted to an integer and back to a pointer into memory 0
// CHECK-NOT: PLEASE submit a bug report
// CHECK: 2 errors generated.
