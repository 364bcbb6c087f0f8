;; Loop renaming (Compiler.cpp renameLoop): a straight-line loop closed by
;; `i += k; br_if (i != n)` whose back edge only moves values between
;; locals is unrolled and its copies become renamed operands; every
;; unrolled copy can leave the loop (a stub puts each local's value back
;; into its own slot, through a scratch slot for a cycle). rot8 rotates
;; eight locals as SHA-256 does (unrolled 5 times, no copy left; every
;; local, the tee'd temporaries too, is read after the loop), rot3 is a
;; pure 3-cycle (exits at each phase need a cycle put back), swap counts
;; down by 3, early branches out of the middle (not straight-line: not
;; renamed, values still checked), rottrap traps in round limit+1 after
;; storing that round's renamed values to a global and memory: the global
;; and memory must show them, and nothing stored after the trap. The
;; trip counts (16 - start, 20 - start, n / 3) leave the loop at every
;; unrolled position. Expected values: node 26 (V8) on the same module
;; (same call order: the trap calls share one instance).
;; RUN: %wmc-spectest %s | FileCheck %s
;; CHECK: {{^}}66 passed, 0 failed
(module
  (memory 1)
  (global $g (mut i32) (i32.const 0))
  (func (export "g") (result i32) (global.get $g))
  (func (export "mem") (param i32) (result i32) (i32.load (local.get 0)))
  ;; rot8: a..h (locals 1..8) rotate as in SHA-256 (tees of a, b, c, e,
  ;; f, g at the head into 9..14, the chain at the bottom); the counter
  ;; (local 0) runs from the argument to 16; every local, the tee'd
  ;; temporaries included, is read after the loop.
  (func (export "rot8") (param i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local.set 1 (i32.const 0x6a09e667)) (local.set 2 (i32.const 0xbb67ae85))
    (local.set 3 (i32.const 0x3c6ef372)) (local.set 4 (i32.const 0xa54ff53a))
    (local.set 5 (i32.const 0x510e527f)) (local.set 6 (i32.const 0x9b05688c))
    (local.set 7 (i32.const 0x1f83d9ab)) (local.set 8 (i32.const 0x5be0cd19))
    (loop
      (local.set 15
        (i32.add
          (i32.add (local.get 8)
            (i32.xor (i32.rotl (local.tee 12 (local.get 5)) (i32.const 26))
                     (i32.and (local.tee 13 (local.get 6)) (local.tee 14 (local.get 7)))))
          (i32.mul (local.get 0) (i32.const 0x9e3779b9))))
      (local.set 16
        (i32.add (local.get 15)
          (i32.xor (i32.rotl (local.tee 9 (local.get 1)) (i32.const 30))
                   (i32.and (local.tee 10 (local.get 2)) (local.tee 11 (local.get 3))))))
      (local.set 5 (i32.add (local.get 4) (local.get 15)))
      (local.set 8 (local.get 14))
      (local.set 7 (local.get 13))
      (local.set 6 (local.get 12))
      (local.set 4 (local.get 11))
      (local.set 3 (local.get 10))
      (local.set 2 (local.get 9))
      (local.set 1 (local.get 16))
      (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const 1)))
                       (i32.const 16))))
    (call $mix16 (local.get 1) (local.get 2) (local.get 3) (local.get 4)
                 (local.get 5) (local.get 6) (local.get 7) (local.get 8)
                 (local.get 9) (local.get 10) (local.get 11) (local.get 12)
                 (local.get 13) (local.get 14) (local.get 15) (local.get 16)))
  (func $mix16 (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (local $r i32) (local $i i32)
    (local.set $r (i32.const 17))
    (block $done
      (loop $l
        (local.set $r (i32.add (i32.mul (local.get $r) (i32.const 31))
          (i32.xor
            (select (local.get 0) (select (local.get 1) (select (local.get 2) (select (local.get 3)
            (select (local.get 4) (select (local.get 5) (select (local.get 6) (select (local.get 7)
            (select (local.get 8) (select (local.get 9) (select (local.get 10) (select (local.get 11)
            (select (local.get 12) (select (local.get 13) (select (local.get 14) (local.get 15)
              (i32.ne (local.get $i) (i32.const 14)))
              (i32.ne (local.get $i) (i32.const 13))) (i32.ne (local.get $i) (i32.const 12)))
              (i32.ne (local.get $i) (i32.const 11))) (i32.ne (local.get $i) (i32.const 10)))
              (i32.ne (local.get $i) (i32.const 9))) (i32.ne (local.get $i) (i32.const 8)))
              (i32.ne (local.get $i) (i32.const 7))) (i32.ne (local.get $i) (i32.const 6)))
              (i32.ne (local.get $i) (i32.const 5))) (i32.ne (local.get $i) (i32.const 4)))
              (i32.ne (local.get $i) (i32.const 3))) (i32.ne (local.get $i) (i32.const 2)))
              (i32.ne (local.get $i) (i32.const 1))) (i32.ne (local.get $i) (i32.const 0)))
            (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const 16)))))
    (local.get $r))
  ;; rottrap: the same rotation that also stores a to $g and e to
  ;; memory[4 * i] every round, then loads from 0 while i <= the second
  ;; argument and from 131072 (out of bounds) after: traps in the round
  ;; i = limit + 1, with that round's global and store already done.
  (func (export "rottrap") (param i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local.set 2 (i32.const 0x6a09e667)) (local.set 3 (i32.const 0xbb67ae85))
    (local.set 4 (i32.const 0x3c6ef372)) (local.set 5 (i32.const 0xa54ff53a))
    (local.set 6 (i32.const 0x510e527f)) (local.set 7 (i32.const 0x9b05688c))
    (local.set 8 (i32.const 0x1f83d9ab)) (local.set 9 (i32.const 0x5be0cd19))
    (loop
      (local.set 16
        (i32.add
          (i32.add (local.get 9)
            (i32.xor (i32.rotl (local.tee 13 (local.get 6)) (i32.const 26))
                     (i32.and (local.tee 14 (local.get 7)) (local.tee 15 (local.get 8)))))
          (local.get 0)))
      (local.set 17
        (i32.add (local.get 16)
          (i32.xor (i32.rotl (local.tee 10 (local.get 2)) (i32.const 30))
                   (i32.and (local.tee 11 (local.get 3)) (local.tee 12 (local.get 4))))))
      (global.set $g (local.get 2))
      (i32.store (i32.shl (local.get 0) (i32.const 2)) (local.get 6))
      (local.set 6 (i32.add (local.get 5)
        (i32.add (local.get 16)
          (i32.load (i32.shl (i32.gt_u (local.get 0) (local.get 1)) (i32.const 17))))))
      (local.set 9 (local.get 15))
      (local.set 8 (local.get 14))
      (local.set 7 (local.get 13))
      (local.set 5 (local.get 12))
      (local.set 4 (local.get 11))
      (local.set 3 (local.get 10))
      (local.set 2 (local.get 17))
      (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const 1)))
                       (i32.const 40))))
    (i32.add (local.get 2) (local.get 6)))
  ;; rot3: a pure 3-cycle (a, b, c) = (b, c, a) through a temporary, plus
  ;; s = s * 31 + a; exits at every phase of the cycle need the values
  ;; put back through a scratch slot.
  (func (export "rot3") (param i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $t i32) (local $s i32)
    (local.set $a (i32.const 1)) (local.set $b (i32.const 20)) (local.set $c (i32.const 300))
    (loop
      (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $a)))
      (local.set $t (local.get $a))
      (local.set $a (local.get $b))
      (local.set $b (local.get $c))
      (local.set $c (local.get $t))
      (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const 1)))
                       (i32.const 20))))
    (i32.add (i32.mul (local.get $s) (i32.const 7))
      (i32.add (i32.mul (local.get $a) (i32.const 1000))
        (i32.add (i32.mul (local.get $b) (i32.const 100))
          (i32.add (i32.mul (local.get $c) (i32.const 10)) (local.get $t))))))
  ;; swap: (x, y) = (y, x ^ (y << 1) + i), the counter counting down by 3
  (func (export "swap") (param i32) (result i32)
    (local $x i32) (local $y i32) (local $n i32)
    (local.set $x (i32.const 12345)) (local.set $y (i32.const 678))
    (loop
      (local.set $n (i32.add (i32.xor (local.get $x) (i32.shl (local.get $y) (i32.const 1)))
                             (local.get 0)))
      (local.set $x (local.get $y))
      (local.set $y (local.get $n))
      (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const -3)))
                       (i32.const 0))))
    (i32.add (i32.mul (local.get $x) (i32.const 3)) (i32.add (local.get $y) (local.get $n))))
  ;; early: rot3's loop with a branch out of the middle when i = the
  ;; second argument (not straight-line: not renamed; values still right)
  (func (export "early") (param i32 i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $t i32) (local $s i32)
    (local.set $a (i32.const 1)) (local.set $b (i32.const 20)) (local.set $c (i32.const 300))
    (block $out
      (loop
        (local.set $s (i32.add (i32.mul (local.get $s) (i32.const 31)) (local.get $a)))
        (local.set $t (local.get $a))
        (local.set $a (local.get $b))
        (br_if $out (i32.eq (local.get 0) (local.get 1)))
        (local.set $b (local.get $c))
        (local.set $c (local.get $t))
        (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const 1)))
                         (i32.const 20)))))
    (i32.add (i32.mul (local.get $s) (i32.const 7))
      (i32.add (i32.mul (local.get $a) (i32.const 1000))
        (i32.add (i32.mul (local.get $b) (i32.const 100))
          (i32.add (i32.mul (local.get $c) (i32.const 10)) (local.get $t))))))
)
(assert_return (invoke "rot8" (i32.const 0)) (i32.const 1072092033))
(assert_return (invoke "rot8" (i32.const 1)) (i32.const -1357112396))
(assert_return (invoke "rot8" (i32.const 2)) (i32.const -2135237851))
(assert_return (invoke "rot8" (i32.const 3)) (i32.const -1578753520))
(assert_return (invoke "rot8" (i32.const 4)) (i32.const 618971411))
(assert_return (invoke "rot8" (i32.const 5)) (i32.const -335800551))
(assert_return (invoke "rot8" (i32.const 6)) (i32.const -295501907))
(assert_return (invoke "rot8" (i32.const 7)) (i32.const -127898785))
(assert_return (invoke "rot8" (i32.const 10)) (i32.const 390334940))
(assert_return (invoke "rot8" (i32.const 11)) (i32.const 363432376))
(assert_return (invoke "rot8" (i32.const 14)) (i32.const 909923799))
(assert_return (invoke "rot8" (i32.const 15)) (i32.const 484599388))
(assert_return (invoke "rot3" (i32.const 0)) (i32.const 1655994213))
(assert_return (invoke "rot3" (i32.const 1)) (i32.const -916371838))
(assert_return (invoke "rot3" (i32.const 2)) (i32.const -722292356))
(assert_return (invoke "rot3" (i32.const 3)) (i32.const 392642292))
(assert_return (invoke "rot3" (i32.const 17)) (i32.const 19467))
(assert_return (invoke "rot3" (i32.const 18)) (i32.const 300677))
(assert_return (invoke "rot3" (i32.const 19)) (i32.const 50018))
(assert_return (invoke "swap" (i32.const 3)) (i32.const 29410))
(assert_return (invoke "swap" (i32.const 6)) (i32.const 94487))
(assert_return (invoke "swap" (i32.const 9)) (i32.const 197794))
(assert_return (invoke "swap" (i32.const 12)) (i32.const 392583))
(assert_return (invoke "swap" (i32.const 30)) (i32.const 26207015))
(assert_return (invoke "swap" (i32.const 33)) (i32.const 52056706))
(assert_return (invoke "early" (i32.const 0) (i32.const 0)) (i32.const 25008))
(assert_return (invoke "early" (i32.const 0) (i32.const 7)) (i32.const -984106957))
(assert_return (invoke "early" (i32.const 3) (i32.const 12)) (i32.const -1151049279))
(assert_return (invoke "early" (i32.const 0) (i32.const 25)) (i32.const 1655994213))
;; limit 0: traps in round 1
(assert_trap (invoke "rottrap" (i32.const 0) (i32.const 0)) "out of bounds memory access")
(assert_return (invoke "g") (i32.const 621484659))
(assert_return (invoke "mem" (i32.const 0)) (i32.const 1359893119))
(assert_return (invoke "mem" (i32.const 4)) (i32.const 948209299))
(assert_return (invoke "mem" (i32.const 8)) (i32.const 0))
;; limit 5: traps in round 6
(assert_trap (invoke "rottrap" (i32.const 0) (i32.const 5)) "out of bounds memory access")
(assert_return (invoke "g") (i32.const 307657693))
(assert_return (invoke "mem" (i32.const 20)) (i32.const 650623308))
(assert_return (invoke "mem" (i32.const 24)) (i32.const 1860003701))
(assert_return (invoke "mem" (i32.const 28)) (i32.const 0))
;; limit 6: traps in round 7
(assert_trap (invoke "rottrap" (i32.const 0) (i32.const 6)) "out of bounds memory access")
(assert_return (invoke "g") (i32.const -1065962052))
(assert_return (invoke "mem" (i32.const 24)) (i32.const 1860003701))
(assert_return (invoke "mem" (i32.const 28)) (i32.const 994775893))
(assert_return (invoke "mem" (i32.const 32)) (i32.const 0))
;; limit 7: traps in round 8
(assert_trap (invoke "rottrap" (i32.const 0) (i32.const 7)) "out of bounds memory access")
(assert_return (invoke "g") (i32.const 888482388))
(assert_return (invoke "mem" (i32.const 28)) (i32.const 994775893))
(assert_return (invoke "mem" (i32.const 32)) (i32.const -1990366966))
(assert_return (invoke "mem" (i32.const 36)) (i32.const 0))
;; limit 8: traps in round 9
(assert_trap (invoke "rottrap" (i32.const 0) (i32.const 8)) "out of bounds memory access")
(assert_return (invoke "g") (i32.const 882879310))
(assert_return (invoke "mem" (i32.const 32)) (i32.const -1990366966))
(assert_return (invoke "mem" (i32.const 36)) (i32.const 1372146477))
(assert_return (invoke "mem" (i32.const 40)) (i32.const 0))
;; limit 9: traps in round 10
(assert_trap (invoke "rottrap" (i32.const 0) (i32.const 9)) "out of bounds memory access")
(assert_return (invoke "g") (i32.const -1203808655))
(assert_return (invoke "mem" (i32.const 36)) (i32.const 1372146477))
(assert_return (invoke "mem" (i32.const 40)) (i32.const -1907336698))
(assert_return (invoke "mem" (i32.const 44)) (i32.const 0))
;; limit 12: traps in round 13
(assert_trap (invoke "rottrap" (i32.const 0) (i32.const 12)) "out of bounds memory access")
(assert_return (invoke "g") (i32.const -43863556))
(assert_return (invoke "mem" (i32.const 48)) (i32.const -113102733))
(assert_return (invoke "mem" (i32.const 52)) (i32.const -1625533495))
(assert_return (invoke "mem" (i32.const 56)) (i32.const 0))
(assert_return (invoke "rottrap" (i32.const 0) (i32.const 100)) (i32.const 1183662763))
