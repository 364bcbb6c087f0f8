;; Operand checks of the memory-control builtins (docs/memory-control.md §2):
;; misaligned, out-of-range and invalid-protection operands trap with
;; "wasm trap: <kind> (<details>)" and exit status 134 in node and bun, after
;; the output printed so far; a valid call with len 0 at the end is a no-op.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %run-node %t.wasm | FileCheck %s --check-prefix=VALID
;; RUN: %run-bun %t.wasm | FileCheck %s --check-prefix=VALID
;; VALID: empty range at the end 0
;; VALID-NEXT: page kept 42
;; RUN: %run-node %t.wasm 0 > %t.node0 2>&1 || echo "exit status $?" >> %t.node0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.node0
;; RUN: %run-bun %t.wasm 0 > %t.bun0 2>&1 || echo "exit status $?" >> %t.bun0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.bun0
;; misaligned address:
;; CASE0: case 0
;; CASE0-NEXT: wasm trap: misaligned memory-control range (discard.1 addr=0x1001 len=0x1000: must be multiples of 4096)
;; CASE0-NEXT: exit status 134
;; RUN: %run-node %t.wasm 1 > %t.node1 2>&1 || echo "exit status $?" >> %t.node1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.node1
;; RUN: %run-bun %t.wasm 1 > %t.bun1 2>&1 || echo "exit status $?" >> %t.bun1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.bun1
;; misaligned length:
;; CASE1: case 1
;; CASE1-NEXT: wasm trap: misaligned memory-control range (protect.1 addr=0x1000 len=0x800: must be multiples of 4096)
;; CASE1-NEXT: exit status 134
;; RUN: %run-node %t.wasm 2 > %t.node2 2>&1 || echo "exit status $?" >> %t.node2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.node2
;; RUN: %run-bun %t.wasm 2 > %t.bun2 2>&1 || echo "exit status $?" >> %t.bun2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.bun2
;; range past the end:
;; CASE2: case 2
;; CASE2-NEXT: wasm trap: out of bounds memory-control range (discard.1 addr=0x1f000 len=0x2000: memory 1 has 0x20000 bytes)
;; CASE2-NEXT: exit status 134
;; RUN: %run-node %t.wasm 3 > %t.node3 2>&1 || echo "exit status $?" >> %t.node3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.node3
;; RUN: %run-bun %t.wasm 3 > %t.bun3 2>&1 || echo "exit status $?" >> %t.bun3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.bun3
;; 32-bit wrap-around:
;; CASE3: case 3
;; CASE3-NEXT: wasm trap: out of bounds memory-control range (unmap.1 addr=0xfffff000 len=0x2000: memory 1 has 0x20000 bytes)
;; CASE3-NEXT: exit status 134
;; RUN: %run-node %t.wasm 4 > %t.node4 2>&1 || echo "exit status $?" >> %t.node4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.node4
;; RUN: %run-bun %t.wasm 4 > %t.bun4 2>&1 || echo "exit status $?" >> %t.bun4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.bun4
;; write-only protection:
;; CASE4: case 4
;; CASE4-NEXT: wasm trap: invalid protection value (protect.1 addr=0x1000 len=0x1000 prot=2)
;; CASE4-NEXT: exit status 134
;; RUN: %run-node %t.wasm 5 > %t.node5 2>&1 || echo "exit status $?" >> %t.node5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.node5
;; RUN: %run-bun %t.wasm 5 > %t.bun5 2>&1 || echo "exit status $?" >> %t.bun5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.bun5
;; bad map protection:
;; CASE5: case 5
;; CASE5-NEXT: wasm trap: invalid protection value (map.1 addr=0x1000 len=0x1000 prot=-1)
;; CASE5-NEXT: exit status 134
;; RUN: %run-node %t.wasm 6 > %t.node6 2>&1 || echo "exit status $?" >> %t.node6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.node6
;; RUN: %run-bun %t.wasm 6 > %t.bun6 2>&1 || echo "exit status $?" >> %t.bun6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.bun6
;; prot checked first:
;; CASE6: case 6
;; CASE6-NEXT: wasm trap: invalid protection value (protect.1 addr=0x1001 len=0x1000 prot=4)
;; CASE6-NEXT: exit status 134
;; RUN: %run-node %t.wasm 7 > %t.node7 2>&1 || echo "exit status $?" >> %t.node7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.node7
;; RUN: %run-bun %t.wasm 7 > %t.bun7 2>&1 || echo "exit status $?" >> %t.bun7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.bun7
;; memory 0 bounds:
;; CASE7: case 7
;; CASE7-NEXT: wasm trap: out of bounds memory-control range (discard.0 addr=0x10000 len=0x1000: memory 0 has 0x10000 bytes)
;; CASE7-NEXT: exit status 134
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasm:memctl" "discard.0" (func $discard0 (param i32 i32)))
  (import "wasm:memctl" "discard.1" (func $discard1 (param i32 i32)))
  (import "wasm:memctl" "protect.1" (func $protect1 (param i32 i32 i32)))
  (import "wasm:memctl" "map.1" (func $map1 (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasm:memctl" "unmap.1" (func $unmap1 (param i32 i32)))
  (memory $m0 1)
  (memory $m1 2)
  (export "memory" (memory $m0))
  ;; case() -> argv[1] as a decimal number (the test case), or -1 without one.
  (func $case (result i32)
    (local $p i32) (local $n i32)
    (drop (call $args_sizes_get (i32.const 0xD800) (i32.const 0xD804)))
    (if (i32.lt_u (i32.load (i32.const 0xD800)) (i32.const 2)) (then (return (i32.const -1))))
    (drop (call $args_get (i32.const 0xD900) (i32.const 0xDA00)))
    (local.set $p (i32.load (i32.const 0xD904)))
    (loop $digit (if (i32.load8_u (local.get $p)) (then
      (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 10))
                             (i32.sub (i32.load8_u (local.get $p)) (i32.const 48))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br $digit))))
    (local.get $n))
  ;; Labels for $print, one per 32-byte slot of memory 0 at 0xE000.
  (data (memory 0) (i32.const 0xE000) "empty range at the end")
  (data (memory 0) (i32.const 0xE020) "case")
  (data (memory 0) (i32.const 0xE040) "page kept")
  (data (memory 0) (i32.const 0xE060) "NOT REACHED")

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
    (local $c i32)
    (i32.store8 $m1 (i32.const 0x1000) (i32.const 42))
    (local.set $c (call $case))
    (if (i32.lt_s (local.get $c) (i32.const 0)) (then
      (call $discard1 (i32.const 0x20000) (i32.const 0))
      (call $print (i32.const 0) (i32.const 0))
      (call $print (i32.const 2) (i32.load8_u $m1 (i32.const 0x1000)))
      (return)))
    (call $print (i32.const 1) (local.get $c))
    (if (i32.eq (local.get $c) (i32.const 0)) (then (call $discard1 (i32.const 0x1001) (i32.const 0x1000))))
    (if (i32.eq (local.get $c) (i32.const 1)) (then (call $protect1 (i32.const 0x1000) (i32.const 0x800) (i32.const 3))))
    (if (i32.eq (local.get $c) (i32.const 2)) (then (call $discard1 (i32.const 0x1F000) (i32.const 0x2000))))
    (if (i32.eq (local.get $c) (i32.const 3)) (then (call $unmap1 (i32.const 0xFFFFF000) (i32.const 0x2000))))
    (if (i32.eq (local.get $c) (i32.const 4)) (then (call $protect1 (i32.const 0x1000) (i32.const 0x1000) (i32.const 2))))
    (if (i32.eq (local.get $c) (i32.const 5)) (then (drop (call $map1 (i32.const 0x1000) (i32.const 0x1000) (i32.const -1) (i64.const 0) (i32.const -1)))))
    (if (i32.eq (local.get $c) (i32.const 6)) (then (call $protect1 (i32.const 0x1001) (i32.const 0x1000) (i32.const 4))))
    (if (i32.eq (local.get $c) (i32.const 7)) (then (call $discard0 (i32.const 0x10000) (i32.const 0x1000))))
    (call $print (i32.const 3) (i32.const 0)))
)
