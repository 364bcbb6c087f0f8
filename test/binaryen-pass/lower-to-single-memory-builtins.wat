;; --lower-to-single-memory rewrites the wasm:memctl builtins of memory k to
;; the memory-0 builtin at memory k's current byte offset in the combined
;; memory (memory 0's builtins stay as they are).
;; RUN: %wat2wasm --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize --lower-to-single-memory -S 2>/dev/null | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize --lower-to-single-memory -o %t.out.wasm 2>/dev/null
;; RUN: %wasm-validate %t.out.wasm

;; WMC-DECL: 1 heap 1 16 MAPPABLE 0 a.c:1

;; CHECK-NOT:  "discard.1"
;; CHECK:      (import "wasm:memctl" "discard.0" (func $[[D0:.*]] (param i32 i32)))
;; CHECK-NOT:  "discard.1"
;; CHECK:      (global $heap_byte_offset (mut i32) (i32.const 65536))
;; CHECK-LABEL: (func $f
;; CHECK:      (call $[[D0]]
;; CHECK-NEXT:  (i32.add
;; CHECK-NEXT:   (i32.const 4096)
;; CHECK-NEXT:   (global.get $heap_byte_offset)
;; CHECK:      (call $[[D0]]
;; CHECK-NEXT:  (i32.const 8192)
;; CHECK-NEXT:  (i32.const 4096)
(module
  (import "wmc:m1" "memctl.discard" (func $discard1 (param i32 i32)))
  (import "wmc:m0" "memctl.discard" (func $discard0 (param i32 i32)))
  (memory (export "memory") 1)
  (func $f (export "f")
    (call $discard1 (i32.const 4096) (i32.const 4096))
    (call $discard0 (i32.const 8192) (i32.const 4096))))
