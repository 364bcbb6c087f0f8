// -v prints every command the driver runs: clang with both plugins, then
// wmc-opt --finalize at the requested level.
// RUN: %wmc-cc -v -O2 %s -o %t.wasm 2>&1 | FileCheck %s
// CHECK: clang-22{{.*}} --target=wasm32-wasip1 {{.*}}-fplugin={{.*}}wmc-clang-ext.so{{.*}}-fpass-plugin={{.*}}wmc-llvm-pass.so
// CHECK: wmc-opt {{.*}} --finalize -o {{.*}}.wasm -O2
int main(void) { return 0; }
