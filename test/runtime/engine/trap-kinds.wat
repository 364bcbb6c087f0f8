;; Each trap kind prints its spec message and exits with 134.
;; RUN: %wat2wasm %s -o %t.wasm
;; RUN: (%wmc-run --invoke div %t.wasm 1 0 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=DIV
;; RUN: (%wmc-run --invoke div %t.wasm -2147483648 -1 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=OVF
;; RUN: (%wmc-run --invoke unreachable %t.wasm 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=UNR
;; RUN: (%wmc-run --invoke trunc %t.wasm nan 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=CONV
;; RUN: (%wmc-run --invoke call %t.wasm 1 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=NULL
;; RUN: (%wmc-run --invoke call %t.wasm 5 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=UNDEF
;; RUN: (%wmc-run --invoke call %t.wasm 0 2>&1; echo "exit=$?") | FileCheck %s --check-prefix=SIG
;; DIV: wasm trap: integer divide by zero
;; DIV: backtrace:
;; DIV-NEXT: 0: "div" (func[1])
;; DIV: exit=134
;; OVF: wasm trap: integer overflow
;; UNR: wasm trap: unreachable
;; CONV: wasm trap: invalid conversion to integer
;; NULL: wasm trap: uninitialized element
;; UNDEF: wasm trap: undefined element
;; SIG: wasm trap: indirect call type mismatch
;; SIG: exit=134
(module
  (type $v (func))
  (table 2 funcref)
  (elem (i32.const 0) $f)
  (func $f (param i32))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "unreachable") unreachable)
  (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "call") (param i32) (call_indirect (type $v) (local.get 0))))
