/* rodata: a 16 KiB table of constants, and a bug that writes where it lives.
 *
 * charstats reads text on stdin and prints
 *   - how many words it has and how many are distinct (words are hashed with
 *     tabulation hashing: a constant 8 x 256 table of random 64-bit numbers),
 *   - per byte value, how often it occurs and the first word containing it,
 *   - a self-test of the hash table (every entry still what it was built as).
 *
 * The bug: the per-byte statistics are indexed by a plain `char`, which is
 * signed on wasm32. Any non-ASCII byte (UTF-8 "é" is 0xC3 0xA9) gives a
 * negative index and the program writes up to 128 * 64 = 8 KiB *before*
 * `bytes[]`. Which object lives there depends on how the data is laid out:
 *
 *   wmc-cc -fwasm-rodata=off      the hash table: it is silently corrupted,
 *                                 later words hash wrong, the counts are wrong
 *   wmc-cc (default, -O2)         the table moved to the read-only memory at
 *                                 the same address; the stray writes land in
 *                                 the empty memory-0 bytes it left behind:
 *                                 right answers, bug hidden
 *   wmc-cc -fwasm-guard-vacated   those empty pages are no-access: the first
 *                                 stray access traps */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasm/memctl.h>

/* splitmix64 of i, as a constant expression, so the table is plain data. */
#define SM_A(z) (((z) ^ ((z) >> 30)) * 0xbf58476d1ce4e5b9ull)
#define SM_B(z) (((z) ^ ((z) >> 27)) * 0x94d049bb133111ebull)
#define SM_C(z) ((z) ^ ((z) >> 31))
#define RND(i) SM_C(SM_B(SM_A(((uint64_t)(i) + 1) * 0x9e3779b97f4a7c15ull)))
#define R4(i) RND(i), RND(i + 1), RND(i + 2), RND(i + 3)
#define R16(i) R4(i), R4(i + 4), R4(i + 8), R4(i + 12)
#define R64(i) R16(i), R16(i + 16), R16(i + 32), R16(i + 48)
#define R256(i) {R64(i), R64(i + 64), R64(i + 128), R64(i + 192)}

/* 8 * 256 * 8 bytes = 16 KiB. Only ever read, so -fwasm-rodata=auto moves
 * it to the read-only memory. -DEXPLICIT_RO asks for that explicitly: then it
 * is there at every optimization level, and a write to it does not compile. */
#ifdef EXPLICIT_RO
#define TABLE_MEMORY __wasm_ro
#else
#define TABLE_MEMORY
#endif
static const uint64_t TABLE_MEMORY table[8][256] = {
    R256(0),    R256(256),  R256(512),  R256(768),
    R256(1024), R256(1280), R256(1536), R256(1792)};

static uint64_t hash_word(const char *w, size_t n) {
  uint64_t h = n;
  for (size_t i = 0; i < n; ++i)
    h = (h << 7 | h >> 57) ^ table[i % 8][(unsigned char)w[i]];
  return h;
}

/* Self-test: every entry must still be the number it was built from. */
static unsigned corrupted_entries(void) {
  unsigned bad = 0;
  for (unsigned i = 0; i < 8 * 256; ++i)
    bad += table[i / 256][i % 256] != RND(i);
  return bad;
}

struct byte_stat {      /* 64 bytes */
  uint64_t count;
  uint64_t first_pos;
  char first_word[48];
};
static struct byte_stat bytes[256];

#define SET_BITS (1u << 16) /* distinct words: a 64 Ki-bit set of hashes */
static uint8_t seen[SET_BITS / 8];
#define MAX_TEXT (1 << 20)

int main(void) {
  char *text = malloc(MAX_TEXT);
  size_t len = text ? fread(text, 1, MAX_TEXT, stdin) : 0;
  unsigned words = 0, distinct = 0;
  size_t i = 0;
  while (i < len) {
    while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
      ++i;
    size_t start = i;
    while (i < len && !(text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
      ++i;
    if (i == start)
      break;
    size_t n = i - start;
    for (size_t j = start; j < i; ++j) {
      char c = text[j];
      struct byte_stat *b = &bytes[c]; /* BUG: should be (unsigned char)c */
      if (b->count++ == 0) {
        b->first_pos = j;
        memcpy(b->first_word, text + start, n < 47 ? n : 47);
      }
    }
    uint64_t h = hash_word(text + start, n) % SET_BITS;
    if (!(seen[h / 8] & (1u << (h % 8)))) {
      seen[h / 8] |= 1u << (h % 8);
      ++distinct;
    }
    ++words;
  }
#ifdef PATCH_TABLE
  /* A "quick fix" that patches an entry at run time. With EXPLICIT_RO it is
   * a compile error. (Without, it is undefined behaviour, a write to a const
   * object: clang -O2 silently deletes it, -O0 performs it.) */
  ((uint64_t TABLE_MEMORY *)table[0])[' '] = 0;
#endif
  printf("%u words, %u distinct\n", words, distinct);
  for (int c = 'a'; c <= 'z'; c += 5)
    printf("'%c': %llu, first in \"%s\"\n", c,
           (unsigned long long)bytes[c].count, bytes[c].first_word);
  unsigned bad = corrupted_entries();
  if (bad)
    printf("hash table self-test: %u of 2048 entries CORRUPTED\n", bad);
  else
    printf("hash table self-test: all 2048 entries intact\n");
  return 0;
}
