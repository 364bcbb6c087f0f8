;; WASI calls that would read a no-access page, or write a read or no-access
;; page, of memory 0 (protected with protect.0) return EFAULT (21) and touch
;; nothing; the same calls on read-write pages succeed; protections survive
;; memory.grow, and grown pages are read-write (docs/memory-control.md §3, §4);
;; unmap in an ordinary memory makes pages read-write again.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %run-node %t.wasm | FileCheck %s
;; RUN: %run-bun %t.wasm | FileCheck %s
;; CHECK: random_get into read page 21
;; CHECK-NEXT: read page unchanged 1234
;; CHECK-NEXT: clock_time_get into read page 21
;; CHECK-NEXT: args_sizes_get into read page 21
;; CHECK-NEXT: args_get into read page 21
;; CHECK-NEXT: fd_write nwritten in read page 21
;; CHECK-NEXT: fd_write iovecs on no-access 21
;; CHECK-NEXT: fd_write buf spans no-access 21
;; CHECK-NEXT: path_open path on no-access 21
;; CHECK-NEXT: path_open fd out in read page 21
;; CHECK-NEXT: hi
;; CHECK-NEXT: fd_write from read page 0
;; CHECK-NEXT: random_get into read-write page 0
;; CHECK-NEXT: after grow, still protected 21
;; CHECK-NEXT: grown page is read-write 0
;; CHECK-NEXT: after protect 3, writable 0
;; CHECK-NEXT: no-access page 21
;; CHECK-NEXT: after unmap, read-write 0
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasm:memctl" "protect.0" (func $protect0 (param i32 i32 i32)))
  (import "wasm:memctl" "unmap.0" (func $unmap0 (param i32 i32)))
  (memory $m0 1)
  (export "memory" (memory $m0))
  ;; Page 1 (0x1000) becomes read-only, page 2 (0x2000) no-access.
  (data (memory $m0) (i32.const 0x1000) "\d2\04\00\00hi\0a")
  ;; Labels for $print, one per 32-byte slot of memory 0 at 0xE000.
  (data (memory 0) (i32.const 0xE000) "random_get into read page")
  (data (memory 0) (i32.const 0xE020) "read page unchanged")
  (data (memory 0) (i32.const 0xE040) "clock_time_get into read page")
  (data (memory 0) (i32.const 0xE060) "args_sizes_get into read page")
  (data (memory 0) (i32.const 0xE080) "args_get into read page")
  (data (memory 0) (i32.const 0xE0A0) "fd_write nwritten in read page")
  (data (memory 0) (i32.const 0xE0C0) "fd_write iovecs on no-access")
  (data (memory 0) (i32.const 0xE0E0) "fd_write buf spans no-access")
  (data (memory 0) (i32.const 0xE100) "path_open path on no-access")
  (data (memory 0) (i32.const 0xE120) "path_open fd out in read page")
  (data (memory 0) (i32.const 0xE140) "fd_write from read page")
  (data (memory 0) (i32.const 0xE160) "random_get into read-write page")
  (data (memory 0) (i32.const 0xE180) "after grow, still protected")
  (data (memory 0) (i32.const 0xE1A0) "grown page is read-write")
  (data (memory 0) (i32.const 0xE1C0) "after protect 3, writable")
  (data (memory 0) (i32.const 0xE1E0) "no-access page")
  (data (memory 0) (i32.const 0xE200) "after unmap, read-write")

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
    (local $e i32)
    (call $protect0 (i32.const 0x1000) (i32.const 0x1000) (i32.const 1))
    (call $protect0 (i32.const 0x2000) (i32.const 0x1000) (i32.const 0))
    (call $print (i32.const 0) (call $random_get (i32.const 0x1000) (i32.const 4)))
    (call $print (i32.const 1) (i32.load (i32.const 0x1000)))
    (call $print (i32.const 2) (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 0x1008)))
    (call $print (i32.const 3) (call $args_sizes_get (i32.const 0x3000) (i32.const 0x1000)))
    (call $print (i32.const 4) (call $args_get (i32.const 0x1000) (i32.const 0x3000)))
    ;; iovec {0x1004, 3} ("hi\n" on the read page) at 0x3000.
    (i32.store (i32.const 0x3000) (i32.const 0x1004))
    (i32.store (i32.const 0x3004) (i32.const 3))
    (call $print (i32.const 5) (call $fd_write (i32.const 1) (i32.const 0x3000) (i32.const 1) (i32.const 0x1010)))
    (call $print (i32.const 6) (call $fd_write (i32.const 1) (i32.const 0x2000) (i32.const 1) (i32.const 0x3010)))
    (i32.store (i32.const 0x3020) (i32.const 0x1ffe))
    (i32.store (i32.const 0x3024) (i32.const 4))
    (call $print (i32.const 7) (call $fd_write (i32.const 1) (i32.const 0x3020) (i32.const 1) (i32.const 0x3010)))
    (call $print (i32.const 8) (call $path_open (i32.const 3) (i32.const 0) (i32.const 0x2000) (i32.const 4) (i32.const 0)
                                                (i64.const 6) (i64.const 0) (i32.const 0) (i32.const 0x3010)))
    (call $print (i32.const 9) (call $path_open (i32.const 3) (i32.const 0) (i32.const 0x3000) (i32.const 0) (i32.const 0)
                                                (i64.const 6) (i64.const 0) (i32.const 0) (i32.const 0x1000)))
    ;; Reading a read page is fine: this prints "hi".
    (local.set $e (call $fd_write (i32.const 1) (i32.const 0x3000) (i32.const 1) (i32.const 0x3010)))
    (call $print (i32.const 10) (local.get $e))
    (call $print (i32.const 11) (call $random_get (i32.const 0x3100) (i32.const 64)))
    (drop (memory.grow (i32.const 1)))
    (call $print (i32.const 12) (call $random_get (i32.const 0x1000) (i32.const 4)))
    (call $print (i32.const 13) (call $random_get (i32.const 0x10000) (i32.const 4096)))
    (call $protect0 (i32.const 0x1000) (i32.const 0x2000) (i32.const 3))
    (call $print (i32.const 14) (call $random_get (i32.const 0x1000) (i32.const 0x2000)))
    ;; unmap of an ordinary memory leaves read-write zero pages.
    (call $protect0 (i32.const 0x4000) (i32.const 0x1000) (i32.const 0))
    (call $print (i32.const 15) (call $random_get (i32.const 0x4000) (i32.const 4)))
    (call $unmap0 (i32.const 0x4000) (i32.const 0x1000))
    (call $print (i32.const 16) (call $random_get (i32.const 0x4000) (i32.const 4))))
)
