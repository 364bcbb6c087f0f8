// Automatic read-only data on C: the static const table indexed in a loop
// moves to the read-only memory; the printf format string stays in memory 0.
// Linked against wasi-libc by the clang driver.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -mllvm -wmc-rodata-report %s -o %t.wasm 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: wasm-objdump -x %t.wasm | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=off -c %s -o %t.off.o
// RUN: wasm-objdump -x %t.off.o | FileCheck %s --check-prefix=OFF
#include <stdio.h>

static const int crc_like[16] = {0x00, 0x1d, 0x3a, 0x27, 0x74, 0x69, 0x4e, 0x53,
                                 0xe8, 0xf5, 0xd2, 0xcf, 0x9c, 0x81, 0xa6, 0xbb};

int main(int argc, char **argv) {
  (void)argv;
  int h = 0;
  for (int i = 0; i < 1000 + argc; i++)
    h = (h << 1) ^ crc_like[(h ^ i) & 15];
  printf("hash %d\n", h);
  return 0;
}

// REPORT-DAG: wmc-rodata: moved 'crc_like' (64 bytes,
// REPORT-DAG: wmc-rodata: kept '.str' in memory 0: address passed to 'printf'
// CHECK-DAG: <- wmc:ro.i32.load
// CHECK-DAG: <.wmc.ro.crc_like>
// OFF-NOT: wmc:ro
// OFF-NOT: .wmc.ro
