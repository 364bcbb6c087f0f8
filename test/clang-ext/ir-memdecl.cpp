// In C++ the declaration symbols stay unmangled (asm label), also inside a
// namespace, so llvm-pass finds them by the __wmc_memdecl prefix.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -std=c++20 -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O0 -o - %s | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -std=c++20 -fplugin=%clang-plugin -isystem %wmc-include -S -emit-llvm -O2 -o - %s | FileCheck %s
#include <wasm/memctl.h>

// CHECK-DAG: @__wmc_memdecl_0 = internal constant %struct.__wmc_memory_decl { i32 1, i32 1, i32 4, i32 0, ptr
WASM_MEMORY(1, "secrets", 1, 4, 0);
namespace app {
// CHECK-DAG: @__wmc_memdecl_1 = internal constant %struct.__wmc_memory_decl { i32 3, i32 1, i32 2, i32 4, ptr
WASM_MEMORY(3, "exported", 1, 2, WASM_MEMORY_EXPORT);
}
// CHECK-DAG: @llvm.used = appending global [2 x ptr] [ptr @__wmc_memdecl_0, ptr @__wmc_memdecl_1]
// CHECK-NOT: _Z{{.*}}__wmc_memdecl
