/* <wasm/memctl.h> - the wasm-memctl language surface (see docs/language.md).
 * Usable from C17 and C++20. */
#ifndef WASM_MEMCTL_H
#define WASM_MEMCTL_H
#endif
