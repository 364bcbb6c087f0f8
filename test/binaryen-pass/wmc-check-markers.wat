;; wmc-check-markers: a marker import left in the module is an error naming
;; it, never an output (contract 5). Run alone, the pass sees the markers the
;; lowering passes would have removed.
;; RUN: not %wmc-opt %s --pass wmc-check-markers -o %t.wasm 2>&1 | FileCheck %s --implicit-check-not=wmc-opt
;; RUN: test ! -e %t.wasm
;; RUN: %wmc-opt %s --finalize -S | FileCheck %s --check-prefix=OK
;; CHECK: wmc-opt: error: 2 marker import(s) were not lowered: "wmc:m1" "i32.load", "wmc:ro" "f64.load"; refusing to write a module no engine can run
;; OK-NOT: wmc:
;; OK: (f64.load $rodata
(module
  (import "wmc:m1" "i32.load" (func $load (param i32) (result i32)))
  (import "wmc:ro" "f64.load" (func $loadf (param i32) (result f64)))
  (memory (export "memory") 1)
  (func (export "f") (result i32) (call $load (i32.const 0)))
  (func (export "g") (result f64) (call $loadf (i32.const 0))))
