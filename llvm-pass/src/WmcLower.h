//===- WmcLower.h - wasm-memctl lowering pass interface ---------*- C++ -*-===//
//
// The interface shared by the files of the wasm-memctl LLVM pass plugin. The
// pass runs after the whole -O pipeline and turns a module that uses Clang
// address spaces for extra wasm memories (address space 100+k = memory k,
// 99 = the read-only memory, see abi/wmc_abi.h) into one the stock wasm
// backend can compile:
//
//   1. `__wmc_memdecl*` globals become records of the `wmc.memories` custom
//      section (MemoryDecls.cpp);
//   2. with -wmc-rodata=auto, non-escaping internal constants are placed in
//      the read-only memory; with the test flag -wmc-force-memory=K every
//      other non-escaping internal global in memory K (Rodata.cpp);
//   3. globals of memory k move to address space 0 in section
//      `.wmc.m<k>.<symbol>` (Lower.cpp);
//   4. every load, store, atomic, memory intrinsic and `__wmc_intrinsic_*`
//      call on memory k becomes a marker call (Lower.cpp, Markers.cpp);
//   5. whatever cannot be lowered is reported with a source location
//      (Diagnostics.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef WMC_LLVM_PASS_WMCLOWER_H
#define WMC_LLVM_PASS_WMCLOWER_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

#include "wmc_abi.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace wmc {

/// The memory index the pass uses for the read-only memory (the same value
/// as in the declarations section).
constexpr unsigned ReadOnlyMemory = WMC_DECL_READONLY_INDEX;

/// Options of one run of the pass (from the plugin's command-line flags).
struct LowerOptions {
  /// Move non-escaping internal constants into the read-only memory.
  bool AutoRodata = false;
  /// Print what moved to read-only memory and why the rest stayed.
  bool RodataReport = false;
  /// Test flag: move every non-escaping internal global into this memory
  /// (1..31; 0 = off).
  unsigned ForceMemory = 0;
  /// Print what the test flag moved and why the rest stayed.
  bool ForceMemoryReport = false;
};

/// Returns the memory of LLVM address space \p AS: 0 for address space 0,
/// k for 100+k (1 <= k <= 31), ReadOnlyMemory for 99, std::nullopt for any
/// other address space (not ours, e.g. the wasm backend's own 1/10/20).
std::optional<unsigned> memoryOfAddrSpace(unsigned AS);

/// True if \p AS is a non-default memory's address space (99 or 101..131).
bool isMemoryAddrSpace(unsigned AS);

/// Returns "memory k" or "the read-only memory" for messages.
std::string describeMemory(unsigned Mem);

/// Returns the marker module name of memory \p Mem: "wmc:m<k>" or "wmc:ro".
std::string markerModule(unsigned Mem);

/// Returns the section suffix of memory \p Mem: "m<k>" or "ro".
std::string memorySuffix(unsigned Mem);

//===----------------------------------------------------------------------===//
// Diagnostics (Diagnostics.cpp)
//===----------------------------------------------------------------------===//

/// Reports a wasm-memctl error at instruction \p I (source location from its
/// debug location, else from its function's DISubprogram) through
/// LLVMContext::diagnose. Clang prints it as `file:line:col: error: ...` and
/// exits non-zero; opt prints it and exits 1.
void reportError(const llvm::Instruction &I, const llvm::Twine &Msg);

/// Reports a wasm-memctl error about global \p G (location from its
/// DIGlobalVariable when present).
void reportError(const llvm::GlobalValue &G, const llvm::Twine &Msg);

/// Reports a wasm-memctl warning about global \p G.
void reportWarning(const llvm::GlobalValue &G, const llvm::Twine &Msg);

/// Reports a wasm-memctl error without a location (e.g. a bad option).
void reportError(llvm::LLVMContext &Ctx, const llvm::Twine &Msg);

/// Returns "file:line:col" of \p I, or "" without debug info.
std::string sourceLocation(const llvm::Instruction &I);

//===----------------------------------------------------------------------===//
// Markers (Markers.cpp)
//===----------------------------------------------------------------------===//

/// Creates and caches the marker import declarations of a module.
class MarkerTable {
public:
  explicit MarkerTable(llvm::Module &M) : M(M) {}

  /// Returns the marker function for (memory \p Mem, wasm instruction
  /// \p Field) with type \p Ty, declaring it on first use: an external
  /// function named `__wmc_<module>_<field>` (':' and '.' become '_') with
  /// "wasm-import-module" / "wasm-import-name" attributes.
  llvm::FunctionCallee get(unsigned Mem, llvm::StringRef Field,
                           llvm::FunctionType *Ty);

