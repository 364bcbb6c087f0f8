/*
 * <wasm/memctl_alloc.h>: per-memory heaps and cross-memory helpers for C.
 *
 * A wasm memory index must be a compile-time constant and a pointer carries
 * its memory in its type, so the library is a set of macros that generate
 * static inline functions for one memory (or one pair of memories):
 *
 *   WMC_DEFINE_HEAP(1);   // wmc_malloc_1, wmc_free_1, wmc_calloc_1,
 *                         // wmc_realloc_1, wmc_aligned_alloc_1, ...
 *                         // + the string/copy helpers of WMC_DEFINE_STRING(1)
 *   WMC_DEFINE_XMEM(1, 2) // wmc_memcmp_1_2, wmc_strcmp_1_2, wmc_strncpy_1_2,
 *                         // wmc_memcpy_1_2 (destination memory first)
 *
 * The allocator is a segregated-fit allocator with boundary tags: 31 exact
 * size classes of 16..496 bytes, 92 range classes above (4 per power of
 * two), a bitmap of non-empty classes, immediate coalescing of neighbours on
 * free, splitting on allocation, in-place realloc into a free neighbour, and
 * growth of memory k with memory.grow on k. All allocator state lives in
 * memory k itself, at wasm_memory_heap_base(k), so every translation unit
 * that defines the heap of memory k shares one heap (state is found there
 * by a magic word; memories start zeroed). Layout and invariants:
 * libcxx-addr/README.md and docs/library.md.
 *
 * Works in C17 and C++ (C++ code should prefer <wasm/memctl.hpp>). Not
 * thread-safe (wasm32-wasip1 programs are single-threaded).
 */
#ifndef WASM_MEMCTL_ALLOC_H
#define WASM_MEMCTL_ALLOC_H

#include <wasm/memctl.h>

/* ---- allocator constants ------------------------------------------------ */
#define WMC_HEAP_MAGIC 0x57484541u /* "WHEA" */
#define WMC_HEAP_ALIGN 16u         /* alignment of every wmc_malloc_k result */
#define WMC__INUSE 1u              /* chunk header bit: this chunk is used */
#define WMC__PINUSE 2u             /* chunk header bit: previous chunk used */
#define WMC__NBINS 128u
#define WMC__SMALL_LIMIT 512u      /* chunks below this have exact classes */
/* Control block at heap_base: magic, end (epilogue payload), bitmap[4],
 * bins[128] (payload offsets of free-list heads, 0 = empty). */
#define WMC__OFF_MAGIC 0u
#define WMC__OFF_END 4u
#define WMC__OFF_BITMAP 8u
#define WMC__OFF_BINS 24u
#define WMC__CTRL_SIZE (WMC__OFF_BINS + 4u * WMC__NBINS)
#define WMC_HEAP_MAX_REQUEST 0x7FF00000u

#define WMC__UNUSED __attribute__((unused))

/* Function names: C gets wmc_<name>_<k>, C++ (inside wmc::heap<K>) <name>. */
#define WMC__NAME_C(x, K) wmc_##x##_##K
#define WMC__NAME_CXX(x, K) x

/* The allocator body for memory K. N(x, K) names a function, SPEC is its
 * storage class. Chunks are addressed by their payload offset p (16-aligned):
 * header word at p-4 (size | INUSE | PINUSE, size a multiple of 16 >= 16),
 * a free chunk holds next/prev free-list links at p and p+4 and its size
 * again as a footer at p+size-8 (just before the next chunk's header). */
