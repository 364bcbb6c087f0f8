// C++20 library over memory 2 at -O0..-O3 on wmc-run and node 26:
// wmc::vector with classic <algorithm>/<numeric> (sort, find, copy,
// accumulate, reverse, lower_bound), wmc::span, wmc::allocator,
// wmc::staged (copy in / work / hand back), ro_string_view over read-only
// memory, cross-memory string helpers, and struct elements.
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O0 %s -o %t.O0.wasm
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O1 %s -o %t.O1.wasm
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O2 %s -o %t.O2.wasm
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -O3 %s -o %t.O3.wasm
// RUN: %wmc-c++ -std=c++20 -fno-exceptions -Os %s -o %t.Os.wasm
// RUN: %if wmc-run %{ %wmc-run %t.O0.wasm | FileCheck %s %}
// RUN: %if wmc-run %{ %wmc-run %t.O2.wasm | FileCheck %s %}
// RUN: %if wmc-run %{ %wmc-run %t.Os.wasm | FileCheck %s %}
// RUN: %run-node %t.O0.wasm | FileCheck %s
// RUN: %run-node %t.O1.wasm | FileCheck %s
// RUN: %run-node %t.O2.wasm | FileCheck %s
// RUN: %run-node %t.O3.wasm | FileCheck %s
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <wasm/memctl.hpp>

WASM_MEMORY(2, "data", 1, 256, 0);
static const char __wasm_ro motto[] = "read-only hello";
struct Pt {
  int x, y;
};

int main() {
  // CHECK: vector: size=1000 cap>=1000 sorted=1 sum=499500 find=500 first=0,9 last=999
  wmc::vector<int, 2> v;
  for (int i = 0; i < 1000; ++i)
    v.push_back((i * 7919) % 1000);
  std::sort(v.begin(), v.end());
  long sum = std::accumulate(v.begin(), v.end(), 0L);
  auto it = std::find(v.begin(), v.end(), 500);
  int out[10];
  std::copy(v.begin(), v.begin() + 10, out);
  std::printf("vector: size=%zu cap>=1000 sorted=%d sum=%ld find=%d first=%d,%d "
              "last=%d\n",
              v.size(), std::is_sorted(v.begin(), v.end()), sum,
              (int)(it - v.begin()), out[0], out[9], (int)v.back());

  // CHECK-NEXT: algorithms: lb=250 rev=996 copied-in=7 count=2
  auto lb = std::lower_bound(v.begin(), v.end(), 250);
  std::reverse(v.begin(), v.end());
  int src[3] = {7, 8, 9};
  std::copy(src, src + 3, v.begin());
  std::printf("algorithms: lb=%d rev=%d copied-in=%d count=%d\n",
              (int)(lb - v.begin()), (int)v[3], (int)v.front(),
              (int)std::count(v.begin(), v.end(), 8));

  // CHECK-NEXT: edit: 5 1 2 4 size=4
  wmc::vector<int, 2> e = {1, 2, 4};
  e.insert(2, 3);
  e.insert(0, 5);
  e.erase(4);
  e.push_back(4);
  e.erase(3);
  std::printf("edit:");
  for (int x : e)
    std::printf(" %d", x);
  std::printf(" size=%zu\n", e.size());

  // CHECK-NEXT: structs: 3,4 1,2 n=2
  wmc::vector<Pt, 2> pts;
  pts.push_back({1, 2});
  pts.emplace_back(3, 4);
  swap(pts[0], pts[1]); // ADL: wmc::ref proxies swap their values
  Pt a = pts[0], b = pts.get(1);
  std::printf("structs: %d,%d %d,%d n=%zu\n", a.x, a.y, b.x, b.y, pts.size());

  // CHECK-NEXT: span: 10 20 30 sub=20 sum=60
  wmc::allocator<short, 2> al;
  short __wasm_mem(2) *raw = al.allocate(3);
  wmc::span<short, 2> sp(raw, 3);
  short init[3] = {30, 10, 20};
  sp.copy_in(init);
  std::sort(sp.begin(), sp.end());
  std::printf("span: %d %d %d sub=%d sum=%d\n", (int)sp[0], (int)sp[1],
              (int)sp[2], (int)sp.subspan(1)[0],
              std::accumulate(sp.begin(), sp.end(), 0));
  al.deallocate(raw, 3);

  // CHECK-NEXT: staged: 1 4 9 16
  int buf[4] = {1, 2, 3, 4};
  {
    wmc::staged<int, 2> st(buf, 4);
    for (auto r : st.get())
      r = r * r;
    st.hand_back();
  }
  std::printf("staged: %d %d %d %d\n", buf[0], buf[1], buf[2], buf[3]);

  // CHECK-NEXT: ro: len=15 find=10 eq=1 starts=1 sub=[hello]
  wmc::ro_string_view sv(motto);
  char tmp[16] = {0};
  sv.substr(10).copy_out(tmp);
  std::printf("ro: len=%zu find=%zu eq=%d starts=%d sub=[%s]\n", sv.size(),
              sv.find('h'), sv == "read-only hello", sv.starts_with("read"),
              tmp);

  // CHECK-NEXT: strings: len=3 cmp=-1 memcmp=0 chr=2
  auto s = (char __wasm_mem(2) *)wmc::heap<2>::allocate(32);
  wmc::strncpy(s, "abc", 8);
  std::printf("strings: len=%zu cmp=%d memcmp=%d chr=%d\n", wmc::strlen(s),
              wmc::strcmp(s, "abd"), wmc::memcmp(s, motto + 15, 0),
              (int)(wmc::memchr(s, 'c', 3) - s));
  wmc::heap<2>::deallocate(s);

  // CHECK-NEXT: heap: ok=1
  const char *why = "";
  std::printf("heap: ok=%d\n", wmc::heap<2>::check(&why) >= 0);
  return 0;
}
