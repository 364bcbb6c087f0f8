;; A store of `mem[a] op x` whose load was emitted before x was computed
;; (only pure instructions in between: no trap, no memory access) becomes
;; one read-modify-write with the load moved to the store (Compiler.cpp
;; storeRmwSunk): NameRevRmw for a subtraction from the load (f64, i32,
;; i64 here; n-body's `B->Vx -= Dx * C->M * Mag`). Checked: values, an
;; out-of-bounds address trapping with nothing written (also in a loop,
;; after the earlier rounds' writes), a tee of the address local inside
;; the value (not fused), and a trapping division between the load and
;; the store (not fused: the out-of-bounds load must trap first).
;; Expected values: node 26 (V8), same call order on one instance.
;; RUN: %wmc-spectest %s | FileCheck %s
;; CHECK: {{^}}53 passed, 0 failed
(module
  (memory 1)
  (func (export "ld") (param i32) (result f64) (f64.load (local.get 0)))
  (func (export "ldi") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "ldl") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "stf") (param i32 f64) (f64.store (local.get 0) (local.get 1)))
  (func (export "sti") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  ;; f64: mem[p + 8] = mem[p + 8] - a * b * c (F64SubRevRmw: the load
  ;; before the product), then mem[p + 16] = mem[p + 16] + a * c (the
  ;; commutative add, which becomes F64Mul_F64Add with a plain load)
  (func (export "fsub") (param $p i32) (param $a f64) (param $b f64) (param $c f64)
    (f64.store offset=8 (local.get $p)
      (f64.sub (f64.load offset=8 (local.get $p))
               (f64.mul (f64.mul (local.get $a) (local.get $b)) (local.get $c))))
    (f64.store offset=16 (local.get $p)
      (f64.add (f64.load offset=16 (local.get $p))
               (f64.mul (local.get $a) (local.get $c)))))
  ;; i32: mem[p] = mem[p] - ((a * 3) ^ b) (I32SubRevRmw), mem[p + 4] =
  ;; mem[p + 4] & (a + b) (a pair, not sunk), in a loop over p
  (func (export "isub") (param $p i32) (param $n i32) (param $a i32) (param $b i32)
    (loop
      (i32.store (local.get $p)
        (i32.sub (i32.load (local.get $p))
                 (i32.xor (i32.mul (local.get $a) (i32.const 3)) (local.get $b))))
      (i32.store offset=4 (local.get $p)
        (i32.and (i32.load offset=4 (local.get $p))
                 (i32.add (local.get $a) (local.get $b))))
      (local.set $a (i32.add (local.get $a) (i32.const 7)))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br_if 0 (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  ;; i64: mem[p] = mem[p] - (a << 3 | b) (I64SubRevRmw)
  (func (export "lsub") (param $p i32) (param $a i64) (param $b i64)
    (i64.store (local.get $p)
      (i64.sub (i64.load (local.get $p))
               (i64.or (i64.shl (local.get $a) (i64.const 3)) (local.get $b)))))
  ;; not fused: the value tees p (the store's address was read before the
  ;; tee, so it still goes to the old p, and returns the new p)
  (func (export "moved") (param $p i32) (param $a f64) (result i32)
    (f64.store (local.get $p)
      (f64.sub (f64.load (local.get $p))
               (f64.mul (local.get $a)
                        (f64.convert_i32_s (local.tee $p (i32.add (local.get $p) (i32.const 8)))))))
    (local.get $p))
  ;; not fused: a division that traps lies between the load and the
  ;; store, so an out-of-bounds load must trap first (its trap, not the
  ;; division's)
  (func (export "divtrap") (param $p i32) (param $d i32)
    (i32.store (local.get $p)
      (i32.sub (i32.load (local.get $p))
               (i32.div_s (i32.const 100) (local.get $d)))))
)
(assert_return (invoke "stf" (i32.const 1008) (f64.const 10.5)))
(assert_return (invoke "stf" (i32.const 1016) (f64.const -2.25)))
(assert_return (invoke "fsub" (i32.const 1000) (f64.const 1.5) (f64.const 3) (f64.const 0.5)))
(assert_return (invoke "ld" (i32.const 1008)) (f64.const 8.25))
(assert_return (invoke "ld" (i32.const 1016)) (f64.const -1.5))
(assert_return (invoke "fsub" (i32.const 1000) (f64.const -4) (f64.const 0.25) (f64.const 3)))
(assert_return (invoke "ld" (i32.const 1000)) (f64.const 0))
(assert_return (invoke "ld" (i32.const 1008)) (f64.const 11.25))
(assert_return (invoke "ld" (i32.const 1016)) (f64.const -13.5))
(assert_return (invoke "ld" (i32.const 1024)) (f64.const 0))
(assert_return (invoke "sti" (i32.const 2048) (i32.const 0)))
(assert_return (invoke "sti" (i32.const 2052) (i32.const -1640531527)))
(assert_return (invoke "sti" (i32.const 2056) (i32.const 1013904242)))
(assert_return (invoke "sti" (i32.const 2060) (i32.const -626627285)))
(assert_return (invoke "sti" (i32.const 2064) (i32.const 2027808484)))
(assert_return (invoke "sti" (i32.const 2068) (i32.const 387276957)))
(assert_return (invoke "sti" (i32.const 2072) (i32.const -1253254570)))
(assert_return (invoke "sti" (i32.const 2076) (i32.const 1401181199)))
(assert_return (invoke "isub" (i32.const 2048) (i32.const 4) (i32.const 11) (i32.const 21845)))
(assert_return (invoke "ldi" (i32.const 2048)) (i32.const -21876))
(assert_return (invoke "ldi" (i32.const 2052)) (i32.const 20768))
(assert_return (invoke "ldi" (i32.const 2056)) (i32.const 1013882383))
(assert_return (invoke "ldi" (i32.const 2060)) (i32.const 17699))
(assert_return (invoke "ldi" (i32.const 2064)) (i32.const 2027786694))
(assert_return (invoke "ldi" (i32.const 2068)) (i32.const 16396))
(assert_return (invoke "ldi" (i32.const 2072)) (i32.const -1253276383))
(assert_return (invoke "ldi" (i32.const 2076)) (i32.const 21509))
(assert_return (invoke "ldi" (i32.const 2080)) (i32.const 0))
(assert_return (invoke "sti" (i32.const 3000) (i32.const 7)))
(assert_return (invoke "sti" (i32.const 3004) (i32.const -1)))
(assert_return (invoke "lsub" (i32.const 3000) (i64.const 4886718345) (i64.const 5)))
(assert_return (invoke "ldl" (i32.const 3000)) (i64.const -43388714054))
(assert_return (invoke "stf" (i32.const 4000) (f64.const 100)))
(assert_return (invoke "stf" (i32.const 4008) (f64.const 1)))
(assert_return (invoke "moved" (i32.const 4000) (f64.const 0.5)) (i32.const 4008))
(assert_return (invoke "ld" (i32.const 4000)) (f64.const -1904))
(assert_return (invoke "ld" (i32.const 4008)) (f64.const 1))
;; out of bounds in the fused forms: nothing written
(assert_trap (invoke "fsub" (i32.const 65528) (f64.const 1) (f64.const 1) (f64.const 1)) "out of bounds memory access")
(assert_trap (invoke "fsub" (i32.const 65520) (f64.const 2) (f64.const 2) (f64.const 2)) "out of bounds memory access")
(assert_return (invoke "ld" (i32.const 65528)) (f64.const -8))
(assert_return (invoke "stf" (i32.const 65528) (f64.const 3)))
(assert_trap (invoke "isub" (i32.const 65520) (i32.const 3) (i32.const 1) (i32.const 2)) "out of bounds memory access")
(assert_return (invoke "ldi" (i32.const 65520)) (i32.const -1))
(assert_return (invoke "ldi" (i32.const 65524)) (i32.const 0))
(assert_return (invoke "ldi" (i32.const 65528)) (i32.const -26))
(assert_return (invoke "ldi" (i32.const 65532)) (i32.const 0))
(assert_trap (invoke "lsub" (i32.const 65532) (i64.const 1) (i64.const 1)) "out of bounds memory access")
(assert_return (invoke "ldi" (i32.const 65532)) (i32.const 0))
;; the load traps before the division
(assert_trap (invoke "divtrap" (i32.const 65536) (i32.const 0)) "out of bounds memory access")
(assert_trap (invoke "divtrap" (i32.const 0) (i32.const 0)) "integer divide by zero")
(assert_return (invoke "divtrap" (i32.const 3000) (i32.const 7)))
(assert_return (invoke "ldi" (i32.const 3000)) (i32.const -439041108))