#define WMC__HEAP_IMPL(K, N, SPEC)                                             \
  SPEC WMC__UNUSED unsigned N(_ld, K)(unsigned a) {                            \
    return *(unsigned __wasm_mem(K) *)a;                                       \
  }                                                                            \
  SPEC WMC__UNUSED void N(_st, K)(unsigned a, unsigned v) {                    \
    *(unsigned __wasm_mem(K) *)a = v;                                          \
  }                                                                            \
  /* Payload offset of the first chunk. */                                     \
  SPEC WMC__UNUSED unsigned N(_first, K)(void) {                               \
    return (wasm_memory_heap_base(K) + WMC__CTRL_SIZE + 4u + 15u) & ~15u;      \
  }                                                                            \
  SPEC WMC__UNUSED unsigned N(_bin, K)(unsigned sz) {                          \
    if (sz < WMC__SMALL_LIMIT)                                                 \
      return sz / 16u - 1u;                                                    \
    unsigned l = 31u - (unsigned)__builtin_clz(sz);                            \
    return 31u + (l - 9u) * 4u + ((sz >> (l - 2u)) & 3u);                      \
  }                                                                            \
  /* First non-empty bin >= i, or WMC__NBINS. */                               \
  SPEC WMC__UNUSED unsigned N(_find, K)(unsigned i) {                          \
    unsigned bm = wasm_memory_heap_base(K) + WMC__OFF_BITMAP;                  \
    if (i >= WMC__NBINS)                                                       \
      return WMC__NBINS;                                                       \
    unsigned w = i >> 5;                                                       \
    unsigned m = N(_ld, K)(bm + 4u * w) & (~0u << (i & 31u));                  \
    while (!m) {                                                               \
      if (++w == WMC__NBINS / 32u)                                             \
        return WMC__NBINS;                                                     \
      m = N(_ld, K)(bm + 4u * w);                                              \
    }                                                                          \
    return w * 32u + (unsigned)__builtin_ctz(m);                               \
  }                                                                            \
  SPEC WMC__UNUSED void N(_insert, K)(unsigned p, unsigned sz) {               \
    unsigned hb = wasm_memory_heap_base(K);                                    \
    unsigned b = N(_bin, K)(sz);                                               \
    unsigned slot = hb + WMC__OFF_BINS + 4u * b;                               \
    unsigned h = N(_ld, K)(slot);                                              \
    N(_st, K)(p, h);                                                           \
    N(_st, K)(p + 4u, 0u);                                                     \
    if (h)                                                                     \
      N(_st, K)(h + 4u, p);                                                    \
    else {                                                                     \
      unsigned wa = hb + WMC__OFF_BITMAP + 4u * (b >> 5);                      \
      N(_st, K)(wa, N(_ld, K)(wa) | (1u << (b & 31u)));                        \
    }                                                                          \
    N(_st, K)(slot, p);                                                        \
  }                                                                            \
  SPEC WMC__UNUSED void N(_unlink, K)(unsigned p, unsigned sz) {               \
    unsigned hb = wasm_memory_heap_base(K);                                    \
    unsigned nx = N(_ld, K)(p), pv = N(_ld, K)(p + 4u);                        \
    if (pv)                                                                    \
      N(_st, K)(pv, nx);                                                       \
    else {                                                                     \
      unsigned b = N(_bin, K)(sz);                                             \
      N(_st, K)(hb + WMC__OFF_BINS + 4u * b, nx);                              \
      if (!nx) {                                                               \
        unsigned wa = hb + WMC__OFF_BITMAP + 4u * (b >> 5);                    \
        N(_st, K)(wa, N(_ld, K)(wa) & ~(1u << (b & 31u)));                     \
      }                                                                        \
    }                                                                          \
    if (nx)                                                                    \
      N(_st, K)(nx + 4u, pv);                                                  \
  }                                                                            \
  /* Whether the control block exists (memory K may still be too small to  \
   * hold it: a memory declared with 0 pages has no heap_base to read). */    \
  SPEC WMC__UNUSED int N(_ready, K)(void) {                                    \
    return wasm_memory_size(K) * WASM_PAGE_SIZE >= N(_first, K)() &&           \
           N(_ld, K)(wasm_memory_heap_base(K) + WMC__OFF_MAGIC) ==             \
               WMC_HEAP_MAGIC;                                                 \
  }                                                                            \
  /* Creates the control block and an empty heap on first use. */             \
  SPEC WMC__UNUSED int N(_init, K)(void) {                                     \
    unsigned hb = wasm_memory_heap_base(K);                                    \
    unsigned p0 = N(_first, K)();                                              \
    unsigned have = wasm_memory_size(K) * WASM_PAGE_SIZE;                      \
    if (have < p0) {                                                           \
      unsigned pages = (p0 - have + WASM_PAGE_SIZE - 1u) / WASM_PAGE_SIZE;     \
      if (wasm_memory_grow(K, pages) < 0)                                      \
        return 0;                                                              \
    }                                                                          \
    wasm_memset(K, hb, 0, WMC__CTRL_SIZE);                                     \
    /* The epilogue: a zero-size used chunk; nothing precedes it. */           \
    N(_st, K)(p0 - 4u, WMC__INUSE | WMC__PINUSE);                              \
    N(_st, K)(hb + WMC__OFF_END, p0);                                          \
    N(_st, K)(hb + WMC__OFF_MAGIC, WMC_HEAP_MAGIC);                            \
    return 1;                                                                  \
  }                                                                            \
  /* Frees the chunk at p (header already says INUSE): coalesces with free   \
   * neighbours and files the result in its bin. */                           \
  SPEC WMC__UNUSED void N(_release, K)(unsigned p) {                           \
    unsigned h = N(_ld, K)(p - 4u);                                            \
    unsigned sz = h & ~15u;                                                    \
    unsigned nh = N(_ld, K)(p + sz - 4u);                                      \
    if (!(nh & WMC__INUSE)) {                                                  \
      unsigned nsz = nh & ~15u;                                                \
      N(_unlink, K)(p + sz, nsz);                                              \
      sz += nsz;                                                               \
    }                                                                          \
    if (!(h & WMC__PINUSE)) {                                                  \
      unsigned psz = N(_ld, K)(p - 8u);                                        \
      p -= psz;                                                                \
      N(_unlink, K)(p, psz);                                                   \
      sz += psz;                                                               \
    }                                                                          \
    N(_st, K)(p - 4u, sz | WMC__PINUSE);                                       \
    N(_st, K)(p + sz - 8u, sz);                                                \
    N(_st, K)(p + sz - 4u, N(_ld, K)(p + sz - 4u) & ~WMC__PINUSE);             \
    N(_insert, K)(p, sz);                                                      \
  }                                                                            \
  /* Marks the (unlinked) chunk p of total size `total` used with size s,     \
   * returning a tail of 16 bytes or more to the free lists. */                \
  SPEC WMC__UNUSED void N(_settle, K)(unsigned p, unsigned s,                  \
                                      unsigned total) {                        \
    unsigned pin = N(_ld, K)(p - 4u) & WMC__PINUSE;                            \
    unsigned rem = total - s;                                                  \
    if (rem >= 16u) {                                                          \
      N(_st, K)(p - 4u, s | WMC__INUSE | pin);                                 \
      N(_st, K)(p + s - 4u, rem | WMC__INUSE | WMC__PINUSE);                   \
      N(_release, K)(p + s);                                                   \
    } else {                                                                   \
      N(_st, K)(p - 4u, total | WMC__INUSE | pin);                             \
      N(_st, K)(p + total - 4u,                                                \
                N(_ld, K)(p + total - 4u) | WMC__PINUSE);                      \
    }                                                                          \
  }                                                                            \
  /* Takes a free chunk of at least s bytes, or returns 0. */                  \
  SPEC WMC__UNUSED unsigned N(_take, K)(unsigned s) {                          \
    unsigned hb = wasm_memory_heap_base(K);                                    \
    unsigned b = N(_bin, K)(s);                                                \
    unsigned p = N(_ld, K)(hb + WMC__OFF_BINS + 4u * b);                       \
    if (b < 31u) {                                                             \
      if (!p)                                                                  \
        b = N(_find, K)(b + 1u);                                               \
    } else {                                                                   \
      /* Range class: first fit in its own list, then any larger class. */    \
      for (; p; p = N(_ld, K)(p))                                              \
        if ((N(_ld, K)(p - 4u) & ~15u) >= s)                                   \
          break;                                                               \
      if (!p)                                                                  \
        b = N(_find, K)(b + 1u);                                               \
    }                                                                          \
    if (!p) {                                                                  \
      if (b >= WMC__NBINS)                                                     \
        return 0;                                                              \
      p = N(_ld, K)(hb + WMC__OFF_BINS + 4u * b);                              \
    }                                                                          \
    unsigned total = N(_ld, K)(p - 4u) & ~15u;                                 \
    N(_unlink, K)(p, total);                                                   \
    N(_settle, K)(p, s, total);                                                \
    return p;                                                                  \
  }                                                                            \
  /* Grows memory K so that a free chunk of s bytes exists at the end. */     \
  SPEC WMC__UNUSED int N(_extend, K)(unsigned s) {                             \
    unsigned hb = wasm_memory_heap_base(K);                                    \
    unsigned e = N(_ld, K)(hb + WMC__OFF_END); /* epilogue payload */          \
    unsigned have = wasm_memory_size(K) * WASM_PAGE_SIZE;                      \
    unsigned avail = (have - e) & ~15u;                                        \
    if (avail < s) {                                                           \
      unsigned need = s - avail;                                               \
      unsigned pages = (need + WASM_PAGE_SIZE - 1u) / WASM_PAGE_SIZE;          \
      unsigned cur = have / WASM_PAGE_SIZE;                                    \
      /* Grow by at least 1/8 of the memory to amortize memory.grow. */        \
      if (pages < cur / 8u)                                                    \
        pages = cur / 8u;                                                      \
      if (wasm_memory_grow(K, pages) < 0 &&                                    \
          wasm_memory_grow(K, (need + WASM_PAGE_SIZE - 1u) / WASM_PAGE_SIZE) < \
              0)                                                               \
        return 0;                                                              \
      have = wasm_memory_size(K) * WASM_PAGE_SIZE;                             \
      avail = (have - e) & ~15u;                                               \
    }                                                                          \
    /* The old epilogue becomes a used chunk of avail bytes, a new epilogue  \
     * follows; releasing the chunk coalesces it with a free predecessor. */   \
    unsigned csz = avail;                                                      \
    unsigned pin = N(_ld, K)(e - 4u) & WMC__PINUSE;                            \
    N(_st, K)(e - 4u, csz | WMC__INUSE | pin);                                 \
    N(_st, K)(e + csz - 4u, WMC__INUSE | WMC__PINUSE);                         \
    N(_st, K)(hb + WMC__OFF_END, e + csz);                                     \
    N(_release, K)(e);                                                         \
    return 1;                                                                  \
  }                                                                            \
  SPEC WMC__UNUSED unsigned N(_chunk_size, K)(unsigned n) {                    \
    unsigned s = (n + 4u + 15u) & ~15u;                                        \
    return s < 16u ? 16u : s;                                                  \
  }                                                                            \
  SPEC WMC__UNUSED unsigned N(_malloc, K)(unsigned n) {                        \
    if (n > WMC_HEAP_MAX_REQUEST)                                              \
      return 0;                                                                \
    if (!N(_ready, K)() && !N(_init, K)())                                     \
      return 0;                                                                \
    unsigned s = N(_chunk_size, K)(n);                                         \
    unsigned p = N(_take, K)(s);                                               \
    if (!p) {                                                                  \
      if (!N(_extend, K)(s))                                                   \
        return 0;                                                              \
      p = N(_take, K)(s);                                                      \
    }                                                                          \
    return p;                                                                  \
  }                                                                            \
  SPEC WMC__UNUSED void N(_free, K)(unsigned p) {                              \
    if (!p)                                                                    \
      return;                                                                  \
    if (!(N(_ld, K)(p - 4u) & WMC__INUSE))                                     \
      __builtin_trap(); /* double free or not a heap pointer */               \
    N(_release, K)(p);                                                         \
  }                                                                            \
  SPEC WMC__UNUSED unsigned N(_realloc, K)(unsigned p, unsigned n) {           \
    if (!p)                                                                    \
      return N(_malloc, K)(n);                                                 \
    if (n > WMC_HEAP_MAX_REQUEST)                                              \
      return 0;                                                                \
    unsigned s = N(_chunk_size, K)(n);                                         \
    unsigned sz = N(_ld, K)(p - 4u) & ~15u;                                    \
    if (s <= sz) {                                                             \
      N(_settle, K)(p, s, sz);                                                 \
      return p;                                                                \
    }                                                                          \
    unsigned nh = N(_ld, K)(p + sz - 4u);                                      \
    if (!(nh & WMC__INUSE) && sz + (nh & ~15u) >= s) {                         \
      N(_unlink, K)(p + sz, nh & ~15u);                                        \
      N(_settle, K)(p, s, sz + (nh & ~15u));                                   \
      return p;                                                                \
    }                                                                          \
    unsigned q = N(_malloc, K)(n);                                             \
    if (!q)                                                                    \
      return 0;                                                                \
    wasm_memcpy(K, q, K, p, sz - 4u);                                          \
    N(_free, K)(p);                                                            \
    return q;                                                                  \
  }                                                                            \
  SPEC WMC__UNUSED unsigned N(_aligned, K)(unsigned align, unsigned n) {       \
    if (align & (align - 1u))                                                  \
      return 0;                                                                \
    if (align <= WMC_HEAP_ALIGN)                                               \
      return N(_malloc, K)(n);                                                 \
    if (n > WMC_HEAP_MAX_REQUEST - align)                                      \
      return 0;                                                                \
    unsigned p = N(_malloc, K)(n + align + 16u);                               \
    if (!p || !(p & (align - 1u)))                                             \
      return p;                                                                \
    unsigned q = (p + 16u + align - 1u) & ~(align - 1u);                       \
    unsigned h = N(_ld, K)(p - 4u);                                            \
    unsigned lead = q - p;                                                     \
    /* Split off [p, q) as a used chunk, then free it (coalescing). */        \
    N(_st, K)(q - 4u, ((h & ~15u) - lead) | WMC__INUSE | WMC__PINUSE);         \
    N(_st, K)(p - 4u, lead | WMC__INUSE | (h & WMC__PINUSE));                  \
    N(_release, K)(p);                                                         \
    N(_settle, K)(q, N(_chunk_size, K)(n), N(_ld, K)(q - 4u) & ~15u);          \
    return q;                                                                  \
  }                                                                            \
  SPEC WMC__UNUSED unsigned N(_usable, K)(unsigned p) {                        \
    return p ? (N(_ld, K)(p - 4u) & ~15u) - 4u : 0u;                           \
  }                                                                            \
  /* Walks the heap and checks its invariants; returns the number of free    \
   * bytes, or -1 (and *why) if the heap is corrupt. For tests. */            \
  SPEC WMC__UNUSED long N(_check, K)(const char **why) {                       \
    unsigned hb = wasm_memory_heap_base(K);                                    \
    if (!N(_ready, K)())                                                       \
      return 0;                                                                \
    unsigned e = N(_ld, K)(hb + WMC__OFF_END);                                 \
    unsigned p = N(_first, K)(), prev_free = 0, nfree = 0;                     \
    long free_bytes = 0;                                                       \
    while (p != e) {                                                           \
      unsigned h = N(_ld, K)(p - 4u), sz = h & ~15u;                           \
      if (sz < 16u || p + sz > e) {                                            \
        *why = "chunk size out of range";                                      \
        return -1;                                                             \
      }                                                                        \
      if (!(h & WMC__PINUSE) != !!prev_free) {                                 \
        *why = "PINUSE bit disagrees with the previous chunk";                 \
        return -1;                                                             \
      }                                                                        \
      prev_free = !(h & WMC__INUSE);                                           \
      if (prev_free) {                                                         \
        if (!(h & WMC__PINUSE)) {                                              \
          *why = "two adjacent free chunks (missed coalescing)";               \
          return -1;                                                           \
        }                                                                      \
        if (N(_ld, K)(p + sz - 8u) != sz) {                                    \
          *why = "free chunk footer mismatch";                                 \
          return -1;                                                           \
        }                                                                      \
        free_bytes += sz;                                                      \
        nfree++;                                                               \
      }                                                                        \
      p += sz;                                                                 \
    }                                                                          \
    if (!(N(_ld, K)(e - 4u) & WMC__PINUSE) != !!prev_free) {                   \
      *why = "epilogue PINUSE bit wrong";                                      \
      return -1;                                                               \
    }                                                                          \
    unsigned listed = 0;                                                       \
    for (unsigned b = 0; b < WMC__NBINS; b++) {                                \
      unsigned q = N(_ld, K)(hb + WMC__OFF_BINS + 4u * b);                     \
      unsigned bit = (N(_ld, K)(hb + WMC__OFF_BITMAP + 4u * (b >> 5)) >>       \
                      (b & 31u)) & 1u;                                         \
      if (!q != !bit) {                                                        \
        *why = "bitmap disagrees with a bin";                                  \
        return -1;                                                             \
      }                                                                        \
      for (; q; q = N(_ld, K)(q)) {                                            \
        unsigned h = N(_ld, K)(q - 4u);                                        \
        if ((h & WMC__INUSE) || N(_bin, K)(h & ~15u) != b) {                   \
          *why = "free list holds a used or misfiled chunk";                   \
          return -1;                                                           \
        }                                                                      \
        if (++listed > nfree) {                                                \
          *why = "free lists longer than the free chunks";                     \
          return -1;                                                           \
        }                                                                      \
      }                                                                        \
    }                                                                          \
    if (listed != nfree) {                                                     \
      *why = "a free chunk is missing from the free lists";                    \
      return -1;                                                               \
    }                                                                          \
    return free_bytes;                                                         \
  }                                                                            \
  /* End of the heap (offset of the epilogue); grows with the heap. */         \
  SPEC WMC__UNUSED unsigned N(_end, K)(void) {                                 \
    return N(_ready, K)()                                                      \
               ? N(_ld, K)(wasm_memory_heap_base(K) + WMC__OFF_END)            \
               : 0u;                                                           \
  }

