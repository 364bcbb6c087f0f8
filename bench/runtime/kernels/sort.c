// Quicksort (median of three + insertion sort) of 1M pseudo-random u32.
// Placement build: the array in memory 1.
#include "kernel.h"
#define N BENCH_SIZE(1 << 20, 1 << 12)
static unsigned MEM(1) V[N];
static void isort(unsigned MEM(1) *A, int Lo, int Hi) {
  for (int I = Lo + 1; I <= Hi; ++I) {
    unsigned X = A[I];
    int J = I - 1;
    while (J >= Lo && A[J] > X) {
      A[J + 1] = A[J];
      --J;
    }
    A[J + 1] = X;
  }
}
static void qsortu(unsigned MEM(1) *A, int Lo, int Hi) {
  while (Hi - Lo > 16) {
    int Mid = Lo + (Hi - Lo) / 2;
    unsigned X = A[Lo], Y = A[Mid], Z = A[Hi];
    unsigned P = X < Y ? (Y < Z ? Y : (X < Z ? Z : X)) : (X < Z ? X : (Y < Z ? Z : Y));
    int I = Lo, J = Hi;
    while (I <= J) {
      while (A[I] < P) ++I;
      while (A[J] > P) --J;
      if (I <= J) {
        unsigned T = A[I]; A[I] = A[J]; A[J] = T;
        ++I; --J;
      }
    }
    if (J - Lo < Hi - I) {
      qsortu(A, Lo, J);
      Lo = I;
    } else {
      qsortu(A, I, Hi);
      Hi = J;
    }
  }
  isort(A, Lo, Hi);
}
unsigned long long bench(void) {
  unsigned S = 42;
  for (int I = 0; I < N; ++I) {
    S ^= S << 13; S ^= S >> 17; S ^= S << 5;
    V[I] = S;
  }
  qsortu(V, 0, N - 1);
  unsigned long long Sum = 0;
  for (int I = 0; I < N; I += 1024)
    Sum = Sum * 3 + V[I];
  for (int I = 1; I < N; ++I)
    if (V[I - 1] > V[I])
      return 0;
  return Sum;
}
