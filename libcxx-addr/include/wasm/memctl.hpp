// <wasm/memctl.hpp>: C++20 library for non-default wasm memories.
//
// Everything takes the memory index K as a template parameter (a wasm memory
// index must be a compile-time constant) and keeps pointers typed as
// pointers into memory K:
//
//   wmc::heap<K>            the per-memory allocator of <wasm/memctl_alloc.h>
//                           (same algorithm and the same heap as the C API)
//   wmc::allocator<T, K>    allocator handing out T __wasm_mem(K) * pointers
//   wmc::ref<T, K>          proxy reference to a T in memory K
//   wmc::iterator<T, K>     random-access iterator over memory K, usable with
//                           classic <algorithm>/<numeric> (std::sort, find,
//                           copy, accumulate, ...)
//   wmc::span<T, K>         non-owning view of n Ts in memory K
//   wmc::vector<T, K>       growable array in memory K (T trivially copyable)
//   wmc::ro_string_view     string view over the read-only memory
//   wmc::strlen/strcmp/memcmp/memchr/strncpy/copy/copy_in/copy_out/fill
//                           cross-memory helpers for any pair of memories,
//                           lowered to memory.copy / memory.fill
//
// Why proxies: objects in memory K cannot be bound to ordinary references
// or run constructors/member functions (Clang passes `this` in the default
// memory), and std::iterator_traits<T __wasm_mem(K) *>::value_type keeps the
// address space, so std::sort on raw memory-K pointers would need locals in
// memory K. wmc::iterator's value_type is plain T and its reference a proxy
// that loads and stores (scalars directly, other trivially copyable types
// with memory.copy). std::vector<T, wmc::allocator<T, K>> does not compile
// with libc++ 22 (docs/library.md says why); use wmc::vector.
#ifndef WASM_MEMCTL_HPP
#define WASM_MEMCTL_HPP

#include <wasm/memctl.h>
#include <wasm/memctl_alloc.h>

#include <compare>
#include <cstddef>
#include <iterator>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>

