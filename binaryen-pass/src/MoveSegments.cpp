//===- MoveSegments.cpp - place static data in its memory
//------------------===//
//
// Second finalize pass (contract 4, placement without relocation). llvm-pass
// puts every object of memory k into a data section `.wmc.m<k>` (read-only
// data: `.wmc.ro`) and wasm-ld gives it an address in memory 0, keeping the
// section name on the output segment. Pointers to those objects already hold
// these addresses, so this pass moves each such segment to memory k at the
// *same* offset; all-zero segments are dropped after recording their extent
// (memories start zeroed). Each memory's minimum grows to cover its static
// data, and the `heap_base` markers of memory k become the constant end of
// its static data (at least its null guard), rounded up to 16.
//
// With the pass argument `wmc-guard-vacated` (wmc-opt --guard-vacated), the
// whole 4 KiB pages of memory 0 that only moved data occupied become
// no-access: `_start` (or `_initialize`) first calls the runtime builtin
// `wasm:memctl` `protect.0` on them, so a pointer confused between memories
// traps instead of reading stale bytes.
//
//   (data $.wmc.m1 (i32.const 1024) "\2a")
//   (call $wmc:m1.heap_base)
//   =>
//   (data $.wmc.m1 (memory $heap) (i32.const 1024) "\2a")
//   (i32.const 1040)
//
//===----------------------------------------------------------------------===//
#include "MemoryLayout.h"
#include "Passes.h"
#include "UserError.h"

#include "wmc_abi.h"

#include "pass.h"
#include "wasm-builder.h"
#include "wasm-traversal.h"

#include <algorithm>
#include <iostream>
#include <map>

namespace wmc {
namespace {

struct Range {
  uint64_t Begin, End;
};

struct HeapBaseLowering : public wasm::PostWalker<HeapBaseLowering> {
  const std::map<wasm::Name, uint32_t> &Bases;
  explicit HeapBaseLowering(const std::map<wasm::Name, uint32_t> &Bases)
      : Bases(Bases) {}
  void visitCall(wasm::Call *curr) {
    auto It = Bases.find(curr->target);
    if (It == Bases.end())
      return;
    wasm::Builder Builder(*getModule());
    wasm::Expression *Value = Builder.makeConst(int32_t(It->second));
    replaceCurrent(
        curr->isReturn ? (wasm::Expression *)Builder.makeReturn(Value) : Value);
  }
};

struct MoveSegments : public wasm::Pass {
  void run(wasm::Module *M) override {
    if (!hasDeclarations(*M)) {
      // Nothing was declared, so nothing moved out of memory 0.
      if (hasArgument("wmc-guard-vacated"))
        warnNothingVacated();
      return;
    }
    MemoryLayout Layout = readLayout(*M);
    wasm::Name Mem0 = M->memories[0]->name;
    checkSegmentNames(*M);

    // Highest static byte per final memory index, and the vacated ranges.
    std::map<uint32_t, uint64_t> StaticEnd;
    std::vector<Range> Vacated, Kept;
    std::vector<wasm::Name> Dropped;
    for (auto &Seg : M->dataSegments) {
      auto Ref = parseSegmentName(Seg->name.view());
      if (!Ref || (!Ref->ReadOnly && Ref->Index == 0)) {
        if (Seg->isActive() && Seg->memory == Mem0)
          if (auto *C = Seg->offset->dynCast<wasm::Const>())
            Kept.push_back({C->value.getUnsigned(),
                            C->value.getUnsigned() + Seg->data.size()});
        continue;
      }
      if (Seg->isPassive())
        throw UserError("data segment \"" + Seg->name.toString() +
                        "\" is passive (a shared-memory build?); only active "
                        "segments can be moved to their memory");
      auto *Offset = Seg->offset->dynCast<wasm::Const>();
      if (!Offset)
        throw UserError("data segment \"" + Seg->name.toString() +
                        "\" has a non-constant offset (position-independent "
                        "code?); only constant offsets can be moved");
      if (Seg->memory != Mem0)
        throw UserError("data segment \"" + Seg->name.toString() +
                        "\" is not in memory 0");
      uint64_t Begin = Offset->value.getUnsigned();
      uint64_t End = Begin + Seg->data.size();
      wasm::Memory *Target = memoryFor(*M, Layout, *Ref);
      uint32_t Index = Layout.finalIndex(*Ref);
      StaticEnd[Index] = std::max(StaticEnd[Index], End);
      Vacated.push_back({Begin, End});
      bool AllZero = std::all_of(Seg->data.begin(), Seg->data.end(),
                                 [](char C) { return C == 0; });
      const MemoryDecl *D = Layout.find(*Ref);
      if (!AllZero && D && (D->Flags & WMC_MEMORY_MAPPABLE))
        throw UserError("data segment \"" + Seg->name.toString() +
                        "\" has initialized data for " + Ref->describe() +
                        ", which is mappable (declared at " + D->Source +
                        "): its pages start unmapped, so only "
                        "zero-initialized objects may live there");
      if (AllZero)
        Dropped.push_back(Seg->name);
      else
        Seg->memory = Target->name;
    }
    for (wasm::Name Name : Dropped)
      M->removeDataSegment(Name);

    std::map<wasm::Name, uint32_t> HeapBases;
    for (uint32_t I = 1; I < M->memories.size(); ++I)
      sizeMemory(*M, Layout, I, StaticEnd[I], HeapBases);
    lowerHeapBase(*M, Layout, HeapBases);
    checkNullGuards(*M, Layout);

    if (hasArgument("wmc-guard-vacated"))
      guardVacated(*M, Vacated, Kept);
  }

