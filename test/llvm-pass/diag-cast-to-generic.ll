; An address-space cast from memory k to the generic address space is an
; error at the cast's source location (from debug info), not a crash.
; RUN: not %opt -load-pass-plugin=%pass-plugin -passes=wmc-lower -disable-output %s 2>&1 | FileCheck %s
target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-wasi"

; CHECK: error: diag.c:5:10: in function 'get': wasm-memctl: a pointer into memory 1 is converted to a generic pointer (address-space cast); it would access memory 0
define i32 @get(ptr addrspace(101) %p) !dbg !5 {
  %g = addrspacecast ptr addrspace(101) %p to ptr, !dbg !8
  %v = load i32, ptr %g, !dbg !9
  ret i32 %v
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "diag.c", directory: "/src")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 5}
!5 = distinct !DISubprogram(name: "get", scope: !1, file: !1, line: 3, type: !6, scopeLine: 3, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{}
!8 = !DILocation(line: 5, column: 10, scope: !5)
!9 = !DILocation(line: 6, column: 3, scope: !5)