/* ---- string and copy helpers ------------------------------------------ */

/* Functions on memory K alone and between memory K and memory 0. */
#define WMC__STRING_IMPL(K, N, SPEC)                                           \
  /** Length of the NUL-terminated string s in memory K. */                    \
  SPEC WMC__UNUSED __SIZE_TYPE__ N(strlen, K)(const char __wasm_mem(K) * s) {  \
    const char __wasm_mem(K) *p = s;                                           \
    while (*p)                                                                 \
      p++;                                                                     \
    return (__SIZE_TYPE__)(p - s);                                             \
  }                                                                            \
  /** First byte c in [s, s+n) of memory K, or a null pointer. */              \
  SPEC WMC__UNUSED const void __wasm_mem(K) *                                  \
      N(memchr, K)(const void __wasm_mem(K) * s, int c, __SIZE_TYPE__ n) {     \
    const unsigned char __wasm_mem(K) *p =                                     \
        (const unsigned char __wasm_mem(K) *)s;                                \
    for (; n; n--, p++)                                                        \
      if (*p == (unsigned char)c)                                              \
        return p;                                                              \
    return 0;                                                                  \
  }                                                                            \
  /** Copies n bytes from memory 0 into memory K (memory.copy). */             \
  SPEC WMC__UNUSED void N(copy_in, K)(void __wasm_mem(K) * dst,                \
                                      const void *src, __SIZE_TYPE__ n) {      \
    wasm_memcpy(K, dst, 0, src, n);                                            \
  }                                                                            \
  /** Copies n bytes from memory K into memory 0 (memory.copy). */             \
  SPEC WMC__UNUSED void N(copy_out, K)(void *dst,                              \
                                       const void __wasm_mem(K) * src,         \
                                       __SIZE_TYPE__ n) {                      \
    wasm_memcpy(0, dst, K, src, n);                                            \
  }                                                                            \
  /** Fills n bytes at dst in memory K (memory.fill). */                       \
  SPEC WMC__UNUSED void N(memset, K)(void __wasm_mem(K) * dst, int c,          \
                                     __SIZE_TYPE__ n) {                        \
    wasm_memset(K, dst, c, n);                                                 \
  }                                                                            \
  /** Copies (memmove semantics) n bytes within memory K. */                   \
  SPEC WMC__UNUSED void N(memmove, K)(void __wasm_mem(K) * dst,                \
                                      const void __wasm_mem(K) * src,          \
                                      __SIZE_TYPE__ n) {                       \
    wasm_memcpy(K, dst, K, src, n);                                            \
  }

