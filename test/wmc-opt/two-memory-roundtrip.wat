;; wmc-opt round-trips a hand-written two-memory module (text in, binary and
;; text out); the output validates with multi-memory and runs in node 26 and
;; bun with the same result.
;; RUN: %wmc-opt %s -g -o %t.wasm
;; RUN: %wasm-validate %t.wasm
;; RUN: %wmc-opt %t.wasm -g -S | FileCheck %s --check-prefix=TEXT
;; RUN: %wmc-opt %s -O2 -o %t.opt.wasm
;; RUN: %wasm-validate %t.opt.wasm
;; RUN: %node %S/Inputs/invoke.mjs %t.wasm run | FileCheck %s --check-prefix=RESULT
;; RUN: %node %S/Inputs/invoke.mjs %t.opt.wasm run | FileCheck %s --check-prefix=RESULT
;; RUN: %bun %S/Inputs/invoke.mjs %t.opt.wasm run | FileCheck %s --check-prefix=RESULT
;; TEXT: (memory $main 1 2)
;; TEXT: (memory $secrets 1 1)
;; TEXT: (data $key (memory $secrets) (i32.const 16) "*\00\00\00")
;; TEXT: i32.load $secrets
;; RESULT: 1042
(module
  (memory $main 1 2)
  (memory $secrets 1 1)
  (data $key (memory $secrets) (i32.const 16) "\2a\00\00\00")
  (func (export "run") (result i32)
    ;; main[0] = 1000; return main[0] + secrets[16]
    (i32.store $main (i32.const 0) (i32.const 1000))
    (i32.add (i32.load $main (i32.const 0)) (i32.load $secrets (i32.const 16)))))
