//===- LowerToSingleMemory.cpp - one memory for engines without multi-memory
//===//
//
// `wmc-opt --lower-to-single-memory` merges all memories of a finalized module
// into one, for engines without multi-memory, using Binaryen's
// MultiMemoryLowering: memory k lives at a byte offset held in a global,
// every access adds that offset, memory.size/grow become helper functions
// (grow moves the later memories up).
//
// Binaryen 132's `multi-memory-lowering-with-bounds-checks` is unusable: it
// compares the *combined* address plus the access size against the memory's
// size in *pages* (the result of its memory.size helper), so almost every
// access traps -- memory 0 at address 100 included (test:
// test/binaryen-pass/wmc-lower-to-single-memory.wat). The unchecked variant
// lets an access past the end of memory k silently read or write memory k+1.
// So this pass first adds its own exact checks on every access to every
// memory but the last (whose end is the end of the combined memory):
//
//   (i32.load $heap offset=8 (P))
//   =>
//   (block (local.set $p (P))
//          (if (i64.gt_u (i64.add (i64.extend_i32_u (local.get $p)) (i64.const
//          12))
//                        (i64.shl (i64.extend_i32_u (memory.size $heap))
//                        (i64.const 16)))
//            (unreachable))
//          (i32.load $heap offset=8 (local.get $p)))
//
// with every operand evaluated before the check, in the original order, and
// 64-bit arithmetic so nothing wraps; memory.fill/copy/init check their
// ranges the same way. It then runs the unchecked lowering, rewrites
// `wasm:memctl` builtins of memory k to the memory-0 builtin at the memory's
// offset, and drops `wmc.protections` with a warning: read-only memories and
// null guards are NOT enforced in the single-memory output. (It also fixes
// the combined maximum: Binaryen sums only existing maxima, so an unlimited
// memory 0 would be capped by the other memories' maxima.)
//
//===----------------------------------------------------------------------===//
#include "MemoryLayout.h"
#include "Passes.h"
#include "UserError.h"

#include "wmc_abi.h"

#include "ir/names.h"
#include "pass.h"
#include "wasm-builder.h"
#include "wasm-traversal.h"

#include <iostream>
#include <map>