/* Functions between memory A and memory B (either may be 0: pass the
 * literal 0). Names: wmc_<fn>_<A>_<B>; the destination memory comes first. */
#define WMC__XMEM_IMPL(A, B, N2, SPEC)                                         \
  /** Compares n bytes of a (memory A) and b (memory B) like memcmp. */        \
  SPEC WMC__UNUSED int N2(memcmp, A, B)(const void __wasm_mem(A) * a,          \
                                        const void __wasm_mem(B) * b,          \
                                        __SIZE_TYPE__ n) {                     \
    const unsigned char __wasm_mem(A) *x =                                     \
        (const unsigned char __wasm_mem(A) *)a;                                \
    const unsigned char __wasm_mem(B) *y =                                     \
        (const unsigned char __wasm_mem(B) *)b;                                \
    for (; n >= 4u; n -= 4u, x += 4, y += 4) {                                \
      unsigned u, v;                                                           \
      wasm_memcpy(0, &u, A, x, 4);                                             \
      wasm_memcpy(0, &v, B, y, 4);                                             \
      if (u != v)                                                              \
        break;                                                                 \
    }                                                                          \
    for (; n; n--, x++, y++)                                                   \
      if (*x != *y)                                                            \
        return *x < *y ? -1 : 1;                                               \
    return 0;                                                                  \
  }                                                                            \
  /** Compares NUL-terminated strings a (memory A) and b (memory B). */        \
  SPEC WMC__UNUSED int N2(strcmp, A, B)(const char __wasm_mem(A) * a,          \
                                        const char __wasm_mem(B) * b) {        \
    for (;; a++, b++) {                                                        \
      unsigned char x = (unsigned char)*a, y = (unsigned char)*b;              \
      if (x != y)                                                              \
        return x < y ? -1 : 1;                                                 \
      if (!x)                                                                  \
        return 0;                                                              \
    }                                                                          \
  }                                                                            \
  /** strncpy from src (memory B) to dst (memory A): copies up to n bytes,   \
   *  pads with NULs; the string part is one memory.copy. */                   \
  SPEC WMC__UNUSED char __wasm_mem(A) *                                        \
      N2(strncpy, A, B)(char __wasm_mem(A) * dst,                              \
                        const char __wasm_mem(B) * src, __SIZE_TYPE__ n) {     \
    __SIZE_TYPE__ len = 0;                                                     \
    while (len < n && src[len])                                                \
      len++;                                                                   \
    wasm_memcpy(A, dst, B, src, len);                                          \
    if (len < n)                                                               \
      wasm_memset(A, dst + len, 0, n - len);                                   \
    return dst;                                                                \
  }                                                                            \
  /** Copies n bytes from src (memory B) to dst (memory A); memmove         \
   *  semantics (memory.copy). */                                              \
  SPEC WMC__UNUSED void N2(memcpy, A, B)(void __wasm_mem(A) * dst,             \
                                         const void __wasm_mem(B) * src,       \
                                         __SIZE_TYPE__ n) {                    \
    wasm_memcpy(A, dst, B, src, n);                                            \
  }

