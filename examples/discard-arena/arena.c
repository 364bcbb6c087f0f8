/* discard-arena: a long-running server loop. Every request gets an arena of
 * its own in memory 1 ("arenas"), builds a hash table of records in it and
 * answers with a checksum; when the request is done the arena is freed.
 *
 *   arena.wasm [--no-discard] [ROUNDS]
 *
 * Memory 1 holds 64 arena slots of 4 MiB (256 MiB). Four requests are in
 * flight at any time and free slots are reused first-in first-out, so over
 * 64 rounds every slot gets used. Arenas must be handed out zeroed (the
 * hash table's buckets start empty), so freeing an arena has to zero it:
 *
 *   default       wasm_memory_discard: zeroes the arena and gives its pages
 *                 back to the host, so only the live arenas stay resident
 *   --no-discard  memset 0: zeroes it too, but every page ever touched stays
 *                 resident, and the resident size climbs to all 64 slots
 *
 * The answers are the same either way: stdout does not depend on the mode. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasm/memctl.h>

#define SLOTS 64
#define SLOT_BYTES (4u << 20)
#define LIVE 4 /* requests in flight */
#define BUCKETS 4096

/* Slots start at 64 KiB, so that no arena pointer is NULL. */
#define FIRST_SLOT WASM_PAGE_SIZE
#define ARENA_PAGES ((FIRST_SLOT + SLOTS * SLOT_BYTES) / WASM_PAGE_SIZE)
WASM_MEMORY(1, "arenas", ARENA_PAGES, ARENA_PAGES, 0);

typedef char __wasm_mem(1) arena_byte; /* a byte in memory 1 */

struct arena {
  uint32_t slot;
  arena_byte *base;
  uint32_t used;
};

struct record { /* lives in an arena */
  struct record __wasm_mem(1) *next;
  uint32_t key, len;
  unsigned char payload[];
};
typedef struct record __wasm_mem(1) record_t;

static int use_discard = 1;
static uint32_t free_slots[SLOTS], free_head, free_count; /* FIFO queue */

static struct arena arena_new(void) {
  uint32_t slot = free_slots[free_head];
  free_head = (free_head + 1) % SLOTS;
  --free_count;
  uintptr_t base = FIRST_SLOT + slot * SLOT_BYTES; /* an address in memory 1 */
  struct arena a = {slot, (arena_byte *)base, 0};
  return a; /* zeroed: every free slot is all zero */
}

static arena_byte *arena_alloc(struct arena *a, uint32_t n) {
  n = (n + 7) & ~7u;
  if (a->used + n > SLOT_BYTES)
    return 0;
  arena_byte *p = a->base + a->used;
  a->used += n;
  return p;
}

static void arena_free(struct arena *a) {
  uint32_t page = WASM_PROTECTION_PAGE_SIZE;
  uint32_t len = (a->used + page - 1) / page * page;
  if (use_discard)
    wasm_memory_discard(1, a->base, len); /* zero + release the pages */
  else
    memset(a->base, 0, a->used);          /* zero, pages stay resident */
  free_slots[(free_head + free_count) % SLOTS] = a->slot;
  ++free_count;
}

static uint32_t rng_state;
static uint32_t rng(void) { /* xorshift32 */
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

/* One request: 1 to 4 MiB of records in a hash table, then a checksum. */
static uint32_t serve(struct arena *a, uint32_t request) {
  rng_state = request * 2654435761u + 1;
  record_t *__wasm_mem(1) *heads = (record_t *__wasm_mem(1) *)arena_alloc(
      a, BUCKETS * sizeof(record_t *)); /* all NULL: the arena is zeroed */
  uint32_t budget = (1u << 20) + rng() % (3u << 20) - (64u << 10);
  while (a->used < budget) {
    uint32_t len = 64 + rng() % 384;
    record_t *r = (record_t *)arena_alloc(a, sizeof(struct record) + len);
    if (!r)
      break; /* arena full (cannot happen with these budgets) */
    r->key = rng();
    r->len = len;
    memset(r->payload, r->key & 0xff, len);
    r->payload[len - 1] ^= 0x5a;
    uint32_t b = r->key % BUCKETS;
    r->next = heads[b];
    heads[b] = r;
  }
  uint32_t sum = 0;
  for (uint32_t b = 0; b < BUCKETS; ++b)
    for (record_t *r = heads[b]; r; r = r->next)
      sum = sum * 31 + r->key * (r->payload[0] + r->payload[r->len - 1]) +
            r->len;
  return sum;
}

int main(int argc, char **argv) {
  uint32_t rounds = 400;
  for (int i = 1; i < argc; ++i) {
    if (strcmp(argv[i], "--no-discard") == 0)
      use_discard = 0;
    else if ((rounds = (uint32_t)atoi(argv[i])) == 0) {
      fprintf(stderr, "usage: arena.wasm [--no-discard] [ROUNDS > 0]\n");
      return 2;
    }
  }
  for (uint32_t s = 0; s < SLOTS; ++s)
    free_slots[s] = s;
  free_count = SLOTS;

  struct arena live[LIVE];
  uint32_t checksum = 0;
  for (uint32_t round = 0; round < rounds; ++round) {
    struct arena *a = &live[round % LIVE];
    if (round >= LIVE)
      arena_free(a); /* the request from LIVE rounds ago is done */
    *a = arena_new();
    checksum = checksum * 16777619u ^ serve(a, round);
    if ((round + 1) % 100 == 0 || round + 1 == rounds)
      printf("after %u requests: checksum %08x\n", round + 1, checksum);
  }
  fprintf(stderr, "arena: %u requests, arenas freed with %s\n", rounds,
          use_discard ? "wasm_memory_discard" : "memset 0 (--no-discard)");
  return 0;
}
