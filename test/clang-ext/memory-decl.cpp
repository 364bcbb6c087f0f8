// C++: WASM_MEMORY works at namespace scope and conflicts are found across
// namespaces (the declarations are per translation unit, not per scope).
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

namespace app {
WASM_MEMORY(1, "secrets", 1, 4, 0); // expected-note {{previous WASM_MEMORY declaration of memory 1 is here}}
}
namespace other {
WASM_MEMORY(1, "secrets", 2, 4, 0); // expected-error {{conflicting WASM_MEMORY declarations of memory 1: limits differ}}
}
struct S {
  void f() {
    WASM_MEMORY(2, "x", 1, 1, 0);   // expected-error {{WASM_MEMORY must be used at file or namespace scope}}
  }
};
