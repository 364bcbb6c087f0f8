;; The same module with a read-only memory 1 traps the same way in wmc-run
;; (hardware protection) and in node 26 / bun (polyfill strict mode); without
;; strict mode the polyfill does not stop the store (documented).
;; RUN: %wat2wasm %s -o %t.plain.wasm
;; RUN: python3 %S/Inputs/addsec.py %t.plain.wasm %t.wasm wmc.protections 01 01 01 01 00
;; RUN: not %wmc-run %t.wasm 2>&1 | FileCheck %s
;; RUN: not %run-node --strict %t.wasm 2>&1 | FileCheck %s
;; RUN: not %run-bun --strict %t.wasm 2>&1 | FileCheck %s
;; CHECK: wasm trap: write to read-only memory (memory 1, address 0x24,
;; RUN: %run-node %t.wasm 2>&1 | FileCheck %s --check-prefix=LAX --allow-empty
;; LAX-NOT: wasm trap
(module
  (memory $m0 1)
  (memory $ro 1)
  (data (memory $ro) (i32.const 0x20) "hello")
  (func (export "_start")
    (if (i32.ne (i32.load8_u $ro (i32.const 0x20)) (i32.const 104)) (then unreachable))
    (i32.store16 $ro (i32.const 0x24) (i32.const 1))))
