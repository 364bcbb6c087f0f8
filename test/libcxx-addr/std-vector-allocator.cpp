// Answers "does std::vector<T, wmc::allocator<T, K>> work with libc++ 22?":
// no. libc++'s vector assumes allocator_traits::pointer converts to T*
// (data(), __to_address), binds value_type& to elements and constructs
// them with placement new on void*; all of these need a default-memory
// pointer. wmc::vector<T, K> is the supported container
// (docs/library.md). This test pins the diagnosis so a future libc++ or
// toolchain change that makes it work is noticed.
// RUN: not %wmc-c++ -std=c++20 -fno-exceptions -fsyntax-only %s 2>&1 | FileCheck %s
// CHECK-DAG: error: cannot initialize return object of type {{.*}}value_type *{{.*}} with an rvalue of type '__wasm_mem(1) int *'
// CHECK-DAG: error: no matching function for call to '__construct_at'
#include <vector>
#include <wasm/memctl.hpp>

int main() {
  std::vector<int, wmc::allocator<int, 1>> v;
  v.push_back(1);
  return v[0];
}
