;; A module without declarations or markers passes --finalize unchanged (no
;; protections section); finalizing a finalized module again is an error.
;; RUN: %wmc-opt %s --finalize -S | FileCheck %s --check-prefix=PLAIN
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm --raw wmc.memories 0101036f6e650101000000
;; RUN: %wmc-opt %t.wasm --finalize -o %t.once.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.once.wasm --raw wmc.memories 0101036f6e650101000000
;; RUN: not %wmc-opt %t.once.wasm --finalize 2>&1 | FileCheck %s --check-prefix=TWICE --implicit-check-not=wmc-opt

;; PLAIN:     (memory $0 1)
;; PLAIN-NEXT: (export "memory"
;; PLAIN-NOT: custom section
;; TWICE: wmc-opt: error: expected the single memory of a wasm-ld output, found 2 memories (was the module already finalized?)
(module
  (memory (export "memory") 1)
  (func (export "f") (result i32) (i32.load (i32.const 0))))
