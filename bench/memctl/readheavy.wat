;; Benchmark 4: a read-heavy kernel over 16 MiB of memory 1 (read-only via
;; wmc.protections, added by run.sh) vs memory 2 (plain): sums every i32,
;; `rounds` times. Invoked as --invoke sum1 / sum2 ROUNDS.
(module
  (memory $m0 1)
  (memory $ro 256)
  (memory $rw 256)
  (func $sum (param $mem i32) (param $rounds i32) (result i32)
    (local $i i32) (local $s i32)
    (loop $r
      (local.set $i (i32.const 0))
      (if (local.get $mem)
        (then (loop $l
          (local.set $s (i32.add (local.get $s) (i32.load $ro (local.get $i))))
          (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4)))
                            (i32.const 0x1000000)))))
        (else (loop $l
          (local.set $s (i32.add (local.get $s) (i32.load $rw (local.get $i))))
          (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4)))
                            (i32.const 0x1000000))))))
      (br_if $r (local.tee $rounds (i32.sub (local.get $rounds) (i32.const 1)))))
    (local.get $s))
  (func (export "sum-ro") (param i32) (result i32) (call $sum (i32.const 1) (local.get 0)))
  (func (export "sum-rw") (param i32) (result i32) (call $sum (i32.const 0) (local.get 0))))
