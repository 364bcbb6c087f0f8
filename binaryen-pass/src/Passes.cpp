//===- Passes.cpp - registration table of wasm-memctl passes --------------===//
//
// The single table naming every wasm-memctl Binaryen pass. Adding a pass means
// one file with a create<Name>Pass() factory, one row here, and a lit test
// named after the kebab-case name in test/binaryen-pass/.
//
//===----------------------------------------------------------------------===//
#include "Passes.h"

namespace wmc {

const std::vector<PassInfo> &passTable() {
  static const std::vector<PassInfo> Table = {
      {"wmc-create-memories",
       "merge wmc.memories declarations and create the declared memories",
       createCreateMemoriesPass},
      {"wmc-move-segments",
       "move .wmc.* data segments to their memory, size memories, lower "
       "heap_base",
       createMoveSegmentsPass},
      {"wmc-lower-markers",
       "replace marker calls by memory instructions and wasm:memctl builtins",
       createLowerMarkersPass},
      {"wmc-write-protections",
       "write the wmc.protections section and drop wmc.memories",
       createWriteProtectionsPass},
      {"wmc-fold-readonly-loads",
       "replace loads from read-only memories at constant addresses by the "
       "constant",
       createFoldReadOnlyLoadsPass},
      {"wmc-memory-licm",
       "hoist non-trapping loads out of loops that do not write their memory "
       "(per-memory effects)",
       createMemoryLICMPass},
      {"wmc-memory-rle",
       "reuse a load's value for the same load later in straight-line code "
       "when nothing in between writes its memory (per-memory effects)",
       createMemoryRLEPass},
      {"wmc-lower-to-single-memory",
       "merge all memories into one (exact bounds checks; protections are "
       "not enforced)",
       createLowerToSingleMemoryPass},
      {"wmc-check-markers",
       "fail if any wasm-memctl marker import is left in the module",
       createCheckMarkersPass},
  };
  return Table;
}

void registerPasses() {
  for (const PassInfo &Info : passTable())
    wasm::PassRegistry::get()->registerPass(Info.Name, Info.Description,
                                            Info.Create);
}

std::vector<std::string> finalizePipeline() {
  return {"wmc-create-memories", "wmc-move-segments", "wmc-lower-markers",
          "wmc-write-protections", "wmc-check-markers"};
}

std::vector<std::string> memoryOptimizationPipeline() {
  return {"wmc-fold-readonly-loads", "wmc-memory-licm", "wmc-memory-rle"};
}

} // namespace wmc
