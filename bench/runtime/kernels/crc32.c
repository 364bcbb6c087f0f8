// CRC32 (IEEE, table driven) over a pseudo-random 1 MiB buffer, 24 passes.
#include "kernel.h"
static unsigned char Buf[1 << 20];
static unsigned Table[256];
unsigned long long bench(void) {
  for (unsigned I = 0; I < 256; ++I) {
    unsigned C = I;
    for (int K = 0; K < 8; ++K)
      C = C & 1 ? 0xEDB88320u ^ (C >> 1) : C >> 1;
    Table[I] = C;
  }
  unsigned S = 12345;
  for (unsigned I = 0; I < sizeof Buf; ++I) {
    S = S * 1103515245u + 12345u;
    Buf[I] = (unsigned char)(S >> 16);
  }
  unsigned long long Sum = 0;
  for (int Pass = 0; Pass < 24; ++Pass) {
    unsigned C = 0xFFFFFFFFu ^ (unsigned)Pass;
    for (unsigned I = 0; I < sizeof Buf; ++I)
      C = Table[(C ^ Buf[I]) & 0xFF] ^ (C >> 8);
    Sum += C ^ 0xFFFFFFFFu;
  }
  return Sum;
}
