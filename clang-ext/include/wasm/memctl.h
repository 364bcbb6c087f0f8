/* <wasm/memctl.h> - the wasm-memctl language surface.
 *
 * Declares the C/C++ spellings that let a program place objects in several
 * WebAssembly memories and control those memories at run time:
 *   - qualifiers __wasm_mem(k) (memory k, 0 = the default memory) and
 *     __wasm_ro (the toolchain's read-only memory), built on Clang address
 *     spaces (memory k = address space 100 + k, read-only = 99);
 *   - WASM_MEMORY(k, "name", min_pages, max_pages, flags) declarations;
 *   - the intrinsics wasm_memory_size/grow/protect/discard/map/unmap,
 *     wasm_memcpy, wasm_memset and wasm_memory_heap_base.
 * Usable from C17 and C++20 (C++ adds typed forms in namespace wasm).
 * The wasm-memctl Clang plugin (loaded by wmc-cc/wmc-c++) checks every use;
 * the llvm-pass plugin lowers the intrinsics. Full reference with examples:
 * docs/language.md; numbers come from abi/wmc_abi.h, copied beside this file.
 */
#ifndef WASM_MEMCTL_H
#define WASM_MEMCTL_H
/* A system header however it is found (-I or -isystem): __COUNTER__ and
 * GNU attributes are fine under -pedantic. */
#pragma clang system_header

#include <wasm/wmc_abi.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Memory qualifiers -------------------------------------------------- */

/* Highest memory index usable with __wasm_mem(k) and WASM_MEMORY(k, ...). */
#define WASM_MAX_MEMORY WMC_MAX_MEMORY

/* __wasm_mem(k): type qualifier naming memory k. k is an integer literal or
 * a macro expanding to one (0..31); __wasm_mem(0) is no qualifier at all (the
 * default memory). Any other constant expression k (e.g. a C++ template
 * parameter) gives address space 100 + (k); it must then not be 0 (the plugin
 * reports it) - use wasm::in_memory<K, T> in C++ templates when K may be 0. */
#define __wasm_mem(k) __WMC_MEM_SELECT(__WMC_IS_ZERO(k), k)
#define __wasm_ro __attribute__((address_space(WMC_AS_READONLY)))
/* The address space of memory k, for code that needs the raw number. */
#define __WASM_MEM_AS(k) (WMC_AS_MEMORY_BASE + (k))

/* Preprocessor helpers: detect a literal 0 by token pasting. */
#define __WMC_SECOND_(a, b, ...) b
#define __WMC_SECOND(...) __WMC_SECOND_(__VA_ARGS__)
#define __WMC_ZERO_PROBE_0 ~, 1
#define __WMC_IS_ZERO_(k) __WMC_SECOND(__WMC_ZERO_PROBE_##k, 0, ~)
#define __WMC_IS_ZERO(k) __WMC_IS_ZERO_(k)
#define __WMC_MEM_SELECT_(z, k) __WMC_MEM_SELECT_##z(k)
#define __WMC_MEM_SELECT(z, k) __WMC_MEM_SELECT_(z, k)
#define __WMC_MEM_SELECT_1(k)
#define __WMC_MEM_SELECT_0(k)                                                  \
  __attribute__((address_space(WMC_AS_MEMORY_BASE + (k))))

/* ---- Memory declarations ------------------------------------------------ */

/* Flags of WASM_MEMORY (bits 0-3) and the null guard (bits 16-31, in
 * 4 KiB protection pages, rounded up). */
#define WASM_MEMORY_READONLY WMC_MEMORY_READONLY
#define WASM_MEMORY_MAPPABLE WMC_MEMORY_MAPPABLE
#define WASM_MEMORY_EXPORT WMC_MEMORY_EXPORT
#define WASM_MEMORY_NULL_GUARD(bytes)                                          \
  ((((unsigned)(bytes) + (WMC_PROTECTION_PAGE_SIZE - 1)) /                     \
    WMC_PROTECTION_PAGE_SIZE)                                                  \
   << 16)
/* max_pages value meaning "no maximum". */
#define WASM_MEMORY_NO_MAX WMC_NO_MAX
/* The memory index of the read-only memory in WASM_MEMORY and intrinsics. */
#define WASM_MEMORY_RO WMC_DECL_READONLY_INDEX
/* Size of a wasm page and of the protection granule, in bytes. */
#define WASM_PAGE_SIZE 65536u
#define WASM_PROTECTION_PAGE_SIZE WMC_PROTECTION_PAGE_SIZE
/* Aligns an object to the protection granule, so that it can be the range
 * of wasm_memory_protect/discard/map/unmap:
 *   static char __wasm_mem(1) key[4096] WASM_PAGE_ALIGNED; */
#define WASM_PAGE_ALIGNED __attribute__((aligned(WMC_PROTECTION_PAGE_SIZE)))

