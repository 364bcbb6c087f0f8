;; Loop back edges that close with `i += k; br_if (i != n)` fold the copy
;; run before the branch and the copy run at the loop head into the branch
;; (BrIfI32IncNeImmC*), merging them on the taken path and dropping writes
;; to locals the loop body never names (they are written on loop exit). These loops rotate values through locals the way
;; clang's output for SHA-256 does (tees at the head, a local.set chain at
;; the bottom, the tee'd temporaries read again after the loop), with runs
;; of odd and even length, a body that is only the copies, a chain that
;; reads a local it then overwrites, and a first trip that leaves the loop
;; right away. Expected values: node 26
;; (V8) on the same module.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: %wmc-run --invoke rot6 %t.wasm 1 | FileCheck %s --check-prefix=R1
;; RUN: %wmc-run --invoke rot6 %t.wasm 2 | FileCheck %s --check-prefix=R2
;; RUN: %wmc-run --invoke rot6 %t.wasm 77 | FileCheck %s --check-prefix=R77
;; RUN: %wmc-run --invoke rot3 %t.wasm 1 | FileCheck %s --check-prefix=S1
;; RUN: %wmc-run --invoke rot3 %t.wasm 49 | FileCheck %s --check-prefix=S49
;; RUN: %wmc-run --invoke shift %t.wasm 7 | FileCheck %s --check-prefix=T7
;; RUN: %wmc-run --invoke shift %t.wasm 9 | FileCheck %s --check-prefix=T9
;; RUN: %wmc-run --invoke chain %t.wasm 0 | FileCheck %s --check-prefix=C0
;; RUN: %wmc-run --invoke chain %t.wasm 11 | FileCheck %s --check-prefix=C11
;; R1: {{^}}372588509{{$}}
;; R2: {{^}}2060344592{{$}}
;; R77: {{^}}1188658245{{$}}
;; S1: {{^}}-866899982{{$}}
;; S49: {{^}}201154{{$}}
;; T7: {{^}}70809{{$}}
;; T9: {{^}}60509{{$}}
;; C0: {{^}}705261997{{$}}
;; C11: {{^}}6005052{{$}}
(module
  ;; a..h rotate as in SHA-256: t = f(e, f_, g) + h; h=g g=f f=e e=d+t
  ;; d=c c=b b=a a=t+g(a, b, c). Locals 1..8 = a..h, 9..14 = head temps.
  (func (export "rot6") (param i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local.set 1 (i32.const 0x6a09e667)) (local.set 2 (i32.const 0xbb67ae85))
    (local.set 3 (i32.const 0x3c6ef372)) (local.set 4 (i32.const 0xa54ff53a))
    (local.set 5 (i32.const 0x510e527f)) (local.set 6 (i32.const 0x9b05688c))
    (local.set 7 (i32.const 0x1f83d9ab)) (local.set 8 (i32.const 0x5be0cd19))
    (loop
      ;; head: tees of a, b, c, e, f, g into 9..14
      (local.set 15
        (i32.add
          (i32.add (local.get 8)
            (i32.xor (i32.rotl (local.tee 12 (local.get 5)) (i32.const 26))
                     (i32.and (local.tee 13 (local.get 6)) (local.tee 14 (local.get 7)))))
          (local.get 0)))
      (local.set 8 ;; new a, parked in h's slot before h = g
        (i32.add (local.get 15)
          (i32.xor (i32.rotl (local.tee 9 (local.get 1)) (i32.const 30))
                   (i32.and (local.tee 10 (local.get 2)) (local.tee 11 (local.get 3))))))
      (local.set 5 (i32.add (local.get 4) (local.get 15)))
      (local.set 1 (local.get 8))
      ;; bottom: the chain
      (local.set 8 (local.get 14))
      (local.set 7 (local.get 13))
      (local.set 6 (local.get 12))
      (local.set 4 (local.get 11))
      (local.set 3 (local.get 10))
      (local.set 2 (local.get 9))
      (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const -1)))
                       (i32.const 0))))
    ;; the temporaries are read after the loop
    (i32.add
      (i32.add
        (i32.add (i32.mul (local.get 9) (i32.const 3)) (i32.mul (local.get 10) (i32.const 5)))
        (i32.add (i32.mul (local.get 11) (i32.const 7)) (i32.mul (local.get 12) (i32.const 11))))
      (i32.add
        (i32.add (i32.mul (local.get 13) (i32.const 13)) (i32.mul (local.get 14) (i32.const 17)))
        (i32.add
          (i32.add (i32.mul (local.get 1) (i32.const 19)) (i32.mul (local.get 2) (i32.const 23)))
          (i32.add
            (i32.add (i32.mul (local.get 3) (i32.const 29)) (i32.mul (local.get 4) (i32.const 31)))
            (i32.add
              (i32.add (i32.mul (local.get 5) (i32.const 37)) (i32.mul (local.get 6) (i32.const 41)))
              (i32.add (i32.mul (local.get 7) (i32.const 43)) (i32.mul (local.get 8) (i32.const 47)))))))))
  ;; three values rotate (odd runs: padded), i = 3n, 3n+3, ... != 150
  (func (export "rot3") (param i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32)
    (local.set 1 (i32.const 1)) (local.set 2 (i32.const 2)) (local.set 3 (i32.const 3))
    (local.set 7 (i32.mul (local.get 0) (i32.const 3)))
    (loop
      (local.set 1
        (i32.add (i32.mul (local.tee 4 (local.get 1)) (i32.const 7))
                 (i32.xor (local.tee 5 (local.get 2)) (local.get 7))))
      (local.set 3 (local.get 5))
      (local.set 2 (local.get 4))
      (br_if 0 (i32.ne (local.tee 7 (i32.add (local.get 7) (i32.const 3)))
                       (i32.const 150))))
    (i32.add (i32.add (local.get 1) (i32.mul (local.get 2) (i32.const 1000)))
             (i32.add (i32.mul (local.get 3) (i32.const 100000))
                      (i32.mul (local.get 4) (local.get 5)))))
  ;; a body that is only copies: x3 = x2, x2 = x1, x1 = i; i = n .. 9
  (func (export "shift") (param i32) (result i32)
    (local i32 i32 i32 i32)
    (local.set 1 (i32.const 5)) (local.set 2 (i32.const 6)) (local.set 3 (i32.const 9))
    (local.set 4 (local.get 0))
    (loop
      (local.set 3 (local.get 2))
      (local.set 2 (local.get 1))
      (local.set 1 (local.get 4))
      (br_if 0 (i32.ne (local.tee 4 (i32.add (local.get 4) (i32.const 1)))
                       (i32.const 10))))
    (i32.add (local.get 1)
      (i32.add (i32.mul (local.get 2) (i32.const 100)) (i32.mul (local.get 3) (i32.const 10000)))))
  ;; the chain at the bottom reads local 2 before overwriting it, and the
  ;; body never names 2: its write may not be dropped from the branch's
  ;; copies while 2 still feeds 3
  (func (export "chain") (param i32) (result i32)
    (local i32 i32 i32 i32 i32 i32)
    (local.set 1 (i32.const 5)) (local.set 2 (i32.const 6)) (local.set 3 (i32.const 9))
    (local.set 4 (local.get 0))
    (loop
      (local.set 6 (i32.add (i32.mul (local.tee 5 (local.get 1)) (i32.const 3))
                            (i32.xor (local.get 4) (local.get 3))))
      (local.set 3 (local.get 2))
      (local.set 2 (local.get 5))
      (local.set 1 (local.get 6))
      (br_if 0 (i32.ne (local.tee 4 (i32.add (local.get 4) (i32.const 1)))
                       (i32.const 12))))
    (i32.add (i32.add (local.get 1) (i32.mul (local.get 2) (i32.const 1000)))
             (i32.add (i32.mul (local.get 3) (i32.const 1000000))
                      (i32.mul (local.get 5) (i32.const 7))))))
