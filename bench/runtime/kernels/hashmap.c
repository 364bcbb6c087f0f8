// Open-addressing hash map (u32 -> u32, linear probing): 1M inserts into a
// 2M-slot table, then 4M lookups (half hits).
// Placement build: keys and values in memory 1, the used flags in memory 2.
#include "kernel.h"
#define CAP BENCH_SIZE(1u << 21, 1u << 13)
static unsigned MEM(1) Keys[CAP], MEM(1) Vals[CAP];
static unsigned char MEM(2) Used[CAP];
static unsigned hash(unsigned K) {
  K ^= K >> 16; K *= 0x7feb352du; K ^= K >> 15; K *= 0x846ca68bu; K ^= K >> 16;
  return K;
}
static void put(unsigned K, unsigned V) {
  unsigned I = hash(K) & (CAP - 1);
  while (Used[I] && Keys[I] != K)
    I = (I + 1) & (CAP - 1);
  Used[I] = 1; Keys[I] = K; Vals[I] = V;
}
static int get(unsigned K, unsigned *V) {
  unsigned I = hash(K) & (CAP - 1);
  while (Used[I]) {
    if (Keys[I] == K) { *V = Vals[I]; return 1; }
    I = (I + 1) & (CAP - 1);
  }
  return 0;
}
unsigned long long bench(void) {
  for (unsigned I = 0; I < CAP / 2; ++I)
    put(I * 2654435761u, I);
  unsigned long long Sum = 0;
  for (unsigned I = 0; I < CAP * 2; ++I) {
    unsigned V;
    if (get((I >> 1) * 2654435761u + (I & 1), &V))
      Sum += V;
  }
  return Sum;
}
