//===- MemoryLayout.h - wasm-memctl declarations, markers, sections -*- C++
//-*-//
//
// The shared vocabulary of the wasm-memctl Binaryen passes (not a pass
// itself): decoding and merging the `wmc.memories` declaration records that
// wasm-ld concatenated from every object, computing the final memory index of
// each user memory and of the read-only memory, recognising marker import
// modules ("wmc:m<k>", "wmc:ro") and data segment names (".wmc.m<k>",
// ".wmc.ro"), encoding and decoding the `wmc.protections` section, and adding
// `wasm:memctl` builtin imports. Every name and number comes from
// abi/wmc_abi.h; the prose contract is docs/toolchain-abi.md.
//
// The finalize passes communicate only through the module: wmc-create-memories
// appends implicit records for memories that are used but not declared, so
// every later pass recomputes the same layout from the section alone.
//
//===----------------------------------------------------------------------===//
#ifndef WMC_BINARYEN_MEMORYLAYOUT_H
#define WMC_BINARYEN_MEMORYLAYOUT_H

#include "wasm.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wmc {

/// A memory as named by a marker module or a segment name: a user memory
/// index k (0..WMC_MAX_MEMORY) or the toolchain's read-only memory.
struct MemoryRef {
  bool ReadOnly = false;
  uint32_t Index = 0; ///< user index; meaningless when ReadOnly
  bool operator<(const MemoryRef &O) const {
    return ReadOnly != O.ReadOnly ? O.ReadOnly : Index < O.Index;
  }
  bool operator==(const MemoryRef &O) const {
    return ReadOnly == O.ReadOnly && (ReadOnly || Index == O.Index);
  }
  /// "memory 3" / "the read-only memory", for diagnostics.
  std::string describe() const;
};

/// Parses a marker import module. Returns nullopt when \p Module does not
/// start with "wmc:"; throws UserError for a "wmc:" module that names no
/// memory (e.g. "wmc:m" or "wmc:m40").
std::optional<MemoryRef> parseMarkerModule(std::string_view Module);

/// Parses a data segment name ".wmc.m<k>", ".wmc.m<k>.<symbol>", ".wmc.ro" or
/// ".wmc.ro.<symbol>". Returns nullopt for any other name.
std::optional<MemoryRef> parseSegmentName(std::string_view Name);

/// One record of the `wmc.memories` section (abi/wmc_abi.h section 3).
struct MemoryDecl {
  MemoryRef Memory;
  std::string Name;
  uint32_t MinPages = 0;
  uint32_t MaxPages = 0; ///< WMC_NO_MAX = no maximum
  uint32_t Flags = 0;
  uint32_t NullGuardBytes = 0;
  std::string Source; ///< "file:line"
  bool isImplicit() const;
};

/// Decodes every record of one section payload; throws UserError naming the
/// byte offset of the first malformed record.
std::vector<MemoryDecl> decodeDeclarations(const std::vector<char> &Bytes);

/// Encodes one record (used for the implicit records wmc-create-memories adds).
std::vector<char> encodeDeclaration(const MemoryDecl &Decl);

/// The merged declarations of a module and the final memory indices.
struct MemoryLayout {
  /// One merged declaration per declared user memory index (0 included).
  std::map<uint32_t, MemoryDecl> User;
  /// The read-only memory's merged declaration, if it is declared or used.
  std::optional<MemoryDecl> ReadOnly;

  /// Highest user memory index declared (0 when only memory 0 exists).
  uint32_t highestUserIndex() const;
  /// Final wasm memory index of \p Ref.
  uint32_t finalIndex(const MemoryRef &Ref) const;
  /// Number of memories the final module has.
  uint32_t memoryCount() const;
  /// The merged declaration of \p Ref, or null when it is not declared.
  const MemoryDecl *find(const MemoryRef &Ref) const;
};

/// True when the module carries at least one `wmc.memories` section.
bool hasDeclarations(const wasm::Module &M);

/// Reads and merges every `wmc.memories` section of \p M. Conflicting
/// non-implicit declarations of one memory throw UserError naming both
/// `source` locations.
MemoryLayout readLayout(const wasm::Module &M);

/// Removes every `wmc.memories` section.
void removeDeclarations(wasm::Module &M);

/// The wasm memory of \p Ref in a module whose memories wmc-create-memories
/// has already created.
wasm::Memory *memoryFor(wasm::Module &M, const MemoryLayout &Layout,
                        const MemoryRef &Ref);

/// One entry of the `wmc.protections` section (abi/wmc_abi.h section 6).
struct ProtectionEntry {
  uint32_t Memory = 0; ///< final wasm memory index
  uint32_t Flags = 0;  ///< WMC_MEMORY_READONLY | WMC_MEMORY_MAPPABLE
  uint32_t NullGuardBytes = 0;
};

std::vector<char> encodeProtections(const std::vector<ProtectionEntry> &E);
/// Decodes the module's `wmc.protections` section; nullopt when absent.
/// Throws UserError when malformed.
std::optional<std::vector<ProtectionEntry>>
readProtections(const wasm::Module &M);

/// Returns the name of the function importing `wasm:memctl` \p Field,
/// adding the import (with signature \p Sig) if the module lacks it.
wasm::Name getOrAddBuiltin(wasm::Module &M, const std::string &Field,
                           wasm::Signature Sig);

/// Keeps `wmc.protections` and the `wasm:memctl` builtin names (both keyed
/// by final memory *index*) true while other passes run: Binaryen's -O
/// pipeline removes memories nothing uses (an `unused<k>` gap, a read-only
/// memory whose loads all folded), which shifts the indices of the memories
/// after them. capture() records the memories by name; repair() renumbers
/// protections entries (dropping those of removed memories), renames
/// builtin imports `<op>.<old>` to `<op>.<new>`, and re-adds -- empty, same
/// limits -- a removed memory that a builtin still names.
class MemoryIndexGuard {
public:
  void capture(const wasm::Module &M);
  void repair(wasm::Module &M);

private:
  struct Recorded {
    wasm::Name Name;
    wasm::Address Initial, Max;
    bool Shared;
  };
  std::vector<Recorded> Memories;
};

/// Rounds \p Value up to a multiple of \p Align (a power of two).
inline uint64_t alignTo(uint64_t Value, uint64_t Align) {
  return (Value + Align - 1) & ~(Align - 1);
}

/// Byte size of one 64 KiB wasm page.
constexpr uint64_t WasmPageBytes = 65536;

} // namespace wmc

#endif
