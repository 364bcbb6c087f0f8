;; The wasm:memctl builtins on an ordinary memory (memory 0, 2 wasm pages):
;; protect (none / read / read-write), discard (reads zero afterwards),
;; map of anonymous pages (fd -1), unmap, page_size — and the trap of every
;; operand check, in the documented order.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wmc-run --invoke page_size %t.wasm | FileCheck %s --check-prefix=PS
;; PS: 4096
;; protect read: loads still work, stores trap; read-write again: stores work.
;; RUN: %wmc-run --invoke protect-read-load %t.wasm | FileCheck %s --check-prefix=RL
;; RL: 42
;; RUN: not %wmc-run --invoke protect-read-store %t.wasm 2>&1 | FileCheck %s --check-prefix=RS
;; RS: wasm trap: write to read-only memory (memory 0, address 0x1004, write)
;; RUN: %wmc-run --invoke protect-rw-store %t.wasm | FileCheck %s --check-prefix=RW
;; RW: 7
;; protect none: loads and stores trap.
;; RUN: not %wmc-run --invoke protect-none-load %t.wasm 2>&1 | FileCheck %s --check-prefix=NL
;; NL: wasm trap: access to no-access memory (memory 0, address 0x2008, read)
;; RUN: not %wmc-run --invoke protect-none-store %t.wasm 2>&1 | FileCheck %s --check-prefix=NS
;; NS: wasm trap: access to no-access memory (memory 0, address 0x2008, write)
;; A fill that starts in a writable page and ends in a read page traps
;; without writing anything (the byte before the read page is still 0).
;; RUN: not %wmc-run --invoke fill-across %t.wasm 2>&1 | FileCheck %s --check-prefix=FA
;; FA: wasm trap: write to read-only memory (memory 0, address 0x3000, memory.fill)
;; RUN: %wmc-run --invoke fill-across-check %t.wasm | FileCheck %s --check-prefix=ZERO
;; discard: the range reads zero, the page stays writable.
;; RUN: %wmc-run --invoke discard %t.wasm | FileCheck %s --check-prefix=DISCARD
;; DISCARD: 0
;; DISCARD-NEXT: 5
;; unmap of an ordinary memory: zero pages, read-write (even after protect none).
;; RUN: %wmc-run --invoke unmap %t.wasm | FileCheck %s --check-prefix=ZERO
;; map anonymous (fd -1) with prot read: returns 0, reads zero, stores trap.
;; RUN: %wmc-run --invoke map-anon %t.wasm | FileCheck %s --check-prefix=ZERO
;; RUN: not %wmc-run --invoke map-anon-store %t.wasm 2>&1 | FileCheck %s --check-prefix=MS
;; MS: wasm trap: write to read-only memory (memory 0, address 0x5000, write)
;; ZERO: 0
;; Operand checks: prot, alignment, bounds (len 0 at the end is fine).
;; RUN: not %wmc-run --invoke protect %t.wasm 0x1000 0x1000 2 2>&1 | FileCheck %s --check-prefix=PROT
;; PROT: wasm trap: invalid protection value (protect.0 addr=0x1000 len=0x1000 prot=2)
;; RUN: not %wmc-run --invoke protect %t.wasm 0x1001 0x1000 7 2>&1 | FileCheck %s --check-prefix=PROT7
;; PROT7: wasm trap: invalid protection value
;; RUN: not %wmc-run --invoke discard-range %t.wasm 0x1001 0x1000 2>&1 | FileCheck %s --check-prefix=ALIGN
;; ALIGN: wasm trap: misaligned memory-control range (discard.0 addr=0x1001 len=0x1000: must be multiples of 4096)
;; RUN: not %wmc-run --invoke discard-range %t.wasm 0x1000 0x10 2>&1 | FileCheck %s --check-prefix=ALIGN2
;; ALIGN2: wasm trap: misaligned memory-control range
;; RUN: not %wmc-run --invoke discard-range %t.wasm 0x1f000 0x2000 2>&1 | FileCheck %s --check-prefix=OOB
;; OOB: wasm trap: out of bounds memory-control range (discard.0 addr=0x1f000 len=0x2000: memory 0 has 0x20000 bytes)
;; RUN: not %wmc-run --invoke discard-range %t.wasm 0xfffff000 0x2000 2>&1 | FileCheck %s --check-prefix=OOB2
;; OOB2: wasm trap: out of bounds memory-control range
;; RUN: %wmc-run --invoke discard-range %t.wasm 0x20000 0 2>&1 | FileCheck %s --check-prefix=OK --allow-empty
;; OK-NOT: wasm trap
(module
  (import "wasm:memctl" "protect.0" (func $protect (param i32 i32 i32)))
  (import "wasm:memctl" "discard.0" (func $discard (param i32 i32)))
  (import "wasm:memctl" "map.0" (func $map (param i32 i32 i32 i64 i32) (result i32)))
  (import "wasm:memctl" "unmap.0" (func $unmap (param i32 i32)))
  (import "wasm:memctl" "page_size" (func $page_size (result i32)))
  (memory 2)
  (func (export "page_size") (result i32) (call $page_size))
  (func (export "protect") (param i32 i32 i32)
    (call $protect (local.get 0) (local.get 1) (local.get 2)))
  (func (export "discard-range") (param i32 i32)
    (call $discard (local.get 0) (local.get 1)))
  (func (export "protect-read-load") (result i32)
    (i32.store (i32.const 0x1004) (i32.const 42))
    (call $protect (i32.const 0x1000) (i32.const 0x1000) (i32.const 1))
    (i32.load (i32.const 0x1004)))
  (func (export "protect-read-store")
    (call $protect (i32.const 0x1000) (i32.const 0x1000) (i32.const 1))
    (i32.store (i32.const 0x1004) (i32.const 42)))
  (func (export "protect-rw-store") (result i32)
    (call $protect (i32.const 0x1000) (i32.const 0x1000) (i32.const 1))
    (call $protect (i32.const 0x1000) (i32.const 0x1000) (i32.const 3))
    (i32.store (i32.const 0x1004) (i32.const 7))
    (i32.load (i32.const 0x1004)))
  (func (export "protect-none-load") (result i32)
    (call $protect (i32.const 0x2000) (i32.const 0x1000) (i32.const 0))
    (i32.load (i32.const 0x2008)))
  (func (export "protect-none-store")
    (call $protect (i32.const 0x2000) (i32.const 0x1000) (i32.const 0))
    (i32.store (i32.const 0x2008) (i32.const 1)))
  (func (export "fill-across")
    (call $protect (i32.const 0x3000) (i32.const 0x1000) (i32.const 1))
    (memory.fill (i32.const 0x2ff0) (i32.const 9) (i32.const 0x20)))
  (func (export "fill-across-check") (result i32)
    (call $protect (i32.const 0x3000) (i32.const 0x1000) (i32.const 1))
    (block (memory.fill (i32.const 0x2ff0) (i32.const 9) (i32.const 0)))
    (i32.load8_u (i32.const 0x2ff0)))
  (func (export "discard") (result i32 i32)
    (i32.store (i32.const 0x4010) (i32.const 99))
    (call $discard (i32.const 0x4000) (i32.const 0x1000))
    (i32.load (i32.const 0x4010))
    (i32.store (i32.const 0x4010) (i32.const 5))
    (i32.load (i32.const 0x4010)))
  (func (export "unmap") (result i32)
    (i32.store (i32.const 0x4010) (i32.const 99))
    (call $protect (i32.const 0x4000) (i32.const 0x1000) (i32.const 0))
    (call $unmap (i32.const 0x4000) (i32.const 0x1000))
    (i32.store (i32.const 0x4014) (i32.const 1))
    (i32.load (i32.const 0x4010)))
  (func (export "map-anon") (result i32)
    (i32.store (i32.const 0x5000) (i32.const 99))
    (i32.add
      (call $map (i32.const 0x5000) (i32.const 0x1000) (i32.const -1) (i64.const 0) (i32.const 1))
      (i32.load (i32.const 0x5000))))
  (func (export "map-anon-store")
    (drop (call $map (i32.const 0x5000) (i32.const 0x1000) (i32.const -1) (i64.const 0) (i32.const 1)))
    (i32.store (i32.const 0x5000) (i32.const 1))))