namespace wmc {
namespace {

using wasm::Builder;
using wasm::Expression;
using wasm::Type;

struct BoundsChecker
    : public wasm::WalkerPass<wasm::PostWalker<BoundsChecker>> {
  wasm::Name Unchecked; ///< the last memory: its end traps by itself

  explicit BoundsChecker(wasm::Name Unchecked) : Unchecked(Unchecked) {}
  bool isFunctionParallel() override { return true; }
  std::unique_ptr<wasm::Pass> create() override {
    return std::make_unique<BoundsChecker>(Unchecked);
  }

  /// A range [Start, Start + Length) that must lie inside a memory.
  struct RangeCheck {
    wasm::Name Memory;
    unsigned Operand;  ///< index of the start operand
    uint64_t Extra;    ///< constant added to the start (offset + bytes)
    int LengthOperand; ///< operand holding the length, or -1
  };

  /// Spills \p Operands to locals in order, adds \p Checks, then \p curr.
  void guard(Expression *curr, std::vector<Expression **> Operands,
             std::vector<RangeCheck> Checks) {
    for (Expression **Op : Operands)
      if ((*Op)->type == Type::unreachable)
        return;
    bool Needed = false;
    for (const RangeCheck &C : Checks)
      Needed |= C.Memory != Unchecked;
    if (!Needed)
      return;
    Builder B(*getModule());
    std::vector<Expression *> List;
    std::vector<wasm::Index> Locals;
    for (Expression **Op : Operands) {
      wasm::Index Local = Builder::addVar(getFunction(), (*Op)->type);
      List.push_back(B.makeLocalSet(Local, *Op));
      *Op = B.makeLocalGet(Local, (*Op)->type);
      Locals.push_back(Local);
    }
    for (const RangeCheck &C : Checks) {
      if (C.Memory == Unchecked)
        continue;
      auto Wide = [&](unsigned I) {
        return B.makeUnary(wasm::ExtendUInt32,
                           B.makeLocalGet(Locals[I], Type::i32));
      };
      Expression *End = B.makeBinary(wasm::AddInt64, Wide(C.Operand),
                                     B.makeConst(int64_t(C.Extra)));
      if (C.LengthOperand >= 0)
        End = B.makeBinary(wasm::AddInt64, End, Wide(C.LengthOperand));
      Expression *Size = B.makeBinary(
          wasm::ShlInt64,
          B.makeUnary(wasm::ExtendUInt32, B.makeMemorySize(C.Memory)),
          B.makeConst(int64_t(16)));
      List.push_back(B.makeIf(B.makeBinary(wasm::GtUInt64, End, Size),
                              B.makeUnreachable()));
    }
    List.push_back(curr);
    replaceCurrent(B.makeBlock(List, curr->type));
  }

  template <typename T>
  void access(T *curr, uint64_t Bytes, std::vector<Expression **> Operands) {
    guard(curr, Operands, {{curr->memory, 0, curr->offset + Bytes, -1}});
  }

  void visitLoad(wasm::Load *curr) { access(curr, curr->bytes, {&curr->ptr}); }
  void visitStore(wasm::Store *curr) {
    access(curr, curr->bytes, {&curr->ptr, &curr->value});
  }
  void visitAtomicRMW(wasm::AtomicRMW *curr) {
    access(curr, curr->bytes, {&curr->ptr, &curr->value});
  }
  void visitAtomicCmpxchg(wasm::AtomicCmpxchg *curr) {
    access(curr, curr->bytes,
           {&curr->ptr, &curr->expected, &curr->replacement});
  }
  void visitAtomicWait(wasm::AtomicWait *curr) {
    access(curr, curr->expectedType == Type::i64 ? 8 : 4,
           {&curr->ptr, &curr->expected, &curr->timeout});
  }
  void visitAtomicNotify(wasm::AtomicNotify *curr) {
    access(curr, 4, {&curr->ptr, &curr->notifyCount});
  }
  void visitSIMDLoad(wasm::SIMDLoad *curr) {
    access(curr, curr->getMemBytes(), {&curr->ptr});
  }
  void visitSIMDLoadStoreLane(wasm::SIMDLoadStoreLane *curr) {
    access(curr, curr->getMemBytes(), {&curr->ptr, &curr->vec});
  }
  void visitMemoryFill(wasm::MemoryFill *curr) {
    guard(curr, {&curr->dest, &curr->value, &curr->size},
          {{curr->memory, 0, 0, 2}});
  }
  void visitMemoryCopy(wasm::MemoryCopy *curr) {
    guard(curr, {&curr->dest, &curr->source, &curr->size},
          {{curr->destMemory, 0, 0, 2}, {curr->sourceMemory, 1, 0, 2}});
  }
  void visitMemoryInit(wasm::MemoryInit *curr) {
    guard(curr, {&curr->dest, &curr->offset, &curr->size},
          {{curr->memory, 0, 0, 2}});
  }
};

/// Rewrites calls of `wasm:memctl` <op>.<k> to <op>.0 at memory k's offset.
struct BuiltinRebase : public wasm::PostWalker<BuiltinRebase> {
  /// builtin function -> (memory-0 builtin, offset global)
  std::map<wasm::Name, std::pair<wasm::Name, wasm::Name>> Rebase;
  void visitCall(wasm::Call *curr) {
    auto It = Rebase.find(curr->target);
    if (It == Rebase.end())
      return;
    Builder B(*getModule());
    curr->target = It->second.first;
    curr->operands[0] =
        B.makeBinary(wasm::AddInt32, curr->operands[0],
                     B.makeGlobalGet(It->second.second, Type::i32));
  }
};

struct LowerToSingleMemory : public wasm::Pass {
  bool addsEffects() override { return true; }

