;; wmc-write-protections: one entry per memory that is read-only, mappable or
;; has a null guard, keyed by the FINAL memory index (the read-only memory is
;; last: index 4 here), and the wmc.memories section is dropped.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize -o %t.out.wasm
;; RUN: %wasm-validate %t.out.wasm
;; RUN: wasm-objdump -h %t.out.wasm | FileCheck %s --check-prefix=SECTIONS
;; RUN: wasm-objdump -s -j wmc.protections %t.out.wasm | FileCheck %s

;; WMC-DECL: 0 main 1 none 0 4096 a.c:1
;; WMC-DECL: 1 plain 1 16 0 0 a.c:2
;; WMC-DECL: 2 guarded 1 16 0 8192 a.c:3
;; WMC-DECL: 3 files 1 16 MAPPABLE|EXPORT 0 a.c:4
;; WMC-DECL: ro rodata 1 65536 IMPLICIT|READONLY 0 a.c

;; SECTIONS-NOT: wmc.memories
;; SECTIONS:     "wmc.protections"
;; SECTIONS-NOT: wmc.memories

;; version 1, 4 entries: {0, 0, 4096} {2, 0, 8192} {3, MAPPABLE, 0} {4, READONLY, 0}
;; CHECK: {{[0-9a-f]+}}: 0104 0000 8020 0200 8040 0302 0004 0100
(module
  (import "wmc:ro" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  (data $.data (i32.const 4096) "x")
  (func (export "f") (result i32) (call $load (i32.const 0))))