  /// Returns the LLVM symbol name of a marker.
  static std::string symbolName(llvm::StringRef Module, llvm::StringRef Field);

  /// Memories some marker was created for.
  const std::set<unsigned> &usedMemories() const { return Used; }

private:
  llvm::Module &M;
  std::set<unsigned> Used;
};

//===----------------------------------------------------------------------===//
// Memory declarations (MemoryDecls.cpp)
//===----------------------------------------------------------------------===//

/// One record of the `wmc.memories` custom section.
struct MemoryDecl {
  unsigned Index = 0;
  std::string Name;
  unsigned MinPages = WMC_DEFAULT_MIN_PAGES;
  unsigned MaxPages = WMC_DEFAULT_MAX_PAGES;
  unsigned Flags = 0;
  unsigned NullGuardBytes = 0;
  std::string Source;
};

/// Reads and deletes every `__wmc_memdecl*` global of \p M (and the strings
/// only they used). Malformed ones are reported and dropped.
std::vector<MemoryDecl> takeMemoryDecls(llvm::Module &M);

/// Appends the records for \p Decls plus an implicit record for every
/// memory in \p Used without a declaration to the `wmc.memories` custom
/// section of \p M (named metadata `wasm.custom_sections`).
void emitMemoryDecls(llvm::Module &M, const std::vector<MemoryDecl> &Decls,
                     const std::set<unsigned> &Used);

/// Encodes one record (exposed for the unit-style lit tests' description).
std::string encodeMemoryDecl(const MemoryDecl &D);

//===----------------------------------------------------------------------===//
// Placement of memory-0 globals into other memories (Rodata.cpp)
//===----------------------------------------------------------------------===//

/// Globals of address space 0 the pass moved into another memory, and the
/// accesses that must use that memory's markers.
struct PlacementPlan {
  /// Constant globals moved to the read-only memory (-wmc-rodata=auto).
  llvm::SmallVector<llvm::GlobalVariable *, 16> Moved;
  /// Globals moved to memory ForcedMemory (-wmc-force-memory=K).
  llvm::SmallVector<llvm::GlobalVariable *, 16> Forced;
  unsigned ForcedMemory = 0;
  /// The pointer operand (a Use of a load, store, atomicrmw, cmpxchg or the
  /// source/destination of a memory intrinsic) of every access to a moved
  /// global, mapped to the memory it accesses.
  llvm::DenseMap<const llvm::Use *, unsigned> Accesses;
};

/// Follows every pointer derived from \p G (GEPs, and phis/selects whose
/// every input derives from G; comparisons are harmless). Returns
/// std::nullopt if each one ends as the pointer operand of a load (or a
/// memcpy/memmove source) -- with \p AllowWrites also of a store, memset,
/// memcpy/memmove destination, atomicrmw or cmpxchg -- and appends those
/// pointer operands to \p Accesses; else returns why the address escapes.
std::optional<std::string>
findAddressEscape(llvm::GlobalVariable *G, bool AllowWrites,
                  llvm::SmallVectorImpl<const llvm::Use *> &Accesses);

/// Finds the internal/private constants of \p M whose address never escapes
/// (only loads through GEP/phi/select chains and memcpy sources), gives
/// them section `.wmc.ro.<symbol>`, and records them and their accesses in
/// \p Plan. With Opts.RodataReport, prints every decision on stderr.
void placeReadOnlyData(llvm::Module &M, const LowerOptions &Opts,
                       PlacementPlan &Plan);

/// Test flag -wmc-force-memory=K: moves every internal/private global of
/// \p M whose address never escapes (reads and writes allowed) and that is
/// not already placed to memory Opts.ForceMemory (section
/// `.wmc.m<K>.<symbol>`), recording it and its accesses in \p Plan. With
/// Opts.ForceMemoryReport, prints every decision on stderr.
void placeForcedMemory(llvm::Module &M, const LowerOptions &Opts,
                       PlacementPlan &Plan);

//===----------------------------------------------------------------------===//
// The lowering (Lower.cpp)
//===----------------------------------------------------------------------===//

/// Runs the whole pass on \p M. Returns true if the module changed.
bool runWmcLower(llvm::Module &M, const LowerOptions &Opts);

} // namespace wmc

#endif // WMC_LLVM_PASS_WMCLOWER_H