  void run(wasm::Module *M) override {
    bool HadProtections = readProtections(*M).has_value();
    std::erase_if(M->customSections, [](const wasm::CustomSection &S) {
      return S.name == WMC_PROT_SECTION;
    });
    if (M->memories.size() <= 1) {
      if (HadProtections)
        warnUnprotected();
      return;
    }
    checkLowerable(*M);
    warnUnprotected();

    std::vector<wasm::Name> Names;
    bool AnyUnlimited = false;
    for (auto &Mem : M->memories) {
      Names.push_back(Mem->name);
      AnyUnlimited |= !Mem->hasMax();
    }

    BoundsChecker Checker(Names.back());
    Checker.setPassRunner(getPassRunner());
    Checker.run(M);

    wasm::PassRunner Runner(M, getPassOptions());
    Runner.setIsNested(true);
    Runner.add("multi-memory-lowering");
    Runner.run();
    // MultiMemoryLowering sums only the maxima that exist, so a memory
    // without a maximum (wasm-ld's memory 0) would be capped by the others'.
    if (AnyUnlimited)
      M->memories[0]->max = wasm::Memory::kUnlimitedSize;

    rebaseBuiltins(*M, Names);
  }

  static void warnUnprotected() {
    std::cerr << "wmc-opt: warning: --lower-to-single-memory: protections "
                 "(read-only memories, null guards, memory bounds of "
                 "wasm:memctl operations) are NOT enforced in the "
                 "single-memory output\n";
  }

  /// Turns MultiMemoryLowering's Fatal()s into user errors, and drops
  /// exports of memories other than 0 (they no longer exist).
  static void checkLowerable(wasm::Module &M) {
    wasm::Memory &First = *M.memories[0];
    for (auto &Mem : M.memories) {
      if (Mem.get() != &First && Mem->imported())
        throw UserError("--lower-to-single-memory: memory \"" +
                        Mem->name.toString() +
                        "\" is imported; only memory 0 may be");
      if (Mem->shared != First.shared || Mem->is64() != First.is64() ||
          Mem->pageSizeLog2 != First.pageSizeLog2)
        throw UserError("--lower-to-single-memory: memory \"" +
                        Mem->name.toString() +
                        "\" differs from memory 0 in sharing, address type "
                        "or page size");
    }
    std::vector<wasm::Name> Dropped;
    for (auto &Exp : M.exports)
      if (Exp->kind == wasm::ExternalKind::Memory &&
          *Exp->getInternalName() != First.name)
        Dropped.push_back(Exp->name);
    for (wasm::Name Name : Dropped) {
      std::cerr << "wmc-opt: warning: --lower-to-single-memory: export \""
                << Name << "\" of a memory other than 0 is removed\n";
      M.removeExport(Name);
    }
  }

  static void rebaseBuiltins(wasm::Module &M,
                             const std::vector<wasm::Name> &Names) {
    struct Use {
      wasm::Name Func;
      std::string Op;
      size_t Memory;
      wasm::Signature Sig;
    };
    std::vector<Use> Uses;
    for (auto &Func : M.functions) {
      if (!Func->imported() || Func->module != WMC_BUILTIN_MODULE)
        continue;
      std::string Field = Func->base.toString();
      size_t Dot = Field.rfind('.');
      if (Dot == std::string::npos)
        continue;
      std::string Index = Field.substr(Dot + 1);
      if (Index == "0" || Index.empty() ||
          Index.find_first_not_of("0123456789") != std::string::npos)
        continue;
      size_t K = std::stoul(Index);
      if (K < Names.size())
        Uses.push_back({Func->name, Field.substr(0, Dot), K, Func->getSig()});
    }
    BuiltinRebase Rebase;
    for (const Use &U : Uses) {
      wasm::Name Offset = Names[U.Memory].toString() + "_byte_offset";
      if (!M.getGlobalOrNull(Offset))
        throw UserError("--lower-to-single-memory: no offset global for "
                        "memory \"" +
                        Names[U.Memory].toString() + "\"");
      wasm::Name Zero = getOrAddBuiltin(M, U.Op + ".0", U.Sig);
      Rebase.Rebase[U.Func] = {Zero, Offset};
    }
    if (Rebase.Rebase.empty())
      return;
    Rebase.walkModule(&M);
    M.removeFunctions(
        [&](wasm::Function *F) { return Rebase.Rebase.count(F->name) != 0; });
  }
};

} // namespace

wasm::Pass *createLowerToSingleMemoryPass() {
  return new LowerToSingleMemory();
}

} // namespace wmc
