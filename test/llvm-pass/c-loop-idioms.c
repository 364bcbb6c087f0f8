// Loops the optimizer turns into llvm.memset/llvm.memcpy on memory-1 data
// (loop idiom recognition) come out as memory.fill / memory.copy markers.
// (LLVM does not know that memories never alias, hence the restrict.)
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -S -emit-llvm %s -o - | FileCheck %s
#define M1 __attribute__((address_space(101)))
char M1 text[64];
int M1 nums[100];

// CHECK-LABEL: define {{.*}}void @zero(
// CHECK: call void @__wmc_wmc_m1_memory_fill(i32 ptrtoint (ptr @nums to i32), i32 0, i32 400)
void zero(void) {
  for (int i = 0; i < 100; i++)
    nums[i] = 0;
}

// CHECK-LABEL: define {{.*}}void @copy_out(
// CHECK: call void @__wmc_wmc_m0_memory_copy_m1(i32 %{{.*}}, i32 ptrtoint (ptr @text to i32), i32 64)
void copy_out(char *restrict dst) {
  for (int i = 0; i < 64; i++)
    dst[i] = text[i];
}

// CHECK-LABEL: define {{.*}}void @copy_in(
// CHECK: call void @__wmc_wmc_m1_memory_copy_m0(i32 ptrtoint (ptr @text to i32), i32 %{{.*}}, i32 64)
void copy_in(const char *restrict src) {
  for (int i = 0; i < 64; i++)
    text[i] = src[i];
}
// CHECK-NOT: addrspace(101) {{.*}}load
