//===- Rodata.cpp - automatic read-only data (-wmc-rodata=auto) -----------===//
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
  if (isa<GlobalVariable>(U))
    return "address used in the initializer of '" + U->getName().str() + "'";
  return "address used in a constant expression";
}

/// Follows every use of \p G; on success fills \p Accesses and returns
/// std::nullopt, else returns why the address escapes.
std::optional<std::string>
findEscape(GlobalVariable *G, SmallVectorImpl<Instruction *> &Accesses) {
  SmallVector<Value *, 16> Work{G};
  SmallPtrSet<Value *, 16> Seen{G};
  while (!Work.empty()) {
    Value *V = Work.pop_back_val();
    for (User *U : V->users()) {
      if (auto *LI = dyn_cast<LoadInst>(U)) {
        Accesses.push_back(LI);
        continue;
      }
      // Comparing addresses never dereferences them, and the global keeps
      // its address: `p != tab + N` loops stay correct.
      if (isa<ICmpInst>(U))
        continue;
      if (auto *MT = dyn_cast<MemTransferInst>(U)) {
        if (MT->getRawSource() == V && MT->getRawDest() != V) {
          Accesses.push_back(MT);
          continue;
        }
        return escapeReason(U, V);
      }
      if (auto *GEP = dyn_cast<GEPOperator>(U)) {
        if (GEP->getPointerOperand() != V)
          return escapeReason(U, V);
        // A constant GEP must itself only be used by instructions we follow.
        if (Seen.insert(GEP).second)
          Work.push_back(GEP);
        continue;
      }
      if (isa<PHINode>(U) || isa<SelectInst>(U)) {
        SmallPtrSet<Value *, 8> Visited;
        if (isa<SelectInst>(U) && cast<SelectInst>(U)->getCondition() == V)
          return escapeReason(U, V);
        if (!derivesOnlyFrom(U, G, Visited))
          return escapeReason(U, V);
        if (Seen.insert(U).second)
          Work.push_back(U);
        continue;
      }
      return escapeReason(U, V);
    }
  }
  return std::nullopt;
}

} // namespace

RodataPlan placeReadOnlyData(Module &M, const LowerOptions &Opts) {
  RodataPlan Plan;
  SmallVector<GlobalValue *, 8> UsedVec, CompilerUsedVec;
  collectUsedGlobalVariables(M, UsedVec, /*CompilerUsed=*/false);
  collectUsedGlobalVariables(M, CompilerUsedVec, /*CompilerUsed=*/true);
  SmallPtrSet<GlobalValue *, 8> InUsed(UsedVec.begin(), UsedVec.end());
  InUsed.insert(CompilerUsedVec.begin(), CompilerUsedVec.end());

  const DataLayout &DL = M.getDataLayout();
  unsigned Considered = 0;
  uint64_t MovedBytes = 0;
  auto Kept = [&](GlobalVariable &G, const Twine &Why) {
    if (Opts.RodataReport)
      errs() << "wmc-rodata: kept '" << G.getName() << "' in memory 0: " << Why
             << "\n";
  };
  for (GlobalVariable &G : M.globals()) {
    if (!G.isConstant() || !G.hasInitializer() || G.getAddressSpace() != 0 ||
        G.getName().starts_with("llvm."))
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
    G.removeDeadConstantUsers();
    if (G.use_empty()) {
      Kept(G, "not referenced");
      continue;
    }
    SmallVector<Instruction *, 8> Accesses;
    if (std::optional<std::string> Why = findEscape(&G, Accesses)) {
      Kept(G, *Why);
      continue;
    }
    uint64_t Size = DL.getTypeAllocSize(G.getValueType());
    MovedBytes += Size;
    if (Opts.RodataReport)
      errs() << "wmc-rodata: moved '" << G.getName() << "' (" << Size
             << " bytes, " << Accesses.size()
             << (Accesses.size() == 1 ? " access" : " accesses")
             << ") to read-only memory: only read in this module\n";
    G.setSection((WMC_SEGMENT_PREFIX_READONLY "." + G.getName()).str());
    Plan.Moved.push_back(&G);
    Plan.Accesses.insert(Accesses.begin(), Accesses.end());
  }
  if (Opts.RodataReport)
    errs() << "wmc-rodata: " << Plan.Moved.size() << " of " << Considered
           << " constant globals moved to read-only memory (" << MovedBytes
           << " bytes)\n";
  return Plan;
}

} // namespace wmc