#define WMC__NAME2_C(x, A, B) wmc_##x##_##A##_##B

#if defined(__cplusplus)
#define WMC__STATIC_ASSERT static_assert
#else
#define WMC__STATIC_ASSERT _Static_assert
#endif

#define WMC__PTR_C(K, T) T __wasm_mem(K) *

/* Public C API --------------------------------------------------------- */

/** Defines the heap of memory K (1..31, a literal or a macro expanding to
 *  one) and the string helpers of WMC_DEFINE_STRING(K). Use at file scope;
 *  every translation unit may define it, all share one heap in memory K:
 *
 *    void __wasm_mem(K) *wmc_malloc_K(size_t n);
 *    void __wasm_mem(K) *wmc_calloc_K(size_t count, size_t size);
 *    void __wasm_mem(K) *wmc_realloc_K(void __wasm_mem(K) *p, size_t n);
 *    void __wasm_mem(K) *wmc_aligned_alloc_K(size_t align, size_t n);
 *    void wmc_free_K(void __wasm_mem(K) *p);
 *    size_t wmc_malloc_usable_size_K(void __wasm_mem(K) *p);
 *    long wmc_heap_check_K(const char **why);  // free bytes or -1
 *    unsigned wmc_heap_end_K(void);            // end offset of the heap
 *    void __wasm_mem(K) *wmc_dup_in_K(const void *src, size_t n);
 *    char __wasm_mem(K) *wmc_strdup_in_K(const char *s);
 */
