;; Binaryen's -O removes memories nothing uses, shifting later indices; the
;; index-keyed wmc.protections entries and wasm:memctl builtin names are
;; repaired after every optimization step. Here -O2 drops `unused2` (a gap)
;; and the read-only memory (its only load folded), and would drop `files`
;; (used only through the protect builtin): `files` comes back, empty with
;; its limits, and protect.3 becomes protect.<its new index>.
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize -O2 -o %t.out.wasm
;; RUN: %wasm-validate %t.out.wasm
;; RUN: %wasm2wat %t.out.wasm | FileCheck %s
;; RUN: wasm-objdump -s -j wmc.protections %t.out.wasm | FileCheck %s --check-prefix=PROT

;; WMC-DECL: 1 heap 1 16 0 4096 a.c:1
;; WMC-DECL: 3 files 1 8 MAPPABLE 0 a.c:2
;; WMC-DECL: ro rodata 1 65536 READONLY|IMPLICIT 0 a.c

;; CHECK:      (import "wasm:memctl" "protect.2"
;; CHECK:      (memory (;0;) 1)
;; CHECK-NEXT: (memory $heap 1 16)
;; CHECK-NEXT: (memory $files 1 8)
;; CHECK-NOT:  (memory $
;; version 1, 2 entries: {1, 0, 4096 guard} {2, MAPPABLE, 0}
;; PROT: {{[0-9a-f]+}}: 0102 0100 8020 0202 00
(module
  (import "wmc:m1" "i32.load" (func $heap.load (param i32) (result i32)))
  (import "wmc:ro" "i32.load" (func $ro.load (param i32) (result i32)))
  (import "wmc:m3" "memctl.protect" (func $protect (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data $.wmc.ro (i32.const 8192) "\07\00\00\00")
  (func (export "_start")
    (call $protect (i32.const 0) (i32.const 4096) (i32.const 1))
    (drop (call $heap.load (i32.const 8192))))
  (func (export "seven") (result i32) (call $ro.load (i32.const 8192))))
