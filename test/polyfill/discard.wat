;; discard.<k> zeroes a page-aligned range of memory k and leaves the rest
;; alone, on a non-default memory and on memory 0.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %run-node %t.wasm | FileCheck %s
;; RUN: %run-bun %t.wasm | FileCheck %s
;; CHECK: before 1111638594
;; CHECK-NEXT: discarded 0
;; CHECK-NEXT: last byte 0
;; CHECK-NEXT: next page 1111638594
;; CHECK-NEXT: memory 0 discarded 0
;; CHECK-NEXT: memory 0 kept 7
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasm:memctl" "discard.1" (func $discard1 (param i32 i32)))
  (import "wasm:memctl" "discard.0" (func $discard0 (param i32 i32)))
  (memory $m0 1)
  (memory $m1 1)
  (export "memory" (memory $m0))
  (data (memory $m1) (i32.const 0x1000) "BBBB")
  (data (memory $m1) (i32.const 0x2000) "BBBB")
  ;; Labels for $print, one per 32-byte slot of memory 0 at 0xE000.
  (data (memory $m0) (i32.const 0xE000) "before")
  (data (memory $m0) (i32.const 0xE020) "discarded")
  (data (memory $m0) (i32.const 0xE040) "last byte")
  (data (memory $m0) (i32.const 0xE060) "next page")
  (data (memory $m0) (i32.const 0xE080) "memory 0 discarded")
  (data (memory $m0) (i32.const 0xE0A0) "memory 0 kept")

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
    (call $print (i32.const 0) (i32.load $m1 (i32.const 0x1000)))
    (i32.store8 $m1 (i32.const 0x1FFF) (i32.const 9))
    (call $discard1 (i32.const 0x1000) (i32.const 0x1000))
    (call $print (i32.const 1) (i32.load $m1 (i32.const 0x1000)))
    (call $print (i32.const 2) (i32.load8_u $m1 (i32.const 0x1FFF)))
    (call $print (i32.const 3) (i32.load $m1 (i32.const 0x2000)))
    (i32.store $m0 (i32.const 0x3000) (i32.const 5))
    (i32.store $m0 (i32.const 0x4000) (i32.const 7))
    (call $discard0 (i32.const 0x3000) (i32.const 0x1000))
    (call $print (i32.const 4) (i32.load $m0 (i32.const 0x3000)))
    (call $print (i32.const 5) (i32.load $m0 (i32.const 0x4000))))
)
