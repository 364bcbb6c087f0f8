// Open-addressing hash map (u32 -> u32, linear probing): 1M inserts into a
// 2M-slot table, then 4M lookups (half hits).
#include "kernel.h"
#define CAP (1u << 21)
static unsigned Keys[CAP], Vals[CAP];
static unsigned char Used[CAP];
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
  for (unsigned I = 0; I < (1u << 20); ++I)
    put(I * 2654435761u, I);
  unsigned long long Sum = 0;
  for (unsigned I = 0; I < (1u << 22); ++I) {
    unsigned V;
    if (get((I >> 1) * 2654435761u + (I & 1), &V))
      Sum += V;
  }
  return Sum;
}
