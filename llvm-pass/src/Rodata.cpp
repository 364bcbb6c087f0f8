//===- Rodata.cpp - automatic read-only data, -wmc-force-memory ----------===//
//
// A constant global may move into the read-only memory only if no generic
// (memory-0) pointer to it can exist: every pointer value derived from it
// must end in a load, or in the source operand of a memcpy/memmove. The
// analysis is conservative and module-local:
//
//   - candidates: `constant` globals in address space 0 with internal or
//     private linkage, an initializer, no explicit section, not thread-local,
//     not in llvm.used / llvm.compiler.used;
//   - their uses are followed through GEPs (instructions and constant
//     expressions), and through phis and selects whose every incoming value
//     derives from the same global; comparisons are harmless (the global
//     keeps its address, and a comparison never dereferences); anything else
//     (a call argument such as printf's format string, a store of the
//     address, a ptrtoint, a return, another global's initializer) is an
//     escape.
//
// A moving global keeps address space 0 and its layout but gets section
// `.wmc.ro.<symbol>` (wmc-opt moves its bytes to the read-only memory at the
// same offset); its loads and memcpy sources are recorded so that Lower.cpp
// turns them into `wmc:ro` markers.
//
// The test flag -wmc-force-memory=K (placeForcedMemory) reuses the same
// eligibility checks and escape analysis with writes allowed: stores,
// memsets, memcpy/memmove destinations, atomicrmw and cmpxchg through a
// derived pointer are accesses too. Every internal/private global that is
// not already placed (rodata runs first) and whose address never escapes
// moves to memory K: section `.wmc.m<K>.<symbol>`, accesses lowered to
// `wmc:m<K>` markers. It exists to test the lowering on many programs
// (scripts/csmith-diff.sh); a program must behave exactly as without it.
//
//===----------------------------------------------------------------------===//
#include "WmcLower.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Operator.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace wmc {
namespace {

/// True if every value \p V may hold is an address inside \p G: \p V is G or
/// reaches G only through GEPs, phis and selects.
bool derivesOnlyFrom(Value *V, GlobalVariable *G,
                     SmallPtrSetImpl<Value *> &Visited) {
  if (V == G)
    return true;
  if (!Visited.insert(V).second)
    return true; // A cycle through phis: decided by the other inputs.
  if (auto *GEP = dyn_cast<GEPOperator>(V))
    return derivesOnlyFrom(GEP->getPointerOperand(), G, Visited);
  if (auto *Phi = dyn_cast<PHINode>(V))
    return all_of(Phi->incoming_values(), [&](Value *In) {
      return derivesOnlyFrom(In, G, Visited);
    });
  if (auto *Sel = dyn_cast<SelectInst>(V))
    return derivesOnlyFrom(Sel->getTrueValue(), G, Visited) &&
           derivesOnlyFrom(Sel->getFalseValue(), G, Visited);
  return false;
}

std::string at(const Instruction &I) {
  std::string Loc = sourceLocation(I);
  std::string Fn = I.getFunction()->getName().str();
  return Loc.empty() ? " in '" + Fn + "'" : " at " + Loc;
}

/// Explains how \p U (a user of \p V, which derives from the global) lets
/// the address escape.
std::string escapeReason(User *U, Value *V) {
  if (auto *CB = dyn_cast<CallBase>(U)) {
    Function *Callee = CB->getCalledFunction();
    std::string Name =
        Callee ? "'" + Callee->getName().str() + "'" : "an indirect call";
    return "address passed to " + Name + at(*CB);
  }
  if (auto *SI = dyn_cast<StoreInst>(U))
    return SI->getValueOperand() == V ? "address stored to memory" + at(*SI)
                                      : "written to" + at(*SI);
  if (auto *I = dyn_cast<Instruction>(U)) {
    if (isa<PHINode>(I) || isa<SelectInst>(I))
      return "address merged with another pointer" + at(*I);
    if (isa<ReturnInst>(I))
      return "address returned" + at(*I);
    if (isa<PtrToIntInst>(I))
      return "address converted to an integer" + at(*I);
    return "address used by '" + std::string(I->getOpcodeName()) + "'" +
           at(*I);
  }
  // A global's initializer, directly or inside a constant array/struct.
  SmallVector<User *, 8> Work{U};
  SmallPtrSet<User *, 8> Seen{U};
  while (!Work.empty()) {
    User *C = Work.pop_back_val();
    if (isa<GlobalVariable>(C))
      return "address used in the initializer of '" + C->getName().str() +
             "'";
    if (isa<ConstantAggregate>(C) || isa<ConstantExpr>(C))
      for (User *Up : C->users())
        if (Seen.insert(Up).second && Seen.size() < 64)
          Work.push_back(Up);
  }
  return "address used in a constant expression";
}

/// True if use \p U of a pointer derived from a global is the pointer
/// operand of an access the lowering can redirect to another memory.
bool isAccess(const Use &U, bool AllowWrites) {
  const User *Usr = U.getUser();
  unsigned Op = U.getOperandNo();
  if (auto *LI = dyn_cast<LoadInst>(Usr))
    return Op == LI->getPointerOperandIndex();
  if (auto *SI = dyn_cast<StoreInst>(Usr))
    return AllowWrites && Op == SI->getPointerOperandIndex();
  if (auto *RMW = dyn_cast<AtomicRMWInst>(Usr))
    return AllowWrites && Op == RMW->getPointerOperandIndex();
  if (auto *CX = dyn_cast<AtomicCmpXchgInst>(Usr))
    return AllowWrites && Op == CX->getPointerOperandIndex();
  // memcpy/memmove(dest, source, len, volatile), memset(dest, value, ...).
  if (isa<MemTransferInst>(Usr))
    return Op == 1 || (AllowWrites && Op == 0);
  if (isa<MemSetInst>(Usr))
    return AllowWrites && Op == 0;
  return false;
}

} // namespace

