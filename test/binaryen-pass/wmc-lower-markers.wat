;; wmc-lower-markers: every marker kind of docs/toolchain-abi.md section 3
;; becomes the real instruction on the memory's final index (offset 0,
;; natural alignment), memctl.* become wasm:memctl builtins with the final
;; index in the field name, and the marker imports disappear.
;; RUN: %wat2wasm --enable-tail-call --debug-names %s -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --enable-tail-call --finalize -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --enable-tail-call --finalize -o %t.out.wasm
;; RUN: %wasm-validate --enable-threads --enable-tail-call %t.out.wasm
;; RUN: %wasm2wat --enable-threads --enable-tail-call %t.out.wasm | FileCheck %s --check-prefix=NOMARK

;; WMC-DECL: 1 one 1 16 0 0 a.c:1
;; WMC-DECL: 2 two 1 16 MAPPABLE 0 a.c:2

;; NOMARK-NOT: "wmc:
;; CHECK-NOT: (import "wmc:
;; CHECK:     (import "wasm:memctl" "protect.2" (func $wasm:memctl.protect.2 (param i32 i32 i32)))
;; CHECK:     (import "wasm:memctl" "discard.1" (func $wasm:memctl.discard.1 (param i32 i32)))
;; CHECK:     (import "wasm:memctl" "map.2" (func $wasm:memctl.map.2 (param i32 i32 i32 i64 i32) (result i32)))
;; CHECK:     (import "wasm:memctl" "unmap.2" (func $wasm:memctl.unmap.2 (param i32 i32)))
;; CHECK:     (import "wasm:memctl" "protect.3" (func $wasm:memctl.protect.3 (param i32 i32 i32)))
;; CHECK:     (import "wasm:memctl" "protect.0" (func $wasm:memctl.protect.0 (param i32 i32 i32)))
;; CHECK-NOT: (import "wmc:
(module
  (import "wmc:m1" "i32.load" (func $i32.load (param i32) (result i32)))
  (import "wmc:m1" "i64.load" (func $i64.load (param i32) (result i64)))
  (import "wmc:m1" "f32.load" (func $f32.load (param i32) (result f32)))
  (import "wmc:m1" "f64.load" (func $f64.load (param i32) (result f64)))
  (import "wmc:m1" "v128.load" (func $v128.load (param i32) (result v128)))
  (import "wmc:m2" "i32.load8_s" (func $i32.load8_s (param i32) (result i32)))
  (import "wmc:m2" "i32.load8_u" (func $i32.load8_u (param i32) (result i32)))
  (import "wmc:m2" "i32.load16_s" (func $i32.load16_s (param i32) (result i32)))
  (import "wmc:m2" "i32.load16_u" (func $i32.load16_u (param i32) (result i32)))
  (import "wmc:m2" "i64.load8_s" (func $i64.load8_s (param i32) (result i64)))
  (import "wmc:m2" "i64.load16_u" (func $i64.load16_u (param i32) (result i64)))
  (import "wmc:m2" "i64.load32_s" (func $i64.load32_s (param i32) (result i64)))
  (import "wmc:m2" "i64.load32_u" (func $i64.load32_u (param i32) (result i64)))
  (import "wmc:m1" "i32.store" (func $i32.store (param i32 i32)))
  (import "wmc:m1" "i64.store" (func $i64.store (param i32 i64)))
  (import "wmc:m1" "f32.store" (func $f32.store (param i32 f32)))
  (import "wmc:m1" "f64.store" (func $f64.store (param i32 f64)))
  (import "wmc:m1" "v128.store" (func $v128.store (param i32 v128)))
  (import "wmc:m1" "i32.store8" (func $i32.store8 (param i32 i32)))
  (import "wmc:m1" "i32.store16" (func $i32.store16 (param i32 i32)))
  (import "wmc:m1" "i64.store8" (func $i64.store8 (param i32 i64)))
  (import "wmc:m1" "i64.store16" (func $i64.store16 (param i32 i64)))
  (import "wmc:m1" "i64.store32" (func $i64.store32 (param i32 i64)))
  (import "wmc:m1" "i32.atomic.load" (func $i32.atomic.load (param i32) (result i32)))
  (import "wmc:m1" "i64.atomic.load32_u" (func $i64.atomic.load32_u (param i32) (result i64)))
  (import "wmc:m1" "i32.atomic.store8" (func $i32.atomic.store8 (param i32 i32)))
  (import "wmc:m1" "i64.atomic.store" (func $i64.atomic.store (param i32 i64)))
  (import "wmc:m1" "i32.atomic.rmw.add" (func $i32.atomic.rmw.add (param i32 i32) (result i32)))
  (import "wmc:m1" "i32.atomic.rmw.sub" (func $i32.atomic.rmw.sub (param i32 i32) (result i32)))
  (import "wmc:m1" "i32.atomic.rmw.and" (func $i32.atomic.rmw.and (param i32 i32) (result i32)))
  (import "wmc:m1" "i32.atomic.rmw.or" (func $i32.atomic.rmw.or (param i32 i32) (result i32)))
  (import "wmc:m1" "i32.atomic.rmw.xor" (func $i32.atomic.rmw.xor (param i32 i32) (result i32)))
  (import "wmc:m1" "i64.atomic.rmw.xchg" (func $i64.atomic.rmw.xchg (param i32 i64) (result i64)))
  (import "wmc:m1" "i32.atomic.rmw8.add_u" (func $i32.atomic.rmw8.add_u (param i32 i32) (result i32)))
  (import "wmc:m1" "i64.atomic.rmw32.xchg_u" (func $i64.atomic.rmw32.xchg_u (param i32 i64) (result i64)))
  (import "wmc:m1" "i32.atomic.rmw.cmpxchg" (func $i32.atomic.rmw.cmpxchg (param i32 i32 i32) (result i32)))
  (import "wmc:m1" "i64.atomic.rmw16.cmpxchg_u" (func $i64.atomic.rmw16.cmpxchg_u (param i32 i64 i64) (result i64)))
  (import "wmc:m1" "memory.atomic.notify" (func $notify (param i32 i32) (result i32)))
  (import "wmc:m1" "memory.atomic.wait32" (func $wait32 (param i32 i32 i64) (result i32)))
  (import "wmc:m2" "memory.size" (func $size (result i32)))
  (import "wmc:m2" "memory.grow" (func $grow (param i32) (result i32)))
  (import "wmc:m2" "memory.fill" (func $fill (param i32 i32 i32)))
  (import "wmc:m2" "memory.copy.m1" (func $copy.2.1 (param i32 i32 i32)))
  (import "wmc:m0" "memory.copy.m2" (func $copy.0.2 (param i32 i32 i32)))
  (import "wmc:m1" "memory.copy.ro" (func $copy.1.ro (param i32 i32 i32)))
  (import "wmc:m2" "memctl.protect" (func $protect (param i32 i32 i32)))
  (import "wmc:m1" "memctl.discard" (func $discard (param i32 i32)))
  (import "wmc:m2" "memctl.map" (func $map (param i32 i32 i32 i64 i32) (result i32)))
  (import "wmc:m2" "memctl.unmap" (func $unmap (param i32 i32)))
  (import "wmc:ro" "memctl.protect" (func $protect.ro (param i32 i32 i32)))
  (import "wmc:m0" "memctl.protect" (func $protect.0 (param i32 i32 i32)))
  (import "wmc:ro" "i32.load" (func $ro.load (param i32) (result i32)))
  (memory (export "memory") 2)

  ;; CHECK-LABEL: (func $loads
  ;; CHECK:      (i32.load $one
  ;; CHECK-NEXT:  (local.get $p)
  ;; CHECK:      (i64.load $one
  ;; CHECK:      (f32.load $one
  ;; CHECK:      (f64.load $one
  ;; CHECK:      (v128.load $one
  ;; CHECK:      (i32.load8_s $two
  ;; CHECK:      (i32.load8_u $two
  ;; CHECK:      (i32.load16_s $two
  ;; CHECK:      (i32.load16_u $two
  ;; CHECK:      (i64.load8_s $two
  ;; CHECK:      (i64.load16_u $two
  ;; CHECK:      (i64.load32_s $two
  ;; CHECK:      (i64.load32_u $two
  ;; CHECK:      (i32.load $rodata
  (func $loads (param $p i32)
    (drop (call $i32.load (local.get $p)))
    (drop (call $i64.load (local.get $p)))
    (drop (call $f32.load (local.get $p)))
    (drop (call $f64.load (local.get $p)))
    (drop (call $v128.load (local.get $p)))
    (drop (call $i32.load8_s (local.get $p)))
    (drop (call $i32.load8_u (local.get $p)))
    (drop (call $i32.load16_s (local.get $p)))
    (drop (call $i32.load16_u (local.get $p)))
    (drop (call $i64.load8_s (local.get $p)))
    (drop (call $i64.load16_u (local.get $p)))
    (drop (call $i64.load32_s (local.get $p)))
    (drop (call $i64.load32_u (local.get $p)))
    (drop (call $ro.load (local.get $p))))

  ;; CHECK-LABEL: (func $stores
  ;; CHECK:      (i32.store $one
  ;; CHECK-NEXT:  (local.get $p)
  ;; CHECK-NEXT:  (i32.const 7)
  ;; CHECK:      (i64.store $one
  ;; CHECK:      (f32.store $one
  ;; CHECK:      (f64.store $one
  ;; CHECK:      (v128.store $one
  ;; CHECK:      (i32.store8 $one
  ;; CHECK:      (i32.store16 $one
  ;; CHECK:      (i64.store8 $one
  ;; CHECK:      (i64.store16 $one
  ;; CHECK:      (i64.store32 $one
  (func $stores (param $p i32)
    (call $i32.store (local.get $p) (i32.const 7))
    (call $i64.store (local.get $p) (i64.const 7))
    (call $f32.store (local.get $p) (f32.const 7))
    (call $f64.store (local.get $p) (f64.const 7))
    (call $v128.store (local.get $p) (v128.const i32x4 1 2 3 4))
    (call $i32.store8 (local.get $p) (i32.const 7))
    (call $i32.store16 (local.get $p) (i32.const 7))
    (call $i64.store8 (local.get $p) (i64.const 7))
    (call $i64.store16 (local.get $p) (i64.const 7))
    (call $i64.store32 (local.get $p) (i64.const 7)))

  ;; CHECK-LABEL: (func $atomics
  ;; CHECK:      (i32.atomic.load $one
  ;; CHECK:      (i64.atomic.load32_u $one
  ;; CHECK:      (i32.atomic.store8 $one
  ;; CHECK:      (i64.atomic.store $one
  ;; CHECK:      (i32.atomic.rmw.add $one
  ;; CHECK:      (i32.atomic.rmw.sub $one
  ;; CHECK:      (i32.atomic.rmw.and $one
  ;; CHECK:      (i32.atomic.rmw.or $one
  ;; CHECK:      (i32.atomic.rmw.xor $one
  ;; CHECK:      (i64.atomic.rmw.xchg $one
  ;; CHECK:      (i32.atomic.rmw8.add_u $one
  ;; CHECK:      (i64.atomic.rmw32.xchg_u $one
  ;; CHECK:      (i32.atomic.rmw.cmpxchg $one
  ;; CHECK:      (i64.atomic.rmw16.cmpxchg_u $one
  ;; CHECK:      (memory.atomic.notify $one
  ;; CHECK:      (memory.atomic.wait32 $one
  (func $atomics (param $p i32)
    (drop (call $i32.atomic.load (local.get $p)))
    (drop (call $i64.atomic.load32_u (local.get $p)))
    (call $i32.atomic.store8 (local.get $p) (i32.const 1))
    (call $i64.atomic.store (local.get $p) (i64.const 1))
    (drop (call $i32.atomic.rmw.add (local.get $p) (i32.const 1)))
    (drop (call $i32.atomic.rmw.sub (local.get $p) (i32.const 1)))
    (drop (call $i32.atomic.rmw.and (local.get $p) (i32.const 1)))
    (drop (call $i32.atomic.rmw.or (local.get $p) (i32.const 1)))
    (drop (call $i32.atomic.rmw.xor (local.get $p) (i32.const 1)))
    (drop (call $i64.atomic.rmw.xchg (local.get $p) (i64.const 1)))
    (drop (call $i32.atomic.rmw8.add_u (local.get $p) (i32.const 1)))
    (drop (call $i64.atomic.rmw32.xchg_u (local.get $p) (i64.const 1)))
    (drop (call $i32.atomic.rmw.cmpxchg (local.get $p) (i32.const 1) (i32.const 2)))
    (drop (call $i64.atomic.rmw16.cmpxchg_u (local.get $p) (i64.const 1) (i64.const 2)))
    (drop (call $notify (local.get $p) (i32.const 1)))
    (drop (call $wait32 (local.get $p) (i32.const 0) (i64.const 0))))

  ;; CHECK-LABEL: (func $bulk
  ;; CHECK:      (memory.size $two)
  ;; CHECK:      (memory.grow $two
  ;; CHECK-NEXT:  (i32.const 1)
  ;; CHECK:      (memory.fill $two
  ;; CHECK:      (memory.copy $two $one
  ;; CHECK:      (memory.copy $0 $two
  ;; CHECK:      (memory.copy $one $rodata
  (func $bulk (param $p i32)
    (drop (call $size))
    (drop (call $grow (i32.const 1)))
    (call $fill (local.get $p) (i32.const 0) (i32.const 16))
    (call $copy.2.1 (local.get $p) (local.get $p) (i32.const 16))
    (call $copy.0.2 (local.get $p) (local.get $p) (i32.const 16))
    (call $copy.1.ro (local.get $p) (local.get $p) (i32.const 16)))

  ;; CHECK-LABEL: (func $builtins
  ;; CHECK:      (call $wasm:memctl.protect.2
  ;; CHECK-NEXT:  (i32.const 4096)
  ;; CHECK-NEXT:  (i32.const 4096)
  ;; CHECK-NEXT:  (i32.const 1)
  ;; CHECK:      (call $wasm:memctl.discard.1
  ;; CHECK:      (call $wasm:memctl.map.2
  ;; CHECK:      (call $wasm:memctl.unmap.2
  ;; CHECK:      (call $wasm:memctl.protect.3
  ;; CHECK:      (call $wasm:memctl.protect.0
  (func $builtins
    (call $protect (i32.const 4096) (i32.const 4096) (i32.const 1))
    (call $discard (i32.const 0) (i32.const 4096))
    (drop (call $map (i32.const 0) (i32.const 4096) (i32.const 3) (i64.const 0) (i32.const 1)))
    (call $unmap (i32.const 0) (i32.const 4096))
    (call $protect.ro (i32.const 0) (i32.const 4096) (i32.const 0))
    (call $protect.0 (i32.const 0) (i32.const 4096) (i32.const 0)))

  ;; A marker used as a tail call still lowers.
  ;; CHECK-LABEL: (func $tail
  ;; CHECK:      (return
  ;; CHECK-NEXT:  (i32.load $one
  (func $tail (param $p i32) (result i32)
    (return_call $i32.load (local.get $p)))

  (func (export "_start")
    (call $loads (i32.const 0))))
