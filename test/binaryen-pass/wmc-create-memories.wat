;; wmc-create-memories: declarations from several translation units are
;; merged (an implicit record yields to a real one, identical ones agree) and
;; the memories are created with dense indices: a gap becomes `unused<k>`, the
;; read-only memory comes last, WMC_MEMORY_EXPORT exports by name.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --pass wmc-create-memories -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize -o %t.out.wasm
;; RUN: %wasm-validate %t.out.wasm
;; RUN: %wasm2wat %t.out.wasm | FileCheck %s --check-prefix=BIN

;; WMC-DECL: 1 heap 2 16 EXPORT 0 a.c:3
;; WMC-DECL: 1 mem1 1 65536 IMPLICIT 0 b.c
;; WMC-DECL: 1 heap 2 16 EXPORT 0 b.c:9
;; WMC-DECL: 3 scratch 1 none MAPPABLE 0 c.c:1
;; WMC-DECL: ro rodata 1 65536 READONLY|IMPLICIT 0 a.c

;; CHECK:      (memory $0 2)
;; CHECK-NEXT: (memory $heap 2 16)
;; CHECK-NEXT: (memory $unused2 0 0)
;; CHECK-NEXT: (memory $scratch 1)
;; CHECK-NEXT: (memory $rodata 1 65536)
;; CHECK:      (export "memory" (memory $0))
;; CHECK:      (export "heap" (memory $heap))

;; The binary's name section carries the memory names.
;; BIN:      (memory (;0;) 2)
;; BIN-NEXT: (memory $heap 2 16)
;; BIN-NEXT: (memory $unused2 0 0)
;; BIN-NEXT: (memory $scratch 1)
;; BIN-NEXT: (memory $rodata 1 65536)
;; BIN:      (export "heap" (memory $heap))
(module
  (memory (export "memory") 2)
  (func (export "_start")))
