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
//      the read-only memory (Rodata.cpp);
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
// Automatic read-only data (Rodata.cpp)
//===----------------------------------------------------------------------===//

/// The result of the read-only data analysis.
struct RodataPlan {
  /// Constant globals (address space 0) that move to the read-only memory.
  llvm::SmallVector<llvm::GlobalVariable *, 16> Moved;
  /// Loads and memory-transfer intrinsics that read one of them: lowered as
  /// accesses to the read-only memory (memcpy/memmove: their source).
  llvm::DenseSet<const llvm::Instruction *> Accesses;
};

/// Finds the internal/private constants of \p M whose address never escapes
/// (only loads through GEP/phi/select chains and memcpy sources), gives
/// them section `.wmc.ro.<symbol>`, and returns them with their accesses.
/// With Opts.RodataReport, prints every decision on stderr.
RodataPlan placeReadOnlyData(llvm::Module &M, const LowerOptions &Opts);

//===----------------------------------------------------------------------===//
// The lowering (Lower.cpp)
//===----------------------------------------------------------------------===//

/// Runs the whole pass on \p M. Returns true if the module changed.
bool runWmcLower(llvm::Module &M, const LowerOptions &Opts);

} // namespace wmc

#endif // WMC_LLVM_PASS_WMCLOWER_H
