// A real C program (clang-22, wasi-libc) using clocks, sleep and randomness
// on wmc_wasi through wasm2c: nanosleep/usleep go through poll_oneoff and
// really wait, clock_gettime is monotonic, time() is the host's time,
// getentropy fills buffers, clock_getres reports a sane resolution.
// REQUIRES: wasm2c-host
// RUN: %clang --target=wasm32-wasi -O1 %s -o %t.wasm
// RUN: %w2c-build %t.wasm %t.exe
// RUN: %t.exe -- prog $(date +%%s) > %t.out
// RUN: FileCheck %s < %t.out
// RUN: %run-node %t.wasm $(date +%%s) > %t.node
// RUN: diff %t.out %t.node
// CHECK: nanosleep 30ms: ok
// CHECK-NEXT: usleep 20ms: ok
// CHECK-NEXT: monotonic: ok
// CHECK-NEXT: time: ok
// CHECK-NEXT: resolution: ok
// CHECK-NEXT: getentropy: 0 differ 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long nowNs(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
  long long t0 = nowNs(CLOCK_MONOTONIC);
  struct timespec req = {0, 30000000};
  int r = nanosleep(&req, NULL);
  long long t1 = nowNs(CLOCK_MONOTONIC);
  printf("nanosleep 30ms: %s\n", r == 0 && t1 - t0 >= 30000000 ? "ok" : "bad");
  r = usleep(20000);
  long long t2 = nowNs(CLOCK_MONOTONIC);
  printf("usleep 20ms: %s\n", r == 0 && t2 - t1 >= 20000000 ? "ok" : "bad");
  printf("monotonic: %s\n", t2 >= t1 && t1 >= t0 ? "ok" : "bad");
  long long host = argc > 1 ? atoll(argv[1]) : 0;
  long long guest = time(NULL);
  printf("time: %s\n", guest >= host - 5 && guest <= host + 60 ? "ok" : "bad");
  struct timespec res;
  clock_getres(CLOCK_MONOTONIC, &res);
  printf("resolution: %s\n",
         res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000 ? "ok"
                                                                       : "bad");
  unsigned char a[32], b[32];
  int e = getentropy(a, sizeof a) | getentropy(b, sizeof b);
  printf("getentropy: %d differ %d\n", e, memcmp(a, b, sizeof a) != 0);
  return 0;
}
