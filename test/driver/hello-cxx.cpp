// A C++ hello world (iostream, std::vector, std::string) built with wmc-c++
// runs in node 26 and exits 0.
// RUN: %wmc-c++ -O2 -std=c++20 %s -o %t.wasm
// RUN: %run-node %t.wasm | FileCheck %s
// CHECK: words=3 joined=alpha-beta-gamma
// CHECK-NEXT: sorted: alpha beta gamma
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::vector<std::string> words{"gamma", "alpha", "beta"};
  std::string joined;
  std::vector<std::string> sorted = words;
  std::sort(sorted.begin(), sorted.end());
  for (const auto &w : sorted)
    joined += (joined.empty() ? "" : "-") + w;
  std::cout << "words=" << words.size() << " joined=" << joined << "\n";
  std::cout << "sorted:";
  for (const auto &w : sorted)
    std::cout << ' ' << w;
  std::cout << std::endl;
  return 0;
}
