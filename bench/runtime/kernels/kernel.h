// Each kernel defines `unsigned long long bench(void)`: deterministic work
// with a checksum, no libc (so the same source builds for wasm32 without
// WASI for wabt's wasm-interp).
//
// Placement: kernels spell their tables and arrays with the macros below.
// Built with -DBENCH_PLACE (by wmc-cc, which supplies <wasm/memctl.h>),
// MEM(k) puts an object in wasm memory k (`__wasm_mem(k)`) and RO in the
// read-only memory (`__wasm_ro`); otherwise both expand to nothing and the
// kernel is plain C with everything in memory 0 (native, plain clang).
//
// Size: -DBENCH_QUICK selects tiny problem sizes (smoke tests); the
// checksums differ from the full-size ones but still agree across builds.
#ifndef BENCH_KERNEL_H
#define BENCH_KERNEL_H
#ifdef BENCH_PLACE
#include <wasm/memctl.h>
#define MEM(k) __wasm_mem(k)
#define RO __wasm_ro
#else
#define MEM(k)
#define RO
#endif
#ifdef BENCH_QUICK
#define BENCH_SIZE(full, quick) (quick)
#else
#define BENCH_SIZE(full, quick) (full)
#endif
unsigned long long bench(void);
#endif
