// CRC32 kernel for the read-only-memory benchmark (binaryen-pass/bench).
//
// The 1 KiB lookup table is `static const`; built with -DTABLE_IN_RO it is
// placed in the toolchain's read-only memory (`__wasm_ro`), otherwise it
// stays in memory 0 with everything else. The input buffer is in memory 0.
// Prints the CRC (so variants can be compared) and the time per MiB.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <wasm/memctl.h>

#ifdef TABLE_IN_RO
#define TABLE_SPACE __wasm_ro
#else
#define TABLE_SPACE
#endif

static const TABLE_SPACE uint32_t CrcTable[256] = {
#include "../../bench/runtime/kernels/crc32-table.inc"
};

static uint8_t Buffer[1 << 20];

__attribute__((noinline)) static uint32_t crc32(const uint8_t *P, size_t N) {
  uint32_t C = 0xFFFFFFFFu;
  for (size_t I = 0; I < N; ++I)
    C = CrcTable[(C ^ P[I]) & 0xFF] ^ (C >> 8);
  return ~C;
}

static double now(void) {
  struct timespec T;
  clock_gettime(CLOCK_MONOTONIC, &T);
  return T.tv_sec + T.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  int Rounds = argc > 1 ? atoi(argv[1]) : 64;
  uint32_t X = 12345;
  for (size_t I = 0; I < sizeof(Buffer); ++I) {
    X = X * 1103515245u + 12345u;
    Buffer[I] = (uint8_t)(X >> 16);
  }
  uint32_t Crc = crc32(Buffer, sizeof(Buffer));
  double Best = 1e9;
  for (int R = 0; R < Rounds; ++R) {
    double T0 = now();
    Crc ^= crc32(Buffer, sizeof(Buffer));
    double T = now() - T0;
    if (T < Best)
      Best = T;
  }
  printf("crc %08x best %.3f ms/MiB\n", Crc, Best * 1e3);
  return 0;
}
