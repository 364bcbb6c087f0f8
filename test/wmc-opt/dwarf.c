// wasi-libc's objects carry DWARF. Without -g, wmc-opt drops the .debug_*
// sections (they would describe code that finalize and -O have rewritten);
// with -g it keeps them, updated by Binaryen. The name section stays in both.
// RUN: %wmc-cc -O2 %s -o %t.wasm
// RUN: %wasm-objdump -h %t.wasm | FileCheck %s --check-prefix=NODEBUG
// RUN: %wmc-cc -O0 %s -o %t.O0.wasm
// RUN: %wasm-objdump -h %t.O0.wasm | FileCheck %s --check-prefix=NODEBUG
// RUN: %wmc-cc -O2 -g %s -o %t.g.wasm
// RUN: %wasm-objdump -h %t.g.wasm | FileCheck %s --check-prefix=DEBUG
// RUN: %wmc-run %t.wasm | FileCheck %s --check-prefix=OUT
// RUN: %wmc-run %t.g.wasm | FileCheck %s --check-prefix=OUT
// NODEBUG-NOT: .debug_
// NODEBUG: "name"
// NODEBUG-NOT: .debug_
// DEBUG: "name"
// DEBUG: .debug_info
// OUT: sum 5050
#include <stdio.h>

int main(void) {
  int s = 0;
  for (int i = 1; i <= 100; ++i)
    s += i;
  printf("sum %d\n", s);
  return 0;
}
