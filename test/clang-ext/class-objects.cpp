// C++ class objects in a memory: aggregates with a constant brace
// initializer work; constructors and member functions (whose 'this' is a
// default-memory pointer) do not — Clang's errors explain why in memory terms.
// RUN: %clang -fsyntax-only -Xclang -verify -std=c++20 --target=wasm32-wasi -Wno-deprecated -fplugin=%clang-plugin -isystem %wmc-include %s
#include <wasm/memctl.h>

WASM_MEMORY(1, "secrets", 1, 4, 0);

struct Counter { // expected-note {{candidate constructor ignored: cannot be used to construct an object in memory 1 ('secrets')}} expected-note 2 {{candidate constructor (the implicit}}
  int n;
  void inc() { ++n; }
  void inc_in_memory() __wasm_mem(1) { ++n; } // expected-error {{a function cannot be placed in a memory (code is not in linear memory): to work on an object in a non-default memory, use a free function taking a pointer into that memory}}
};

static Counter __wasm_mem(1) ok = {};     // constant brace initializer: fine
static Counter __wasm_mem(1) five = {5};
static Counter __wasm_mem(1) bad;         // expected-error {{no matching constructor for initialization of '__wasm_mem(1) Counter' (constructors cannot run on an object in a non-default memory: give it a constant brace initializer such as '= {}')}}

void inc(Counter __wasm_mem(1) *c) { ++c->n; } // a free function: fine

int use() {
  inc(&ok);
  five.n += 2;                            // member access: fine
  ok.inc();                               // expected-error {{cannot initialize object parameter of type 'Counter' with an expression of type '__wasm_mem(1) Counter' (member functions take 'this' in the default memory: use a free function taking a pointer into the object's memory)}}
  return ok.n + five.n;
}
