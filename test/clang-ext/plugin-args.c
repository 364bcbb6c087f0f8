// Unknown plugin arguments are rejected with the list of known ones.
// RUN: not %clang -fsyntax-only --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -fplugin-arg-wmc-frobnicate %s 2>&1 | FileCheck %s
// CHECK: error: wasm-memctl plugin: unknown argument 'frobnicate' (known: require-declarations)
int x;
