// A C syntax error: clang's diagnostic is passed through, the driver exits
// non-zero and writes no output.
// RUN: rm -f %t.wasm
// RUN: not %wmc-cc -O2 %s -o %t.wasm 2>&1 | FileCheck %s
// RUN: test ! -e %t.wasm
// CHECK: syntax-error.c:[[@LINE+2]]:{{[0-9]+}}: error: expected ';'
int main(void) {
  return 0
}
