;; --strict instruments every memory instruction: a write to the read-only
;; memory through each instruction kind (every store width, SIMD, atomics,
;; memory.fill/copy/init) and reads of no-access pages trap at the access with
;; the memory, address and instruction, in node and bun. Without violations
;; the instrumented module computes exactly what the plain one does.
;; RUN: %wat2wasm --enable-threads %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-section.py %t.wasm wmc.protections 01 01  01 01 00
;; The instrumented module is valid for wabt too.
;; RUN: %node --input-type=module -e "import {prepare} from '%src_root/runtime/js/memctl-polyfill.mjs'; import {readFileSync, writeFileSync} from 'node:fs'; writeFileSync('%t.strict.wasm', prepare(readFileSync('%t.wasm'), {strict: true}).bytes)"
;; RUN: %wasm-validate --enable-threads %t.strict.wasm
;; RUN: %run-node %t.wasm > %t.plain
;; RUN: FileCheck %s --check-prefix=VALUES < %t.plain
;; RUN: %run-node --strict %t.wasm | diff %t.plain -
;; RUN: %run-bun --strict %t.wasm | diff %t.plain -
;; RUN: %run-bun %t.wasm | diff %t.plain -
;; VALUES: i32 51
;; VALUES-NEXT: i64 16909060
;; VALUES-NEXT: f32 3
;; VALUES-NEXT: f64 9
;; VALUES-NEXT: v128 4
;; VALUES-NEXT: store lane 7
;; VALUES-NEXT: load lane 51
;; VALUES-NEXT: rmw add 5
;; VALUES-NEXT: cmpxchg8 9
;; VALUES-NEXT: cmpxchg64 77
;; VALUES-NEXT: fill 6
;; VALUES-NEXT: copy from ro 82
;; VALUES-NEXT: init 105
;; VALUES-NEXT: ro data 82
;; VALUES-NEXT: done 0
;; RUN: %run-node --strict %t.wasm 0 > %t.node0 2>&1 || echo "exit status $?" >> %t.node0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.node0
;; RUN: %run-bun --strict %t.wasm 0 > %t.bun0 2>&1 || echo "exit status $?" >> %t.bun0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.bun0
;; i32.store:
;; CASE0: case 0
;; CASE0-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i32.store)
;; CASE0-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 1 > %t.node1 2>&1 || echo "exit status $?" >> %t.node1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.node1
;; RUN: %run-bun --strict %t.wasm 1 > %t.bun1 2>&1 || echo "exit status $?" >> %t.bun1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.bun1
;; i64.store:
;; CASE1: case 1
;; CASE1-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i64.store)
;; CASE1-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 2 > %t.node2 2>&1 || echo "exit status $?" >> %t.node2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.node2
;; RUN: %run-bun --strict %t.wasm 2 > %t.bun2 2>&1 || echo "exit status $?" >> %t.bun2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.bun2
;; f32.store:
;; CASE2: case 2
;; CASE2-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, f32.store)
;; CASE2-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 3 > %t.node3 2>&1 || echo "exit status $?" >> %t.node3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.node3
;; RUN: %run-bun --strict %t.wasm 3 > %t.bun3 2>&1 || echo "exit status $?" >> %t.bun3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.bun3
;; f64.store:
;; CASE3: case 3
;; CASE3-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, f64.store)
;; CASE3-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 4 > %t.node4 2>&1 || echo "exit status $?" >> %t.node4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.node4
;; RUN: %run-bun --strict %t.wasm 4 > %t.bun4 2>&1 || echo "exit status $?" >> %t.bun4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.bun4
;; i32.store8:
;; CASE4: case 4
;; CASE4-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i32.store8)
;; CASE4-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 5 > %t.node5 2>&1 || echo "exit status $?" >> %t.node5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.node5
;; RUN: %run-bun --strict %t.wasm 5 > %t.bun5 2>&1 || echo "exit status $?" >> %t.bun5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.bun5
;; i32.store16:
;; CASE5: case 5
;; CASE5-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i32.store16)
;; CASE5-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 6 > %t.node6 2>&1 || echo "exit status $?" >> %t.node6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.node6
;; RUN: %run-bun --strict %t.wasm 6 > %t.bun6 2>&1 || echo "exit status $?" >> %t.bun6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.bun6
;; i64.store8:
;; CASE6: case 6
;; CASE6-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i64.store8)
;; CASE6-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 7 > %t.node7 2>&1 || echo "exit status $?" >> %t.node7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.node7
;; RUN: %run-bun --strict %t.wasm 7 > %t.bun7 2>&1 || echo "exit status $?" >> %t.bun7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.bun7
;; i64.store16:
;; CASE7: case 7
;; CASE7-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i64.store16)
;; CASE7-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 8 > %t.node8 2>&1 || echo "exit status $?" >> %t.node8
;; RUN: FileCheck %s --check-prefix=CASE8 < %t.node8
;; RUN: %run-bun --strict %t.wasm 8 > %t.bun8 2>&1 || echo "exit status $?" >> %t.bun8
;; RUN: FileCheck %s --check-prefix=CASE8 < %t.bun8
;; i64.store32 with an offset:
;; CASE8: case 8
;; CASE8-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i64.store32)
;; CASE8-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 9 > %t.node9 2>&1 || echo "exit status $?" >> %t.node9
;; RUN: FileCheck %s --check-prefix=CASE9 < %t.node9
;; RUN: %run-bun --strict %t.wasm 9 > %t.bun9 2>&1 || echo "exit status $?" >> %t.bun9
;; RUN: FileCheck %s --check-prefix=CASE9 < %t.bun9
;; v128.store:
;; CASE9: case 9
;; CASE9-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, v128.store)
;; CASE9-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 10 > %t.node10 2>&1 || echo "exit status $?" >> %t.node10
;; RUN: FileCheck %s --check-prefix=CASE10 < %t.node10
;; RUN: %run-bun --strict %t.wasm 10 > %t.bun10 2>&1 || echo "exit status $?" >> %t.bun10
;; RUN: FileCheck %s --check-prefix=CASE10 < %t.bun10
;; v128.store8_lane:
;; CASE10: case 10
;; CASE10-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, v128.store8_lane)
;; CASE10-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 11 > %t.node11 2>&1 || echo "exit status $?" >> %t.node11
;; RUN: FileCheck %s --check-prefix=CASE11 < %t.node11
;; RUN: %run-bun --strict %t.wasm 11 > %t.bun11 2>&1 || echo "exit status $?" >> %t.bun11
;; RUN: FileCheck %s --check-prefix=CASE11 < %t.bun11
;; i32.atomic.store:
;; CASE11: case 11
;; CASE11-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i32.atomic.store)
;; CASE11-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 12 > %t.node12 2>&1 || echo "exit status $?" >> %t.node12
;; RUN: FileCheck %s --check-prefix=CASE12 < %t.node12
;; RUN: %run-bun --strict %t.wasm 12 > %t.bun12 2>&1 || echo "exit status $?" >> %t.bun12
;; RUN: FileCheck %s --check-prefix=CASE12 < %t.bun12
;; i64.atomic.rmw.add:
;; CASE12: case 12
;; CASE12-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i64.atomic.rmw.add)
;; CASE12-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 13 > %t.node13 2>&1 || echo "exit status $?" >> %t.node13
;; RUN: FileCheck %s --check-prefix=CASE13 < %t.node13
;; RUN: %run-bun --strict %t.wasm 13 > %t.bun13 2>&1 || echo "exit status $?" >> %t.bun13
;; RUN: FileCheck %s --check-prefix=CASE13 < %t.bun13
;; i32.atomic.rmw8.cmpxchg_u:
;; CASE13: case 13
;; CASE13-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i32.atomic.rmw8.cmpxchg_u)
;; CASE13-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 14 > %t.node14 2>&1 || echo "exit status $?" >> %t.node14
;; RUN: FileCheck %s --check-prefix=CASE14 < %t.node14
;; RUN: %run-bun --strict %t.wasm 14 > %t.bun14 2>&1 || echo "exit status $?" >> %t.bun14
;; RUN: FileCheck %s --check-prefix=CASE14 < %t.bun14
;; i64.atomic.rmw.cmpxchg:
;; CASE14: case 14
;; CASE14-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, i64.atomic.rmw.cmpxchg)
;; CASE14-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 15 > %t.node15 2>&1 || echo "exit status $?" >> %t.node15
;; RUN: FileCheck %s --check-prefix=CASE15 < %t.node15
;; RUN: %run-bun --strict %t.wasm 15 > %t.bun15 2>&1 || echo "exit status $?" >> %t.bun15
;; RUN: FileCheck %s --check-prefix=CASE15 < %t.bun15
;; memory.fill:
;; CASE15: case 15
;; CASE15-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, memory.fill)
;; CASE15-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 16 > %t.node16 2>&1 || echo "exit status $?" >> %t.node16
;; RUN: FileCheck %s --check-prefix=CASE16 < %t.node16
;; RUN: %run-bun --strict %t.wasm 16 > %t.bun16 2>&1 || echo "exit status $?" >> %t.bun16
;; RUN: FileCheck %s --check-prefix=CASE16 < %t.bun16
;; memory.copy into the read-only memory:
;; CASE16: case 16
;; CASE16-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, memory.copy)
;; CASE16-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 17 > %t.node17 2>&1 || echo "exit status $?" >> %t.node17
;; RUN: FileCheck %s --check-prefix=CASE17 < %t.node17
;; RUN: %run-bun --strict %t.wasm 17 > %t.bun17 2>&1 || echo "exit status $?" >> %t.bun17
;; RUN: FileCheck %s --check-prefix=CASE17 < %t.bun17
;; memory.init:
;; CASE17: case 17
;; CASE17-NEXT: wasm trap: write to read-only memory (memory 1, address 0x20, memory.init)
;; CASE17-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 18 > %t.node18 2>&1 || echo "exit status $?" >> %t.node18
;; RUN: FileCheck %s --check-prefix=CASE18 < %t.node18
;; RUN: %run-bun --strict %t.wasm 18 > %t.bun18 2>&1 || echo "exit status $?" >> %t.bun18
;; RUN: FileCheck %s --check-prefix=CASE18 < %t.bun18
;; i64.store spanning into a read page (address of the refused page):
;; CASE18: case 18
;; CASE18-NEXT: wasm trap: write to read-only memory (memory 0, address 0x3000, i64.store)
;; CASE18-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 19 > %t.node19 2>&1 || echo "exit status $?" >> %t.node19
;; RUN: FileCheck %s --check-prefix=CASE19 < %t.node19
;; RUN: %run-bun --strict %t.wasm 19 > %t.bun19 2>&1 || echo "exit status $?" >> %t.bun19
;; RUN: FileCheck %s --check-prefix=CASE19 < %t.bun19
;; memory.copy reading a no-access page:
;; CASE19: case 19
;; CASE19-NEXT: wasm trap: access to no-access memory (memory 0, address 0x4000, memory.copy)
;; CASE19-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 20 > %t.node20 2>&1 || echo "exit status $?" >> %t.node20
;; RUN: FileCheck %s --check-prefix=CASE20 < %t.node20
;; RUN: %run-bun --strict %t.wasm 20 > %t.bun20 2>&1 || echo "exit status $?" >> %t.bun20
;; RUN: FileCheck %s --check-prefix=CASE20 < %t.bun20
;; v128.load of a no-access page:
;; CASE20: case 20
;; CASE20-NEXT: wasm trap: access to no-access memory (memory 0, address 0x4000, v128.load)
;; CASE20-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 21 > %t.node21 2>&1 || echo "exit status $?" >> %t.node21
;; RUN: FileCheck %s --check-prefix=CASE21 < %t.node21
;; RUN: %run-bun --strict %t.wasm 21 > %t.bun21 2>&1 || echo "exit status $?" >> %t.bun21
;; RUN: FileCheck %s --check-prefix=CASE21 < %t.bun21
;; i32.atomic.load of a no-access page:
;; CASE21: case 21
;; CASE21-NEXT: wasm trap: access to no-access memory (memory 0, address 0x4100, i32.atomic.load)
;; CASE21-NEXT: exit status 134
;; RUN: %run-node --strict %t.wasm 22 > %t.node22 2>&1 || echo "exit status $?" >> %t.node22
;; RUN: FileCheck %s --check-prefix=CASE22 < %t.node22
;; RUN: %run-bun --strict %t.wasm 22 > %t.bun22 2>&1 || echo "exit status $?" >> %t.bun22
;; RUN: FileCheck %s --check-prefix=CASE22 < %t.bun22
;; loads of a read page are fine, stores are not:
;; CASE22: case 22
;; CASE22-NEXT: wasm trap: write to read-only memory (memory 0, address 0x4ffe, i32.store16)
;; CASE22-NEXT: exit status 134
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasm:memctl" "protect.0" (func $protect0 (param i32 i32 i32)))
  (memory $m0 1)
  (memory $m1 1)
  (memory $m2 1)
  (export "memory" (memory $m0))
  (data (memory $m1) (i32.const 0x10) "RODATA")
  (data $passive "init!")
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
  (data (memory 0) (i32.const 0xE000) "i32")
  (data (memory 0) (i32.const 0xE020) "i64")
  (data (memory 0) (i32.const 0xE040) "f32")
  (data (memory 0) (i32.const 0xE060) "f64")
  (data (memory 0) (i32.const 0xE080) "v128")
  (data (memory 0) (i32.const 0xE0A0) "store lane")
  (data (memory 0) (i32.const 0xE0C0) "load lane")
  (data (memory 0) (i32.const 0xE0E0) "rmw add")
  (data (memory 0) (i32.const 0xE100) "cmpxchg8")
  (data (memory 0) (i32.const 0xE120) "cmpxchg64")
  (data (memory 0) (i32.const 0xE140) "fill")
  (data (memory 0) (i32.const 0xE160) "copy from ro")
  (data (memory 0) (i32.const 0xE180) "init")
  (data (memory 0) (i32.const 0xE1A0) "ro data")
  (data (memory 0) (i32.const 0xE1C0) "case")
  (data (memory 0) (i32.const 0xE1E0) "done")

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
      (i32.store 2 (i32.const 0x100) (i32.const 0x11223344))
      (call $print (i32.const 0) (i32.load8_u 2 (i32.const 0x101)))
      (i64.store 2 (i32.const 0x108) (i64.const 0x0102030405060708))
      (call $print (i32.const 1) (i32.wrap_i64 (i64.shr_u (i64.load 2 (i32.const 0x108)) (i64.const 32))))
      (f32.store 2 (i32.const 0x110) (f32.const 1.5))
      (call $print (i32.const 2) (i32.trunc_f32_s (f32.mul (f32.load 2 (i32.const 0x110)) (f32.const 2))))
      (f64.store 2 (i32.const 0x118) (f64.const 2.25))
      (call $print (i32.const 3) (i32.trunc_f64_s (f64.mul (f64.load 2 (i32.const 0x118)) (f64.const 4))))
      (v128.store 2 (i32.const 0x120) (v128.const i32x4 1 2 3 4))
      (call $print (i32.const 4) (i32.load 2 (i32.const 0x12c)))
      (v128.store8_lane 2 0 (i32.const 0x130) (i8x16.splat (i32.const 7)))
      (call $print (i32.const 5) (i32.load8_u 2 (i32.const 0x130)))
      (call $print (i32.const 6) (i8x16.extract_lane_u 3 (v128.load8_lane 2 3 (i32.const 0x101) (v128.const i32x4 0 0 0 0))))
      (drop (i32.atomic.rmw.add 2 (i32.const 0x140) (i32.const 5)))
      (call $print (i32.const 7) (i32.atomic.load 2 (i32.const 0x140)))
      (drop (i32.atomic.rmw8.cmpxchg_u 2 (i32.const 0x144) (i32.const 0) (i32.const 9)))
      (call $print (i32.const 8) (i32.load8_u 2 (i32.const 0x144)))
      (drop (i64.atomic.rmw.cmpxchg 2 (i32.const 0x148) (i64.const 0) (i64.const 77)))
      (call $print (i32.const 9) (i32.wrap_i64 (i64.load 2 (i32.const 0x148))))
      (memory.fill 2 (i32.const 0x200) (i32.const 6) (i32.const 16))
      (call $print (i32.const 10) (i32.load8_u 2 (i32.const 0x20f)))
      (memory.copy 2 1 (i32.const 0x300) (i32.const 0x10) (i32.const 6))
      (call $print (i32.const 11) (i32.load8_u 2 (i32.const 0x300)))
      (memory.init 2 $passive (i32.const 0x400) (i32.const 0) (i32.const 5))
      (call $print (i32.const 12) (i32.load8_u 2 (i32.const 0x400)))
      (call $print (i32.const 13) (i32.load8_u 1 (i32.const 0x10)))
      (call $print (i32.const 15) (i32.const 0))
      (return)))
    (call $print (i32.const 14) (local.get $c))
    (if (i32.eq (local.get $c) (i32.const 0)) (then
      (i32.store 1 (i32.const 0x20) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 1)) (then
      (i64.store 1 (i32.const 0x20) (i64.const 1))))
    (if (i32.eq (local.get $c) (i32.const 2)) (then
      (f32.store 1 (i32.const 0x20) (f32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 3)) (then
      (f64.store 1 (i32.const 0x20) (f64.const 1))))
    (if (i32.eq (local.get $c) (i32.const 4)) (then
      (i32.store8 1 (i32.const 0x20) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 5)) (then
      (i32.store16 1 (i32.const 0x20) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 6)) (then
      (i64.store8 1 (i32.const 0x20) (i64.const 1))))
    (if (i32.eq (local.get $c) (i32.const 7)) (then
      (i64.store16 1 (i32.const 0x20) (i64.const 1))))
    (if (i32.eq (local.get $c) (i32.const 8)) (then
      (i64.store32 1 offset=0x10 (i32.const 0x10) (i64.const 1))))
    (if (i32.eq (local.get $c) (i32.const 9)) (then
      (v128.store 1 (i32.const 0x20) (v128.const i32x4 1 2 3 4))))
    (if (i32.eq (local.get $c) (i32.const 10)) (then
      (v128.store8_lane 1 0 (i32.const 0x20) (v128.const i32x4 1 2 3 4))))
    (if (i32.eq (local.get $c) (i32.const 11)) (then
      (i32.atomic.store 1 (i32.const 0x20) (i32.const 1))))
    (if (i32.eq (local.get $c) (i32.const 12)) (then
      (drop (i64.atomic.rmw.add 1 (i32.const 0x20) (i64.const 1)))))
    (if (i32.eq (local.get $c) (i32.const 13)) (then
      (drop (i32.atomic.rmw8.cmpxchg_u 1 (i32.const 0x20) (i32.const 0) (i32.const 1)))))
    (if (i32.eq (local.get $c) (i32.const 14)) (then
      (drop (i64.atomic.rmw.cmpxchg 1 (i32.const 0x20) (i64.const 0) (i64.const 1)))))
    (if (i32.eq (local.get $c) (i32.const 15)) (then
      (memory.fill 1 (i32.const 0x20) (i32.const 0) (i32.const 4))))
    (if (i32.eq (local.get $c) (i32.const 16)) (then
      (memory.copy 1 2 (i32.const 0x20) (i32.const 0) (i32.const 4))))
    (if (i32.eq (local.get $c) (i32.const 17)) (then
      (memory.init 1 $passive (i32.const 0x20) (i32.const 0) (i32.const 4))))
    (if (i32.eq (local.get $c) (i32.const 18)) (then
      (call $protect0 (i32.const 0x3000) (i32.const 0x1000) (i32.const 1))
      (i64.store 0 (i32.const 0x2ffc) (i64.const 1))))
    (if (i32.eq (local.get $c) (i32.const 19)) (then
      (call $protect0 (i32.const 0x4000) (i32.const 0x1000) (i32.const 0))
      (memory.copy 2 0 (i32.const 0) (i32.const 0x3ff0) (i32.const 0x20))))
    (if (i32.eq (local.get $c) (i32.const 20)) (then
      (call $protect0 (i32.const 0x4000) (i32.const 0x1000) (i32.const 0))
      (drop (v128.load 0 (i32.const 0x4000)))))
    (if (i32.eq (local.get $c) (i32.const 21)) (then
      (call $protect0 (i32.const 0x4000) (i32.const 0x1000) (i32.const 0))
      (drop (i32.atomic.load 0 (i32.const 0x4100)))))
    (if (i32.eq (local.get $c) (i32.const 22)) (then
      (call $protect0 (i32.const 0x4000) (i32.const 0x1000) (i32.const 1))
      (drop (i32.load 0 (i32.const 0x4000)))
      (i32.store16 0 (i32.const 0x4ffe) (i32.const 0))))
    (call $print (i32.const 15) (i32.const 0)))
)
