;; Null guard on memory 0, a mappable memory 1, a read-only memory 2, and
;; memory.grow. Section: 3 entries — memory 0 guard 4096 (uleb 80 20),
;; memory 1 mappable, memory 2 read-only.
;; RUN: %wat2wasm --debug-names %s -o %t.plain.wasm
;; RUN: python3 %S/Inputs/addsec.py %t.plain.wasm %t.wasm wmc.protections 01 03  00 00 8020  01 02 00  02 01 00
;; Null guard: *(int *)0 traps, reads and writes; page 1 is fine. The data
;; segment written into the guard before the protections is not readable.
;; RUN: not %wmc-run --invoke load0 %t.wasm 0 2>&1 | FileCheck %s --check-prefix=G0
;; G0: wasm trap: access to no-access memory (memory 0 "main", address 0x0, read)
;; RUN: not %wmc-run --invoke load0 %t.wasm 0xffc 2>&1 | FileCheck %s --check-prefix=G1
;; G1: wasm trap: access to no-access memory (memory 0 "main", address 0xffc, read)
;; RUN: not %wmc-run --invoke store0 %t.wasm 8 2>&1 | FileCheck %s --check-prefix=G2
;; G2: wasm trap: access to no-access memory (memory 0 "main", address 0x8, write)
;; RUN: %wmc-run --invoke load0 %t.wasm 0x1000 | FileCheck %s --check-prefix=ZERO
;; ZERO: 0
;; memory-control operations may not touch the guard.
;; RUN: not %wmc-run --invoke discard0 %t.wasm 0 2>&1 | FileCheck %s --check-prefix=GD
;; GD: wasm trap: memory-control range overlaps null guard (discard.0 addr=0x0 len=0x1000: memory 0 "main" guard is [0, 0x1000))
;; Mappable memory: unmapped pages trap until mapped; protect needs mapped pages.
;; RUN: not %wmc-run --invoke load1 %t.wasm 0x100 2>&1 | FileCheck %s --check-prefix=M0
;; M0: wasm trap: access to no-access memory (memory 1 "pool", address 0x100, read)
;; RUN: not %wmc-run --invoke protect1 %t.wasm 2>&1 | FileCheck %s --check-prefix=M1
;; M1: wasm trap: memory-control range not mapped (protect.1 page at 0x0 of memory 1 "pool")
;; RUN: %wmc-run --invoke map1 %t.wasm | FileCheck %s --check-prefix=M2
;; M2: 0
;; M2-NEXT: 77
;; Unmap makes the pages unmapped again.
;; RUN: not %wmc-run --invoke map-unmap1 %t.wasm 2>&1 | FileCheck %s --check-prefix=M3
;; M3: wasm trap: access to no-access memory (memory 1 "pool", address 0x0, read)
;; Growth: mappable grown pages are unmapped, read-only grown pages are
;; read-only (and readable), ordinary grown pages are read-write even above
;; a protected page.
;; RUN: not %wmc-run --invoke grow1 %t.wasm 2>&1 | FileCheck %s --check-prefix=GR1
;; GR1: wasm trap: access to no-access memory (memory 1 "pool", address 0x10000, write)
;; RUN: not %wmc-run --invoke grow2 %t.wasm 2>&1 | FileCheck %s --check-prefix=GR2
;; GR2: wasm trap: write to read-only memory (memory 2 "rodata", address 0x10000, write)
;; RUN: %wmc-run --invoke grow2-load %t.wasm | FileCheck %s --check-prefix=ZERO
;; RUN: %wmc-run --invoke grow0 %t.wasm | FileCheck %s --check-prefix=GR0
;; GR0: 5
;; RUN: not %wmc-run --invoke grow0-old %t.wasm 2>&1 | FileCheck %s --check-prefix=GR0OLD
;; GR0OLD: wasm trap: write to read-only memory (memory 0 "main", address 0xf000, write)
;; Any operation on a read-only memory traps.
;; RUN: not %wmc-run --invoke discard2 %t.wasm 2>&1 | FileCheck %s --check-prefix=RO
;; RO: wasm trap: memory-control operation on read-only memory (discard.2 addr=0x0 len=0x1000: memory 2 "rodata")
;; --describe shows the same state.
;; RUN: %wmc-run --describe %t.wasm | FileCheck %s --check-prefix=DESC
;; DESC:      memory name                  min      max  flags
;; DESC-NEXT: 0      main                    1        -  null-guard
;; DESC-NEXT:          data 0: [0x0, 0x4) 4 bytes
;; DESC-NEXT:          protected [0x0, 0x1000) no-access (null guard)
;; DESC-NEXT: 1      pool                    1        4  mappable
;; DESC-NEXT:          protected [0x0, 0x10000) no-access until mapped (and grown pages)
;; DESC-NEXT: 2      rodata                  1        2  readonly
;; DESC-NEXT:          data 1: [0x10, 0x13) 3 bytes
;; DESC-NEXT:          protected [0x0, 0x10000) read-only (and grown pages)
;; DESC-NEXT: builtin wasm:memctl.protect.0
(module
  (import "wasm:memctl" "protect.0" (func $protect0 (param i32 i32 i32)))
  (import "wasm:memctl" "discard.0" (func $discard0 (param i32 i32)))
  (import "wasm:memctl" "protect.1" (func $protect1 (param i32 i32 i32)))
  (import "wasm:memctl" "map.1" (func $map1 (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasm:memctl" "unmap.1" (func $unmap1 (param i32 i32)))
  (import "wasm:memctl" "discard.2" (func $discard2 (param i32 i32)))
  (memory $main 1)
  (memory $pool 1 4)
  (memory $rodata 1 2)
  (data (memory $main) (i32.const 0) "\01\02\03\04")
  (data (memory $rodata) (i32.const 0x10) "abc")
  (func (export "load0") (param i32) (result i32) (i32.load $main (local.get 0)))
  (func (export "store0") (param i32) (i32.store $main (local.get 0) (i32.const 1)))
  (func (export "discard0") (param i32) (call $discard0 (local.get 0) (i32.const 0x1000)))
  (func (export "load1") (param i32) (result i32) (i32.load $pool (local.get 0)))
  (func (export "protect1")
    (call $protect1 (i32.const 0) (i32.const 0x1000) (i32.const 3)))
  (func (export "map1") (result i32 i32)
    (call $map1 (i32.const 0) (i32.const 0x2000) (i32.const -1) (i64.const 0) (i32.const 3))
    (i32.store $pool (i32.const 0x1ffc) (i32.const 77))
    (call $protect1 (i32.const 0) (i32.const 0x1000) (i32.const 1))
    (i32.load $pool (i32.const 0x1ffc)))
  (func (export "map-unmap1") (result i32)
    (drop (call $map1 (i32.const 0) (i32.const 0x2000) (i32.const -1) (i64.const 0) (i32.const 3)))
    (call $unmap1 (i32.const 0) (i32.const 0x1000))
    (i32.load $pool (i32.const 0x1000))
    (i32.load $pool (i32.const 0))
    (i32.add))
  (func (export "grow1")
    (drop (memory.grow $pool (i32.const 1)))
    (i32.store $pool (i32.const 0x10000) (i32.const 1)))
  (func (export "grow2")
    (drop (memory.grow $rodata (i32.const 1)))
    (i32.store $rodata (i32.const 0x10000) (i32.const 1)))
  (func (export "grow2-load") (result i32)
    (drop (memory.grow $rodata (i32.const 1)))
    (i32.load $rodata (i32.const 0x10000)))
  (func (export "grow0") (result i32)
    (call $protect0 (i32.const 0xf000) (i32.const 0x1000) (i32.const 1))
    (drop (memory.grow $main (i32.const 1)))
    (i32.store $main (i32.const 0x10000) (i32.const 5))
    (i32.load $main (i32.const 0x10000)))
  (func (export "grow0-old")
    (call $protect0 (i32.const 0xf000) (i32.const 0x1000) (i32.const 1))
    (drop (memory.grow $main (i32.const 1)))
    (i32.store $main (i32.const 0xf000) (i32.const 5)))
  (func (export "discard2") (call $discard2 (i32.const 0) (i32.const 0x1000))))
