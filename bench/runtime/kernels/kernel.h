// Each kernel defines `unsigned long long bench(void)`: deterministic work
// with a checksum, no libc (so the same source builds for wasm32 without
// WASI for wabt's wasm-interp).
#ifndef BENCH_KERNEL_H
#define BENCH_KERNEL_H
unsigned long long bench(void);
#endif
