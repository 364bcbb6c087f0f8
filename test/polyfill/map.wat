;; map.<k> copies a file the guest opened through WASI into memory k (bytes
;; past the end of the file read as zero), guest writes stay private, unmap
;; zeroes the range, and file problems return WASI errnos.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: rm -rf %t.dir && mkdir -p %t.dir
;; RUN: printf 'HELLO-MAP' > %t.dir/in.txt
;; RUN: python3 -c "open('%t.dir/big.txt', 'w').write('a' * 4096 + 'SECOND')"
;; RUN: cd %t.dir && %run-node %t.wasm | FileCheck %s
;; RUN: cd %t.dir && %run-bun %t.wasm | FileCheck %s
;; The file never changes.
;; RUN: cat %t.dir/in.txt | FileCheck %s --check-prefix=FILE
;; FILE: {{^HELLO-MAP$}}
;; CHECK: map errno 0
;; CHECK-NEXT: HELLO-MAP 72
;; CHECK-NEXT: past end of file 0
;; CHECK-NEXT: last mapped byte 0
;; CHECK-NEXT: private write 74
;; CHECK-NEXT: after unmap 0
;; CHECK-NEXT: offset map errno 0
;; CHECK-NEXT: SECOND 83
;; CHECK-NEXT: anonymous map errno 0
;; CHECK-NEXT: anonymous reads 0
;; CHECK-NEXT: bad fd errno 8
;; CHECK-NEXT: misaligned offset errno 28
;; CHECK-NEXT: negative offset errno 28
;; CHECK-NEXT: stdout errno 43
;; CHECK-NEXT: directory errno 43
;; CHECK-NEXT: write-only fd errno 2
;; CHECK-NEXT: closed fd errno 8
;; CHECK-NEXT: unchanged after errors 83
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
  (import "wasm:memctl" "map.1" (func $map1 (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasm:memctl" "unmap.1" (func $unmap1 (param i32 i32)))
  (memory $m0 1)
  (memory $m1 1)
  (export "memory" (memory $m0))
  (data (memory $m0) (i32.const 0xD000) "in.txt")
  (data (memory $m0) (i32.const 0xD010) "big.txt")
  ;; open(path, len, rights) -> fd (fd written to 0xD100 by path_open).
  (func $open (param $p i32) (param $l i32) (param $rights i64) (result i32)
    (drop (call $path_open (i32.const 3) (i32.const 0) (local.get $p) (local.get $l) (i32.const 0)
                           (local.get $rights) (i64.const 0) (i32.const 0) (i32.const 0xD100)))
    (i32.load (i32.const 0xD100)))
  ;; Labels for $print, one per 32-byte slot of memory 0 at 0xE000.
  (data (memory 0) (i32.const 0xE000) "map errno")
  (data (memory 0) (i32.const 0xE020) "HELLO-MAP")
  (data (memory 0) (i32.const 0xE040) "past end of file")
  (data (memory 0) (i32.const 0xE060) "last mapped byte")
  (data (memory 0) (i32.const 0xE080) "private write")
  (data (memory 0) (i32.const 0xE0A0) "after unmap")
  (data (memory 0) (i32.const 0xE0C0) "offset map errno")
  (data (memory 0) (i32.const 0xE0E0) "SECOND")
  (data (memory 0) (i32.const 0xE100) "anonymous map errno")
  (data (memory 0) (i32.const 0xE120) "anonymous reads")
  (data (memory 0) (i32.const 0xE140) "bad fd errno")
  (data (memory 0) (i32.const 0xE160) "misaligned offset errno")
  (data (memory 0) (i32.const 0xE180) "negative offset errno")
  (data (memory 0) (i32.const 0xE1A0) "stdout errno")
  (data (memory 0) (i32.const 0xE1C0) "directory errno")
  (data (memory 0) (i32.const 0xE1E0) "write-only fd errno")
  (data (memory 0) (i32.const 0xE200) "closed fd errno")
  (data (memory 0) (i32.const 0xE220) "unchanged after errors")

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
    (local $fd i32)
    ;; fd_read and fd_seek rights (bits 1 and 2).
    (local.set $fd (call $open (i32.const 0xD000) (i32.const 6) (i64.const 6)))
    (call $print (i32.const 0) (call $map1 (i32.const 0x1000) (i32.const 0x2000) (local.get $fd) (i64.const 0) (i32.const 3)))
    ;; Label 1 becomes the mapped text.
    (memory.copy $m0 $m1 (i32.const 0xE020) (i32.const 0x1000) (i32.const 9))
    (call $print (i32.const 1) (i32.load8_u $m1 (i32.const 0x1000)))
    (call $print (i32.const 2) (i32.load8_u $m1 (i32.const 0x1009)))
    (call $print (i32.const 3) (i32.load8_u $m1 (i32.const 0x2FFF)))
    (i32.store8 $m1 (i32.const 0x1000) (i32.const 74))
    (call $print (i32.const 4) (i32.load8_u $m1 (i32.const 0x1000)))
    (call $unmap1 (i32.const 0x1000) (i32.const 0x2000))
    (call $print (i32.const 5) (i32.load8_u $m1 (i32.const 0x1000)))
    ;; Offset 4096 of big.txt.
    (local.set $fd (call $open (i32.const 0xD010) (i32.const 7) (i64.const 6)))
    (call $print (i32.const 6) (call $map1 (i32.const 0x4000) (i32.const 0x1000) (local.get $fd) (i64.const 4096) (i32.const 1)))
    (memory.copy $m0 $m1 (i32.const 0xE0E0) (i32.const 0x4000) (i32.const 6))
    (call $print (i32.const 7) (i32.load8_u $m1 (i32.const 0x4000)))
    ;; Anonymous mapping (fd -1) over dirty bytes.
    (i32.store $m1 (i32.const 0x6000) (i32.const -1))
    (call $print (i32.const 8) (call $map1 (i32.const 0x6000) (i32.const 0x1000) (i32.const -1) (i64.const 0) (i32.const 3)))
    (call $print (i32.const 9) (i32.load $m1 (i32.const 0x6000)))
    ;; Errors leave the range alone.
    (call $print (i32.const 10) (call $map1 (i32.const 0x4000) (i32.const 0x1000) (i32.const 99) (i64.const 0) (i32.const 3)))
    (call $print (i32.const 11) (call $map1 (i32.const 0x4000) (i32.const 0x1000) (local.get $fd) (i64.const 1) (i32.const 3)))
    (call $print (i32.const 12) (call $map1 (i32.const 0x4000) (i32.const 0x1000) (local.get $fd) (i64.const -4096) (i32.const 3)))
    (call $print (i32.const 13) (call $map1 (i32.const 0x4000) (i32.const 0x1000) (i32.const 1) (i64.const 0) (i32.const 3)))
    (call $print (i32.const 14) (call $map1 (i32.const 0x4000) (i32.const 0x1000) (i32.const 3) (i64.const 0) (i32.const 3)))
    ;; fd_write right only (bit 6).
    (call $print (i32.const 15) (call $map1 (i32.const 0x4000) (i32.const 0x1000)
      (call $open (i32.const 0xD000) (i32.const 6) (i64.const 64)) (i64.const 0) (i32.const 3)))
    (drop (call $fd_close (local.get $fd)))
    (call $print (i32.const 16) (call $map1 (i32.const 0x4000) (i32.const 0x1000) (local.get $fd) (i64.const 0) (i32.const 3)))
    (call $print (i32.const 17) (i32.load8_u $m1 (i32.const 0x4000))))
)
