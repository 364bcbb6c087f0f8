// Memory-control benchmarks for wmc-run (bench/memctl/README.md):
//   1. map a file into memory vs read it with fd_read (time, RSS after)
//   2. touch N MiB, then discard vs memset 0 (time, RSS at return and once
//      settled, vs baseline)
//   3. cost of one protect call for 1 and 1024 pages
// Usage (guest): memctl-bench FILE FILE_MIB TOUCH_MIB, or
// memctl-bench --discard-only LABEL TOUCH_MIB for benchmark 2 alone. RSS is the wmc-run
// process's VmRSS, read from /proc/self/status preopened as /self.
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MEMCTL(name) __attribute__((import_module("wasm:memctl"), import_name(name)))
MEMCTL("map.0") int wmc_map(void *addr, uint32_t len, int fd, int64_t off, int prot);
MEMCTL("unmap.0") void wmc_unmap(void *addr, uint32_t len);
MEMCTL("protect.0") void wmc_protect(void *addr, uint32_t len, int prot);
MEMCTL("discard.0") void wmc_discard(void *addr, uint32_t len);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static long rssMiB(void) {
  FILE *F = fopen("/self/status", "r");
  char line[256];
  long kb = -1;
  while (F && fgets(line, sizeof line, F))
    if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
      break;
  if (F)
    fclose(F);
  return kb / 1024;
}

/// RSS once it is within 2 MiB of `target` (polled every ms, up to 5 s):
/// wmc-run's default `--discard=async` releases large ranges on a background
/// thread after the call returns. *waited gets the seconds it took.
static long settledMiB(long target, double *waited) {
  double t0 = now();
  long rss = rssMiB();
  for (int i = 0; rss > target + 2 && i < 5000; ++i) {
    struct timespec ts = {0, 1000 * 1000};
    nanosleep(&ts, 0);
    rss = rssMiB();
  }
  if (waited)
    *waited = now() - t0;
  return rss;
}

/// 2. touch, then discard vs memset.
static void discardVsMemset(char *buf, uint32_t touchBytes, long base,
                            const char *label) {
  long before = settledMiB(base, 0);
  memset(buf, 1, touchBytes);
  double t0 = now();
  memset(buf, 0, touchBytes);
  double tMemset = now() - t0;
  long rssMemset = rssMiB();
  memset(buf, 1, touchBytes);
  long rssTouched = rssMiB();
  t0 = now();
  wmc_discard(buf, touchBytes);
  double tDiscard = now() - t0;
  long rssDiscard = rssMiB();
  double tSettle;
  long rssSettled = settledMiB(before, &tSettle);
  printf("2. %s %u MiB: before %ld MiB, touched %ld MiB | memset 0: %.6f s, RSS %ld MiB"
         " | discard: %.6f s, RSS %ld MiB at return, %ld MiB %.6f s later"
         " | memset/discard = %.1fx\n",
         label, touchBytes >> 20, before, rssTouched, tMemset, rssMemset, tDiscard,
         rssDiscard, rssSettled, tSettle, tMemset / tDiscard);
}

int main(int argc, char **argv) {
  if (argc == 4 && !strcmp(argv[1], "--discard-only")) {
    // Only benchmark 2 (run.sh runs it again under --discard=sync).
    long base = rssMiB();
    uint32_t touchBytes = (uint32_t)atoi(argv[3]) << 20;
    discardVsMemset(aligned_alloc(4096, touchBytes), touchBytes, base, argv[2]);
    return 0;
  }
  if (argc != 4) {
    fprintf(stderr, "usage: memctl-bench FILE FILE_MIB TOUCH_MIB\n"
                    "       memctl-bench --discard-only LABEL TOUCH_MIB\n");
    return 2;
  }
  uint32_t fileBytes = (uint32_t)atoi(argv[2]) << 20;
  uint32_t touchBytes = (uint32_t)atoi(argv[3]) << 20;
  char *buf = aligned_alloc(4096, fileBytes > touchBytes ? fileBytes : touchBytes);
  long base = rssMiB();
  printf("baseline RSS: %ld MiB\n", base);

  // 1. map vs fd_read.
  int fd = open(argv[1], O_RDONLY);
  double t0 = now();
  int r = wmc_map(buf, fileBytes, fd, 0, 1);
  double tMap = now() - t0;
  volatile unsigned sum = 0;
  sum += buf[0] + buf[fileBytes - 1]; // touch two pages
  long rssMap = rssMiB();
  wmc_unmap(buf, fileBytes);
  t0 = now();
  uint32_t done = 0;
  while (done < fileBytes) {
    ssize_t n = pread(fd, buf + done, fileBytes - done, done);
    if (n <= 0)
      break;
    done += (uint32_t)n;
  }
  double tRead = now() - t0;
  long rssRead = rssMiB();
  printf("1. map %u MiB: %.6f s (errno %d), RSS %ld MiB | fd_read: %.6f s (%u MiB), "
         "RSS %ld MiB | read/map = %.0fx\n",
         fileBytes >> 20, tMap, r, rssMap, tRead, done >> 20, rssRead,
         tRead / tMap);
  wmc_discard(buf, fileBytes);

  discardVsMemset(buf, touchBytes, base, "async");

  // 3. protect cost.
  const int N = 2000;
  for (int pages = 1; pages <= 1024; pages *= 1024) {
    t0 = now();
    for (int i = 0; i < N; ++i)
      wmc_protect(buf, pages * 4096, (i & 1) ? 3 : 1);
    double t = (now() - t0) / N;
    printf("3. protect %d page(s): %.2f us per call\n", pages, t * 1e6);
  }
  wmc_protect(buf, 1024 * 4096, 3);
  return (int)(sum & 0);
}
