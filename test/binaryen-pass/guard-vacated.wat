;; wmc-opt --guard-vacated: whole 4 KiB pages of memory 0 that only moved data
;; occupied become no-access at the top of _start (wasm:memctl protect.0 with
;; WMC_PROT_NONE); partial pages and pages shared with memory-0 data stay.
;; @BYTES<n>@ / @ZEROS<n>@ below stand for n bytes "a" / zero (expanded here).
;; RUN: python3 -c "import re,sys; print(re.sub(r'@(BYTES|ZEROS)(\d+)@', lambda m: ('a' if m.group(1) == 'BYTES' else '\\00') * int(m.group(2)), open(sys.argv[1]).read()))" %s > %t.wat
;; RUN: %wat2wasm --debug-names %t.wat -o %t.wasm
;; RUN: python3 %S/Inputs/add-sections.py %s %t.wasm
;; RUN: %wmc-opt %t.wasm --finalize --guard-vacated -S | FileCheck %s
;; RUN: %wmc-opt %t.wasm --finalize -S | FileCheck %s --check-prefix=OFF
;; RUN: not %wmc-opt %t.wasm --guard-vacated 2>&1 | FileCheck %s --check-prefix=USAGE

;; WMC-DECL: 1 heap 1 16 0 0 a.c:1

;; CHECK:      (import "wasm:memctl" "protect.0" (func $wasm:memctl.protect.0 (param i32 i32 i32)))
;; CHECK-LABEL: (func $_start{{$}}
;; CHECK-NEXT:  (call $wasm:memctl.protect.0
;; CHECK-NEXT:   (i32.const 4096)
;; CHECK-NEXT:   (i32.const 8192)
;; CHECK-NEXT:   (i32.const 0)
;; CHECK-NEXT:  )
;; CHECK-NEXT:  (call $wasm:memctl.protect.0
;; CHECK-NEXT:   (i32.const 16384)
;; CHECK-NEXT:   (i32.const 4096)
;; CHECK-NEXT:   (i32.const 0)
;; CHECK-NEXT:  )
;; CHECK-NEXT:  (drop
;; OFF-NOT: protect.0
;; USAGE: wmc-opt: error: --guard-vacated needs --finalize
(module
  (import "wmc:m1" "i32.load" (func $load (param i32) (result i32)))
  (memory (export "memory") 1)
  ;; [3000, 15000) moved: whole pages [4096, 12288); the page at 12288 is
  ;; shared with memory-0 data at 15000 but not whole anyway.
  (data $.wmc.m1 (i32.const 3000) "@BYTES12000@")
  (data $.data (i32.const 15000) "memory 0")
  ;; [16384, 20480) moved exactly (all zero: dropped, still vacated).
  (data $.wmc.m1.bss (i32.const 16384) "@ZEROS4096@")
  (func $_start (export "_start")
    (drop (call $load (i32.const 3000)))))
