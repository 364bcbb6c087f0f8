;; Binaryen passes run by name, in command-line order; wasm-memctl passes are
;; listed by --list-passes.
;; RUN: %wmc-opt %s --pass precompute -S | FileCheck %s
;; RUN: %wmc-opt %s --precompute -S | FileCheck %s
;; RUN: %wmc-opt --list-passes | FileCheck %s --check-prefix=LIST
;; CHECK: (func $f (result i32)
;; CHECK-NEXT: (i32.const 42)
;; LIST: wmc-check-markers
(module
  (func $f (export "f") (result i32) (i32.add (i32.const 40) (i32.const 2))))
