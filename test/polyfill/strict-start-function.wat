;; A wasm start function runs before the polyfill can reach the instance; in
;; --strict mode its accesses are not checked (the page table starts as "all
;; allowed") and must not trap, in node and bun; _start is checked as usual.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-section.py %t.wasm wmc.protections 01 01  01 01 00
;; RUN: %run-node --strict %t.wasm > %t.node 2>&1 || echo "exit status $?" >> %t.node
;; RUN: %run-bun --strict %t.wasm > %t.bun 2>&1 || echo "exit status $?" >> %t.bun
;; RUN: FileCheck %s < %t.node
;; RUN: FileCheck %s < %t.bun
;; CHECK: set by start 42
;; CHECK-NEXT: wasm trap: write to read-only memory (memory 1, address 0x10, i32.store)
;; CHECK-NEXT: exit status 134
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory $m0 1)
  (memory $m1 1)
  (export "memory" (memory $m0))
  (func $init (i32.store 1 (i32.const 0x10) (i32.const 42)))
  (start $init)
  ;; Labels for $print, one per 32-byte slot of memory 0 at 0xE000.
  (data (memory 0) (i32.const 0xE000) "set by start")

  ;; print(n, value): writes "<label n> <decimal value>\n" to stdout.
  (func $print (param $n i32) (param $v i32)
    (local $s i32) (local $e i32) (local $p i32)
    (local.set $s (i32.add (i32.const 0xE000) (i32.shl (local.get $n) (i32.const 5))))
    (local.set $e (local.get $s))
    (loop $len (if (i32.load8_u (local.get $e))
      (then (local.set $e (i32.add (local.get $e) (i32.const 1))) (br $len))))
    (local.set $p (i32.const 0xF0FF))
    (i32.store8 (i32.const 0xF0FF) (i32.const 10))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
      (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
      (br_if $digit (local.get $v)))
    (local.set $p (i32.sub (local.get $p) (i32.const 1)))
    (i32.store8 (local.get $p) (i32.const 32))
    (i32.store (i32.const 0xF000) (local.get $s))
    (i32.store (i32.const 0xF004) (i32.sub (local.get $e) (local.get $s)))
    (i32.store (i32.const 0xF008) (local.get $p))
    (i32.store (i32.const 0xF00C) (i32.sub (i32.const 0xF100) (local.get $p)))
    (drop (call $fd_write (i32.const 1) (i32.const 0xF000) (i32.const 2) (i32.const 0xF010))))

  (func (export "_start")
    (call $print (i32.const 0) (i32.load 1 (i32.const 0x10)))
    (i32.store 1 (i32.const 0x10) (i32.const 0)))
)
