//===- MemoryFacts.h - per-memory knowledge for wasm-memctl optimizations -*-
// C++ -*-//
//
// Binaryen's EffectAnalyzer treats all memories as one location: any store or
// call conflicts with any load. The wasm-memctl optimization passes need
// finer facts, computed here once per module (not a pass itself):
//
//  - which memories are *read-only*: flagged so in `wmc.protections`, never
//    written by any instruction or memory-control builtin of the module, and
//    not reachable by the host (neither imported nor exported) -- their bytes
//    are exactly their active data segments forever;
//  - which memories have *stable access*: no protect/map/unmap/discard builtin
//    names them and they are not shared, so whether an access traps depends
//    only on its address: below the null guard or beyond the memory's size
//    (which only grows, so `initial` pages are a safe lower bound);
//  - for each function, the set of memories it may write, transitively through
//    direct calls (an import writes the host-reachable memories, a builtin
//    import the memory it names; an indirect call may write whatever any
//    code of the module writes -- the union of all direct writes -- so a
//    memory nothing writes stays unwritten even across call_indirect).
//
// Memories are identified by their Binaryen name.
//
//===----------------------------------------------------------------------===//
#ifndef WMC_BINARYEN_MEMORYFACTS_H
#define WMC_BINARYEN_MEMORYFACTS_H

#include "wasm.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace wmc {

/// The memories an expression or function may write; All means every memory.
struct WriteSet {
  bool All = false;
  std::set<wasm::Name> Memories;

  bool mayWrite(wasm::Name Memory) const {
    return All || Memories.count(Memory);
  }
  /// Returns true when this set grew.
  bool merge(const WriteSet &Other);
};

struct MemoryFacts {
  struct Info {
    bool ReadOnly = false;
    bool StableAccess = false;
    bool HostReachable = false;
    uint64_t MinBytes = 0;   ///< initial size; memories never shrink
    uint64_t GuardBytes = 0; ///< [0, GuardBytes) is no-access
  };
  std::map<wasm::Name, Info> Memories;
  /// Memories each defined or imported function may write.
  std::map<wasm::Name, WriteSet> FunctionWrites;
  /// Memories any code of the module may write (bound of indirect calls).
  WriteSet AnyCodeWrites;

  /// Analyzes \p M. Throws UserError if `wmc.protections` is malformed.
  static MemoryFacts analyze(wasm::Module &M);

  const Info *find(wasm::Name Memory) const {
    auto It = Memories.find(Memory);
    return It == Memories.end() ? nullptr : &It->second;
  }

  /// The memories \p Expr (with everything it calls) may write.
  WriteSet writesOf(wasm::Expression *Expr) const;

  /// True when an access of \p Bytes bytes at \p Ptr + \p Offset to
  /// \p Memory can never trap, whatever the program does.
  bool cannotTrap(wasm::Name Memory, wasm::Expression *Ptr, uint64_t Offset,
                  uint64_t Bytes) const;
};

/// Inclusive unsigned range of an i32 expression's value, when a simple
/// structural analysis bounds it (constants, masks, shifts, narrow loads...).
std::optional<std::pair<uint64_t, uint64_t>> valueRange(wasm::Expression *E);

} // namespace wmc

#endif
