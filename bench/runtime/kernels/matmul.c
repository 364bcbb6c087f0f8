// Dense double matrix multiply, 256x256 (i-k-j order), 8 rounds
// (C += A*B, then A = C scaled), checksum of C.
// Placement build: A and B in memory 1, C in memory 2.
#include "kernel.h"
#define N BENCH_SIZE(256, 16)
static double MEM(1) A[N][N], MEM(1) B[N][N];
static double MEM(2) C[N][N];
unsigned long long bench(void) {
  for (int I = 0; I < N; ++I)
    for (int J = 0; J < N; ++J) {
      A[I][J] = (double)((I * 7 + J * 3) % 17) / 16.0;
      B[I][J] = (double)((I * 5 + J * 11) % 13) / 12.0;
      C[I][J] = 0;
    }
  for (int Round = 0; Round < BENCH_SIZE(8, 2); ++Round) {
    for (int I = 0; I < N; ++I)
      for (int K = 0; K < N; ++K) {
        double Aik = A[I][K];
        for (int J = 0; J < N; ++J)
          C[I][J] += Aik * B[K][J];
      }
    for (int I = 0; I < N; ++I)
      for (int J = 0; J < N; ++J)
        A[I][J] = C[I][J] * (1.0 / 4096.0);
  }
  double S = 0;
  for (int I = 0; I < N; ++I)
    for (int J = 0; J < N; ++J)
      S += C[I][J] * (double)(1 + ((I + J) & 3));
  return (unsigned long long)(S * 1000.0);
}
