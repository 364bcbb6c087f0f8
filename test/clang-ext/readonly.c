// Objects in the read-only memory should be const and initialised; writes
// to them trap at run time and are rejected when visible.
// RUN: %clang -fsyntax-only -Xclang -verify --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

static const int __wasm_ro table[4] = {1, 2, 3, 4}; // fine
const char __wasm_ro greeting[] = "hello";          // fine
extern const int __wasm_ro elsewhere[4];            // a declaration: fine
static int __wasm_ro mutable_table[2] = {1, 2};     // expected-warning {{variable 'mutable_table' in the read-only memory is not const; any write to it traps at run time}}
static const int __wasm_ro zeros[8];                // expected-warning {{variable 'zeros' in the read-only memory has no initializer; it reads as zero forever}}

int use(const int __wasm_ro *p) {
  mutable_table[0] = 5;  // expected-error {{write to an object in the read-only memory; it traps at run time}}
  mutable_table[1]++;    // expected-error {{write to an object in the read-only memory}}
  mutable_table[1] += 2; // expected-error {{write to an object in the read-only memory}}
  int __wasm_ro *writable = (int __wasm_ro *)0x100;
  *writable = 1;         // expected-error {{write to an object in the read-only memory}}
  return p[1] + table[2] + greeting[0] + zeros[1] + elsewhere[0];
}
