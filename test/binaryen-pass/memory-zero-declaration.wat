;; A declaration of memory 0 may raise wasm-ld's minimum and give it a null
;; guard (a protections entry for index 0); memory 0 cannot be read-only.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize -o %t.out.wasm
;; RUN: wasm-objdump -s -j wmc.protections %t.out.wasm | FileCheck %s --check-prefix=PROT
;; RUN: %wat2wasm --debug-names %s -o %t.ro.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.ro.wasm --raw wmc.memories 0100046d61696e0101010000
;; RUN: not %wmc-opt %t.ro.wasm --finalize 2>&1 | FileCheck %s --check-prefix=RO --implicit-check-not=wmc-opt

;; WMC-DECL: 0 main 3 none 0 4096 main.c:2

;; CHECK: (memory $0 3)
;; version 1, 1 entry: {memory 0, flags 0, guard 4096}
;; PROT: {{[0-9a-f]+}}: 0101 0000 8020
;; RO: wmc-opt: error: memory 0 cannot be read-only (declared at )
(module
  (memory (export "memory") 1)
  (data $.data (i32.const 4096) "x")
  (func (export "_start")))
