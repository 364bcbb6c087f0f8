// A real C program (clang-22, wasi-libc) using poll(2) on stdin on wmc_wasi
// through wasm2c: poll_oneoff with an fd_read subscription plus a timeout
// clock. With input waiting, stdin is reported readable at once; on an
// open but empty pipe the call times out after about 50 ms.
// REQUIRES: wasm2c-host
// RUN: %clang --target=wasm32-wasi -O1 %s -o %t.wasm
// RUN: %w2c-build %t.wasm %t.exe
// RUN: printf 'data' | %t.exe -- prog | FileCheck --check-prefix=READY %s
// RUN: sleep 1 | %t.exe -- prog | FileCheck --check-prefix=TIMEOUT %s
// READY: poll: 1 revents POLLIN 1
// READY-NEXT: read: data
// TIMEOUT: poll: 0 revents POLLIN 0
// TIMEOUT-NEXT: waited at least 50ms: 1
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  struct pollfd p = {0, POLLIN, 0};
  int r = poll(&p, 1, 50);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("poll: %d revents POLLIN %d\n", r, (p.revents & POLLIN) != 0);
  if (r == 1) {
    char buf[16] = {0};
    read(0, buf, sizeof buf - 1);
    printf("read: %s\n", buf);
  } else {
    long long ns = (t1.tv_sec - t0.tv_sec) * 1000000000LL +
                   (t1.tv_nsec - t0.tv_nsec);
    printf("waited at least 50ms: %d\n", ns >= 50000000LL);
  }
  return 0;
}
