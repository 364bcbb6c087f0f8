//===- MemoryLICM.cpp - hoist invariant loads with per-memory effects -----===//
//
// Binaryen's LoopInvariantCodeMotion keeps a load in its loop as soon as the
// loop stores to *any* memory or calls anything, because EffectAnalyzer
// models all memories as one location. With several memories that is too
// coarse: a store to memory 1 cannot change memory 2, and nothing changes a
// read-only memory. This pass hoists a load out of a loop when
//
//  - its address is loop-invariant (built from constants, locals the loop
//    does not write and immutable globals, with no side effects or traps);
//  - no instruction of the loop, and no function it calls (transitively; an
//    indirect call writes everything, an import writes the memories the host
//    can reach), writes the load's memory (MemoryFacts write sets), and the
//    memory is not shared -- so a read-only memory always qualifies;
//  - the load cannot trap (MemoryFacts::cannotTrap proves the address range
//    in bounds, past the null guard, and no builtin changes the memory's
//    access), so executing it before the loop -- even when the loop would not
//    have reached it -- is unobservable.
//
// The value is computed once into a new local before the loop. Atomic loads
// are never moved.
//
//   (loop $l                                 (local.set $t
//     (i32.store $heap (local.get $i)          (i32.load $table (i32.const
//     64)))
//       (i32.load $table (i32.const 64)))  => (loop $l
//     ...)                                     (i32.store $heap (local.get $i)
//                                                (local.get $t)) ...)
//
//===----------------------------------------------------------------------===//
#include "MemoryFacts.h"
#include "Passes.h"

#include "ir/effects.h"
#include "ir/find_all.h"
#include "pass.h"
#include "wasm-builder.h"

#include <atomic>
#include <iostream>
#include <memory>

namespace wmc {
namespace {

struct Hoister : public wasm::WalkerPass<wasm::PostWalker<Hoister>> {
  std::shared_ptr<const MemoryFacts> Facts;
  std::shared_ptr<std::atomic<size_t>> Count;

  Hoister(std::shared_ptr<const MemoryFacts> Facts,
          std::shared_ptr<std::atomic<size_t>> Count)
      : Facts(std::move(Facts)), Count(std::move(Count)) {}

  bool isFunctionParallel() override { return true; }
  std::unique_ptr<wasm::Pass> create() override {
    return std::make_unique<Hoister>(Facts, Count);
  }

  void visitLoop(wasm::Loop *curr) {
    if (curr->type == wasm::Type::unreachable)
      return;
    WriteSet LoopWrites = Facts->writesOf(curr);
    wasm::EffectAnalyzer LoopEffects(getPassOptions(), *getModule(), curr);

    std::vector<wasm::Expression *> Hoisted;
    for (wasm::Load *Load : wasm::FindAll<wasm::Load>(curr).list) {
      if (!canHoist(Load, LoopWrites, LoopEffects))
        continue;
      // Move the load itself in front of the loop; a local takes its place.
      wasm::Builder B(*getModule());
      wasm::Index Local = wasm::Builder::addVar(getFunction(), Load->type);
      replaceInTree(curr, Load, B.makeLocalGet(Local, Load->type));
      Hoisted.push_back(B.makeLocalSet(Local, Load));
      ++*Count;
    }
    if (Hoisted.empty())
      return;
    Hoisted.push_back(curr);
    replaceCurrent(wasm::Builder(*getModule()).makeBlock(Hoisted, curr->type));
  }

  bool canHoist(wasm::Load *Load, const WriteSet &LoopWrites,
                const wasm::EffectAnalyzer &LoopEffects) {
    if (Load->isAtomic() || Load->type == wasm::Type::unreachable)
      return false;
    const MemoryFacts::Info *Info = Facts->find(Load->memory);
    if (!Info || LoopWrites.mayWrite(Load->memory))
      return false;
    if (!Facts->cannotTrap(Load->memory, Load->ptr, Load->offset, Load->bytes))
      return false;
    wasm::EffectAnalyzer PtrEffects(getPassOptions(), *getModule(), Load->ptr);
    if (PtrEffects.hasSideEffects() || PtrEffects.readsMemory ||
        PtrEffects.calls || PtrEffects.implicitTrap || PtrEffects.trap)
      return false;
    for (wasm::Index Local : PtrEffects.localsRead)
      if (LoopEffects.localsWritten.count(Local))
        return false;
    if (!PtrEffects.mutableGlobalsRead.empty())
      return false;
    return true;
  }

  /// Replaces the child pointer to \p Old inside \p Root by \p New.
  static void replaceInTree(wasm::Expression *Root, wasm::Expression *Old,
                            wasm::Expression *New) {
    for (wasm::Expression **Slot : wasm::FindAllPointers<wasm::Load>(Root).list)
      if (*Slot == Old) {
        *Slot = New;
        return;
      }
    WASM_UNREACHABLE("hoisted load not found in its loop");
  }
};

struct MemoryLICM : public wasm::Pass {
  void run(wasm::Module *M) override {
    auto Facts = std::make_shared<MemoryFacts>(MemoryFacts::analyze(*M));
    auto Count = std::make_shared<std::atomic<size_t>>(0);
    Hoister Walker(Facts, Count);
    Walker.setPassRunner(getPassRunner());
    Walker.run(M);
    if (hasArgument("wmc-stats"))
      std::cerr << "wmc-opt: stats: wmc-memory-licm hoisted " << Count->load()
                << " load(s) out of loops\n";
  }
};

} // namespace

wasm::Pass *createMemoryLICMPass() { return new MemoryLICM(); }

} // namespace wmc
