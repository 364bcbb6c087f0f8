//===- WriteProtections.cpp - emit the wmc.protections section -----------===//
//
// Last finalize pass before the marker check (contract 6). Protections travel
// in a custom section of the final module that engines without wasm-memctl
// ignore and wmc-run enforces before the start function: one entry per
// memory that is read-only, has a null guard, or is mappable, keyed by the
// memory's *final* index (abi/wmc_abi.h section 6). The declarations section
// `wmc.memories` has served its purpose and is dropped.
//
//   ;; wmc.memories: {1, "heap", ..., null_guard 4096}, {ro, "rodata", ...}
//   =>
//   ;; custom section "wmc.protections": 01 02  01 00 80 20  02 01 00
//
//===----------------------------------------------------------------------===//
#include "MemoryLayout.h"
#include "Passes.h"
#include "UserError.h"

#include "wmc_abi.h"

#include "pass.h"

namespace wmc {
namespace {

struct WriteProtections : public wasm::Pass {
  void run(wasm::Module *M) override {
    if (!hasDeclarations(*M))
      return;
    if (readProtections(*M))
      throw UserError("the module already has a '" WMC_PROT_SECTION
                      "' section (was it already finalized?)");
    MemoryLayout Layout = readLayout(*M);
    std::vector<ProtectionEntry> Entries;
    auto Add = [&](const MemoryDecl &D) {
      ProtectionEntry E;
      E.Memory = Layout.finalIndex(D.Memory);
      E.Flags = D.Flags & (WMC_MEMORY_READONLY | WMC_MEMORY_MAPPABLE);
      if (D.Memory.ReadOnly)
        E.Flags |= WMC_MEMORY_READONLY;
      E.NullGuardBytes = D.NullGuardBytes;
      if (E.Flags || E.NullGuardBytes)
        Entries.push_back(E);
    };
    for (auto &[Index, D] : Layout.User)
      Add(D);
    if (Layout.ReadOnly)
      Add(*Layout.ReadOnly);

    removeDeclarations(*M);
    wasm::CustomSection Section;
    Section.name = WMC_PROT_SECTION;
    Section.data = encodeProtections(Entries);
    M->customSections.push_back(std::move(Section));
  }
};

} // namespace

wasm::Pass *createWriteProtectionsPass() { return new WriteProtections(); }

} // namespace wmc
