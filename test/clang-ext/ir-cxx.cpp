// IR shape of the C++ surface: templates over a memory index (qualifier and
// wasm::in_memory forms), references into memory k, member functions of
// objects holding memory-k pointers, lambdas capturing memory-k pointers by
// value, and the typed intrinsics (memory taken from the pointer type).
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -std=c++20 -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O0 -o - %s | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -std=c++20 -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O2 -o - %s | FileCheck %s --check-prefix=OPT
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);
WASM_MEMORY(2, "cache", 1, 4, 0);

char __wasm_mem(1) key[32];
int __wasm_mem(2) slots[8];
char plain[32];
const int __wasm_ro table[4] = {1, 2, 3, 4};

// Template over the memory index with the qualifier form (K >= 1).
template <int K> int sum(const int __wasm_mem(K) *p, int n) {
  int s = 0;
  for (int i = 0; i < n; ++i)
    s += p[i];
  return s + (int)wasm_memory_size(K);
}

// wasm::in_memory<K, T> also works for K == 0.
template <int K> char first(wasm::in_memory<K, char> *p) { return *p; }

// A template deducing the pointee type (memory included).
template <class T> void bump(T *p) { ++*p; }

// References into memory k.
void set_first(char __wasm_mem(1) &r, char v) { r = v; }

// Member functions of an object (in memory 0) holding a memory-k pointer.
struct Cursor {
  char __wasm_mem(1) *at;
  char next() { return *at++; }
  void put(char c) __attribute__((noinline)) { *at = c; }
};

// A static member object living in memory 2.
struct Stats {
  static int __wasm_mem(2) hits;
  static void hit() { ++hits; }
};
int __wasm_mem(2) Stats::hits;

int use(int i) {
  Cursor c{key};
  c.put('a');
  bump(&slots[1]);
  set_first(key[0], 'z');
  Stats::hit();
  // A lambda capturing a memory-k pointer by value: the closure (memory 0)
  // holds a ptr addrspace(102) field.
  int __wasm_mem(2) *s = slots;
  auto at = [s](int j) { return s[j]; };
  return sum<2>(slots, 8) + first<1>(key) + first<0>(plain) + c.next() + at(i) + table[i & 3];
}

// Typed intrinsics: the memory index comes from the pointer type.
void typed() {
  wasm::protect(key, sizeof key, WASM_PROT_READ);
  wasm::memcpy(plain, table, 16);
  wasm::memset(slots, 0, sizeof slots);
  (void)wasm::memory_grow<2>(1);
}

// At -O2 everything is inlined and the index operands are constants.

// Functions appear in this order in the -O0 output.
// CHECK-DAG: @_ZN5Stats4hitsE = hidden addrspace(102) global i32 0
// CHECK-DAG: @_ZL5table = internal addrspace(99) constant [4 x i32] [i32 1, i32 2, i32 3, i32 4]
// CHECK-DAG: @__const._Z3usei.c = private unnamed_addr constant %struct.Cursor { ptr addrspace(101) @key }

// References into memory k are ptr addrspace(101) (not nonnull: address 0 is valid there).
// CHECK-LABEL: define hidden void @_Z9set_firstRU5AS101cc(ptr addrspace(101) noundef align 1 dereferenceable(1) %{{.*}}, i8
// CHECK: store i8 %{{.*}}, ptr addrspace(101)

// The lambda's closure (a default-memory object) holds the captured pointer.
// CHECK-LABEL: define hidden noundef i32 @_Z3usei(
// CHECK: alloca %class.anon
// CHECK: call void @_Z4bumpIU5AS102iEvPT_(ptr addrspace(102) noundef getelementptr inbounds ([8 x i32], ptr addrspace(102) @slots, i32 0, i32 1))
// CHECK: call void @_Z9set_firstRU5AS101cc(ptr addrspace(101) noundef align 1 dereferenceable(1) @key, i8 noundef signext 122)
// CHECK: [[CAP:%.*]] = getelementptr inbounds nuw %class.anon, ptr %{{.*}}, i32 0, i32 0
// CHECK: store ptr addrspace(102) %{{.*}}, ptr [[CAP]]
// CHECK: call noundef i32 @_Z3sumILi2EE{{.*}}(ptr addrspace(102) noundef @slots, i32 noundef 8)
// CHECK: call noundef signext i8 @_Z5firstILi1EE{{.*}}(ptr addrspace(101) noundef @key)
// CHECK: call noundef signext i8 @_Z5firstILi0EE{{.*}}(ptr noundef @plain)
// CHECK: load i32, ptr addrspace(99)

