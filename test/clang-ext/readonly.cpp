// C++: a read-only object needs constant initialization (a dynamic
// initializer would write to read-only memory before main).
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

int compute();
struct Point { int x, y; };
constexpr int twice(int v) { return 2 * v; }

static const int __wasm_ro ok[2] = {twice(1), 4};
static const Point __wasm_ro origin = {0, 0};
static const int __wasm_ro dynamic = compute(); // expected-error {{variable 'dynamic' in the read-only memory needs a constant initializer: dynamic initialization would write to read-only memory}}
static wasm::in_ro<int> alias = 3;             // wasm::in_ro<T> is const T __wasm_ro

int use() { return ok[0] + origin.x + dynamic + alias; }
