/* secrets: a key kept in its own memory ("secrets"), reachable only through
 * pointers whose type says so. Code that works on the key compiles; handing
 * the key to printf (which reads memory 0) is a compile error -- build with
 * -DLEAK to see it. */
#include <stdio.h>
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);

static unsigned char __wasm_mem(1) key[32];

static void derive_key(unsigned char __wasm_mem(1) *k, unsigned seed) {
  for (int i = 0; i < 32; ++i) {
    seed = seed * 1103515245u + 12345u;
    k[i] = (unsigned char)(seed >> 16);
  }
}

/* XOR-"encrypt" a memory-0 buffer with the memory-1 key. */
static void apply_key(char *buf, int n, const unsigned char __wasm_mem(1) *k) {
  for (int i = 0; i < n; ++i)
    buf[i] ^= (char)k[i % 32];
}

int main(void) {
  char msg[] = "attack at dawn";
  derive_key(key, 42);
  apply_key(msg, sizeof msg - 1, key);
  unsigned sum = 0;
  for (int i = 0; i < (int)sizeof msg - 1; ++i)
    sum = sum * 31 + (unsigned char)msg[i];
  printf("ciphertext checksum %08x\n", sum);
  apply_key(msg, sizeof msg - 1, key);
  printf("round trip: %s\n", msg);
#ifdef LEAK
  printf("key: %s\n", key); /* error: pointer into memory 1 to printf */
#endif
  return 0;
}
