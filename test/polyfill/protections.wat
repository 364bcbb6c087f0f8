;; A module with a wmc.protections section (memory 0: 4 KiB null guard,
;; memory 1: read-only, memory 2: mappable) runs in node and bun; the
;; polyfill applies the section to its page table: builtins on read-only,
;; guard or unmapped ranges trap, WASI calls touching the guard get EFAULT,
;; and with --strict every guest access to a non-writable or no-access page
;; traps at the access. Without --strict, guest accesses are not checked
;; (documented limit).
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-section.py %t.wasm wmc.protections 01 03  00 00 80 20  01 01 00  02 02 00
;; Engines ignore the custom section: the module validates as is.
;; RUN: %node -e "console.log(WebAssembly.validate(require('fs').readFileSync('%t.wasm')))" | FileCheck %s --check-prefix=RAW
;; RUN: %bun -e "console.log(WebAssembly.validate(require('fs').readFileSync('%t.wasm')))" | FileCheck %s --check-prefix=RAW
;; RAW: true
;; RUN: %run-node %t.wasm | FileCheck %s --check-prefix=MAIN
;; RUN: %run-bun %t.wasm | FileCheck %s --check-prefix=MAIN
;; MAIN-NOT: case
;; MAIN: RODATA 82
;; MAIN-NEXT: fd_write from the guard 21
;; MAIN-NEXT: random_get into the guard 21
;; MAIN-NEXT: guard unchanged 0
;; MAIN-NEXT: anonymous map 0
;; MAIN-NEXT: mapped page 5
;; MAIN-NEXT: grow keeps pages 5
;; MAIN-NEXT: done 0
;; Unenforced (no --strict): the store reaches the read-only memory.
;; RUN: %run-node %t.wasm 5 | FileCheck %s --check-prefix=LOOSE
;; RUN: %run-bun %t.wasm 5 | FileCheck %s --check-prefix=LOOSE
;; LOOSE: case 5
;; LOOSE-NEXT: done 0
;; RUN: %run-node %t.wasm 0 > %t.node0 2>&1 || echo "exit status $?" >> %t.node0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.node0
;; RUN: %run-bun %t.wasm 0 > %t.bun0 2>&1 || echo "exit status $?" >> %t.bun0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.bun0
;; read-only memory:
;; CASE0: case 0
;; CASE0-NEXT: wasm trap: memory-control operation on read-only memory (discard.1 addr=0x0 len=0x1000: memory 1)
;; CASE0-NEXT: exit status 134
;; RUN: %run-node %t.wasm 1 > %t.node1 2>&1 || echo "exit status $?" >> %t.node1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.node1
;; RUN: %run-bun %t.wasm 1 > %t.bun1 2>&1 || echo "exit status $?" >> %t.bun1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.bun1
;; null guard:
;; CASE1: case 1
;; CASE1-NEXT: wasm trap: memory-control range overlaps null guard (protect.0 addr=0x0 len=0x2000: memory 0 guard is [0, 0x1000))
;; CASE1-NEXT: exit status 134
;; RUN: %run-node %t.wasm 2 > %t.node2 2>&1 || echo "exit status $?" >> %t.node2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.node2
;; RUN: %run-bun %t.wasm 2 > %t.bun2 2>&1 || echo "exit status $?" >> %t.bun2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.bun2
;; unmapped page:
;; CASE2: case 2
;; CASE2-NEXT: wasm trap: memory-control range not mapped (protect.2 page at 0x1000 of memory 2)
;; CASE2-NEXT: exit status 134
;; RUN: %run-node %t.wasm 3 > %t.node3 2>&1 || echo "exit status $?" >> %t.node3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.node3
;; RUN: %run-bun %t.wasm 3 > %t.bun3 2>&1 || echo "exit status $?" >> %t.bun3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.bun3
;; unmapped again after unmap:
;; CASE3: case 3
;; CASE3-NEXT: wasm trap: memory-control range not mapped (protect.2 page at 0x0 of memory 2)
;; CASE3-NEXT: exit status 134
;; RUN: %run-node %t.wasm 4 > %t.node4 2>&1 || echo "exit status $?" >> %t.node4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.node4
;; RUN: %run-bun %t.wasm 4 > %t.bun4 2>&1 || echo "exit status $?" >> %t.bun4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.bun4
;; grown pages of a mappable memory are unmapped:
;; CASE4: case 4
;; CASE4-NEXT: wasm trap: memory-control range not mapped (protect.2 page at 0x10000 of memory 2)
;; CASE4-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 5 > %t.node5 2>&1 || echo "exit status $?" >> %t.node5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.node5
;; RUN: %run-bun --strict %t.wasm 5 > %t.bun5 2>&1 || echo "exit status $?" >> %t.bun5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.bun5
;; --strict: store into the read-only memory traps at the store:
;; CASE5: case 5
;; CASE5-NEXT: wasm trap: write to read-only memory (memory 1, address 0x14, i32.store8)
;; CASE5-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 6 > %t.node6 2>&1 || echo "exit status $?" >> %t.node6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.node6
;; RUN: %run-bun --strict %t.wasm 6 > %t.bun6 2>&1 || echo "exit status $?" >> %t.bun6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.bun6
;; --strict: load from the null guard:
;; CASE6: case 6
;; CASE6-NEXT: wasm trap: access to no-access memory (memory 0, address 0x8, i32.load)
;; CASE6-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 7 > %t.node7 2>&1 || echo "exit status $?" >> %t.node7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.node7
;; RUN: %run-bun --strict %t.wasm 7 > %t.bun7 2>&1 || echo "exit status $?" >> %t.bun7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.bun7
;; --strict: store into a protect-ed page:
;; CASE7: case 7
;; CASE7-NEXT: wasm trap: write to read-only memory (memory 0, address 0x2ffc, i32.store)
;; CASE7-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 8 > %t.node8 2>&1 || echo "exit status $?" >> %t.node8
;; RUN: FileCheck %s --check-prefix=CASE8 < %t.node8
;; RUN: %run-bun --strict %t.wasm 8 > %t.bun8 2>&1 || echo "exit status $?" >> %t.bun8
;; RUN: FileCheck %s --check-prefix=CASE8 < %t.bun8
;; --strict: load from an unmapped page of the mappable memory:
;; CASE8: case 8
;; CASE8-NEXT: wasm trap: access to no-access memory (memory 2, address 0x1001, i32.load8_u)
;; CASE8-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 9 > %t.node9 2>&1 || echo "exit status $?" >> %t.node9
;; RUN: FileCheck %s --check-prefix=CASE9 < %t.node9
;; RUN: %run-bun --strict %t.wasm 9 > %t.bun9 2>&1 || echo "exit status $?" >> %t.bun9
;; RUN: FileCheck %s --check-prefix=CASE9 < %t.bun9
;; --strict: grown pages of a mappable memory are unmapped:
;; CASE9: case 9
;; CASE9-NEXT: wasm trap: access to no-access memory (memory 2, address 0x10000, i32.store)
;; CASE9-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 10 > %t.node10 2>&1 || echo "exit status $?" >> %t.node10
;; RUN: FileCheck %s --check-prefix=CASE10 < %t.node10
;; RUN: %run-bun --strict %t.wasm 10 > %t.bun10 2>&1 || echo "exit status $?" >> %t.bun10
;; RUN: FileCheck %s --check-prefix=CASE10 < %t.bun10
;; --strict: an access past the end is still out of bounds:
;; CASE10: case 10
;; CASE10-NEXT: wasm trap: out of bounds memory access
;; CASE10-NEXT: exit status 134
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasm:memctl" "protect.0" (func $protect0 (param i32 i32 i32)))
  (import "wasm:memctl" "discard.1" (func $discard1 (param i32 i32)))
  (import "wasm:memctl" "protect.2" (func $protect2 (param i32 i32 i32)))
  (import "wasm:memctl" "map.2" (func $map2 (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasm:memctl" "unmap.2" (func $unmap2 (param i32 i32)))
  (memory $m0 1)
  (memory $m1 1)
  (memory $m2 1)
  (export "memory" (memory $m0))
  (data (memory $m1) (i32.const 0x10) "RODATA")
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
  (data (memory 0) (i32.const 0xE000) "")
  (data (memory 0) (i32.const 0xE020) "fd_write from the guard")
  (data (memory 0) (i32.const 0xE040) "random_get into the guard")
  (data (memory 0) (i32.const 0xE060) "guard unchanged")
  (data (memory 0) (i32.const 0xE080) "anonymous map")
  (data (memory 0) (i32.const 0xE0A0) "mapped page")
  (data (memory 0) (i32.const 0xE0C0) "grow keeps pages")
  (data (memory 0) (i32.const 0xE0E0) "case")
  (data (memory 0) (i32.const 0xE100) "done")

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
    (local.set $c (call $case))
    (if (i32.lt_s (local.get $c) (i32.const 0)) (then
      (memory.copy $m0 $m1 (i32.const 0xE000) (i32.const 0x10) (i32.const 6))
      (call $print (i32.const 0) (i32.load8_u $m1 (i32.const 0x10)))
      ;; iovec {0x10, 4}: in the guard page of memory 0.
      (i32.store (i32.const 0xD000) (i32.const 0x10))
      (i32.store (i32.const 0xD004) (i32.const 4))
      (call $print (i32.const 1) (call $fd_write (i32.const 1) (i32.const 0xD000) (i32.const 1) (i32.const 0xD008)))
      (call $print (i32.const 2) (call $random_get (i32.const 0xFF0) (i32.const 32)))
      (call $print (i32.const 3) (i32.load (i32.const 0xFF0)))
      (call $print (i32.const 4) (call $map2 (i32.const 0) (i32.const 0x1000) (i32.const -1) (i64.const 0) (i32.const 3)))
      (i32.store $m2 (i32.const 0x20) (i32.const 5))
      (call $protect2 (i32.const 0) (i32.const 0x1000) (i32.const 1))
      (call $print (i32.const 5) (i32.load $m2 (i32.const 0x20)))
      (drop (memory.grow $m2 (i32.const 1)))
      (call $print (i32.const 6) (i32.load $m2 (i32.const 0x20)))
      (call $print (i32.const 8) (i32.const 0))
      (return)))
    (call $print (i32.const 7) (local.get $c))
    (if (i32.eq (local.get $c) (i32.const 0)) (then
      (call $discard1 (i32.const 0) (i32.const 0x1000))))
    (if (i32.eq (local.get $c) (i32.const 1)) (then
      (call $protect0 (i32.const 0) (i32.const 0x2000) (i32.const 3))))
    (if (i32.eq (local.get $c) (i32.const 2)) (then
      (call $protect2 (i32.const 0x1000) (i32.const 0x1000) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 3)) (then
      (drop (call $map2 (i32.const 0) (i32.const 0x1000) (i32.const -1) (i64.const 0) (i32.const 3)))
      (call $unmap2 (i32.const 0) (i32.const 0x1000))
      (call $protect2 (i32.const 0) (i32.const 0x1000) (i32.const 3))))
    (if (i32.eq (local.get $c) (i32.const 4)) (then
      (drop (memory.grow $m2 (i32.const 1)))
      (call $protect2 (i32.const 0x10000) (i32.const 0x1000) (i32.const 3))))
    (if (i32.eq (local.get $c) (i32.const 5)) (then
      (i32.store8 $m1 (i32.const 0x14) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 6)) (then
      (drop (i32.load $m0 (i32.const 8)))))
    (if (i32.eq (local.get $c) (i32.const 7)) (then
      (call $protect0 (i32.const 0x2000) (i32.const 0x1000) (i32.const 1))
      (i32.store $m0 (i32.const 0x2ffc) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 8)) (then
      (drop (i32.load8_u $m2 (i32.const 0x1001)))))
    (if (i32.eq (local.get $c) (i32.const 9)) (then
      (drop (memory.grow $m2 (i32.const 1)))
      (i32.store $m2 (i32.const 0x10000) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 10)) (then
      (drop (i32.load $m2 (i32.const 0x20000)))))
    (call $print (i32.const 8) (i32.const 0)))
)