// CHECK-LABEL: define linkonce_odr hidden void @_ZN6Cursor3putEc(ptr noundef nonnull align 4 dereferenceable(4) %{{.*}}, i8
// CHECK: [[AT:%.*]] = load ptr addrspace(101), ptr %
// CHECK: store i8 %{{.*}}, ptr addrspace(101) [[AT]]

// CHECK-LABEL: define linkonce_odr hidden void @_Z4bumpIU5AS102iEvPT_(ptr addrspace(102) noundef %{{.*}})
// CHECK: load i32, ptr addrspace(102)
// CHECK: store i32 %{{.*}}, ptr addrspace(102)

// CHECK-LABEL: define linkonce_odr hidden void @_ZN5Stats3hitEv()
// CHECK: load i32, ptr addrspace(102) @_ZN5Stats4hitsE

// CHECK-LABEL: define linkonce_odr hidden noundef i32 @_Z3sumILi2EE{{.*}}(ptr addrspace(102) noundef %{{.*}}, i32 noundef %{{.*}})
// CHECK: load i32, ptr addrspace(102)
// CHECK: call i32 @__wmc_intrinsic_memory_size(i32 noundef 2)

// wasm::in_memory<K, T>: memory 1 for K = 1, plain memory 0 for K = 0.
// CHECK-LABEL: define linkonce_odr hidden noundef signext i8 @_Z5firstILi1EE{{.*}}(ptr addrspace(101) noundef %{{.*}})
// CHECK: load i8, ptr addrspace(101)
// CHECK-LABEL: define linkonce_odr hidden noundef signext i8 @_Z5firstILi0EE{{.*}}(ptr noundef %{{.*}})
// CHECK: load i8, ptr %

// CHECK-LABEL: define linkonce_odr hidden noundef signext i8 @_ZN6Cursor4nextEv(
// CHECK: getelementptr inbounds{{( nuw)?}} i8, ptr addrspace(101)
// CHECK: load i8, ptr addrspace(101)

// CHECK-LABEL: define internal noundef i32 @"_ZZ3useiENK3$_0clEi"(ptr noundef nonnull align 4 dereferenceable(4) %{{.*}}, i32
// CHECK: load ptr addrspace(102), ptr %
// CHECK: load i32, ptr addrspace(102)

// Typed intrinsics are always_inline: constant indices even at -O0.
// CHECK-LABEL: define hidden void @_Z5typedv()
// CHECK: call void @__wmc_intrinsic_protect(i32 noundef 1, i32 noundef %{{.*}}, i32 noundef %{{.*}}, i32 noundef %{{.*}})
// CHECK: call void @__wmc_intrinsic_memcpy(i32 noundef 0, i32 noundef %{{.*}}, i32 noundef 65535, i32 noundef %{{.*}}, i32 noundef %{{.*}})
// CHECK: call void @__wmc_intrinsic_memset(i32 noundef 2, i32 noundef %{{.*}}, i32 noundef %{{.*}}, i32 noundef %{{.*}})
// CHECK: call noundef i32 @_ZN4wasm11memory_growILi2EEEij(i32 noundef 1)
// CHECK-LABEL: define linkonce_odr hidden noundef i32 @_ZN4wasm11memory_growILi2EEEij(
// CHECK: call i32 @__wmc_intrinsic_memory_grow(i32 noundef 2, i32 noundef %{{.*}})

// At -O2 the addresses fold to constants too.
// OPT-LABEL: define hidden void @_Z5typedv()
// OPT: call void @__wmc_intrinsic_protect(i32 noundef 1, i32 noundef ptrtoint (ptr addrspace(101) @key to i32), i32 noundef 32, i32 noundef 1)
// OPT: call void @__wmc_intrinsic_memcpy(i32 noundef 0, i32 noundef ptrtoint (ptr @plain to i32), i32 noundef 65535, i32 noundef ptrtoint (ptr addrspace(99) @_ZL5table to i32), i32 noundef 16)
// OPT: call void @__wmc_intrinsic_memset(i32 noundef 2, i32 noundef ptrtoint (ptr addrspace(102) @slots to i32), i32 noundef 0, i32 noundef 32)
// OPT: call {{.*}}i32 @__wmc_intrinsic_memory_grow(i32 noundef 2, i32 noundef 1)