  /// wasm-ld keeps section names on segments unless told to strip them;
  /// without them nothing can be placed.
  static void checkSegmentNames(wasm::Module &M) {
    if (M.dataSegments.empty())
      return;
    for (auto &Seg : M.dataSegments)
      if (Seg->hasExplicitName)
        return;
    throw UserError("segment names missing: the data segments carry no names "
                    "(linked with --strip-all or --strip-debug?), so the data "
                    "of memories other than 0 cannot be placed");
  }

  /// Raises the minimum of final memory \p I to cover its static data and
  /// computes its heap base.
  static void sizeMemory(wasm::Module &M, const MemoryLayout &Layout,
                         uint32_t I, uint64_t End,
                         std::map<wasm::Name, uint32_t> &HeapBases) {
    wasm::Memory &Mem = *M.memories[I];
    const MemoryDecl *D = nullptr;
    MemoryRef Ref{false, I};
    if (Layout.ReadOnly && I == Layout.finalIndex({true, 0}))
      Ref = {true, 0};
    D = Layout.find(Ref);
    uint64_t Guard = D ? D->NullGuardBytes : 0;
    uint64_t Needed = std::max(End, Guard);
    uint64_t Pages = alignTo(Needed, WasmPageBytes) / WasmPageBytes;
    if (Pages > Mem.initial) {
      if (Mem.hasMax() && Pages > Mem.max)
        throw UserError(Ref.describe() + " (\"" + Mem.name.toString() +
                        "\") needs " + std::to_string(Pages) +
                        " pages for its static data (" + std::to_string(End) +
                        " bytes), more than its declared maximum of " +
                        std::to_string(uint64_t(Mem.max)) + " pages");
      Mem.initial = Pages;
    }
    uint64_t Base = alignTo(Needed, 16);
    for (auto &Func : M.functions)
      if (Func->imported() && Func->base == WMC_MARKER_HEAP_BASE)
        if (auto Marker = parseMarkerModule(Func->module.view()))
          if (*Marker == Ref)
            HeapBases[Func->name] = uint32_t(Base);
  }

  static void lowerHeapBase(wasm::Module &M, const MemoryLayout &Layout,
                            std::map<wasm::Name, uint32_t> &HeapBases) {
    for (auto &Func : M.functions) {
      if (!Func->imported() || Func->base != WMC_MARKER_HEAP_BASE)
        continue;
      auto Ref = parseMarkerModule(Func->module.view());
      if (!Ref)
        continue;
      if (!Ref->ReadOnly && Ref->Index == 0)
        throw UserError("marker \"wmc:m0\" \"heap_base\": the heap base of "
                        "memory 0 is wasm-ld's __heap_base");
      wasm::Signature Expected(wasm::Type::none, wasm::Type::i32);
      if (Func->getSig() != Expected)
        throw UserError("marker \"" + Func->module.toString() +
                        "\" \"heap_base\" has the wrong signature (expected "
                        "() -> i32)");
    }
    if (HeapBases.empty())
      return;
    HeapBaseLowering Lowering(HeapBases);
    Lowering.walkModule(&M);
    for (auto &[Name, Base] : HeapBases)
      M.removeFunction(Name);
  }

