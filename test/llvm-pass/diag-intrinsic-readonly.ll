; protect/discard/map/unmap/grow/memset/memcpy-into are not for the
; read-only memory.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

declare void @__wmc_intrinsic_protect(i32, i32, i32, i32)

; CHECK: error: in function 'prot': wasm-memctl: __wmc_intrinsic_protect cannot operate on the read-only memory
define void @prot() {
  call void @__wmc_intrinsic_protect(i32 65535, i32 0, i32 4096, i32 3)
  ret void
}