/* The record WASM_MEMORY expands to (docs/toolchain-abi.md section 2). */
struct __wmc_memory_decl {
  unsigned index;     /* k, or 0xFFFF for the read-only memory */
  unsigned min_pages; /* 64 KiB pages */
  unsigned max_pages; /* 0xFFFFFFFF = no maximum */
  unsigned flags;     /* bits 0-3: WMC_MEMORY_*; bits 16-31: null guard pages */
  const char *name;
  const char *source; /* "file:line" */
};

#define __WMC_STR_(x) #x
#define __WMC_STR(x) __WMC_STR_(x)

/* WASM_MEMORY(k, "name", min_pages, max_pages, flags): declare memory k at
 * file scope. Identical declarations may appear in several translation units
 * (and several times in one); differing ones are an error. */
#define WASM_MEMORY(k, name, min_pages, max_pages, flags)                      \
  _Pragma("clang diagnostic push")                                             \
  _Pragma("clang diagnostic ignored \"-Wpedantic\"")                           \
  __WMC_MEMORY_DECL(__COUNTER__, k, name, min_pages, max_pages, flags)         \
  _Pragma("clang diagnostic pop")
/* The asm label keeps the symbol name unmangled in C++. */
#define __WMC_MEMORY_DECL(n, k, name, min_pages, max_pages, flags)             \
  __WMC_MEMORY_DECL_(n, k, name, min_pages, max_pages, flags)
#define __WMC_MEMORY_DECL_(n, k, name, min_pages, max_pages, flags)            \
  static const struct __wmc_memory_decl __attribute__((used))                  \
  __wmc_memdecl_##n __asm__("__wmc_memdecl_" #n) = {                           \
      (k), (min_pages), (max_pages), (flags), (name),                          \
      __FILE__ ":" __WMC_STR(__LINE__)}

/* ---- Intrinsics --------------------------------------------------------- */

/* Protection values of wasm_memory_protect / wasm_memory_map. */
#define WASM_PROT_NONE WMC_PROT_NONE
#define WASM_PROT_READ WMC_PROT_READ
#define WASM_PROT_READWRITE WMC_PROT_READWRITE

/* The functions below are markers, not library functions: llvm-pass replaces
 * every call (docs/language.md, "IR contract"). Their first int argument
 * (and src_k of memcpy) is a memory index and must be an integer constant
 * expression; addresses are byte offsets into that memory. */
#define __WMC_INTRINSIC __attribute__((nothrow, leaf))
__WMC_INTRINSIC unsigned __wmc_intrinsic_memory_size(int k);
__WMC_INTRINSIC int __wmc_intrinsic_memory_grow(int k, unsigned delta_pages);
__WMC_INTRINSIC unsigned __wmc_intrinsic_heap_base(int k);
__WMC_INTRINSIC void __wmc_intrinsic_protect(int k, unsigned addr,
                                             unsigned len, int prot);
__WMC_INTRINSIC void __wmc_intrinsic_discard(int k, unsigned addr,
                                             unsigned len);
__WMC_INTRINSIC int __wmc_intrinsic_map(int k, unsigned addr, unsigned len,
                                        int fd, long long offset, int prot);
__WMC_INTRINSIC void __wmc_intrinsic_unmap(int k, unsigned addr,
                                           unsigned len);
__WMC_INTRINSIC void __wmc_intrinsic_memcpy(int dst_k, unsigned dst,
                                            int src_k, unsigned src,
                                            unsigned n);
__WMC_INTRINSIC void __wmc_intrinsic_memset(int k, unsigned dst, int byte,
                                            unsigned n);

/* An address argument: a pointer into any memory or an integer offset. */
#define __WMC_ADDR(a) ((unsigned)(__UINTPTR_TYPE__)(a))

/* Current size of memory k in 64 KiB pages. */
#define wasm_memory_size(k) __wmc_intrinsic_memory_size((k))
/* Grow memory k by delta pages; old size in pages, or -1 on failure. */
#define wasm_memory_grow(k, delta)                                             \
  __wmc_intrinsic_memory_grow((k), (unsigned)(delta))
/* First free address of memory k after its static data (16-aligned). */
#define wasm_memory_heap_base(k) __wmc_intrinsic_heap_base((k))
/* Set the protection of [addr, addr+len) in memory k (4 KiB aligned). */
#define wasm_memory_protect(k, addr, len, prot)                                \
  __wmc_intrinsic_protect((k), __WMC_ADDR(addr), (unsigned)(len), (prot))
/* Zero [addr, addr+len) of memory k and release its physical pages. */
#define wasm_memory_discard(k, addr, len)                                      \
  __wmc_intrinsic_discard((k), __WMC_ADDR(addr), (unsigned)(len))
/* Map fd (a WASI file descriptor, -1 for anonymous memory) at offset into
 * [addr, addr+len) of memory k, copy-on-write; 0 or a WASI errno. */
#define wasm_memory_map(k, addr, len, fd, offset, prot)                        \
  __wmc_intrinsic_map((k), __WMC_ADDR(addr), (unsigned)(len), (fd),            \
                      (long long)(offset), (prot))
/* Drop any mapping of [addr, addr+len) in memory k (reads as zero). */
#define wasm_memory_unmap(k, addr, len)                                        \
  __wmc_intrinsic_unmap((k), __WMC_ADDR(addr), (unsigned)(len))
