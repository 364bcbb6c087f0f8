;; The runner prints engine traps as the kinds wmc-run uses (spec names), so
;; node (V8) and bun (JSC) give the same line, with exit status 134.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %run-node %t.wasm 0 > %t.node0 2>&1 || echo "exit status $?" >> %t.node0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.node0
;; RUN: %run-bun %t.wasm 0 > %t.bun0 2>&1 || echo "exit status $?" >> %t.bun0
;; RUN: FileCheck %s --check-prefix=CASE0 < %t.bun0
;; load past the end of memory 1:
;; CASE0: case 0
;; CASE0-NEXT: {{^}}wasm trap: out of bounds memory access{{$}}
;; CASE0-NEXT: exit status 134
;; RUN: %run-node %t.wasm 1 > %t.node1 2>&1 || echo "exit status $?" >> %t.node1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.node1
;; RUN: %run-bun %t.wasm 1 > %t.bun1 2>&1 || echo "exit status $?" >> %t.bun1
;; RUN: FileCheck %s --check-prefix=CASE1 < %t.bun1
;; memory.fill past the end of memory 1:
;; CASE1: case 1
;; CASE1-NEXT: {{^}}wasm trap: out of bounds memory access{{$}}
;; CASE1-NEXT: exit status 134
;; RUN: %run-node %t.wasm 2 > %t.node2 2>&1 || echo "exit status $?" >> %t.node2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.node2
;; RUN: %run-bun %t.wasm 2 > %t.bun2 2>&1 || echo "exit status $?" >> %t.bun2
;; RUN: FileCheck %s --check-prefix=CASE2 < %t.bun2
;; memory.copy from memory 1 into memory 0, past the end:
;; CASE2: case 2
;; CASE2-NEXT: {{^}}wasm trap: out of bounds memory access{{$}}
;; CASE2-NEXT: exit status 134
;; RUN: %run-node %t.wasm 3 > %t.node3 2>&1 || echo "exit status $?" >> %t.node3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.node3
;; RUN: %run-bun %t.wasm 3 > %t.bun3 2>&1 || echo "exit status $?" >> %t.bun3
;; RUN: FileCheck %s --check-prefix=CASE3 < %t.bun3
;; unreachable:
;; CASE3: case 3
;; CASE3-NEXT: {{^}}wasm trap: unreachable{{$}}
;; CASE3-NEXT: exit status 134
;; RUN: %run-node %t.wasm 4 > %t.node4 2>&1 || echo "exit status $?" >> %t.node4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.node4
;; RUN: %run-bun %t.wasm 4 > %t.bun4 2>&1 || echo "exit status $?" >> %t.bun4
;; RUN: FileCheck %s --check-prefix=CASE4 < %t.bun4
;; division by zero:
;; CASE4: case 4
;; CASE4-NEXT: {{^}}wasm trap: integer divide by zero{{$}}
;; CASE4-NEXT: exit status 134
;; RUN: %run-node %t.wasm 5 > %t.node5 2>&1 || echo "exit status $?" >> %t.node5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.node5
;; RUN: %run-bun %t.wasm 5 > %t.bun5 2>&1 || echo "exit status $?" >> %t.bun5
;; RUN: FileCheck %s --check-prefix=CASE5 < %t.bun5
;; signed overflow:
;; CASE5: case 5
;; CASE5-NEXT: {{^}}wasm trap: integer overflow{{$}}
;; CASE5-NEXT: exit status 134
;; RUN: %run-node %t.wasm 6 > %t.node6 2>&1 || echo "exit status $?" >> %t.node6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.node6
;; RUN: %run-bun %t.wasm 6 > %t.bun6 2>&1 || echo "exit status $?" >> %t.bun6
;; RUN: FileCheck %s --check-prefix=CASE6 < %t.bun6
;; float to int of NaN:
;; CASE6: case 6
;; CASE6-NEXT: {{^}}wasm trap: invalid conversion to integer{{$}}
;; CASE6-NEXT: exit status 134
;; RUN: %run-node %t.wasm 7 > %t.node7 2>&1 || echo "exit status $?" >> %t.node7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.node7
;; RUN: %run-bun %t.wasm 7 > %t.bun7 2>&1 || echo "exit status $?" >> %t.bun7
;; RUN: FileCheck %s --check-prefix=CASE7 < %t.bun7
;; call_indirect signature mismatch:
;; CASE7: case 7
;; CASE7-NEXT: {{^}}wasm trap: indirect call type mismatch{{$}}
;; CASE7-NEXT: exit status 134
;; RUN: %run-node %t.wasm 8 > %t.node8 2>&1 || echo "exit status $?" >> %t.node8
;; RUN: FileCheck %s --check-prefix=CASE8 < %t.node8
;; RUN: %run-bun %t.wasm 8 > %t.bun8 2>&1 || echo "exit status $?" >> %t.bun8
;; RUN: FileCheck %s --check-prefix=CASE8 < %t.bun8
;; infinite recursion:
;; CASE8: case 8
;; CASE8-NEXT: {{^}}wasm trap: call stack exhausted{{$}}
;; CASE8-NEXT: exit status 134
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (type $i2i (func (param i32) (result i32)))
  (memory $m0 1)
  (memory $m1 1)
  (export "memory" (memory $m0))
  (table 1 funcref)
  (elem (i32.const 0) $nothing)
  (func $nothing)
  (func $recurse (call $recurse))
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
  (data (memory 0) (i32.const 0xE000) "case")

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
    (local $c i32) (local $zero i32)
    (local.set $c (call $case))
    (call $print (i32.const 0) (local.get $c))
    (if (i32.eq (local.get $c) (i32.const 0)) (then (drop (i32.load $m1 (i32.const 0x10000)))))
    (if (i32.eq (local.get $c) (i32.const 1)) (then (memory.fill $m1 (i32.const 0xFFF0) (i32.const 0) (i32.const 32))))
    (if (i32.eq (local.get $c) (i32.const 2)) (then (memory.copy $m0 $m1 (i32.const 0) (i32.const 0xFFFF) (i32.const 2))))
    (if (i32.eq (local.get $c) (i32.const 3)) (then unreachable))
    (if (i32.eq (local.get $c) (i32.const 4)) (then (drop (i32.div_u (i32.const 1) (local.get $zero)))))
    (if (i32.eq (local.get $c) (i32.const 5)) (then (drop (i32.div_s (i32.const 0x80000000) (i32.sub (local.get $zero) (i32.const 1))))))
    (if (i32.eq (local.get $c) (i32.const 6)) (then (drop (i32.trunc_f32_s (f32.const nan)))))
    (if (i32.eq (local.get $c) (i32.const 7)) (then (drop (call_indirect (type $i2i) (i32.const 0) (i32.const 0)))))
    (if (i32.eq (local.get $c) (i32.const 8)) (then (call $recurse))))
)
