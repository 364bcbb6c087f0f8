// C11 atomics on memory 1 with -matomics become *.atomic.* markers (the
// unsupported operations a cmpxchg loop); without it, plain markers.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -matomics -mbulk-memory -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.o
// RUN: wasm-objdump -x %t.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.st.o
// RUN: wasm-objdump -x %t.st.o | FileCheck %s --check-prefix=SINGLE
#define M1 __attribute__((address_space(101)))

int M1 counter;
long long M1 wide;
unsigned char M1 byte;

int work(int v) {
  __atomic_fetch_add(&counter, v, __ATOMIC_SEQ_CST);
  __atomic_fetch_xor(&byte, (unsigned char)v, __ATOMIC_RELAXED);
  __atomic_fetch_nand(&counter, v, __ATOMIC_SEQ_CST);
  long long expected = 0;
  __atomic_compare_exchange_n(&wide, &expected, v, 0, __ATOMIC_SEQ_CST,
                              __ATOMIC_SEQ_CST);
  __atomic_store_n(&byte, 7, __ATOMIC_RELEASE);
  return __atomic_load_n(&counter, __ATOMIC_ACQUIRE) + (int)expected;
}

// CHECK-DAG: <- wmc:m1.i32.atomic.rmw.add
// CHECK-DAG: <- wmc:m1.i32.atomic.rmw8.xor_u
// CHECK-DAG: <- wmc:m1.i32.atomic.rmw.cmpxchg
// CHECK-DAG: <- wmc:m1.i64.atomic.rmw.cmpxchg
// CHECK-DAG: <- wmc:m1.i32.atomic.store8
// CHECK-DAG: <- wmc:m1.i32.atomic.load
// SINGLE-NOT: .atomic.
// SINGLE: <- wmc:m1.i32.load
// SINGLE-NOT: .atomic.
