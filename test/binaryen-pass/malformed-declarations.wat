;; A truncated or otherwise malformed wmc.memories section is one clear error
;; with the byte offset; unknown versions and flags are rejected too.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: not %wmc-opt %t.wasm --finalize 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; RUN: %wat2wasm --debug-names %s -o %t2.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t2.wasm --raw wmc.memories 020100
;; RUN: not %wmc-opt %t2.wasm --finalize 2>&1 | FileCheck %s --check-prefix=VERSION --implicit-check-not=wmc-opt
;; RUN: %wat2wasm --debug-names %s -o %t3.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t3.wasm --raw wmc.memories 010101610101400000
;; RUN: not %wmc-opt %t3.wasm --finalize 2>&1 | FileCheck %s --check-prefix=FLAGS --implicit-check-not=wmc-opt

;; A record cut off in the middle of its name (length 5, 2 bytes present).
;; WMC-SECTION: wmc.memories 01 01 05 68 65

;; CHECK: wmc-opt: error: malformed 'wmc.memories' section: string of 5 bytes runs past the end of the section at byte offset 3
;; VERSION: wmc-opt: error: malformed 'wmc.memories' section: record version 2 is not supported (expected 1) at byte offset 0
;; FLAGS: wmc-opt: error: malformed 'wmc.memories' section: unknown flags 0x40 in the declaration of memory 1 at <unknown>
(module
  (memory (export "memory") 1)
  (func (export "f")))
