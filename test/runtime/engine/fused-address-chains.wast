;; Fused address chains: an axpy loop's pointer arithmetic (I32Add2, or
;; I32AddImm, just before a multiply-add: F64/F32MulAddRmwAdd2 and
;; ...AddImm, one dispatch doing the adds first) and SHA-2-style sums of
;; two loads (I32AddLoad feeding an i32.add of a second load: I32Add2Load,
;; and I32Add2LoadX whose second address is slot + slot). Values, and
;; traps in every fused form leaving what ran before them visible: the
;; elements updated (or not) when the c or the b access of a round is out
;; of bounds in the Add2 or the AddImm form, the schedule's store of the
;; round before the one whose second load traps, the global written in
;; the round before. Expected values: node 26 (V8), same call order on
;; one instance.
;; RUN: %wmc-spectest %s | FileCheck %s
;; CHECK: {{^}}49 passed, 0 failed
(module
  (memory 1)
  (global $gt (mut i32) (i32.const 0))
  (func (export "gt") (result i32) (global.get $gt))
  ;; fillf(p, n, seed): f32 p[i] = (i * 5 + seed) % 11 / 8, i < n
  (func (export "fillf") (param i32 i32 i32)
    (local $i i32)
    (loop
      (f32.store (i32.add (local.get 0) (i32.shl (local.get $i) (i32.const 2)))
        (f32.div (f32.convert_i32_u (i32.rem_u (i32.add (i32.mul (local.get $i) (i32.const 5)) (local.get 2)) (i32.const 11)))
                 (f32.const 8)))
      (br_if 0 (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get 1)))))
  (func (export "ld") (param i32) (result f64) (f64.load (local.get 0)))
  (func (export "ldf") (param i32) (result f32) (f32.load (local.get 0)))
  (func (export "ldi") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "sti") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  ;; fill(p, n, seed): f64 p[i] = (i * 7 + seed) % 13 / 4, i < n
  (func (export "fill") (param i32 i32 i32)
    (local $i i32)
    (loop
      (f64.store (i32.add (local.get 0) (i32.shl (local.get $i) (i32.const 3)))
        (f64.div (f64.convert_i32_u (i32.rem_u (i32.add (i32.mul (local.get $i) (i32.const 7)) (local.get 2)) (i32.const 13)))
                 (f64.const 4)))
      (br_if 0 (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get 1)))))
  ;; axpy(c, b, x, n): c[j] += x * b[j] for byte offsets j = 0, 16, ..
  ;; < n, two elements a round, in clang's shape (the pointers tee'd: an
  ;; I32Add2 and an I32AddImm each in front of a multiply-add).
  (func (export "axpy") (param $c i32) (param $b i32) (param $x f64) (param $n i32)
    (local $j i32) (local $p i32) (local $q i32)
    (loop
      (local.get $c) (local.get $j) (i32.add) (local.tee $p)
      (local.get $x)
      (local.get $b) (local.get $j) (i32.add) (local.tee $q)
      (f64.load) (f64.mul)
      (local.get $p) (f64.load) (f64.add) (f64.store)
      (local.get $p) (i32.const 8) (i32.add) (local.tee $p)
      (local.get $x) (local.get $q) (f64.load offset=8) (f64.mul)
      (local.get $p) (f64.load) (f64.add) (f64.store)
      (br_if 0 (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 16))) (local.get $n)))))
  ;; the same in f32 (4-byte elements)
  (func (export "axpyf") (param $c i32) (param $b i32) (param $x f32) (param $n i32)
    (local $j i32) (local $p i32) (local $q i32)
    (loop
      (local.get $c) (local.get $j) (i32.add) (local.tee $p)
      (local.get $x)
      (local.get $b) (local.get $j) (i32.add) (local.tee $q)
      (f32.load) (f32.mul)
      (local.get $p) (f32.load) (f32.add) (f32.store)
      (local.get $p) (i32.const 4) (i32.add) (local.tee $p)
      (local.get $x) (local.get $q) (f32.load offset=4) (f32.mul)
      (local.get $p) (f32.load) (f32.add) (f32.store)
      (br_if 0 (i32.ne (local.tee $j (i32.add (local.get $j) (i32.const 8))) (local.get $n)))))
  ;; sched(p, n): as SHA-256's message schedule: for i in 0, 4, .. < n:
  ;; s = rotl(s, 7) + mem[p + i] + mem[p + i + 36] (I32Add2Load),
  ;; mem[8192 + i] = s; returns s.
  (func (export "sched") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $a i32) (local $s i32)
    (loop
      (local.set $a (i32.add (local.get $p) (local.get $i)))
      (local.set $s
        (i32.add
          (i32.add (i32.rotl (local.get $s) (i32.const 7)) (i32.load (local.get $a)))
          (i32.load (i32.add (local.get $a) (i32.const 36)))))
      (i32.store offset=8192 (local.get $i) (local.get $s))
      (br_if 0 (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $n))))
    (local.get $s))
  ;; round(w, n): as a SHA-256 round: t = rotl(h, 5) + mem[1024 + i] +
  ;; mem[w + i] (I32Add2LoadX: the second address is a slot + slot), kept
  ;; in $t (and global $gt) and read after the loop; returns t ^ h.
  (func (export "round") (param $w i32) (param $n i32) (result i32)
    (local $i i32) (local $h i32) (local $t i32)
    (local.set $h (i32.const 0x5be0cd19))
    (loop
      (local.set $t
        (i32.add
          (i32.add (i32.rotl (local.get $h) (i32.const 5)) (i32.load offset=1024 (local.get $i)))
          (i32.load (i32.add (local.get $w) (local.get $i)))))
      (global.set $gt (local.get $t))
      (local.set $h (i32.xor (local.get $t) (local.get $h)))
      (br_if 0 (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $n))))
    (i32.xor (local.get $t) (local.get $h)))
)
(assert_return (invoke "fill" (i32.const 0) (i32.const 64) (i32.const 1)))
(assert_return (invoke "fill" (i32.const 1024) (i32.const 64) (i32.const 5)))
(assert_return (invoke "axpy" (i32.const 0) (i32.const 1024) (f64.const 1.5) (i32.const 512)))
(assert_return (invoke "ld" (i32.const 0)) (f64.const 2.125))
(assert_return (invoke "ld" (i32.const 8)) (f64.const 6.5))
(assert_return (invoke "ld" (i32.const 16)) (f64.const 2.75))
(assert_return (invoke "ld" (i32.const 248)) (f64.const 2.875))
(assert_return (invoke "ld" (i32.const 496)) (f64.const 5.25))
(assert_return (invoke "ld" (i32.const 504)) (f64.const 1.5))
(assert_return (invoke "ld" (i32.const 512)) (f64.const 0))
;; traps in the Add2 form (round 3), then in the AddImm form, then on the b side
(assert_trap (invoke "axpy" (i32.const 65504) (i32.const 1024) (f64.const 2) (i32.const 64)) "out of bounds memory access")
(assert_return (invoke "ld" (i32.const 65504)) (f64.const 2.5))
(assert_return (invoke "ld" (i32.const 65512)) (f64.const 6))
(assert_return (invoke "ld" (i32.const 65520)) (f64.const 3))
(assert_return (invoke "ld" (i32.const 65528)) (f64.const 0))
(assert_return (invoke "fill" (i32.const 65504) (i32.const 4) (i32.const 3)))
(assert_trap (invoke "axpy" (i32.const 65512) (i32.const 1024) (f64.const 2) (i32.const 64)) "out of bounds memory access")
(assert_return (invoke "ld" (i32.const 65504)) (f64.const 0.75))
(assert_return (invoke "ld" (i32.const 65512)) (f64.const 5))
(assert_return (invoke "ld" (i32.const 65520)) (f64.const 7))
(assert_return (invoke "ld" (i32.const 65528)) (f64.const 5.75))
(assert_trap (invoke "axpy" (i32.const 2048) (i32.const 65528) (f64.const 0.5) (i32.const 64)) "out of bounds memory access")
(assert_return (invoke "ld" (i32.const 2048)) (f64.const 2.875))
(assert_return (invoke "ld" (i32.const 2056)) (f64.const 0))
(assert_return (invoke "fillf" (i32.const 4096) (i32.const 64) (i32.const 2)))
(assert_return (invoke "fillf" (i32.const 5120) (i32.const 64) (i32.const 7)))
(assert_return (invoke "axpyf" (i32.const 4096) (i32.const 5120) (f32.const 0.75) (i32.const 256)))
(assert_return (invoke "ldf" (i32.const 4096)) (f32.const 0.90625))
(assert_return (invoke "ldf" (i32.const 4100)) (f32.const 0.96875))
(assert_return (invoke "ldf" (i32.const 4104)) (f32.const 0.6875))
(assert_return (invoke "ldf" (i32.const 4348)) (f32.const 1.40625))
(assert_return (invoke "ldf" (i32.const 4352)) (f32.const 0))
(assert_trap (invoke "axpyf" (i32.const 65524) (i32.const 5120) (f32.const 1.25) (i32.const 64)) "out of bounds memory access")
(assert_return (invoke "ldf" (i32.const 65524)) (f32.const 3.53125))
(assert_return (invoke "ldf" (i32.const 65528)) (f32.const 0.15625))
(assert_return (invoke "ldf" (i32.const 65532)) (f32.const 3.296875))
(assert_return (invoke "sched" (i32.const 0) (i32.const 256)) (i32.const -1436751139))
(assert_return (invoke "ldi" (i32.const 8192)) (i32.const 1074462720))
(assert_return (invoke "ldi" (i32.const 8196)) (i32.const 1166082080))
(assert_return (invoke "ldi" (i32.const 8444)) (i32.const -1436751139))
;; the second load of round 1 is out of bounds: round 0 stored, not round 1
(assert_return (invoke "sti" (i32.const 8196) (i32.const 12345)))
(assert_trap (invoke "sched" (i32.const 65496) (i32.const 64)) "out of bounds memory access")
(assert_return (invoke "ldi" (i32.const 8192)) (i32.const 1079181312))
(assert_return (invoke "ldi" (i32.const 8196)) (i32.const 12345))
(assert_return (invoke "round" (i32.const 2048) (i32.const 256)) (i32.const -1472890344))
(assert_return (invoke "gt" ) (i32.const 1182745365))
;; the second load of round 2 is out of bounds: $gt holds round 1's t
(assert_trap (invoke "round" (i32.const 65528) (i32.const 64)) "out of bounds memory access")
(assert_return (invoke "gt" ) (i32.const -1149974948))
