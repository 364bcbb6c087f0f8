// A plugin error stops compilation like any Clang error: no object file.
// RUN: rm -f %t.o
// RUN: not %clang -c --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s -o %t.o 2>&1 | FileCheck %s
// RUN: not test -e %t.o
// The same for a rephrased Clang error, reported after parsing.
// RUN: not %clang -S -emit-llvm --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include -DAUTOMATIC %s -o %t.ll 2>&1 | FileCheck %s --check-prefix=AUTO
// RUN: not test -e %t.ll
// AUTO: error: automatic variable 'x' cannot live in memory 1
// Without the plugin the front end accepts the same code silently and passes
// the memory-1 address to printf, which would read memory 0 at run time: the
// reason the plugin exists.
// RUN: %clang -S -emit-llvm --target=wasm32-wasi -Wno-deprecated -isystem %wmc-include %s -o - | FileCheck %s --check-prefix=SILENT
// SILENT: call {{.*}}@printf(ptr noundef @.str, ptr addrspace(101) noundef @key)
// CHECK: error: a pointer into memory 1 passed as a variadic argument to 'printf'
// CHECK: 1 error generated.
#include <stdio.h>
#include <wasm/memctl.h>

static char __wasm_mem(1) key[16];
#ifndef AUTOMATIC
void show(void) { printf("%s\n", key); }
#else
int local(void) { int __wasm_mem(1) x = 1; return x; }
#endif
