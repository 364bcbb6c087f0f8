// A C++ program built with plain clang-22 for wasm32-wasi (libc++: vector,
// map, string, algorithms, iostream) prints the same under wmc-run as under
// node 26, and exits with the same code.
// RUN: %clang --driver-mode=g++ --target=wasm32-wasi -Wno-deprecated -O2 -fno-exceptions %s -o %t.wasm
// RUN: (%wmc-run %t.wasm alpha beta; echo "exit=$?") > %t.wmc
// RUN: (%run-node %t.wasm alpha beta; echo "exit=$?") > %t.node
// RUN: diff %t.wmc %t.node
// RUN: FileCheck %s < %t.wmc
// CHECK: apple=5
// CHECK-NEXT: banana=6
// CHECK-NEXT: fig=3
// CHECK-NEXT: pear=4
// CHECK-NEXT: args: {{.*}} alpha beta
// CHECK-NEXT: fib(25)=75025
// CHECK-NEXT: exit=5
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>
static int fib(int N) { return N < 2 ? N : fib(N - 1) + fib(N - 2); }
int main(int argc, char **argv) {
  std::vector<std::string> Words = {"pear", "apple", "fig", "banana"};
  std::sort(Words.begin(), Words.end());
  std::map<std::string, int> Counts;
  for (auto &W : Words)
    Counts[W] = (int)W.size();
  for (auto &[K, V] : Counts)
    std::cout << K << "=" << V << "\n";
  std::cout << "args:";
  for (int I = 0; I < argc; ++I)
    std::cout << " " << argv[I];
  std::cout << "\nfib(25)=" << fib(25) << std::endl;
  return 5;
}
