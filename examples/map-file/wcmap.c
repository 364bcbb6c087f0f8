/* map-file: count the lines, words and bytes of a file (like `wc`) and
 * compute its Adler-32 checksum (as zlib does), in one of two ways:
 *
 *   wcmap.wasm map  FILE   map the file into memory 1 ("file"), a mappable
 *                          memory of its own, with one wasm_memory_map call,
 *                          and scan it there: nothing is copied; each 16 MiB
 *                          the scan has finished is unmapped again, so the
 *                          file's pages do not stay resident
 *   wcmap.wasm read FILE   read() the whole file into a buffer in memory 0
 *                          (one copy of every byte), then scan it
 *
 * Both print the same line on stdout; how long getting the bytes and
 * scanning them took, and how big memory 0 became, go to stderr. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasm/memctl.h>

/* Memory 1 starts empty; it grows to the file's size and every page starts
 * unmapped (no-access) until it is mapped. */
WASM_MEMORY(1, "file", 0, WASM_MEMORY_NO_MAX, WASM_MEMORY_MAPPABLE);
/* The file is mapped at address 0 of memory 1; byte i is at FILE_AT(i). */
#define FILE_AT(i) ((const uint8_t __wasm_mem(1) *)(uintptr_t)(i))

#define RELEASE_CHUNK (16u << 20) /* unmap behind the scan in 16 MiB steps */
#define ADLER_MOD 65521u
#define ADLER_BLOCK 5552u /* most bytes before the sums could overflow */

struct stats {
  uint64_t lines, words, bytes;
  uint32_t a, b;  /* Adler-32 sums */
  uint32_t in_space; /* was the previous byte white space? */
};

/* The scan, written once for a pointer into any memory: `MEM` is the memory
 * qualifier (empty for memory 0). Words are maximal runs of bytes that are
 * not white space, as in `wc` in the C locale. */
#define DEFINE_SCAN(NAME, MEM)                                                 \
  static void NAME(struct stats *s, const uint8_t MEM *p, uint32_t n) {        \
    uint64_t lines = s->lines, words = s->words;                               \
    uint32_t a = s->a, b = s->b, in_space = s->in_space;                       \
    s->bytes += n;                                                             \
    while (n) {                                                                \
      uint32_t block = n < ADLER_BLOCK ? n : ADLER_BLOCK;                      \
      for (uint32_t i = 0; i < block; ++i) {                                   \
        uint32_t c = p[i];                                                     \
        uint32_t space = c == ' ' || c - '\t' < 5u; /* \t \n \v \f \r */       \
        lines += c == '\n';                                                    \
        words += in_space & !space;                                            \
        in_space = space;                                                      \
        a += c;                                                                \
        b += a;                                                                \
      }                                                                        \
      a %= ADLER_MOD;                                                          \
      b %= ADLER_MOD;                                                          \
      p += block;                                                              \
      n -= block;                                                              \
    }                                                                          \
    s->lines = lines, s->words = words;                                        \
    s->a = a, s->b = b, s->in_space = in_space;                                \
  }
DEFINE_SCAN(scan_memory0, __wasm_mem(0))
DEFINE_SCAN(scan_file_memory, __wasm_mem(1))

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 3 || (strcmp(argv[1], "map") && strcmp(argv[1], "read"))) {
    fprintf(stderr, "usage: wcmap.wasm map|read FILE\n");
    return 2;
  }
  int use_map = strcmp(argv[1], "map") == 0;
  const char *path = argv[2];
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    fprintf(stderr, "wcmap: cannot open '%s': %s\n", path, strerror(errno));
    return 1;
  }
  if (st.st_size >= (4ll << 30) - (64 << 10)) {
    fprintf(stderr, "wcmap: '%s' is too big for a 32-bit memory\n", path);
    return 1;
  }
  uint32_t size = (uint32_t)st.st_size;
  uint32_t page = WASM_PROTECTION_PAGE_SIZE;
  uint32_t len = (size + page - 1) / page * page; /* map whole pages */
  struct stats s = {.a = 1, .in_space = 1};

  double t0 = now(), t1;
  if (use_map) {
    /* Grow memory 1 to the file's size (new pages are unmapped) and map the
     * file there, read-only: one mmap in wmc-run, no byte is copied. */
    uint32_t pages = (len + WASM_PAGE_SIZE - 1) / WASM_PAGE_SIZE;
    if (wasm_memory_grow(1, pages - wasm_memory_size(1)) < 0) {
      fprintf(stderr, "wcmap: cannot grow memory 1 to %u pages\n", pages);
      return 1;
    }
    int err = wasm_memory_map(1, FILE_AT(0), len, fd, 0, WASM_PROT_READ);
    if (err) {
      fprintf(stderr, "wcmap: cannot map '%s': %s (WASI errno %d)\n", path,
              strerror(err), err);
      return 1;
    }
    t1 = now();
    for (uint32_t done = 0; done < size;) {
      uint32_t n = size - done < RELEASE_CHUNK ? size - done : RELEASE_CHUNK;
      scan_file_memory(&s, FILE_AT(done), n);
      /* Done with these pages: drop them (and the tie to the file). */
      uint32_t release = (n + page - 1) / page * page;
      wasm_memory_unmap(1, FILE_AT(done), release);
      done += n;
    }
  } else {
    uint8_t *buf = malloc(size ? size : 1);
    if (!buf) {
      fprintf(stderr, "wcmap: out of memory for %u bytes\n", size);
      return 1;
    }
    for (uint32_t got = 0; got < size;) {
      ssize_t n = read(fd, buf + got, size - got);
      if (n <= 0) {
        fprintf(stderr, "wcmap: cannot read '%s': %s\n", path,
                n < 0 ? strerror(errno) : "unexpected end of file");
        return 1;
      }
      got += (uint32_t)n;
    }
    t1 = now();
    scan_memory0(&s, buf, size);
  }
  double t2 = now();
  close(fd);

  printf("%llu lines, %llu words, %llu bytes, adler32 %08x\n",
         (unsigned long long)s.lines, (unsigned long long)s.words,
         (unsigned long long)s.bytes, (unsigned)(s.b << 16 | s.a));
  fprintf(stderr,
          "%s: %s %.1f MiB in %.3f s, scanned in %.3f s; memory 0 is %u KiB\n",
          argv[1], use_map ? "mapped" : "read", size / 1048576.0, t1 - t0,
          t2 - t1, wasm_memory_size(0) * (WASM_PAGE_SIZE / 1024));
  return 0;
}
