// Differential execution: the same program with its data in memory 1 (and
// its constant tables in the read-only memory) must print exactly what it
// prints with everything in memory 0. Exercises every lowering: all integer
// widths and signedness, unaligned (packed) fields, bitfields, bool, float,
// double, long double (fp128), __int128, vectors, struct copies, pointers in
// memory 1, cross-memory memcpy/memset, atomics, volatile, a switch table.
// RUN: %wmc-cc -O2 -DIN_MEMORY %s -o %t.m1.wasm
// RUN: %run-node %t.m1.wasm > %t.m1.out
// RUN: %wmc-cc -O2 %s -o %t.m0.wasm
// RUN: %run-node %t.m0.wasm > %t.m0.out
// RUN: diff %t.m0.out %t.m1.out
// RUN: FileCheck %s < %t.m1.out
// RUN: %wmc-cc -O0 -DIN_MEMORY %s -o %t.m1O0.wasm
// RUN: %run-node %t.m1O0.wasm | diff %t.m0.out -
// RUN: %wmc-cc -Oz -g -DIN_MEMORY %s -o %t.m1Oz.wasm
// RUN: %run-node %t.m1Oz.wasm | diff %t.m0.out -
// RUN: %wmc-cc -O3 -msimd128 -DIN_MEMORY %s -o %t.m1simd.wasm
// RUN: %run-node %t.m1simd.wasm | diff %t.m0.out -
// RUN: wasm-objdump -x %t.m1.wasm | FileCheck %s --check-prefix=MEMS
// CHECK: ints 
// CHECK: done
// MEMS: memory[1] pages:
#include <stdio.h>
#include <string.h>

#ifdef IN_MEMORY
#define MEM __attribute__((address_space(101)))
#else
#define MEM
#endif

typedef int v4i __attribute__((vector_size(16)));
typedef short v4s __attribute__((vector_size(8)));

struct __attribute__((packed)) packed {
  char c;
  int i;
  long long l;
  short s;
};
struct bits {
  unsigned a : 3, b : 7, c : 13;
  int d : 9;
};
struct mixed {
  char tag;
  double d;
  float f;
  long double q;
  __int128 big;
  _Bool flag;
};

signed char MEM s8[16];
unsigned char MEM u8[16];
short MEM s16[16];
unsigned short MEM u16[16];
int MEM s32[16];
long long MEM s64[16];
struct packed MEM pk[4];
struct bits MEM bf[4];
struct mixed MEM mx[3];
v4i MEM vecs[4];
v4s MEM svecs[4];
int MEM *MEM ptr;
volatile int MEM vol;
int MEM atom;
char MEM bulk[256];
static const unsigned char crc_table[16] = {0x00, 0x1d, 0x3a, 0x27, 0x74, 0x69,
                                            0x4e, 0x53, 0xe8, 0xf5, 0xd2, 0xcf,
                                            0x9c, 0x81, 0xa6, 0xbb};

static unsigned long long h = 1469598103934665603ull;
static void mix(unsigned long long v) { h = (h ^ v) * 1099511628211ull; }

__attribute__((noinline)) static int classify(int c) {
  switch (c) {
  case 0: return 10; case 1: return 22; case 2: return 35; case 3: return 41;
  case 4: return 57; case 5: return 63; case 6: return 71; default: return -1;
  }
}

__attribute__((noinline)) static void ints(int seed) {
  for (int i = 0; i < 16; i++) {
    s8[i] = (signed char)(seed * 37 - i * 91);
    u8[i] = (unsigned char)(seed * 53 + i * 77);
    s16[i] = (short)(seed * -4099 + i * 1237);
    u16[i] = (unsigned short)(seed * 40009 + i);
    s32[i] = seed * -123456789 + i;
    s64[i] = (long long)seed * -1234567890123ll + i;
  }
  long long acc = 0;
  for (int i = 0; i < 16; i++)
    acc += s8[i] + u8[i] * 3 + s16[i] * 5 + u16[i] * 7 + s32[i] + s64[i] / 3;
  printf("ints %lld\n", acc);
  mix((unsigned long long)acc);
}

