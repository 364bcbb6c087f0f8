// Driver for native and wasm32-wasi builds: prints the kernel's checksum.
#include <stdio.h>
#include "kernel.h"
int main(void) {
  printf("%llu\n", bench());
  return 0;
}