namespace wmc {

namespace detail {
template <int K, class T> struct in_mem {
  static_assert(K >= 1 && K <= WASM_MAX_MEMORY,
                "wmc: memory index must be 1..31 (use plain types for 0)");
  using type = T __attribute__((address_space(WMC_AS_MEMORY_BASE + K)));
};
template <class T> struct in_mem<(int)WASM_MEMORY_RO, T> {
  using type = T __wasm_ro;
};
} // namespace detail

/// T placed in memory K (1..31) or, for K = WASM_MEMORY_RO, read-only memory.
template <int K, class T> using mem_t = typename detail::in_mem<K, T>::type;
/// Pointer to T in memory K.
template <class T, int K> using ptr_t = mem_t<K, T> *;

/// Loads the T at p in memory K (scalars: one load; others: memory.copy).
template <class T, int K>
__attribute__((always_inline)) inline std::remove_cv_t<T>
load(const mem_t<K, T> *p) {
  using V = std::remove_cv_t<T>;
  static_assert(std::is_trivially_copyable_v<V>,
                "wmc: objects in memory K must be trivially copyable");
  if constexpr (std::is_scalar_v<V>) {
    return *p;
  } else {
    V v;
    wasm_memcpy(0, &v, K, p, sizeof(V));
    return v;
  }
}

/// Stores v to p in memory K.
template <class T, int K>
__attribute__((always_inline)) inline void store(mem_t<K, T> *p,
                                                 const T &v) {
  static_assert(K != (int)WASM_MEMORY_RO, "wmc: read-only memory");
  static_assert(std::is_trivially_copyable_v<T>,
                "wmc: objects in memory K must be trivially copyable");
  if constexpr (std::is_scalar_v<T>)
    *p = v;
  else
    wasm_memcpy(K, p, 0, &v, sizeof(T));
}

// ---- the per-memory heap --------------------------------------------------

/// The heap of memory K: the allocator of <wasm/memctl_alloc.h>, state in
/// memory K at its heap base, shared with C code using WMC_DEFINE_HEAP(K).
template <int K> struct heap {
  static_assert(K >= 1 && K <= WASM_MAX_MEMORY, "wmc::heap: K is 1..31");

private:
  WMC__HEAP_IMPL(K, WMC__NAME_CXX, static)

public:
  /// n bytes, 16-aligned, or nullptr.
  static void __wasm_mem(K) * allocate(std::size_t n) {
    return (void __wasm_mem(K) *)_malloc(
        n > WMC_HEAP_MAX_REQUEST ? ~0u : (unsigned)n);
  }
  /// n zeroed bytes, or nullptr.
  static void __wasm_mem(K) * allocate_zeroed(std::size_t n) {
    void __wasm_mem(K) *p = allocate(n);
    if (p)
      wasm_memset(K, p, 0, n);
    return p;
  }
  /// n bytes aligned to align (a power of two up to 64 KiB), or nullptr.
  static void __wasm_mem(K) * allocate_aligned(std::size_t align,
                                               std::size_t n) {
    if (align > WASM_PAGE_SIZE || n > WMC_HEAP_MAX_REQUEST)
      return nullptr;
    return (void __wasm_mem(K) *)_aligned((unsigned)align, (unsigned)n);
  }
  /// realloc semantics (in place when the next chunk is free).
  static void __wasm_mem(K) * reallocate(void __wasm_mem(K) * p,
                                         std::size_t n) {
    if (p && !n) {
      deallocate(p);
      return nullptr;
    }
    return (void __wasm_mem(K) *)_realloc(
        __WMC_ADDR(p), n > WMC_HEAP_MAX_REQUEST ? ~0u : (unsigned)n);
  }
  static void deallocate(void __wasm_mem(K) * p) { _free(__WMC_ADDR(p)); }
  static std::size_t usable_size(void __wasm_mem(K) * p) {
    return _usable(__WMC_ADDR(p));
  }
  /// Free bytes, or -1 with *why set when the heap is corrupt.
  static long check(const char **why) { return _check(why); }
  /// Offset one past the heap's last chunk.
  static unsigned end() { return _end(); }
};

/// Allocator of T in memory K. `pointer` is T __wasm_mem(K) *.
template <class T, int K> struct allocator {
  using value_type = T;
  using pointer = ptr_t<T, K>;
  using const_pointer = ptr_t<const T, K>;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  template <class U> struct rebind {
    using other = allocator<U, K>;
  };
  static constexpr int memory = K;

  constexpr allocator() noexcept = default;
  template <class U> constexpr allocator(const allocator<U, K> &) noexcept {}

  /// n objects; nullptr when memory K cannot grow (no exceptions on wasm).
  pointer allocate(size_type n) {
    if (n > WMC_HEAP_MAX_REQUEST / sizeof(T))
      return nullptr;
    if constexpr (alignof(T) > WMC_HEAP_ALIGN)
      return (pointer)heap<K>::allocate_aligned(alignof(T), n * sizeof(T));
    else
      return (pointer)heap<K>::allocate(n * sizeof(T));
  }
  void deallocate(pointer p, size_type) { heap<K>::deallocate(p); }
  template <class U> bool operator==(const allocator<U, K> &) const {
    return true;
  }
};

// ---- proxy reference and iterator -----------------------------------------

/// Reference to a T in memory K: converts to T (a load), assigns from T (a
/// store); swap() exchanges the referenced values.
template <class T, int K> class ref {
  using V = std::remove_cv_t<T>;
  mem_t<K, T> *p_;

public:
  explicit ref(mem_t<K, T> *p) : p_(p) {}
  ref(const ref &) = default;
  operator V() const { return load<T, K>(p_); }
  V get() const { return load<T, K>(p_); }
  const ref &operator=(const V &v) const {
    store<T, K>(p_, v);
    return *this;
  }
  const ref &operator=(const ref &o) const { return *this = o.get(); }
  template <class U> const ref &operator+=(const U &u) const {
    return *this = get() + u;
  }
  template <class U> const ref &operator-=(const U &u) const {
    return *this = get() - u;
  }
  const ref &operator++() const { return *this = get() + 1; }
  const ref &operator--() const { return *this = get() - 1; }
  mem_t<K, T> *operator&() const { return p_; }
  friend void swap(const ref &a, const ref &b) {
    V t = a.get();
    a = b.get();
    b = t;
  }
  friend bool operator==(const ref &a, const V &b) { return a.get() == b; }
  friend bool operator==(const ref &a, const ref &b) {
    return a.get() == b.get();
  }
  friend bool operator<(const ref &a, const ref &b) {
    return a.get() < b.get();
  }
  friend bool operator<(const ref &a, const V &b) { return a.get() < b; }
  friend bool operator<(const V &a, const ref &b) { return a < b.get(); }
};

/// Random-access iterator over Ts in memory K (value_type is plain T).
template <class T, int K> class iterator {
  mem_t<K, T> *p_ = nullptr;

public:
  using iterator_category = std::random_access_iterator_tag;
  using value_type = std::remove_cv_t<T>;
  using difference_type = std::ptrdiff_t;
  using pointer = mem_t<K, T> *;
  using reference = ref<T, K>;

  iterator() = default;
  explicit iterator(pointer p) : p_(p) {}
  /// iterator<T> converts to iterator<const T>.
  template <class U>
    requires std::is_same_v<const U, T>
  iterator(const iterator<U, K> &o) : p_(o.base()) {}
  pointer base() const { return p_; }

  reference operator*() const { return reference(p_); }
  reference operator[](difference_type n) const { return reference(p_ + n); }
  pointer operator->() const { return p_; }
  iterator &operator++() { ++p_; return *this; }
  iterator operator++(int) { iterator t = *this; ++p_; return t; }
  iterator &operator--() { --p_; return *this; }
  iterator operator--(int) { iterator t = *this; --p_; return t; }
  iterator &operator+=(difference_type n) { p_ += n; return *this; }
  iterator &operator-=(difference_type n) { p_ -= n; return *this; }
  friend iterator operator+(iterator i, difference_type n) { return i += n; }
  friend iterator operator+(difference_type n, iterator i) { return i += n; }
  friend iterator operator-(iterator i, difference_type n) { return i -= n; }
  friend difference_type operator-(const iterator &a, const iterator &b) {
    return a.p_ - b.p_;
  }
  friend bool operator==(const iterator &a, const iterator &b) {
    return a.p_ == b.p_;
  }
  friend auto operator<=>(const iterator &a, const iterator &b) {
    return __WMC_ADDR(a.p_) <=> __WMC_ADDR(b.p_);
  }
  /// std::iter_swap finds this by ADL.
  friend void iter_swap(const iterator &a, const iterator &b) {
    swap(*a, *b);
  }
};

// ---- span ------------------------------------------------------------------

/// A non-owning view of n Ts in memory K.
template <class T, int K> class span {
  mem_t<K, T> *data_ = nullptr;
  std::size_t size_ = 0;

public:
  using element_type = T;
  using value_type = std::remove_cv_t<T>;
  using pointer = mem_t<K, T> *;
  using iterator = wmc::iterator<T, K>;
  using reference = ref<T, K>;
  static constexpr int memory = K;

  span() = default;
  span(pointer p, std::size_t n) : data_(p), size_(n) {}
  template <std::size_t N> span(mem_t<K, T> (&a)[N]) : data_(a), size_(N) {}

  pointer data() const { return data_; }
  std::size_t size() const { return size_; }
  std::size_t size_bytes() const { return size_ * sizeof(T); }
  bool empty() const { return !size_; }
  iterator begin() const { return iterator(data_); }
  iterator end() const { return iterator(data_ + size_); }
  reference operator[](std::size_t i) const { return reference(data_ + i); }
  reference front() const { return (*this)[0]; }
  reference back() const { return (*this)[size_ - 1]; }
  span first(std::size_t n) const { return span(data_, n); }
  span last(std::size_t n) const { return span(data_ + size_ - n, n); }
  span subspan(std::size_t off, std::size_t n = ~std::size_t(0)) const {
    return span(data_ + off, n == ~std::size_t(0) ? size_ - off : n);
  }
  /// Copies the elements out to dst in memory 0 (one memory.copy).
  void copy_out(value_type *dst) const {
    wasm_memcpy(0, dst, K, data_, size_bytes());
  }
  /// Copies size() elements in from src in memory 0 (one memory.copy).
  void copy_in(const value_type *src) const
    requires(!std::is_const_v<T>)
  {
    wasm_memcpy(K, data_, 0, src, size_bytes());
  }
};

// ---- vector ----------------------------------------------------------------

/// A growable array whose elements live in memory K (the vector object
/// itself is in memory 0). T must be trivially copyable: elements are moved
/// with memory.copy and grown in place with the heap's realloc.
template <class T, int K> class vector {
  static_assert(std::is_trivially_copyable_v<T> && !std::is_const_v<T>,
                "wmc::vector<T, K>: T must be trivially copyable");
  static_assert(K >= 1 && K <= WASM_MAX_MEMORY, "wmc::vector: K is 1..31");
  mem_t<K, T> *data_ = nullptr;
  std::size_t size_ = 0, cap_ = 0;

  /// Capacity of at least n; false if memory K cannot grow.
  bool grow_to(std::size_t n) {
    if (n <= cap_)
      return true;
    std::size_t c = cap_ ? cap_ * 2 : 4;
    if (c < n)
      c = n;
    if (c > WMC_HEAP_MAX_REQUEST / sizeof(T))
      return false;
    void __wasm_mem(K) *q =
        alignof(T) > WMC_HEAP_ALIGN
            ? nullptr
            : heap<K>::reallocate((void __wasm_mem(K) *)data_, c * sizeof(T));
    if (!q) {
      if (alignof(T) <= WMC_HEAP_ALIGN)
        return false;
      q = heap<K>::allocate_aligned(alignof(T), c * sizeof(T));
      if (!q)
        return false;
      wasm_memcpy(K, q, K, data_, size_ * sizeof(T));
      heap<K>::deallocate((void __wasm_mem(K) *)data_);
    }
    data_ = (mem_t<K, T> *)q;
    cap_ = c;
    return true;
  }

public:
  using value_type = T;
  using size_type = std::size_t;
  using pointer = mem_t<K, T> *;
  using iterator = wmc::iterator<T, K>;
  using const_iterator = wmc::iterator<const T, K>;
  using reference = ref<T, K>;
  static constexpr int memory = K;

  vector() = default;
  explicit vector(size_type n, const T &v = T()) { resize(n, v); }
  vector(std::initializer_list<T> il) { assign(il.begin(), il.size()); }
  vector(const vector &o) { *this = o; }
  vector(vector &&o) noexcept
      : data_(o.data_), size_(o.size_), cap_(o.cap_) {
    o.data_ = nullptr;
    o.size_ = o.cap_ = 0;
  }
  vector &operator=(const vector &o) {
    if (this != &o && grow_to(o.size_)) {
      wasm_memcpy(K, data_, K, o.data_, o.size_ * sizeof(T));
      size_ = o.size_;
    }
    return *this;
  }
  vector &operator=(vector &&o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(cap_, o.cap_);
    return *this;
  }
  ~vector() { heap<K>::deallocate((void __wasm_mem(K) *)data_); }

  pointer data() const { return data_; }
  size_type size() const { return size_; }
  size_type capacity() const { return cap_; }
  bool empty() const { return !size_; }
  iterator begin() { return iterator(data_); }
  iterator end() { return iterator(data_ + size_); }
  const_iterator begin() const { return const_iterator(data_); }
  const_iterator end() const { return const_iterator(data_ + size_); }
  reference operator[](size_type i) const { return reference(data_ + i); }
  reference front() const { return (*this)[0]; }
  reference back() const { return (*this)[size_ - 1]; }
  T get(size_type i) const { return load<T, K>(data_ + i); }
  void set(size_type i, const T &v) { store<T, K>(data_ + i, v); }
  span<T, K> as_span() const { return span<T, K>(data_, size_); }

  /// Capacity for n elements; false when memory K cannot grow.
  bool reserve(size_type n) { return grow_to(n); }
  /// Appends v; false (and no change) when memory K cannot grow.
  bool push_back(const T &v) {
    if (size_ == cap_ && !grow_to(size_ + 1))
      return false;
    store<T, K>(data_ + size_, v);
    ++size_;
    return true;
  }
  template <class... A> bool emplace_back(A &&...a) {
    return push_back(T{std::forward<A>(a)...});
  }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }
  /// Resizes to n, new elements are v.
  bool resize(size_type n, const T &v = T()) {
    if (!grow_to(n))
      return false;
    for (size_type i = size_; i < n; ++i)
      store<T, K>(data_ + i, v);
    size_ = n;
    return true;
  }
  /// Replaces the contents with n elements copied from src in memory 0.
  bool assign(const T *src, size_type n) {
    if (!grow_to(n))
      return false;
    wasm_memcpy(K, data_, 0, src, n * sizeof(T));
    size_ = n;
    return true;
  }
  /// Appends n elements copied from src in memory 0.
  bool append(const T *src, size_type n) {
    if (!grow_to(size_ + n))
      return false;
    wasm_memcpy(K, data_ + size_, 0, src, n * sizeof(T));
    size_ += n;
    return true;
  }
  /// Copies all elements to dst in memory 0.
  void copy_out(T *dst) const {
    wasm_memcpy(0, dst, K, data_, size_ * sizeof(T));
  }
  /// Removes element i, shifting the tail down (memory.copy).
  void erase(size_type i) {
    wasm_memcpy(K, data_ + i, K, data_ + i + 1, (size_ - i - 1) * sizeof(T));
    --size_;
  }
  /// Inserts v before element i.
  bool insert(size_type i, const T &v) {
    if (size_ == cap_ && !grow_to(size_ + 1))
      return false;
    wasm_memcpy(K, data_ + i + 1, K, data_ + i, (size_ - i) * sizeof(T));
    store<T, K>(data_ + i, v);
    ++size_;
    return true;
  }
  void shrink_to_fit() {
    if (!size_) {
      heap<K>::deallocate((void __wasm_mem(K) *)data_);
      data_ = nullptr;
      cap_ = 0;
    } else if (alignof(T) <= WMC_HEAP_ALIGN) {
      data_ = (pointer)heap<K>::reallocate((void __wasm_mem(K) *)data_,
                                           size_ * sizeof(T));
      cap_ = size_;
    }
  }
};

