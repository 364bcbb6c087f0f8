// 128-bit vectors in memory 1 use v128 markers with -msimd128; other widths
// and targets without SIMD split.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -msimd128 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.o
// RUN: wasm-objdump -x %t.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.nosimd.o
// RUN: wasm-objdump -x %t.nosimd.o | FileCheck %s --check-prefix=NOSIMD
#define M1 __attribute__((address_space(101)))
typedef float v4f __attribute__((vector_size(16)));
typedef int v2i __attribute__((vector_size(8)));

v4f M1 vecs[8];
v2i M1 halves[8];
float M1 plain[256];

void scale(float k) {
  for (int i = 0; i < 8; i++)
    vecs[i] *= k;
  halves[1] += halves[0];
}

float total(void) {
  float s = 0;
  for (int i = 0; i < 256; i++) // the loop vectorizer may use v128 too
    s += plain[i];
  return s;
}

// CHECK-DAG: <- wmc:m1.v128.load
// CHECK-DAG: <- wmc:m1.v128.store
// CHECK-DAG: <- wmc:m1.i64.load
// NOSIMD-NOT: v128
// NOSIMD: <- wmc:m1.
// NOSIMD-NOT: v128
