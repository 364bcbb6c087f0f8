//===- MemoryRLE.cpp - redundant load elimination with per-memory effects -===//
//
// Within straight-line code, a second load of the same bytes -- same memory,
// same address (a constant or an unchanged local), same offset, width,
// signedness and type -- returns what the first returned unless something in
// between could write *that* memory. Binaryen's LocalCSE cannot see this
// across a store to another memory or a call, because EffectAnalyzer treats
// all memories as one. This pass tracks writes per memory (MemoryFacts: a
// store writes its memory, a call what its callee transitively writes, an
// indirect call what any code writes, an import the host-reachable memories,
// a builtin the memory it names) and reuses the first load's value through a
// local. Nothing writes a read-only memory, so its loads are reused across
// everything but control flow.
//
// It keeps to linear execution (LinearExecutionWalker: any branch, loop or
// if forgets everything), never touches atomic loads or shared memories, and
// since the first load executed and nothing changed the memory or its access
// rights, the second load could not trap either.
//
//   (drop (i32.load $table (local.get $p)))      (drop (local.tee $t (i32.load
//   $table (local.get $p)))) (i32.store $heap (local.get $q) (...))   =>
//   (i32.store $heap (local.get $q) (...)) (i32.load $table (local.get $p))
//   (local.get $t)
//
//===----------------------------------------------------------------------===//
#include "MemoryFacts.h"
#include "Passes.h"

#include "ir/linear-execution.h"
#include "pass.h"
#include "wasm-builder.h"

#include <atomic>
#include <iostream>
#include <map>
#include <memory>
#include <tuple>

namespace wmc {
namespace {

/// What a load reads: its memory, address and shape.
struct LoadKey {
  wasm::Name Memory;
  bool ConstAddress; ///< address is a constant (else a local's value)
  uint64_t Address;  ///< the constant, or the local index
  uint64_t Offset;
  unsigned Bytes;
  bool Signed;
  wasm::Type Type;

  bool operator<(const LoadKey &O) const {
    return std::tie(Memory, ConstAddress, Address, Offset, Bytes, Signed,
                    TypeId) < std::tie(O.Memory, O.ConstAddress, O.Address,
                                       O.Offset, O.Bytes, O.Signed, O.TypeId);
  }
  uintptr_t TypeId = 0; ///< Type's id, for ordering
};

struct Eliminator
    : public wasm::WalkerPass<wasm::LinearExecutionWalker<Eliminator>> {
  std::shared_ptr<const MemoryFacts> Facts;
  std::shared_ptr<std::atomic<size_t>> Count;

  /// A load whose value is available: where it sits, and the local holding
  /// its value once a later load reuses it.
  struct Available {
    wasm::Expression **Slot;
    wasm::Load *First;
    std::optional<wasm::Index> Local;
  };
  std::map<LoadKey, Available> Loads;

  Eliminator(std::shared_ptr<const MemoryFacts> Facts,
             std::shared_ptr<std::atomic<size_t>> Count)
      : Facts(std::move(Facts)), Count(std::move(Count)) {}

  bool isFunctionParallel() override { return true; }
  std::unique_ptr<wasm::Pass> create() override {
    return std::make_unique<Eliminator>(Facts, Count);
  }

  void noteNonLinear(wasm::Expression *) { Loads.clear(); }

  // One walker may serve several functions: nothing carries over.
  void doWalkFunction(wasm::Function *Func) {
    Loads.clear();
    wasm::LinearExecutionWalker<Eliminator>::doWalkFunction(Func);
    Loads.clear();
  }

  void kill(const WriteSet &W) {
    if (W.All) {
      Loads.clear();
      return;
    }
    std::erase_if(Loads, [&](auto &Item) {
      return W.Memories.count(Item.first.Memory) != 0;
    });
  }
  void killMemory(wasm::Name Memory) {
    std::erase_if(Loads,
                  [&](auto &Item) { return Item.first.Memory == Memory; });
  }

  void visitLocalSet(wasm::LocalSet *curr) {
    std::erase_if(Loads, [&](auto &Item) {
      return !Item.first.ConstAddress && Item.first.Address == curr->index;
    });
  }
  void visitStore(wasm::Store *curr) { killMemory(curr->memory); }
  void visitAtomicRMW(wasm::AtomicRMW *curr) { killMemory(curr->memory); }
  void visitAtomicCmpxchg(wasm::AtomicCmpxchg *curr) {
    killMemory(curr->memory);
  }
  void visitAtomicWait(wasm::AtomicWait *) { Loads.clear(); }
  void visitAtomicNotify(wasm::AtomicNotify *) { Loads.clear(); }
  void visitAtomicFence(wasm::AtomicFence *) { Loads.clear(); }
  void visitSIMDLoadStoreLane(wasm::SIMDLoadStoreLane *curr) {
    if (curr->isStore())
      killMemory(curr->memory);
  }
  void visitMemoryInit(wasm::MemoryInit *curr) { killMemory(curr->memory); }
  void visitMemoryCopy(wasm::MemoryCopy *curr) { killMemory(curr->destMemory); }
  void visitMemoryFill(wasm::MemoryFill *curr) { killMemory(curr->memory); }
  void visitCall(wasm::Call *curr) {
    auto It = Facts->FunctionWrites.find(curr->target);
    kill(It == Facts->FunctionWrites.end() ? Facts->AnyCodeWrites : It->second);
  }
  void visitCallIndirect(wasm::CallIndirect *) { kill(Facts->AnyCodeWrites); }
  void visitCallRef(wasm::CallRef *) { kill(Facts->AnyCodeWrites); }

  void visitLoad(wasm::Load *curr) {
    if (curr->isAtomic() || curr->type == wasm::Type::unreachable)
      return;
    if (getModule()->getMemory(curr->memory)->shared)
      return;
    LoadKey Key{curr->memory, false,         0,          curr->offset,
                curr->bytes,  curr->signed_, curr->type, curr->type.getID()};
    if (auto *C = curr->ptr->dynCast<wasm::Const>()) {
      Key.ConstAddress = true;
      Key.Address = C->value.getUnsigned();
    } else if (auto *Get = curr->ptr->dynCast<wasm::LocalGet>()) {
      Key.Address = Get->index;
    } else {
      return;
    }
    auto It = Loads.find(Key);
    if (It == Loads.end()) {
      Loads[Key] = {getCurrentPointer(), curr, std::nullopt};
      return;
    }
    Available &A = It->second;
    wasm::Builder B(*getModule());
    if (!A.Local) {
      A.Local = wasm::Builder::addVar(getFunction(), curr->type);
      assert(*A.Slot == A.First && "first load moved");
      *A.Slot = B.makeLocalTee(*A.Local, A.First, curr->type);
    }
    replaceCurrent(B.makeLocalGet(*A.Local, curr->type));
    ++*Count;
  }
};

struct MemoryRLE : public wasm::Pass {
  void run(wasm::Module *M) override {
    auto Facts = std::make_shared<MemoryFacts>(MemoryFacts::analyze(*M));
    auto Count = std::make_shared<std::atomic<size_t>>(0);
    Eliminator Walker(Facts, Count);
    Walker.setPassRunner(getPassRunner());
    Walker.run(M);
    if (hasArgument("wmc-stats"))
      std::cerr << "wmc-opt: stats: wmc-memory-rle reused " << Count->load()
                << " load(s)\n";
  }
};

} // namespace

wasm::Pass *createMemoryRLEPass() { return new MemoryRLE(); }

} // namespace wmc