std::optional<std::string>
findAddressEscape(GlobalVariable *G, bool AllowWrites,
                  SmallVectorImpl<const Use *> &Accesses) {
  SmallVector<Value *, 16> Work{G};
  SmallPtrSet<Value *, 16> Seen{G};
  while (!Work.empty()) {
    Value *V = Work.pop_back_val();
    for (Use &U : V->uses()) {
      User *Usr = U.getUser();
      if (isAccess(U, AllowWrites)) {
        Accesses.push_back(&U);
        continue;
      }
      // Comparing addresses never dereferences them, and the global keeps
      // its address: `p != tab + N` loops stay correct.
      if (isa<ICmpInst>(Usr))
        continue;
      if (auto *GEP = dyn_cast<GEPOperator>(Usr)) {
        if (GEP->getPointerOperand() != V)
          return escapeReason(Usr, V);
        // A constant GEP must itself only be used by instructions we follow.
        if (Seen.insert(GEP).second)
          Work.push_back(GEP);
        continue;
      }
      if (isa<PHINode>(Usr) || isa<SelectInst>(Usr)) {
        SmallPtrSet<Value *, 8> Visited;
        if (isa<SelectInst>(Usr) && cast<SelectInst>(Usr)->getCondition() == V)
          return escapeReason(Usr, V);
        if (!derivesOnlyFrom(Usr, G, Visited))
          return escapeReason(Usr, V);
        if (Seen.insert(Usr).second)
          Work.push_back(Usr);
        continue;
      }
      return escapeReason(Usr, V);
    }
  }
  return std::nullopt;
}

