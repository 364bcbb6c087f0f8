//===- abi/wmc_abi.h - wasm-memctl cross-component ABI constants ----------===//
//
// The single source of truth for every name and number that crosses a
// component boundary in wasm-memctl. llvm-pass, binaryen-pass and runtime each
// include this header (and scripts/gen-polyfill-table generates the JS
// polyfill's table from it), so the sides cannot drift apart. The components
// share no other code: they meet only in files (IR, object, module).
//
// The prose contract for everything here is docs/toolchain-abi.md (compiler
// side) and docs/memory-control.md (runtime side). Change both together.
//
// Plain C (C99) so that it can be included from C, C++ and parsed by scripts.
//===----------------------------------------------------------------------===//
#ifndef WMC_ABI_H
#define WMC_ABI_H

/* ---- 1. Memories as LLVM/Clang address spaces (contract 1) -------------- */

/// LLVM address space of memory k (1 <= k <= WMC_MAX_MEMORY) is
/// WMC_AS_MEMORY_BASE + k. Address space 0 is memory 0 (the default memory).
/// The range avoids LLVM's reserved wasm address spaces 1, 10 and 20.
#define WMC_AS_MEMORY_BASE 100
/// Highest user-declarable memory index.
#define WMC_MAX_MEMORY 31
/// LLVM address space of the toolchain's read-only memory (`__wasm_ro` and
/// automatic read-only data). Its final wasm memory index is chosen by
/// wmc-opt: one past the highest memory index the program uses.
#define WMC_AS_READONLY 99

/* ---- 2. Markers: what llvm-pass emits and wmc-opt consumes (contract 2) -- */

/// Every lowered access to memory k is a call to a function imported from
/// module "wmc:m<k>" (decimal k, e.g. "wmc:m3"); accesses to the read-only
/// memory use module "wmc:ro". The import's field name is the wasm
/// instruction it stands for, spelled as in the text format ("i32.load8_u",
/// "i64.atomic.rmw.add", "memory.size", ...). See docs/toolchain-abi.md for
/// every name and signature.
#define WMC_MARKER_MODULE_PREFIX "wmc:m"
#define WMC_MARKER_MODULE_READONLY "wmc:ro"
/// memory.copy between two memories: module names the destination memory,
/// field "memory.copy" + source module suffix, e.g. import "wmc:m1"
/// "memory.copy.m0" copies from memory 0 into memory 1.
#define WMC_MARKER_COPY "memory.copy"
/// Heap base of memory k (first free address after its static data), an i32
/// constant known only after linking: import "wmc:m<k>" "heap_base" () -> i32.
#define WMC_MARKER_HEAP_BASE "heap_base"

/* ---- 3. Memory declarations custom section (contract 3) ---------------- */

/// Name of the custom section each translation unit emits; wasm-ld
/// concatenates same-named sections, so the section is a plain sequence of
/// self-delimiting records:
///   record  := version:u8(=WMC_DECL_VERSION) memory:uleb32 name:name
///              min_pages:uleb32 max_pages:uleb32 flags:uleb32
///              null_guard_bytes:uleb32 source:name
///   name    := len:uleb32 bytes:utf8[len]
/// memory is the user's index k (0..WMC_MAX_MEMORY) or WMC_DECL_READONLY_INDEX
/// for the read-only memory; max_pages == WMC_NO_MAX means "no maximum";
/// source is "file:line" of the declaration, used in conflict diagnostics.
#define WMC_DECL_SECTION "wmc.memories"
#define WMC_DECL_VERSION 1
#define WMC_DECL_READONLY_INDEX 0xFFFFu
#define WMC_NO_MAX 0xFFFFFFFFu

/// Declaration flags (also the C-level WASM_MEMORY_* flags).
#define WMC_MEMORY_READONLY 0x1u
#define WMC_MEMORY_MAPPABLE 0x2u
#define WMC_MEMORY_EXPORT 0x4u
/// A declaration that only records a use (no WASM_MEMORY in the TU); it
/// never conflicts with a real declaration and gets documented defaults.
#define WMC_MEMORY_IMPLICIT 0x8u

/// Defaults for a memory used without a WASM_MEMORY declaration.
#define WMC_DEFAULT_MIN_PAGES 1u
#define WMC_DEFAULT_MAX_PAGES 65536u

/* ---- 4. Placement without relocation (contract 4) ---------------------- */

/// llvm-pass puts each object of memory k into a data section named
/// ".wmc.m<k>.<symbol>" and each read-only object into ".wmc.ro.<symbol>";
/// wasm-ld keeps these names on its output data segments (name section),
/// and wmc-opt moves the bytes of those segments to memory k at the same
/// offsets.
#define WMC_SEGMENT_PREFIX_MEMORY ".wmc.m"
#define WMC_SEGMENT_PREFIX_READONLY ".wmc.ro"

/* ---- 6. Protections custom section of the final module (contract 6) ---- */

/// Written by wmc-opt, read by wmc-run before the start function:
///   section := version:u8(=WMC_PROT_VERSION) count:uleb32 entry*count
///   entry   := memory:uleb32 flags:uleb32 null_guard_bytes:uleb32
/// memory is the final wasm memory index; flags use WMC_MEMORY_READONLY and
/// WMC_MEMORY_MAPPABLE; null_guard_bytes is a multiple of
/// WMC_PROTECTION_PAGE_SIZE (bytes [0, null_guard_bytes) are no-access).
#define WMC_PROT_SECTION "wmc.protections"
#define WMC_PROT_VERSION 1

/* ---- 7. Memory-control builtins (runtime ABI, contract 7) -------------- */

/// Imports from module "wasm:memctl", one per operation and memory, the
/// memory index in the field name after a dot (static index, Option 1):
///   "protect.<k>"  (addr i32, len i32, prot i32) -> ()
///   "discard.<k>"  (addr i32, len i32) -> ()
///   "map.<k>"      (addr i32, len i32, fd i32, offset i64, prot i32) -> i32
///   "unmap.<k>"    (addr i32, len i32) -> ()
///   "page_size"    () -> i32
/// Misaligned or out-of-bounds ranges and invalid prot values trap; map
/// returns 0 or a WASI errno for file errors. See docs/memory-control.md.
#define WMC_BUILTIN_MODULE "wasm:memctl"
#define WMC_BUILTIN_PROTECT "protect"
#define WMC_BUILTIN_DISCARD "discard"
#define WMC_BUILTIN_MAP "map"
#define WMC_BUILTIN_UNMAP "unmap"
#define WMC_BUILTIN_PAGE_SIZE "page_size"

/// Protection values (also the C-level WASM_PROT_* constants).
#define WMC_PROT_NONE 0
#define WMC_PROT_READ 1
#define WMC_PROT_READWRITE 3

/// Granule of protect/map/unmap/discard and of null guards, in bytes.
#define WMC_PROTECTION_PAGE_SIZE 4096u

#endif /* WMC_ABI_H */
