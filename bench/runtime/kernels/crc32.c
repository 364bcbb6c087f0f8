// CRC32 (IEEE, table driven) over a pseudo-random 1 MiB buffer, 24 passes.
// Placement build: the constant table in read-only memory, the buffer in
// memory 1.
#include "kernel.h"
#define LEN BENCH_SIZE(1 << 20, 1 << 12)
static unsigned char MEM(1) Buf[LEN];
static const unsigned RO Table[256] = {
#include "crc32-table.inc"
};
unsigned long long bench(void) {
  unsigned S = 12345;
  for (unsigned I = 0; I < LEN; ++I) {
    S = S * 1103515245u + 12345u;
    Buf[I] = (unsigned char)(S >> 16);
  }
  unsigned long long Sum = 0;
  for (int Pass = 0; Pass < BENCH_SIZE(24, 2); ++Pass) {
    unsigned C = 0xFFFFFFFFu ^ (unsigned)Pass;
    for (unsigned I = 0; I < LEN; ++I)
      C = Table[(C ^ Buf[I]) & 0xFF] ^ (C >> 8);
    Sum += C ^ 0xFFFFFFFFu;
  }
  return Sum;
}
