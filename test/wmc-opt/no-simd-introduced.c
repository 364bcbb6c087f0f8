// wmc-opt keeps the feature set the module declares: a program built without
// SIMD gets no v128 instructions from the optimizer (here: a small
// cross-memory memset that Binaryen would otherwise turn into v128.store),
// so engines without SIMD (wmc-run) run it. With -msimd128 SIMD is allowed.
// RUN: %wmc-cc -O2 %s -o %t.wasm
// RUN: %wasm2wat --enable-all %t.wasm | FileCheck %s --check-prefix=NOSIMD --implicit-check-not=v128
// RUN: %wmc-run %t.wasm
// RUN: %wmc-cc -O2 -msimd128 %s -o %t.simd.wasm
// RUN: %wasm2wat --enable-all %t.simd.wasm | FileCheck %s --check-prefix=SIMD
// RUN: %run-node %t.simd.wasm
// NOSIMD: (memory $m
// SIMD: v128
#include <wasm/memctl.h>
WASM_MEMORY(1, "m", 1, 4, 0);
static char __wasm_mem(1) buf[64];
__attribute__((noinline)) void f(void) { wasm_memset(1, buf, 'x', 16); }
int main(void) {
  f();
  return buf[3] - 'x';
}
