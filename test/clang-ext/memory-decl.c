// WASM_MEMORY declarations: identical re-declarations are fine, differing
// ones conflict; index, limits, flags and name are validated.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, WASM_MEMORY_EXPORT);
WASM_MEMORY(1, "secrets", 1, 4, WASM_MEMORY_EXPORT); // identical: fine
WASM_MEMORY(0, "main", 2, WASM_MEMORY_NO_MAX, WASM_MEMORY_NULL_GUARD(4096));
WASM_MEMORY(WASM_MEMORY_RO, "rodata", 1, 16, WASM_MEMORY_READONLY);

WASM_MEMORY(2, "cache", 1, 8, 0);    // expected-note 3 {{previous WASM_MEMORY declaration of memory 2 is here}}
WASM_MEMORY(2, "cache2", 1, 8, 0);   // expected-error {{conflicting WASM_MEMORY declarations of memory 2: name 'cache2' differs from 'cache'}}
WASM_MEMORY(2, "cache", 1, 16, 0);   // expected-error {{conflicting WASM_MEMORY declarations of memory 2: limits differ}}
WASM_MEMORY(2, "cache", 1, 8, WASM_MEMORY_MAPPABLE); // expected-error {{conflicting WASM_MEMORY declarations of memory 2: flags differ}}

WASM_MEMORY(32, "big", 1, 1, 0);     // expected-error {{WASM_MEMORY: memory index 32 is out of range: valid indices are 0 to 31, or WASM_MEMORY_RO for the read-only memory}}
WASM_MEMORY(3, "a", 8, 4, 0);        // expected-error {{WASM_MEMORY: minimum of 8 pages exceeds the maximum of 4 pages}}
WASM_MEMORY(4, "b", 1, 70000, 0);    // expected-error {{WASM_MEMORY: maximum of 70000 pages exceeds the 65536 pages (4 GiB) of a 32-bit memory}}
WASM_MEMORY(5, "c", 1, 2, 0x8);      // expected-error {{WASM_MEMORY: unknown flag bits 0x8}}
WASM_MEMORY(6, "", 1, 2, 0);         // expected-error {{WASM_MEMORY: the memory name must not be empty}}
WASM_MEMORY(7, "secrets", 1, 2, 0);  // expected-error {{WASM_MEMORY: name 'secrets' is already used by memory 1}}
// expected-note@6 {{previous WASM_MEMORY declaration of memory 1 is here}}

void f(void) {
  WASM_MEMORY(8, "local", 1, 2, 0);  // expected-error {{WASM_MEMORY must be used at file or namespace scope}}
}