__attribute__((noinline)) static void structs(int seed) {
  for (int i = 0; i < 4; i++) {
    pk[i].c = (char)(i + seed);
    pk[i].i = -i * 100003 + seed;
    pk[i].l = (long long)i << 40 | (unsigned)seed;
    pk[i].s = (short)(-i * 7);
    bf[i].a = i + seed;
    bf[i].b = i * 13 + seed;
    bf[i].c = i * 999 + seed;
    bf[i].d = -i * 17;
  }
  struct packed copy = pk[2];
  pk[3] = copy;
  long long acc = 0;
  for (int i = 0; i < 4; i++)
    acc += pk[i].c + pk[i].i + pk[i].l + pk[i].s + bf[i].a + bf[i].b +
           bf[i].c + bf[i].d;
  printf("structs %lld\n", acc);
  mix((unsigned long long)acc);
}

__attribute__((noinline)) static void floats(int seed) {
  for (int i = 0; i < 3; i++) {
    mx[i].tag = (char)i;
    mx[i].d = seed / 7.0 + i;
    mx[i].f = (float)(seed * 0.25f - i);
    mx[i].q = (long double)seed / 3.0L + i;
    mx[i].big = ((__int128)seed << 70) - i;
    mx[i].flag = (seed + i) & 1;
  }
  struct mixed m = mx[1];
  mx[2] = m;
  double acc = 0;
  __int128 big = 0;
  for (int i = 0; i < 3; i++) {
    acc += mx[i].d * mx[i].f + (double)mx[i].q + mx[i].flag + mx[i].tag;
    big += mx[i].big;
  }
  printf("floats %.6f %llx %llx\n", acc, (unsigned long long)(big >> 64),
         (unsigned long long)big);
  mix((unsigned long long)(acc * 1000) ^ (unsigned long long)big);
}

__attribute__((noinline)) static void vectors(int seed) {
  for (int i = 0; i < 4; i++) {
    vecs[i] = (v4i){seed, i, -seed, i * seed};
    svecs[i] = (v4s){(short)seed, (short)i, (short)-i, 7};
  }
  v4i sum = {0, 0, 0, 0};
  v4s ssum = {0, 0, 0, 0};
  for (int i = 0; i < 4; i++) {
    sum += vecs[i] * 3;
    ssum += svecs[i];
  }
  printf("vectors %d %d %d %d / %d %d %d %d\n", sum[0], sum[1], sum[2], sum[3],
         ssum[0], ssum[1], ssum[2], ssum[3]);
  mix((unsigned)sum[0] ^ (unsigned)sum[3] ^ (unsigned short)ssum[1]);
}

__attribute__((noinline)) static void pointers_and_bulk(int seed) {
  ptr = &s32[seed & 15];
  *ptr += 5;
  int MEM *q = ptr + 1;
  char local[64];
  memset(bulk, seed & 0x7f, sizeof bulk);       // memory.fill on memory 1
  memcpy(bulk + 10, "hello, memory one", 17);   // memory 0 -> memory 1
  memcpy(local, bulk + 8, sizeof local);        // memory 1 -> memory 0
  memmove(bulk + 1, bulk, 100);                 // within memory 1
  unsigned crc = 0;
  for (int i = 0; i < 256; i++)
    crc = (crc << 1) ^ crc_table[(crc ^ bulk[i]) & 15];
  vol = seed;
  vol += 1;
  __atomic_fetch_add(&atom, seed, __ATOMIC_SEQ_CST);
  __atomic_fetch_nand(&atom, 0x55, __ATOMIC_SEQ_CST);
  int expected = __atomic_load_n(&atom, __ATOMIC_SEQ_CST);
  __atomic_compare_exchange_n(&atom, &expected, 99, 0, __ATOMIC_SEQ_CST,
                              __ATOMIC_SEQ_CST);
  printf("bulk %.12s %u %d %d %d %d\n", local + 2, crc, *q, vol, atom,
         classify(seed & 7));
  mix(crc ^ (unsigned)atom);
}

int main(int argc, char **argv) {
  (void)argv;
  int seed = 11 + argc;
  ints(seed);
  structs(seed);
  floats(seed);
  vectors(seed);
  pointers_and_bulk(seed);
  printf("done %llx\n", h);
  return 0;
}