// ---- cross-memory helpers ---------------------------------------------------
// Pointer arguments may point into any memory (memory 0, 1..31, and for
// sources the read-only memory); the memory comes from the pointee type.

template <class P> inline constexpr int memory_of_ptr_v =
    wasm::memory_of_v<std::remove_pointer_t<P>>;

/// Length of the NUL-terminated string s (any memory).
template <class C> inline std::size_t strlen(C *s) {
  std::size_t n = 0;
  while (s[n])
    ++n;
  return n;
}
/// Compares NUL-terminated strings in any two memories.
template <class A, class B> inline int strcmp(A *a, B *b) {
  for (;; ++a, ++b) {
    unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
    if (x != y)
      return x < y ? -1 : 1;
    if (!x)
      return 0;
  }
}
/// Compares n bytes in any two memories (word-at-a-time through memory 0).
template <class A, class B> inline int memcmp(A *a, B *b, std::size_t n) {
  constexpr int KA = wasm::memory_of_v<A>, KB = wasm::memory_of_v<B>;
  unsigned ua = __WMC_ADDR(a), ub = __WMC_ADDR(b);
  while (n >= 4) {
    unsigned u, v;
    wasm_memcpy(0, &u, KA, ua, 4);
    wasm_memcpy(0, &v, KB, ub, 4);
    if (u != v)
      break;
    ua += 4, ub += 4, n -= 4;
  }
  for (; n; --n, ++ua, ++ub) {
    unsigned char u, v;
    wasm_memcpy(0, &u, KA, ua, 1);
    wasm_memcpy(0, &v, KB, ub, 1);
    if (u != v)
      return u < v ? -1 : 1;
  }
  return 0;
}
/// First byte c in [s, s+n), or nullptr.
template <class C> inline C *memchr(C *s, int c, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if ((unsigned char)s[i] == (unsigned char)c)
      return s + i;
  return nullptr;
}
/// strncpy between any two memories: the string part is one memory.copy,
/// the padding one memory.fill.
template <class D, class S> inline D *strncpy(D *dst, S *src, std::size_t n) {
  std::size_t len = 0;
  while (len < n && src[len])
    ++len;
  wasm::memcpy(dst, src, len);
  if (len < n)
    wasm::memset(dst + len, 0, n - len);
  return dst;
}
/// Copies n elements between any two memories (memmove semantics).
template <class D, class S> inline void copy(D *dst, S *src, std::size_t n) {
  static_assert(sizeof(D) == sizeof(S), "wmc::copy: element sizes differ");
  wasm::memcpy(dst, src, n * sizeof(D));
}
/// Sets n elements' bytes to byte (memory.fill).
template <class D> inline void fill_bytes(D *dst, int byte, std::size_t n) {
  wasm::memset(dst, byte, n * sizeof(D));
}
/// Copies n Ts from memory 0 into memory K.
template <int K, class T>
inline void copy_in(mem_t<K, T> *dst, const T *src, std::size_t n) {
  wasm_memcpy(K, dst, 0, src, n * sizeof(T));
}
/// Copies n Ts from memory K into memory 0.
template <int K, class T>
inline void copy_out(T *dst, const mem_t<K, T> *src, std::size_t n) {
  wasm_memcpy(0, dst, K, src, n * sizeof(T));
}

