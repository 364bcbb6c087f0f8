;; Declarations the runtime could not honour are rejected at finalize time
;; (docs/memory-control.md section 1): initialized static data in a mappable
;; memory (its pages start unmapped) and a memory both read-only and
;; mappable. A null guard of memory 0 larger than wasm-ld's memory raises its
;; initial size (the guard must lie inside it).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --check-prefix=MAPPED --implicit-check-not=wmc-opt
;; RUN: %wat2wasm --debug-names %s -o %t.both.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.both.wasm --raw wmc.memories 010103666f6f0101030000
;; RUN: not %wmc-opt %t.both.wasm --finalize 2>&1 | FileCheck %s --check-prefix=BOTH --implicit-check-not=wmc-opt
;; RUN: %wat2wasm --debug-names %s -o %t.guard.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.guard.wasm --raw wmc.memories 0100046d61696e01ffffffff0f0080800800
;; RUN: %wmc-opt %t.guard.wasm --finalize -S | FileCheck %s --check-prefix=GUARD

;; WMC-DECL: 1 files 1 16 MAPPABLE 0 map.c:5

;; MAPPED: wmc-opt: error: data segment ".wmc.m1.buf" has initialized data for memory 1, which is mappable (declared at map.c:5): its pages start unmapped, so only zero-initialized objects may live there
;; BOTH: wmc-opt: error: malformed 'wmc.memories' section: a memory cannot be both read-only and mappable in the declaration of memory 1 at <unknown>
;; A 131072-byte guard needs 2 pages.
;; GUARD: (memory $0 2)
(module
  (import "wmc:m1" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  (data $.wmc.m1.buf (i32.const 1024) "data")
  (func (export "f") (result i32) (call $load (i32.const 1024))))
