;; Protections are applied after the data segments and before the start
;; function: a start function storing into a read-only memory traps, and
;; one reading it sees the data.
;; RUN: %wat2wasm --debug-names %s -o %t.plain.wasm
;; RUN: python3 %S/Inputs/addsec.py %t.plain.wasm %t.wasm wmc.protections 01 01 00 01 00
;; RUN: not %wmc-run %t.wasm 2>&1 | FileCheck %s
;; CHECK: wasm trap: write to read-only memory (memory 0, address 0x4, write)
;; CHECK-NEXT: wasm backtrace:
;; CHECK-NEXT: 0: $start
(module
  (memory 1)
  (data (i32.const 0) "abcdefgh")
  (func $start
    (if (i32.ne (i32.load8_u (i32.const 1)) (i32.const 98)) (then unreachable))
    (i32.store (i32.const 4) (i32.const 0)))
  (start $start))
