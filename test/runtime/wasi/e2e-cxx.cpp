// A real C++ program (clang-22, libc++ for wasm32-wasi) on wmc_wasi through
// wasm2c: static constructors, iostream on stdin/stdout/stderr, containers,
// C stdio files under the preopen and the exit status. node 26 must print
// exactly the same. (Debian's wasm32 libc++ has no <fstream>/<filesystem>.)
// REQUIRES: wasm2c-host
// RUN: %clang --driver-mode=g++ --target=wasm32-wasi -O1 -fno-exceptions %s -o %t.wasm
// RUN: %w2c-build %t.wasm %t.exe
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir && printf 'pear\napple\nfig\n' | %t.exe --dir . -- prog x > %t.out 2> %t.err; echo "exit $?" >> %t.out
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=ERR %s < %t.err
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir && printf 'pear\napple\nfig\n' | %run-node %t.wasm x > %t.node 2>/dev/null; echo "exit $?" >> %t.node
// RUN: diff %t.out %t.node
// CHECK: static init ran
// CHECK-NEXT: argc 2 argv[1] x
// CHECK-NEXT: sorted: apple fig pear
// CHECK-NEXT: file: apple,fig,pear
// CHECK-NEXT: exit 5
// ERR: warning on cerr
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

struct Init {
  Init() { std::puts("static init ran"); }
} TheInit;

int main(int argc, char **argv) {
  std::cout << "argc " << argc << " argv[1] " << argv[1] << std::endl;
  std::vector<std::string> Words;
  for (std::string W; std::getline(std::cin, W);)
    Words.push_back(W);
  std::sort(Words.begin(), Words.end());
  std::cout << "sorted:";
  for (const auto &W : Words)
    std::cout << ' ' << W;
  std::cout << '\n';
  FILE *F = std::fopen("words.txt", "w");
  for (size_t I = 0; I < Words.size(); ++I)
    std::fprintf(F, "%s%s", I ? "," : "", Words[I].c_str());
  std::fclose(F);
  char Buf[64] = {};
  F = std::fopen("words.txt", "r");
  std::fgets(Buf, sizeof Buf, F);
  std::fclose(F);
  std::cout << "file: " << Buf << std::endl;
  std::cerr << "warning on cerr" << std::endl;
  return 5;
}
