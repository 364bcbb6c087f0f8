//===- CreateMemories.cpp - declare the memories of a wasm-memctl module --===//
//
// First finalize pass. wasm-ld links every object into one memory; the
// memories the program declared travel in the concatenated `wmc.memories`
// custom section (one record per declaration per translation unit). This pass
// merges those records (a conflict across translation units is an error that
// names both source locations), records implicit declarations for memories
// that markers or `.wmc.*` segments use without any record, and creates the
// memories with dense indices: user memory k at index k (a gap becomes an
// empty `unused<k>` memory of 0 pages), the read-only memory last. Memories
// get their declared names and limits and, with WMC_MEMORY_EXPORT, an export
// of that name.
//
//   (memory $0 2)            ;; + wmc.memories: {1, "heap", 1, 16, EXPORT}
//   =>
//   (memory $0 2)
//   (memory $heap 1 16)
//   (export "heap" (memory $heap))
//
//===----------------------------------------------------------------------===//
#include "MemoryLayout.h"
#include "Passes.h"
#include "UserError.h"

#include "wmc_abi.h"

#include "ir/names.h"
#include "pass.h"
#include "wasm-builder.h"

#include <iostream>
#include <set>

namespace wmc {
namespace {

struct CreateMemories : public wasm::Pass {
  void run(wasm::Module *M) override {
    std::set<MemoryRef> Used = usedMemories(*M);
    if (!hasDeclarations(*M) && Used.empty())
      return; // A plain module: nothing of ours to finalize.
    if (M->memories.size() != 1)
      throw UserError("expected the single memory of a wasm-ld output, found " +
                      std::to_string(M->memories.size()) +
                      " memories (was the module already finalized?)");
    if (M->memories[0]->is64())
      throw UserError("memory64 modules are not supported");

    addImplicitDeclarations(*M, Used);
    MemoryLayout Layout = readLayout(*M);
    declareMemoryZero(*M, Layout);

    for (uint32_t K = 1; K <= Layout.highestUserIndex(); ++K) {
      const MemoryDecl *D = Layout.find({false, K});
      if (!D) {
        addMemory(*M, "unused" + std::to_string(K), 0, 0, false);
        continue;
      }
      addMemory(*M, D->Name, D->MinPages, D->MaxPages,
                D->Flags & WMC_MEMORY_EXPORT);
    }
    if (Layout.ReadOnly) {
      const MemoryDecl &D = *Layout.ReadOnly;
      addMemory(*M, D.Name, D.MinPages, D.MaxPages,
                D.Flags & WMC_MEMORY_EXPORT);
    }
    assert(M->memories.size() == Layout.memoryCount());
  }

  /// Every memory named by a marker import or a `.wmc.*` data segment.
  static std::set<MemoryRef> usedMemories(wasm::Module &M) {
    std::set<MemoryRef> Used;
    for (auto &Func : M.functions)
      if (Func->imported())
        if (auto Ref = parseMarkerModule(Func->module.view()))
          Used.insert(*Ref);
    for (auto &Seg : M.dataSegments)
      if (auto Ref = parseSegmentName(Seg->name.view()))
        Used.insert(*Ref);
    return Used;
  }

  /// Appends an implicit record (documented defaults) for each used memory
  /// that no record mentions, so later passes see a complete layout.
  static void addImplicitDeclarations(wasm::Module &M,
                                      const std::set<MemoryRef> &Used) {
    MemoryLayout Layout = readLayout(M);
    std::vector<char> Extra;
    for (const MemoryRef &Ref : Used) {
      if (Layout.find(Ref) || (!Ref.ReadOnly && Ref.Index == 0))
        continue;
      MemoryDecl D;
      D.Memory = Ref;
      D.Name = Ref.ReadOnly ? "rodata" : "mem" + std::to_string(Ref.Index);
      D.MinPages = WMC_DEFAULT_MIN_PAGES;
      D.MaxPages = WMC_DEFAULT_MAX_PAGES;
      D.Flags = WMC_MEMORY_IMPLICIT | (Ref.ReadOnly ? WMC_MEMORY_READONLY : 0);
      D.Source = "<used without declaration>";
      std::vector<char> Bytes = encodeDeclaration(D);
      Extra.insert(Extra.end(), Bytes.begin(), Bytes.end());
    }
    if (Extra.empty())
      return;
    wasm::CustomSection Section;
    Section.name = WMC_DECL_SECTION;
    Section.data = std::move(Extra);
    M.customSections.push_back(std::move(Section));
  }

  /// Memory 0 comes from wasm-ld: a declaration may raise its limits and
  /// export it, but it cannot be read-only.
  static void declareMemoryZero(wasm::Module &M, const MemoryLayout &Layout) {
    const MemoryDecl *D = Layout.find({false, 0});
    if (!D)
      return;
    if (D->Flags & WMC_MEMORY_READONLY)
      throw UserError("memory 0 cannot be read-only (declared at " + D->Source +
                      ")");
    wasm::Memory &Mem0 = *M.memories[0];
    if (D->MinPages > Mem0.initial)
      Mem0.initial = D->MinPages;
    // The runtime requires the null guard inside the initial size.
    uint64_t GuardPages =
        alignTo(D->NullGuardBytes, WasmPageBytes) / WasmPageBytes;
    if (GuardPages > Mem0.initial)
      Mem0.initial = GuardPages;
    if (D->MaxPages != WMC_NO_MAX && Mem0.hasMax() && D->MaxPages < Mem0.max)
      std::cerr << "wmc-opt: warning: declared maximum of memory 0 ("
                << D->MaxPages << " pages, at " << D->Source
                << ") is smaller than the linker's (" << Mem0.max
                << " pages); using the linker's\n";
    if (Mem0.initial > Mem0.max)
      throw UserError("declared minimum of memory 0 (" +
                      std::to_string(D->MinPages) + " pages, at " + D->Source +
                      ") exceeds the linker's maximum");
    if ((D->Flags & WMC_MEMORY_EXPORT) && !isExported(M, Mem0.name))
      addExport(M, D->Name, Mem0.name);
  }

  static bool isExported(wasm::Module &M, wasm::Name Memory) {
    for (auto &Exp : M.exports)
      if (Exp->kind == wasm::ExternalKind::Memory &&
          *Exp->getInternalName() == Memory)
        return true;
    return false;
  }

  static void addExport(wasm::Module &M, const std::string &Name,
                        wasm::Name Memory) {
    if (M.getExportOrNull(Name))
      throw UserError("cannot export memory \"" + Name +
                      "\": the module already has an export of that name");
    M.addExport(
        wasm::Builder::makeExport(Name, Memory, wasm::ExternalKind::Memory));
  }

  static void addMemory(wasm::Module &M, const std::string &Name,
                        uint32_t MinPages, uint32_t MaxPages, bool Export) {
    wasm::Name Internal = wasm::Names::getValidMemoryName(M, Name);
    auto Mem = wasm::Builder::makeMemory(
        Internal, MinPages,
        MaxPages == WMC_NO_MAX ? wasm::Address(wasm::Memory::kUnlimitedSize)
                               : wasm::Address(MaxPages));
    Mem->hasExplicitName = true;
    wasm::Memory *Added = M.addMemory(std::move(Mem));
    if (Export)
      addExport(M, Name, Added->name);
  }
};

} // namespace

wasm::Pass *createCreateMemoriesPass() { return new CreateMemories(); }

} // namespace wmc