/// The "bring a buffer in, work on it, hand it back" pattern: a heap block
/// in memory K holding a copy of n Ts from memory 0, copied back by
/// hand_back() (and freed by the destructor).
template <class T, int K> class staged {
  T *origin_;
  span<T, K> s_;

public:
  staged(T *origin, std::size_t n)
      : origin_(origin),
        s_((mem_t<K, T> *)heap<K>::allocate(n * sizeof(T)), n) {
    if (s_.data())
      s_.copy_in(origin);
  }
  staged(const staged &) = delete;
  staged &operator=(const staged &) = delete;
  ~staged() { heap<K>::deallocate((void __wasm_mem(K) *)s_.data()); }
  explicit operator bool() const { return s_.data() != nullptr; }
  span<T, K> get() const { return s_; }
  /// Copies the (modified) elements back to the origin in memory 0.
  void hand_back() const { s_.copy_out(origin_); }
};

/// A string view over the read-only memory.
class ro_string_view {
  const char __wasm_ro *p_ = nullptr;
  std::size_t n_ = 0;

public:
  using iterator = wmc::iterator<const char, (int)WASM_MEMORY_RO>;
  static constexpr std::size_t npos = ~std::size_t(0);
  ro_string_view() = default;
  ro_string_view(const char __wasm_ro *p, std::size_t n) : p_(p), n_(n) {}
  /// From a NUL-terminated read-only string.
  ro_string_view(const char __wasm_ro *p) : p_(p), n_(wmc::strlen(p)) {}
  const char __wasm_ro *data() const { return p_; }
  std::size_t size() const { return n_; }
  bool empty() const { return !n_; }
  char operator[](std::size_t i) const { return p_[i]; }
  iterator begin() const { return iterator(p_); }
  iterator end() const { return iterator(p_ + n_); }
  ro_string_view substr(std::size_t pos, std::size_t n = npos) const {
    if (pos > n_)
      pos = n_;
    return ro_string_view(p_ + pos, n > n_ - pos ? n_ - pos : n);
  }
  std::size_t find(char c, std::size_t from = 0) const {
    for (std::size_t i = from; i < n_; ++i)
      if (p_[i] == c)
        return i;
    return npos;
  }
  bool starts_with(std::string_view s) const {
    return s.size() <= n_ && !wmc::memcmp(p_, s.data(), s.size());
  }
  /// Three-way comparison with a memory-0 string.
  int compare(std::string_view s) const {
    std::size_t m = n_ < s.size() ? n_ : s.size();
    int c = wmc::memcmp(p_, s.data(), m);
    return c ? c : n_ < s.size() ? -1 : n_ > s.size() ? 1 : 0;
  }
  friend bool operator==(const ro_string_view &a, std::string_view b) {
    return a.compare(b) == 0;
  }
  /// Copies the characters to dst in memory 0 (one memory.copy).
  void copy_out(char *dst) const {
    wasm_memcpy(0, dst, WASM_MEMORY_RO, p_, n_);
  }
};

} // namespace wmc

#endif // WASM_MEMCTL_HPP
