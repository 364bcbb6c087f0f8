;; A read-only memory (wmc.protections entry: memory 1, flags 1, no guard)
;; keeps its data segment readable, and every kind of write into it traps,
;; naming the memory, the address and the access: stores of every width,
;; memory.copy, memory.fill and memory.init. Bulk operations trap before
;; writing anything (checked against the page table first).
;; RUN: %wat2wasm --debug-names %s -o %t.plain.wasm
;; RUN: python3 %S/Inputs/addsec.py %t.plain.wasm %t.wasm wmc.protections 01 01 01 01 00
;; RUN: %wmc-run --invoke load %t.wasm 0x20 | FileCheck %s --check-prefix=LOAD
;; LOAD: 104
;; RUN: for f in i32.store8 i32.store16 i32.store i64.store8 i64.store16 \
;; RUN:          i64.store32 i64.store f32.store f64.store; do \
;; RUN:   echo "op=$f"; not %wmc-run --invoke $f %t.wasm 0x20 2>&1; echo "exit=$?"; \
;; RUN: done | FileCheck %s --check-prefix=STORE
;; STORE-LABEL: op=i32.store8
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE: exit=0
;; STORE-LABEL: op=i32.store16
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE-LABEL: op=i32.store
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE-LABEL: op=i64.store8
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE-LABEL: op=i64.store16
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE-LABEL: op=i64.store32
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE-LABEL: op=i64.store
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE-LABEL: op=f32.store
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE-LABEL: op=f64.store
;; STORE-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, write)
;; STORE: exit=0
;; RUN: for f in memory.copy memory.fill memory.init; do \
;; RUN:   echo "op=$f"; not %wmc-run --invoke $f %t.wasm 0x20 2>&1; echo "exit=$?"; \
;; RUN: done | FileCheck %s --check-prefix=BULK
;; BULK-LABEL: op=memory.copy
;; BULK-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, memory.copy)
;; BULK-LABEL: op=memory.fill
;; BULK-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, memory.fill)
;; BULK-LABEL: op=memory.init
;; BULK-NEXT: wasm trap: write to read-only memory (memory 1 "ro", address 0x20, memory.init)
;; Zero-length bulk writes and copies out of the read-only memory are fine.
;; RUN: %wmc-run --invoke memory.fill0 %t.wasm 0x20 2>&1 | FileCheck %s --check-prefix=OK --allow-empty
;; RUN: %wmc-run --invoke copy-out %t.wasm 0x20 | FileCheck %s --check-prefix=LOAD
;; The exit status of a trap is 134.
;; RUN: %wmc-run --invoke i32.store %t.wasm 0x20; test $? = 134
;; Without the section the memory is an ordinary one.
;; RUN: %wmc-run --invoke i32.store %t.plain.wasm 0x20 2>&1 | FileCheck %s --check-prefix=OK --allow-empty
;; OK-NOT: wasm trap
(module
  (memory $m0 1)
  (memory $ro 1)
  (data (memory $ro) (i32.const 0x20) "hello")
  (data $passive "xy")
  (func (export "load") (param i32) (result i32) (i32.load8_u $ro (local.get 0)))
  (func (export "i32.store8") (param i32) (i32.store8 $ro (local.get 0) (i32.const 1)))
  (func (export "i32.store16") (param i32) (i32.store16 $ro (local.get 0) (i32.const 1)))
  (func (export "i32.store") (param i32) (i32.store $ro (local.get 0) (i32.const 1)))
  (func (export "i64.store8") (param i32) (i64.store8 $ro (local.get 0) (i64.const 1)))
  (func (export "i64.store16") (param i32) (i64.store16 $ro (local.get 0) (i64.const 1)))
  (func (export "i64.store32") (param i32) (i64.store32 $ro (local.get 0) (i64.const 1)))
  (func (export "i64.store") (param i32) (i64.store $ro (local.get 0) (i64.const 1)))
  (func (export "f32.store") (param i32) (f32.store $ro (local.get 0) (f32.const 1)))
  (func (export "f64.store") (param i32) (f64.store $ro (local.get 0) (f64.const 1)))
  (func (export "memory.copy") (param i32)
    (memory.copy $ro $m0 (local.get 0) (i32.const 0) (i32.const 4)))
  (func (export "memory.fill") (param i32)
    (memory.fill $ro (local.get 0) (i32.const 7) (i32.const 4)))
  (func (export "memory.fill0") (param i32)
    (memory.fill $ro (local.get 0) (i32.const 7) (i32.const 0)))
  (func (export "memory.init") (param i32)
    (memory.init $ro $passive (local.get 0) (i32.const 0) (i32.const 2)))
  (func (export "copy-out") (param i32) (result i32)
    (memory.copy $m0 $ro (i32.const 0) (local.get 0) (i32.const 5))
    (i32.load8_u $m0 (i32.const 0))))