namespace {

/// What one placement moves, where, and how it reports.
struct PlacementKind {
  unsigned Memory;
  bool ConstantsOnly; ///< Only `constant` globals are candidates.
  bool AllowWrites;   ///< Stores etc. through derived pointers are accesses.
  bool Report;
  const char *Tag;    ///< Report line prefix.
  std::string Where;  ///< "read-only memory", "memory 3".
  const char *Noun;   ///< "constant globals", "globals".
  const char *Why;    ///< Reason printed for a moved global.
};

/// The placement shared by -wmc-rodata=auto and -wmc-force-memory: checks
/// the eligibility of every candidate, runs the escape analysis, and gives
/// the moving globals section `.wmc.<memory suffix>.<symbol>`.
void placeGlobals(Module &M, const PlacementKind &K,
                  SmallVectorImpl<GlobalVariable *> &Moved,
                  DenseMap<const Use *, unsigned> &AccessMemory) {
  SmallVector<GlobalValue *, 8> UsedVec, CompilerUsedVec;
  collectUsedGlobalVariables(M, UsedVec, /*CompilerUsed=*/false);
  collectUsedGlobalVariables(M, CompilerUsedVec, /*CompilerUsed=*/true);
  SmallPtrSet<GlobalValue *, 8> InUsed(UsedVec.begin(), UsedVec.end());
  InUsed.insert(CompilerUsedVec.begin(), CompilerUsedVec.end());

  const DataLayout &DL = M.getDataLayout();
  unsigned Considered = 0, NumMoved = 0;
  uint64_t MovedBytes = 0;
  auto Kept = [&](GlobalVariable &G, const Twine &Why) {
    if (K.Report)
      errs() << K.Tag << ": kept '" << G.getName() << "' in memory 0: " << Why
             << "\n";
  };
  for (GlobalVariable &G : M.globals()) {
    if ((K.ConstantsOnly && !G.isConstant()) || !G.hasInitializer() ||
        G.getAddressSpace() != 0 || G.getName().starts_with("llvm.") ||
        G.getSection().starts_with(".wmc.")) // Already placed.
      continue;
    ++Considered;
    if (!G.hasLocalLinkage()) {
      Kept(G, "not internal or private (visible to other translation units)");
      continue;
    }
    if (G.hasSection()) {
      Kept(G, "has an explicit section '" + G.getSection() + "'");
      continue;
    }
    if (G.isThreadLocal()) {
      Kept(G, "thread-local");
      continue;
    }
    if (InUsed.count(&G)) {
      Kept(G, "marked 'used'");
      continue;
    }
    if (G.hasComdat()) {
      Kept(G, "in a comdat");
      continue;
    }
    uint64_t Size = DL.getTypeAllocSize(G.getValueType());
    if (Size == 0) {
      Kept(G, "empty");
      continue;
    }
    G.removeDeadConstantUsers();
    if (G.use_empty()) {
      Kept(G, "not referenced");
      continue;
    }
    SmallVector<const Use *, 8> Accesses;
    if (std::optional<std::string> Why =
            findAddressEscape(&G, K.AllowWrites, Accesses)) {
      Kept(G, *Why);
      continue;
    }
    MovedBytes += Size;
    ++NumMoved;
    if (K.Report)
      errs() << K.Tag << ": moved '" << G.getName() << "' (" << Size
             << " bytes, " << Accesses.size()
             << (Accesses.size() == 1 ? " access" : " accesses") << ") to "
             << K.Where << ": " << K.Why << "\n";
    G.setSection(".wmc." + memorySuffix(K.Memory) + "." + G.getName().str());
    Moved.push_back(&G);
    for (const Use *U : Accesses)
      AccessMemory[U] = K.Memory;
  }
  if (K.Report)
    errs() << K.Tag << ": " << NumMoved << " of " << Considered << " "
           << K.Noun << " moved to " << K.Where << " (" << MovedBytes
           << " bytes)\n";
}

} // namespace

void placeReadOnlyData(Module &M, const LowerOptions &Opts,
                       PlacementPlan &Plan) {
  placeGlobals(M,
               {ReadOnlyMemory, /*ConstantsOnly=*/true, /*AllowWrites=*/false,
                Opts.RodataReport, "wmc-rodata", "read-only memory",
                "constant globals", "only read in this module"},
               Plan.Moved, Plan.Accesses);
}

void placeForcedMemory(Module &M, const LowerOptions &Opts,
                       PlacementPlan &Plan) {
  Plan.ForcedMemory = Opts.ForceMemory;
  placeGlobals(M,
               {Opts.ForceMemory, /*ConstantsOnly=*/false,
                /*AllowWrites=*/true, Opts.ForceMemoryReport,
                "wmc-force-memory", describeMemory(Opts.ForceMemory),
                "globals", "address never escapes this module"},
               Plan.Forced, Plan.Accesses);
}

} // namespace wmc