#define WMC_DEFINE_HEAP(K) WMC__DEFINE_HEAP(K)
#define WMC__DEFINE_HEAP(K)                                                    \
  WMC__STATIC_ASSERT((K) >= 1 && (K) <= WASM_MAX_MEMORY,                       \
                     "WMC_DEFINE_HEAP: the memory index must be 1..31 "        \
                     "(memory 0 has wasi-libc's malloc)");                     \
  WMC__HEAP_IMPL(K, WMC__NAME_C, static inline)                                \
  static inline WMC__UNUSED void __wasm_mem(K) * wmc_malloc_##K(               \
                                                     __SIZE_TYPE__ n) {        \
    return (void __wasm_mem(K) *)wmc__malloc_##K(                              \
        n > WMC_HEAP_MAX_REQUEST ? ~0u : (unsigned)n);                         \
  }                                                                            \
  static inline WMC__UNUSED void wmc_free_##K(void __wasm_mem(K) * p) {        \
    wmc__free_##K(__WMC_ADDR(p));                                              \
  }                                                                            \
  static inline WMC__UNUSED void __wasm_mem(K) *                               \
      wmc_calloc_##K(__SIZE_TYPE__ count, __SIZE_TYPE__ size) {                \
    unsigned long long t = (unsigned long long)count * size;                   \
    if (t > WMC_HEAP_MAX_REQUEST)                                              \
      return 0;                                                                \
    unsigned p = wmc__malloc_##K((unsigned)t);                                 \
    if (p)                                                                     \
      wasm_memset(K, p, 0, (unsigned)t);                                       \
    return (void __wasm_mem(K) *)p;                                            \
  }                                                                            \
  static inline WMC__UNUSED void __wasm_mem(K) *                               \
      wmc_realloc_##K(void __wasm_mem(K) * p, __SIZE_TYPE__ n) {               \
    if (p && !n) {                                                             \
      wmc_free_##K(p);                                                         \
      return 0;                                                                \
    }                                                                          \
    return (void __wasm_mem(K) *)wmc__realloc_##K(                             \
        __WMC_ADDR(p), n > WMC_HEAP_MAX_REQUEST ? ~0u : (unsigned)n);          \
  }                                                                            \
  static inline WMC__UNUSED void __wasm_mem(K) *                               \
      wmc_aligned_alloc_##K(__SIZE_TYPE__ align, __SIZE_TYPE__ n) {            \
    if (n > WMC_HEAP_MAX_REQUEST || align > WASM_PAGE_SIZE)                    \
      return 0;                                                                \
    return (void __wasm_mem(K) *)wmc__aligned_##K((unsigned)align,            \
                                                  (unsigned)n);                \
  }                                                                            \
  static inline WMC__UNUSED __SIZE_TYPE__ wmc_malloc_usable_size_##K(          \
      void __wasm_mem(K) * p) {                                                \
    return wmc__usable_##K(__WMC_ADDR(p));                                     \
  }                                                                            \
  static inline WMC__UNUSED long wmc_heap_check_##K(const char **why) {        \
    return wmc__check_##K(why);                                                \
  }                                                                            \
  static inline WMC__UNUSED unsigned wmc_heap_end_##K(void) {                  \
    return wmc__end_##K();                                                     \
  }                                                                            \
  static inline WMC__UNUSED void __wasm_mem(K) *                               \
      wmc_dup_in_##K(const void *src, __SIZE_TYPE__ n) {                       \
    void __wasm_mem(K) *p = wmc_malloc_##K(n);                                 \
    if (p)                                                                     \
      wasm_memcpy(K, p, 0, src, n);                                            \
    return p;                                                                  \
  }                                                                            \
  static inline WMC__UNUSED char __wasm_mem(K) * wmc_strdup_in_##K(            \
                                                     const char *s) {          \
    __SIZE_TYPE__ n = __builtin_strlen(s) + 1;                                 \
    return (char __wasm_mem(K) *)wmc_dup_in_##K(s, n);                         \
  }                                                                            \
  WMC__STRING_IMPL(K, WMC__NAME_C, static inline)                              \
  WMC__XMEM_IMPL(K, K, WMC__NAME2_C, static inline)                            \
  WMC__XMEM_IMPL(K, 0, WMC__NAME2_C, static inline)                            \
  WMC__XMEM_IMPL(0, K, WMC__NAME2_C, static inline)                            \
  typedef int wmc__heap_defined_##K

/** The memory-K-only helpers without a heap: wmc_strlen_K, wmc_memchr_K,
 *  wmc_copy_in_K, wmc_copy_out_K, wmc_memset_K, wmc_memmove_K. */
#define WMC_DEFINE_STRING(K) WMC__DEFINE_STRING(K)
#define WMC__DEFINE_STRING(K)                                                  \
  WMC__STRING_IMPL(K, WMC__NAME_C, static inline)                              \
  typedef int wmc__string_defined_##K

/** Helpers between memories A and B (A != B; WMC_DEFINE_HEAP(K) already
 *  defines the pairs (K,K), (K,0), (0,K)): wmc_memcmp_A_B, wmc_strcmp_A_B,
 *  wmc_strncpy_A_B (dst in A, src in B), wmc_memcpy_A_B (dst in A). */
#define WMC_DEFINE_XMEM(A, B) WMC__DEFINE_XMEM(A, B)
#define WMC__DEFINE_XMEM(A, B)                                                 \
  WMC__XMEM_IMPL(A, B, WMC__NAME2_C, static inline)                            \
  typedef int wmc__xmem_defined_##A##_##B

#endif /* WASM_MEMCTL_ALLOC_H */
