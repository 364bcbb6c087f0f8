;; wmc-opt --lower-to-single-memory: all memories become one (Binaryen's
;; unchecked MultiMemoryLowering) with exact bounds checks of our own, so an
;; access past the end of memory k traps instead of reaching memory k+1; the
;; protections section is dropped with a warning (not enforced any more).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize --lower-to-single-memory -o %t.single.wasm 2>&1 | FileCheck %s --check-prefix=WARN
;; RUN: %wasm-validate %t.single.wasm
;; RUN: %wasm2wat %t.single.wasm | FileCheck %s --check-prefix=ONE
;; RUN: %node %S/Inputs/call-export.mjs %t.single.wasm get0:1024 get0:65535 get0:65536 get1:2048 get1:65535 get1:65536 getro:3072 getro:65536 grow1 get1:131071 getro:3072 copy | FileCheck %s --check-prefix=NODE
;; The multi-memory original behaves the same:
;; RUN: %wmc-opt %t.wasm --finalize -o %t.multi.wasm
;; RUN: %node %S/Inputs/call-export.mjs %t.multi.wasm get0:1024 get0:65535 get0:65536 get1:2048 get1:65535 get1:65536 getro:3072 getro:65536 grow1 get1:131071 getro:3072 copy | FileCheck %s --check-prefix=NODE
;; (binaryen-bounds-checks-bug.wat shows why Binaryen's own bounds-checked
;; lowering is not used.)

;; WMC-DECL: 1 heap 1 4 EXPORT 0 a.c:1
;; WMC-DECL: ro rodata 1 1 READONLY|IMPLICIT 0 a.c

;; WARN: wmc-opt: warning: --lower-to-single-memory: export "heap" of a memory other than 0 is removed
;; WARN: wmc-opt: warning: --lower-to-single-memory: protections (read-only memories, null guards, memory bounds of wasm:memctl operations) are NOT enforced in the single-memory output

;; Memory 0 had no maximum, so neither has the combined memory.
;; ONE:     (memory (;0;) 3){{$}}
;; ONE-NOT: (memory (;1;)
;; ONE-NOT: wmc.protections

;; NODE:      get0(1024) = 5
;; NODE-NEXT: get0(65535) = 0
;; NODE-NEXT: get0(65536) trapped
;; NODE-NEXT: get1(2048) = 6
;; NODE-NEXT: get1(65535) = 0
;; NODE-NEXT: get1(65536) trapped
;; NODE-NEXT: getro(3072) = 7
;; NODE-NEXT: getro(65536) trapped
;; NODE-NEXT: grow1() = 1
;; NODE-NEXT: get1(131071) = 0
;; NODE-NEXT: getro(3072) = 7
;; NODE-NEXT: copy() = 7

(module
  (import "wmc:m1" "i32.load8_u" (func $load1 (param i32) (result i32)))
  (import "wmc:m1" "memory.grow" (func $grow1 (param i32) (result i32)))
  (import "wmc:m1" "memory.copy.ro" (func $copy1 (param i32 i32 i32)))
  (import "wmc:ro" "i32.load8_u" (func $loadro (param i32) (result i32)))
  (memory (export "memory") 1)
  (data $.data (i32.const 1024) "\05")
  (data $.wmc.m1 (i32.const 2048) "\06")
  (data $.wmc.ro (i32.const 3072) "\07")
  (func (export "get0") (param $p i32) (result i32) (i32.load8_u (local.get $p)))
  (func (export "get1") (param $p i32) (result i32) (call $load1 (local.get $p)))
  (func (export "getro") (param $p i32) (result i32) (call $loadro (local.get $p)))
  (func (export "grow1") (result i32) (call $grow1 (i32.const 1)))
  ;; Copies rodata[3072] to heap[100], reads it back.
  (func (export "copy") (result i32)
    (call $copy1 (i32.const 100) (i32.const 3072) (i32.const 1))
    (call $load1 (i32.const 100))))