/* Copy n bytes from src in memory src_k to dst in memory dst_k. */
#define wasm_memcpy(dst_k, dst, src_k, src, n)                                 \
  __wmc_intrinsic_memcpy((dst_k), __WMC_ADDR(dst), (src_k), __WMC_ADDR(src),   \
                         (unsigned)(n))
/* Fill n bytes at dst in memory k with byte. */
#define wasm_memset(k, dst, byte, n)                                           \
  __wmc_intrinsic_memset((k), __WMC_ADDR(dst), (int)(byte), (unsigned)(n))

#ifdef __cplusplus
} /* extern "C" */
#endif

#if defined(__cplusplus) && __cplusplus >= 201703L
/* ---- C++17/20: memories in templates and typed intrinsics --------------- */
namespace wasm {

template <int K, class T> struct __in_memory {
  static_assert(K >= 0 && K <= WMC_MAX_MEMORY, "memory index out of range");
  using type = T __attribute__((address_space(WMC_AS_MEMORY_BASE + K)));
};
template <class T> struct __in_memory<0, T> {
  using type = T;
};
/// T placed in memory K; in_memory<0, T> is plain T (the default memory).
/// Unlike __wasm_mem(K), works for a template parameter K that may be 0.
template <int K, class T> using in_memory = typename __in_memory<K, T>::type;
/// T in the read-only memory.
template <class T> using in_ro = const T __wasm_ro;

/// The memory index of an object of type T: 0 for the default memory, k
/// for __wasm_mem(k), WASM_MEMORY_RO for __wasm_ro.
template <class T> struct memory_of {
  static constexpr int value = 0;
};
template <class T, int N> struct memory_of<T __attribute__((address_space(N)))> {
  static constexpr int value =
      N == WMC_AS_READONLY ? (int)WMC_DECL_READONLY_INDEX
                           : N - WMC_AS_MEMORY_BASE;
};
template <class T> struct memory_of<const T> : memory_of<T> {};
template <class T> struct memory_of<volatile T> : memory_of<T> {};
template <class T> struct memory_of<const volatile T> : memory_of<T> {};
template <class T>
inline constexpr int memory_of_v = memory_of<T>::value;
template <class T>
inline constexpr bool __writable_v =
    memory_of_v<T> != (int)WMC_DECL_READONLY_INDEX;

/* Typed forms: the memory comes from the pointer's type. */
template <int K> inline unsigned memory_size() {
  return __wmc_intrinsic_memory_size(K);
}
template <int K> inline int memory_grow(unsigned delta_pages) {
  return __wmc_intrinsic_memory_grow(K, delta_pages);
}
template <int K> inline unsigned heap_base() {
  return __wmc_intrinsic_heap_base(K);
}
template <class T>
__attribute__((always_inline)) inline void protect(T *p, __SIZE_TYPE__ len,
                                                   int prot) {
  static_assert(__writable_v<T>, "wasm::protect: not on the read-only memory");
  __wmc_intrinsic_protect(memory_of_v<T>, __WMC_ADDR(p), (unsigned)len, prot);
}
template <class T>
__attribute__((always_inline)) inline void discard(T *p, __SIZE_TYPE__ len) {
  static_assert(__writable_v<T>, "wasm::discard: not on the read-only memory");
  __wmc_intrinsic_discard(memory_of_v<T>, __WMC_ADDR(p), (unsigned)len);
}
template <class T>
__attribute__((always_inline)) inline int map(T *p, __SIZE_TYPE__ len, int fd,
                                              long long offset, int prot) {
  static_assert(__writable_v<T>, "wasm::map: not on the read-only memory");
  return __wmc_intrinsic_map(memory_of_v<T>, __WMC_ADDR(p), (unsigned)len, fd,
                             offset, prot);
}
template <class T>
__attribute__((always_inline)) inline void unmap(T *p, __SIZE_TYPE__ len) {
  static_assert(__writable_v<T>, "wasm::unmap: not on the read-only memory");
  __wmc_intrinsic_unmap(memory_of_v<T>, __WMC_ADDR(p), (unsigned)len);
}
/// Copies n bytes between any two memories (dst must not be read-only).
template <class D, class S>
__attribute__((always_inline)) inline void memcpy(D *dst, S *src,
                                                  __SIZE_TYPE__ n) {
  static_assert(__writable_v<D>, "wasm::memcpy: cannot write to the read-only memory");
  __wmc_intrinsic_memcpy(memory_of_v<D>, __WMC_ADDR(dst), memory_of_v<S>,
                         __WMC_ADDR(src), (unsigned)n);
}
template <class T>
__attribute__((always_inline)) inline void memset(T *dst, int byte,
                                                  __SIZE_TYPE__ n) {
  static_assert(__writable_v<T>, "wasm::memset: cannot write to the read-only memory");
  __wmc_intrinsic_memset(memory_of_v<T>, __WMC_ADDR(dst), byte, (unsigned)n);
}

} // namespace wasm
#endif /* __cplusplus */

#endif /* WASM_MEMCTL_H */