  /// A null guard makes [0, guard) no-access, so no static data may live
  /// there.
  static void checkNullGuards(wasm::Module &M, const MemoryLayout &Layout) {
    std::map<wasm::Name, const MemoryDecl *> Decls;
    for (auto &[Index, D] : Layout.User)
      Decls[M.memories[Index]->name] = &D;
    if (Layout.ReadOnly)
      Decls[memoryFor(M, Layout, {true, 0})->name] = &*Layout.ReadOnly;
    for (auto &Seg : M.dataSegments) {
      if (!Seg->isActive())
        continue;
      auto It = Decls.find(Seg->memory);
      auto *C = Seg->offset->dynCast<wasm::Const>();
      if (It == Decls.end() || !C || Seg->data.empty())
        continue;
      const MemoryDecl &D = *It->second;
      if (C->value.getUnsigned() < D.NullGuardBytes)
        throw UserError(
            "data segment \"" + Seg->name.toString() + "\" at address " +
            std::to_string(C->value.getUnsigned()) + " lies in the " +
            std::to_string(D.NullGuardBytes) + "-byte null guard of " +
            D.Memory.describe() + " (declared at " + D.Source +
            "); link with -Wl,--global-base=" +
            std::to_string(D.NullGuardBytes) + " or larger");
    }
  }

  static void warnNothingVacated() {
    std::cerr << "wmc-opt: warning: --guard-vacated: no whole "
              << WMC_PROTECTION_PAGE_SIZE
              << "-byte page of memory 0 was vacated; nothing to guard\n";
  }

  /// Makes the whole protection pages inside vacated ranges no-access at the
  /// start of the program.
  void guardVacated(wasm::Module &M, std::vector<Range> Vacated,
                    const std::vector<Range> &Kept) {
    std::sort(Vacated.begin(), Vacated.end(),
              [](const Range &A, const Range &B) { return A.Begin < B.Begin; });
    std::vector<Range> Merged;
    for (const Range &R : Vacated) {
      if (!Merged.empty() && R.Begin <= Merged.back().End)
        Merged.back().End = std::max(Merged.back().End, R.End);
      else
        Merged.push_back(R);
    }
    std::vector<Range> Pages;
    for (const Range &R : Merged) {
      uint64_t Begin = alignTo(R.Begin, WMC_PROTECTION_PAGE_SIZE);
      uint64_t End = R.End & ~uint64_t(WMC_PROTECTION_PAGE_SIZE - 1);
      bool Overlaps = false;
      for (const Range &K : Kept)
        if (K.Begin < End && Begin < K.End)
          Overlaps = true;
      if (Begin < End && !Overlaps)
        Pages.push_back({Begin, End});
    }
    if (Pages.empty()) {
      warnNothingVacated();
      return;
    }
    wasm::Function *Entry = nullptr;
    for (const char *Name : {"_start", "_initialize"})
      if (auto *Exp = M.getExportOrNull(Name))
        if (Exp->kind == wasm::ExternalKind::Function)
          Entry = M.getFunction(*Exp->getInternalName());
    if (!Entry || Entry->imported())
      throw UserError("--guard-vacated needs an exported _start or "
                      "_initialize function to protect the vacated pages in");
    wasm::Name Protect = getOrAddBuiltin(
        M, std::string(WMC_BUILTIN_PROTECT) + ".0",
        wasm::Signature(
            wasm::Type({wasm::Type::i32, wasm::Type::i32, wasm::Type::i32}),
            wasm::Type::none));
    wasm::Builder Builder(M);
    std::vector<wasm::Expression *> Body;
    for (const Range &R : Pages)
      Body.push_back(
          Builder.makeCall(Protect,
                           {Builder.makeConst(int32_t(R.Begin)),
                            Builder.makeConst(int32_t(R.End - R.Begin)),
                            Builder.makeConst(int32_t(WMC_PROT_NONE))},
                           wasm::Type::none));
    Body.push_back(Entry->body);
    Entry->body = Builder.makeBlock(Body);
  }

  bool addsEffects() override { return true; }
};

} // namespace

wasm::Pass *createMoveSegmentsPass() { return new MoveSegments(); }

} // namespace wmc
