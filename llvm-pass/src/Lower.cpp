//===- Lower.cpp - lower memory address spaces to markers -----------------===//
//
// The core of the plugin. After the -O pipeline, nothing in address space
// 100+k (memory k) or 99 (the read-only memory) may reach the wasm backend as
// a memory access: it cannot select them. The backend does handle pointer
// *values* in those address spaces (they are i32: arguments, returns, phis,
// selects, GEP arithmetic, ptrtoint/inttoptr, stores of the pointer into
// memory 0), so only the accesses are rewritten:
//
//   %v = load i16, ptr addrspace(101) %p
// becomes
//   %a = ptrtoint ptr addrspace(101) %p to i32
//   %w = call i32 @__wmc_wmc_m1_i32_load16_u(i32 %a)   ; "wmc:m1" "i32.load16_u"
//   %v = trunc i32 %w to i16
//
// Lowered here: loads and stores of every type (integers of any width and
// i1, floats, pointers, vectors, structs, arrays; wide values split into
// i64/i32/i16/i8 pieces), volatile and atomic loads/stores, atomicrmw (native
// wasm ops as rmw markers, the rest as a cmpxchg loop), cmpxchg (result pair
// rebuilt), llvm.memcpy/memmove/memset in every memory pair, the
// `__wmc_intrinsic_*` calls of <wasm/memctl.h>, and harmless intrinsics on
// such pointers (lifetime, invariant, prefetch, launder: dropped). Globals of
// memory k become address-space-0 globals in section `.wmc.m<k>.<symbol>`;
// their uses see `inttoptr (ptrtoint @g to i32)` in the old address space.
//
// Without the wasm "atomics" feature (no -matomics/-pthread), atomics lower
// to plain markers, exactly as the wasm backend strips them for memory 0.
//
// Errors (Diagnostics.cpp) are reported with a source location for every
// address-space cast between memories (including to/from the generic address
// space), a call through a pointer into memory k, a store or copy into the
// read-only memory, unsupported intrinsics and inline asm operands, and
// unsupported types. After an error every function body is dropped so that
// the backend never sees an unlowered access (clang then exits non-zero).
//
//===----------------------------------------------------------------------===//
#include "WmcLower.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/IntrinsicsWebAssembly.h"
#include "llvm/IR/Operator.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/LowerAtomic.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace wmc {
namespace {

bool hasTargetFeature(const Function &F, StringRef Feature) {
  Attribute A = F.getFnAttribute("target-features");
  if (!A.isValid())
    return false;
  SmallVector<StringRef, 16> Features;
  SplitString(A.getValueAsString(), Features, ",");
  return is_contained(Features, Feature);
}

/// Gives \p From's name to its replacement \p To (constants have none).
void adoptName(Value *To, Value *From) {
  if (!isa<Constant>(To))
    To->takeName(From);
}

/// Returns the memory a pointer-typed value addresses (0 if none of ours).
unsigned memoryOfPointer(const Value *Ptr) {
  auto *PT = dyn_cast<PointerType>(Ptr->getType());
  if (!PT)
    return 0;
  return memoryOfAddrSpace(PT->getAddressSpace()).value_or(0);
}

/// The pointer operand of a load, store, atomicrmw or cmpxchg, else null.
const Value *accessedPointer(const Instruction *I) {
  if (const Value *Ptr = getLoadStorePointerOperand(I))
    return Ptr;
  if (auto *RMW = dyn_cast<AtomicRMWInst>(I))
    return RMW->getPointerOperand();
  if (auto *CX = dyn_cast<AtomicCmpXchgInst>(I))
    return CX->getPointerOperand();
  return nullptr;
}

/// The lowering of one module.
class Lowering {
public:
  Lowering(Module &M, const PlacementPlan &Placed)
      : M(M), DL(M.getDataLayout()), Ctx(M.getContext()), Markers(M),
        Placed(Placed), I32(Type::getInt32Ty(Ctx)), I64(Type::getInt64Ty(Ctx)),
        V128(FixedVectorType::get(I32, 4)) {}

  /// Runs every step; returns the memories the module uses.
  std::set<unsigned> run();

  /// Number of errors reported.
  unsigned errors() const { return Errors; }

private:
  Module &M;
  const DataLayout &DL;
  LLVMContext &Ctx;
  MarkerTable Markers;
  /// Memory-0 globals moved by Rodata.cpp and their accesses.
  const PlacementPlan &Placed;
  IntegerType *I32, *I64;
  FixedVectorType *V128;
  std::set<unsigned> Used;
  unsigned Errors = 0;

  // Per-function target features.
  bool Atomics = false;
  bool Simd = false;

  /// The memory accessed through pointer operand \p U: the one Rodata.cpp
  /// moved the global to, else the pointer's address space.
  unsigned memoryOfUse(const Use &U) const {
    auto It = Placed.Accesses.find(&U);
    return It != Placed.Accesses.end() ? It->second : memoryOfPointer(U.get());
  }

  void error(const Instruction &I, const Twine &Msg) {
    ++Errors;
    reportError(I, Msg);
  }
  void error(const GlobalValue &G, const Twine &Msg) {
    ++Errors;
    reportError(G, Msg);
  }

  void moveGlobals();
  void checkGlobalInitializers();
  Constant *rewriteCasts(Constant *C, const Instruction *At,
                         const GlobalValue *In);
  void lowerFunction(Function &F);
  void lowerInstruction(Instruction &I);
  void lowerAddrSpaceCast(AddrSpaceCastInst &I);
  void lowerLoad(LoadInst &LI, unsigned Mem);
  void lowerStore(StoreInst &SI, unsigned Mem);
  void lowerAtomicRMW(AtomicRMWInst &RMW, unsigned Mem);
  void lowerCmpXchg(AtomicCmpXchgInst &CX, unsigned Mem);
  void lowerMemIntrinsic(MemIntrinsic &MI);
  void lowerOtherIntrinsic(IntrinsicInst &II);
  void lowerWmcIntrinsic(CallInst &CI, StringRef Op);
  void checkCall(CallBase &CB);
  void checkIntToPtr(IntToPtrInst &I);
  void recoverFromErrors();

  Value *address(IRBuilder<> &B, Value *Ptr);
  Value *offsetAddress(IRBuilder<> &B, Value *Addr, uint64_t Offset);
  CallInst *callMarker(IRBuilder<> &B, unsigned Mem, StringRef Field,
                       Type *Ret, ArrayRef<Value *> Args);
  Value *loadPiece(IRBuilder<> &B, unsigned Mem, unsigned Bytes, Value *Addr,
                   bool Atomic);
  void storePiece(IRBuilder<> &B, unsigned Mem, unsigned Bytes, Value *Addr,
                  Value *V, bool Atomic);
  Value *loadWideInt(IRBuilder<> &B, unsigned Mem, IntegerType *Ty,
                     Value *Addr);
  void storeWideInt(IRBuilder<> &B, unsigned Mem, Value *V, Value *Addr);
  Value *emitLoad(IRBuilder<> &B, unsigned Mem, Type *Ty, Value *Addr,
                  bool Atomic);
  bool emitStore(IRBuilder<> &B, unsigned Mem, Value *V, Value *Addr,
                 bool Atomic);
  /// The integer type an atomic of type \p Ty is performed on (i32 or i64
  /// widened from 8/16 bits), or null if wasm has no such atomic.
  IntegerType *atomicIntType(Type *Ty);
  Value *toAtomicInt(IRBuilder<> &B, Value *V, IntegerType *Wide);
  Value *fromAtomicInt(IRBuilder<> &B, Value *V, Type *Ty);
  std::string atomicField(Type *Ty, StringRef Op);
};

//===----------------------------------------------------------------------===//
// Globals
//===----------------------------------------------------------------------===//

void Lowering::moveGlobals() {
  SmallVector<GlobalVariable *, 8> ToMove;
  for (GlobalVariable &G : M.globals())
    if (isMemoryAddrSpace(G.getAddressSpace()))
      ToMove.push_back(&G);
  if (ToMove.empty())
    return;
  SmallVector<GlobalValue *, 8> UsedVec, CompilerUsedVec;
  collectUsedGlobalVariables(M, UsedVec, false);
  collectUsedGlobalVariables(M, CompilerUsedVec, true);

  for (GlobalVariable *G : ToMove) {
    unsigned Mem = *memoryOfAddrSpace(G->getAddressSpace());
    Used.insert(Mem);
    if (G->isThreadLocal())
      error(*G, "thread-local variable '" + G->getName() +
                    "' cannot live in " + describeMemory(Mem));
    auto *NG = new GlobalVariable(
        M, G->getValueType(), G->isConstant(), G->getLinkage(),
        G->hasInitializer() ? G->getInitializer() : nullptr, "", G,
        GlobalValue::NotThreadLocal, /*AddressSpace=*/0,
        G->isExternallyInitialized());
    NG->copyAttributesFrom(G);
    NG->setThreadLocal(false);
    NG->copyMetadata(G, 0);
    NG->setComdat(G->getComdat());
    NG->takeName(G);
    // A common symbol would be allocated by the linker in .bss, outside
    // the memory's section: make it an ordinary weak definition.
    if (NG->hasCommonLinkage())
      NG->setLinkage(GlobalValue::WeakAnyLinkage);
    if (!NG->isDeclaration()) {
      std::string Section =
          ("." + Twine("wmc.") + memorySuffix(Mem) + "." + NG->getName())
              .str();
      if (NG->hasSection() && NG->getSection() != Section)
        reportWarning(*NG, "section '" + NG->getSection() + "' of '" +
                               NG->getName() + "' is replaced by '" + Section +
                               "': objects of " + describeMemory(Mem) +
                               " live in its own sections");
      NG->setSection(Section);
    } else {
      NG->setSection("");
    }

    bool InUsed = is_contained(UsedVec, G);
    bool InCompilerUsed = is_contained(CompilerUsedVec, G);
    if (InUsed || InCompilerUsed)
      removeFromUsedLists(M, [G](Constant *C) { return C == G; });
    Constant *Address = ConstantExpr::getPtrToInt(NG, I32);
    Constant *Repl = ConstantExpr::getIntToPtr(Address, G->getType());
    G->replaceAllUsesWith(Repl);
    G->eraseFromParent();
    // ptrtoint (inttoptr (ptrtoint @g)) is just the address.
    SmallVector<User *, 4> RoundTrips;
    for (User *U : Repl->users())
      if (auto *CE = dyn_cast<ConstantExpr>(U))
        if (CE->getOpcode() == Instruction::PtrToInt && CE->getType() == I32)
          RoundTrips.push_back(CE);
    for (User *U : RoundTrips)
      U->replaceAllUsesWith(Address);
    if (InUsed)
      appendToUsed(M, {NG});
    if (InCompilerUsed)
      appendToCompilerUsed(M, {NG});
  }
}

/// Returns \p C with every address-space cast between two different
/// memories replaced by inttoptr(ptrtoint); reports each one (at \p At or
/// about \p In). Casts of null are folded silently.
Constant *Lowering::rewriteCasts(Constant *C, const Instruction *At,
                                 const GlobalValue *In) {
  if (auto *Agg = dyn_cast<ConstantAggregate>(C)) {
    SmallVector<Constant *, 8> Ops;
    bool Changed = false;
    for (Value *Op : Agg->operands()) {
      Constant *New = rewriteCasts(cast<Constant>(Op), At, In);
      Changed |= New != Op;
      Ops.push_back(New);
    }
    if (!Changed)
      return C;
    if (auto *ST = dyn_cast<StructType>(C->getType()))
      return ConstantStruct::get(ST, Ops);
    if (auto *AT = dyn_cast<ArrayType>(C->getType()))
      return ConstantArray::get(AT, Ops);
    return ConstantVector::get(Ops);
  }
  auto *CE = dyn_cast<ConstantExpr>(C);
  if (!CE)
    return C;
  SmallVector<Constant *, 4> Ops;
  bool Changed = false;
  for (Value *Op : CE->operands()) {
    Constant *New = rewriteCasts(cast<Constant>(Op), At, In);
    Changed |= New != Op;
    Ops.push_back(New);
  }
  Constant *Result = Changed ? CE->getWithOperands(Ops) : CE;
  auto *Cast = dyn_cast<ConstantExpr>(Result);
  if (!Cast || Cast->getOpcode() != Instruction::AddrSpaceCast)
    return Result;
  unsigned SrcAS = Cast->getOperand(0)->getType()->getPointerAddressSpace();
  unsigned DstAS = Cast->getType()->getPointerAddressSpace();
  if (!isMemoryAddrSpace(SrcAS) && !isMemoryAddrSpace(DstAS))
    return Result;
  if (Cast->getOperand(0)->isNullValue())
    return Constant::getNullValue(Cast->getType());
  std::string Msg = "address-space cast from " +
                    describeMemory(*memoryOfAddrSpace(SrcAS)) + " to " +
                    describeMemory(*memoryOfAddrSpace(DstAS)) +
                    " in a constant expression; pointers into different "
                    "memories cannot be converted";
  if (At)
    error(*At, Msg);
  else
    error(*In, Msg);
  return ConstantExpr::getIntToPtr(
      ConstantExpr::getPtrToInt(Cast->getOperand(0), I32), Cast->getType());
}

void Lowering::checkGlobalInitializers() {
  for (GlobalVariable &G : M.globals())
    if (G.hasInitializer() && !G.getName().starts_with("llvm."))
      G.setInitializer(rewriteCasts(G.getInitializer(), nullptr, &G));
  for (GlobalAlias &A : M.aliases())
    if (isMemoryAddrSpace(A.getAddressSpace()))
      error(A, "alias '" + A.getName() + "' of an object in " +
                   describeMemory(*memoryOfAddrSpace(A.getAddressSpace())) +
                   " is not supported");
  for (Function &F : M.functions())
    if (isMemoryAddrSpace(F.getAddressSpace()))
      error(F, "function '" + F.getName() + "' cannot live in " +
                   describeMemory(*memoryOfAddrSpace(F.getAddressSpace())) +
                   ": code is not addressable data");
}

//===----------------------------------------------------------------------===//
// Pieces: addresses and markers
//===----------------------------------------------------------------------===//

/// Rewrites a constant pointer built on a moved global, i.e. on
/// `inttoptr (ptrtoint @g)` (through constant GEPs), to the same address
/// in address space 0; returns null for anything else.
static Constant *asMemory0Constant(Constant *C) {
  auto *CE = dyn_cast<ConstantExpr>(C);
  if (!CE)
    return nullptr;
  if (CE->getOpcode() == Instruction::IntToPtr)
    if (auto *Inner = dyn_cast<ConstantExpr>(CE->getOperand(0)))
      if (Inner->getOpcode() == Instruction::PtrToInt &&
          Inner->getOperand(0)->getType()->getPointerAddressSpace() == 0)
        return Inner->getOperand(0);
  if (auto *GEP = dyn_cast<GEPOperator>(CE))
    if (Constant *Base = asMemory0Constant(cast<Constant>(GEP->getPointerOperand()))) {
      SmallVector<Constant *, 4> Indices;
      for (Value *Idx : GEP->indices())
        Indices.push_back(cast<Constant>(Idx));
      return ConstantExpr::getGetElementPtr(GEP->getSourceElementType(), Base,
                                            Indices, GEP->getNoWrapFlags());
    }
  return nullptr;
}

Value *Lowering::address(IRBuilder<> &B, Value *Ptr) {
  // Globals moved by moveGlobals() appear as inttoptr (ptrtoint @g).
  if (auto *C = dyn_cast<Constant>(Ptr))
    if (Constant *P0 = asMemory0Constant(C))
      return ConstantExpr::getPtrToInt(P0, I32);
  return B.CreatePtrToInt(Ptr, I32);
}

Value *Lowering::offsetAddress(IRBuilder<> &B, Value *Addr, uint64_t Offset) {
  if (Offset == 0)
    return Addr;
  return B.CreateAdd(Addr, ConstantInt::get(I32, Offset));
}

CallInst *Lowering::callMarker(IRBuilder<> &B, unsigned Mem, StringRef Field,
                               Type *Ret, ArrayRef<Value *> Args) {
  SmallVector<Type *, 6> Params;
  for (Value *A : Args)
    Params.push_back(A->getType());
  FunctionCallee F =
      Markers.get(Mem, Field, FunctionType::get(Ret, Params, false));
  return B.CreateCall(F, Args);
}

Value *Lowering::loadPiece(IRBuilder<> &B, unsigned Mem, unsigned Bytes,
                           Value *Addr, bool Atomic) {
  StringRef A = Atomic ? "atomic." : "";
  switch (Bytes) {
  case 1:
    return callMarker(B, Mem, ("i32." + A + "load8_u").str(), I32, {Addr});
  case 2:
    return callMarker(B, Mem, ("i32." + A + "load16_u").str(), I32, {Addr});
  case 4:
    return callMarker(B, Mem, ("i32." + A + "load").str(), I32, {Addr});
  case 8:
    return callMarker(B, Mem, ("i64." + A + "load").str(), I64, {Addr});
  }
  llvm_unreachable("piece sizes are 1, 2, 4 or 8 bytes");
}

void Lowering::storePiece(IRBuilder<> &B, unsigned Mem, unsigned Bytes,
                          Value *Addr, Value *V, bool Atomic) {
  StringRef A = Atomic ? "atomic." : "";
  Type *Wide = Bytes == 8 ? I64 : I32;
  V = B.CreateZExtOrTrunc(V, Wide);
  switch (Bytes) {
  case 1:
    callMarker(B, Mem, ("i32." + A + "store8").str(), B.getVoidTy(),
               {Addr, V});
    return;
  case 2:
    callMarker(B, Mem, ("i32." + A + "store16").str(), B.getVoidTy(),
               {Addr, V});
    return;
  case 4:
    callMarker(B, Mem, ("i32." + A + "store").str(), B.getVoidTy(), {Addr, V});
    return;
  case 8:
    callMarker(B, Mem, ("i64." + A + "store").str(), B.getVoidTy(), {Addr, V});
    return;
  }
  llvm_unreachable("piece sizes are 1, 2, 4 or 8 bytes");
}

/// Concatenates 2^n equally typed vectors into one.
static Value *concatVectors(IRBuilder<> &B, ArrayRef<Value *> Parts) {
  SmallVector<Value *, 8> Work(Parts.begin(), Parts.end());
  while (Work.size() > 1) {
    SmallVector<Value *, 8> Next;
    for (size_t I = 0; I + 1 < Work.size(); I += 2) {
      unsigned N =
          cast<FixedVectorType>(Work[I]->getType())->getNumElements();
      SmallVector<int, 16> Mask;
      for (unsigned J = 0; J < 2 * N; ++J)
        Mask.push_back(J);
      Next.push_back(B.CreateShuffleVector(Work[I], Work[I + 1], Mask));
    }
    if (Work.size() % 2)
      Next.push_back(Work.back());
    Work = std::move(Next);
  }
  return Work.front();
}

static unsigned pieceSize(uint64_t Remaining) {
  if (Remaining >= 8)
    return 8;
  if (Remaining >= 4)
    return 4;
  if (Remaining >= 2)
    return 2;
  return 1;
}

Value *Lowering::loadWideInt(IRBuilder<> &B, unsigned Mem, IntegerType *Ty,
                             Value *Addr) {
  uint64_t Bytes = DL.getTypeStoreSize(Ty);
  auto *Wide = IntegerType::get(Ctx, Bytes * 8);
  Value *Acc = ConstantInt::get(Wide, 0);
  for (uint64_t Off = 0; Off < Bytes;) {
    unsigned Piece = pieceSize(Bytes - Off);
    Value *P = loadPiece(B, Mem, Piece, offsetAddress(B, Addr, Off), false);
    P = B.CreateZExtOrTrunc(P, IntegerType::get(Ctx, Piece * 8));
    P = B.CreateZExt(P, Wide);
    if (Off)
      P = B.CreateShl(P, Off * 8);
    Acc = B.CreateOr(Acc, P);
    Off += Piece;
  }
  return B.CreateTrunc(Acc, Ty);
}

void Lowering::storeWideInt(IRBuilder<> &B, unsigned Mem, Value *V,
                            Value *Addr) {
  auto *Ty = cast<IntegerType>(V->getType());
  uint64_t Bytes = DL.getTypeStoreSize(Ty);
  auto *Wide = IntegerType::get(Ctx, Bytes * 8);
  V = B.CreateZExt(V, Wide);
  for (uint64_t Off = 0; Off < Bytes;) {
    unsigned Piece = pieceSize(Bytes - Off);
    Value *P = Off ? B.CreateLShr(V, Off * 8) : V;
    P = B.CreateTrunc(P, IntegerType::get(Ctx, Piece * 8));
    storePiece(B, Mem, Piece, offsetAddress(B, Addr, Off), P, false);
    Off += Piece;
  }
}

//===----------------------------------------------------------------------===//
// Loads and stores of any type
//===----------------------------------------------------------------------===//

Value *Lowering::emitLoad(IRBuilder<> &B, unsigned Mem, Type *Ty, Value *Addr,
                          bool Atomic) {
  if (auto *IT = dyn_cast<IntegerType>(Ty)) {
    unsigned Bits = IT->getBitWidth();
    if (Bits == 8 || Bits == 16 || Bits == 32 || Bits == 64)
      return B.CreateTrunc(loadPiece(B, Mem, Bits / 8, Addr, Atomic), Ty);
    if (Atomic)
      return nullptr;
    return loadWideInt(B, Mem, IT, Addr);
  }
  if (Ty->isFloatTy() && !Atomic)
    return callMarker(B, Mem, "f32.load", Ty, {Addr});
  if (Ty->isDoubleTy() && !Atomic)
    return callMarker(B, Mem, "f64.load", Ty, {Addr});
  if (Ty->isFloatingPointTy()) {
    auto *IT = IntegerType::get(Ctx, DL.getTypeSizeInBits(Ty));
    Value *V = emitLoad(B, Mem, IT, Addr, Atomic);
    return V ? B.CreateBitCast(V, Ty) : nullptr;
  }
  if (auto *PT = dyn_cast<PointerType>(Ty)) {
    if (DL.getPointerSizeInBits(PT->getAddressSpace()) != 32)
      return nullptr;
    return B.CreateIntToPtr(loadPiece(B, Mem, 4, Addr, Atomic), Ty);
  }
  if (Atomic)
    return nullptr;
  if (auto *VT = dyn_cast<FixedVectorType>(Ty)) {
    uint64_t Bits = DL.getTypeSizeInBits(VT);
    Type *Elt = VT->getElementType();
    if (Elt->isPointerTy()) {
      auto *IntVT = FixedVectorType::get(I32, VT->getNumElements());
      Value *V = emitLoad(B, Mem, IntVT, Addr, false);
      return V ? B.CreateIntToPtr(V, VT) : nullptr;
    }
    if (Simd && Bits % 128 == 0 && isPowerOf2_64(Bits / 128)) {
      // One v128 per 128 bits, concatenated as <Bits/32 x i32>.
      SmallVector<Value *, 4> Chunks;
      for (uint64_t Off = 0; Off < Bits / 8; Off += 16)
        Chunks.push_back(callMarker(B, Mem, "v128.load", V128,
                                    {offsetAddress(B, Addr, Off)}));
      return B.CreateBitCast(concatVectors(B, Chunks), VT);
    }
    // A vector's memory image is that of the same-sized integer (bitcast is
    // defined as a store and a load), so <3 x float>, <8 x i1>, <2 x i16>
    // ... go through the integer splitting.
    Value *V = emitLoad(B, Mem, IntegerType::get(Ctx, Bits), Addr, false);
    return V ? B.CreateBitCast(V, VT) : nullptr;
  }
  if (auto *ST = dyn_cast<StructType>(Ty)) {
    const StructLayout *SL = DL.getStructLayout(ST);
    Value *Acc = PoisonValue::get(ST);
    for (unsigned I = 0; I < ST->getNumElements(); ++I) {
      Value *E = emitLoad(B, Mem, ST->getElementType(I),
                          offsetAddress(B, Addr, SL->getElementOffset(I)),
                          false);
      if (!E)
        return nullptr;
      Acc = B.CreateInsertValue(Acc, E, I);
    }
    return Acc;
  }
  if (auto *AT = dyn_cast<ArrayType>(Ty)) {
    uint64_t Stride = DL.getTypeAllocSize(AT->getElementType());
    Value *Acc = PoisonValue::get(AT);
    for (unsigned I = 0; I < AT->getNumElements(); ++I) {
      Value *E = emitLoad(B, Mem, AT->getElementType(),
                          offsetAddress(B, Addr, I * Stride), false);
      if (!E)
        return nullptr;
      Acc = B.CreateInsertValue(Acc, E, I);
    }
    return Acc;
  }
  return nullptr;
}

bool Lowering::emitStore(IRBuilder<> &B, unsigned Mem, Value *V, Value *Addr,
                         bool Atomic) {
  Type *Ty = V->getType();
  if (auto *IT = dyn_cast<IntegerType>(Ty)) {
    unsigned Bits = IT->getBitWidth();
    if (Bits == 8 || Bits == 16 || Bits == 32 || Bits == 64) {
      storePiece(B, Mem, Bits / 8, Addr, V, Atomic);
      return true;
    }
    if (Atomic)
      return false;
    storeWideInt(B, Mem, V, Addr);
    return true;
  }
  if (Ty->isFloatTy() && !Atomic) {
    callMarker(B, Mem, "f32.store", B.getVoidTy(), {Addr, V});
    return true;
  }
  if (Ty->isDoubleTy() && !Atomic) {
    callMarker(B, Mem, "f64.store", B.getVoidTy(), {Addr, V});
    return true;
  }
  if (Ty->isFloatingPointTy())
    return emitStore(
        B, Mem,
        B.CreateBitCast(V, IntegerType::get(Ctx, DL.getTypeSizeInBits(Ty))),
        Addr, Atomic);
  if (auto *PT = dyn_cast<PointerType>(Ty)) {
    if (DL.getPointerSizeInBits(PT->getAddressSpace()) != 32)
      return false;
    storePiece(B, Mem, 4, Addr, B.CreatePtrToInt(V, I32), Atomic);
    return true;
  }
  if (Atomic)
    return false;
  if (auto *VT = dyn_cast<FixedVectorType>(Ty)) {
    uint64_t Bits = DL.getTypeSizeInBits(VT);
    Type *Elt = VT->getElementType();
    if (Elt->isPointerTy())
      return emitStore(
          B, Mem,
          B.CreatePtrToInt(V, FixedVectorType::get(I32, VT->getNumElements())),
          Addr, false);
    if (Simd && Bits % 128 == 0 && isPowerOf2_64(Bits / 128)) {
      Value *Words = B.CreateBitCast(V, FixedVectorType::get(I32, Bits / 32));
      for (uint64_t Off = 0; Off < Bits / 8; Off += 16) {
        int First = Off / 4;
        Value *Chunk =
            Bits == 128 ? Words
                        : B.CreateShuffleVector(Words, {First, First + 1,
                                                        First + 2, First + 3});
        callMarker(B, Mem, "v128.store", B.getVoidTy(),
                   {offsetAddress(B, Addr, Off), Chunk});
      }
      return true;
    }
    return emitStore(B, Mem, B.CreateBitCast(V, IntegerType::get(Ctx, Bits)),
                     Addr, false);
  }
  if (auto *ST = dyn_cast<StructType>(Ty)) {
    const StructLayout *SL = DL.getStructLayout(ST);
    for (unsigned I = 0; I < ST->getNumElements(); ++I)
      if (!emitStore(B, Mem, B.CreateExtractValue(V, I),
                     offsetAddress(B, Addr, SL->getElementOffset(I)), false))
        return false;
    return true;
  }
  if (auto *AT = dyn_cast<ArrayType>(Ty)) {
    uint64_t Stride = DL.getTypeAllocSize(AT->getElementType());
    for (unsigned I = 0; I < AT->getNumElements(); ++I)
      if (!emitStore(B, Mem, B.CreateExtractValue(V, I),
                     offsetAddress(B, Addr, I * Stride), false))
        return false;
    return true;
  }
  return false;
}

static std::string typeName(Type *Ty) {
  std::string S;
  raw_string_ostream OS(S);
  Ty->print(OS);
  return S;
}

void Lowering::lowerLoad(LoadInst &LI, unsigned Mem) {
  IRBuilder<> B(&LI);
  bool Atomic = LI.isAtomic() && Atomics;
  Value *V = emitLoad(B, Mem, LI.getType(), address(B, LI.getPointerOperand()),
                      Atomic);
  if (!V) {
    error(LI, Twine(Atomic ? "atomic " : "") + "load of type '" +
                  typeName(LI.getType()) + "' from " + describeMemory(Mem) +
                  " is not supported");
    V = PoisonValue::get(LI.getType());
  }
  adoptName(V, &LI);
  LI.replaceAllUsesWith(V);
  LI.eraseFromParent();
}

void Lowering::lowerStore(StoreInst &SI, unsigned Mem) {
  if (Mem == ReadOnlyMemory) {
    error(SI, "store into the read-only memory");
    SI.eraseFromParent();
    return;
  }
  IRBuilder<> B(&SI);
  bool Atomic = SI.isAtomic() && Atomics;
  if (!emitStore(B, Mem, SI.getValueOperand(),
                 address(B, SI.getPointerOperand()), Atomic))
    error(SI, Twine(Atomic ? "atomic " : "") + "store of type '" +
                  typeName(SI.getValueOperand()->getType()) + "' to " +
                  describeMemory(Mem) + " is not supported");
  SI.eraseFromParent();
}

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

IntegerType *Lowering::atomicIntType(Type *Ty) {
  unsigned Bits = Ty->isPointerTy() ? DL.getPointerTypeSizeInBits(Ty)
                                    : DL.getTypeSizeInBits(Ty);
  if (!Ty->isIntegerTy() && !Ty->isPointerTy() && !Ty->isFloatingPointTy())
    return nullptr;
  if (Bits == 8 || Bits == 16 || Bits == 32)
    return I32;
  if (Bits == 64)
    return I64;
  return nullptr;
}

Value *Lowering::toAtomicInt(IRBuilder<> &B, Value *V, IntegerType *Wide) {
  Type *Ty = V->getType();
  if (Ty->isPointerTy())
    V = B.CreatePtrToInt(V, I32);
  else if (Ty->isFloatingPointTy())
    V = B.CreateBitCast(V, IntegerType::get(Ctx, DL.getTypeSizeInBits(Ty)));
  return B.CreateZExt(V, Wide);
}

Value *Lowering::fromAtomicInt(IRBuilder<> &B, Value *V, Type *Ty) {
  if (Ty->isPointerTy())
    return B.CreateIntToPtr(B.CreateTrunc(V, I32), Ty);
  if (Ty->isFloatingPointTy())
    return B.CreateBitCast(
        B.CreateTrunc(V, IntegerType::get(Ctx, DL.getTypeSizeInBits(Ty))), Ty);
  return B.CreateTrunc(V, Ty);
}

/// "i32.atomic.rmw.add", "i32.atomic.rmw8.add_u", "i64.atomic.rmw.cmpxchg"...
std::string Lowering::atomicField(Type *Ty, StringRef Op) {
  unsigned Bits = Ty->isPointerTy() ? DL.getPointerTypeSizeInBits(Ty)
                                    : DL.getTypeSizeInBits(Ty);
  if (Bits == 64)
    return ("i64.atomic.rmw." + Op).str();
  if (Bits == 32)
    return ("i32.atomic.rmw." + Op).str();
  return ("i32.atomic.rmw" + Twine(Bits) + "." + Op + "_u").str();
}

void Lowering::lowerAtomicRMW(AtomicRMWInst &RMW, unsigned Mem) {
  if (Mem == ReadOnlyMemory) {
    error(RMW, "atomic read-modify-write on the read-only memory");
    RMW.replaceAllUsesWith(PoisonValue::get(RMW.getType()));
    RMW.eraseFromParent();
    return;
  }
  Type *Ty = RMW.getType();
  Value *Addr;
  {
    IRBuilder<> B(&RMW);
    Addr = address(B, RMW.getPointerOperand());
    if (!Atomics) {
      // Single-threaded: load, compute, store.
      Value *Old = emitLoad(B, Mem, Ty, Addr, false);
      if (!Old) {
        error(RMW, "atomicrmw of type '" + typeName(Ty) + "' on " +
                       describeMemory(Mem) + " is not supported");
        Old = PoisonValue::get(Ty);
      } else {
        emitStore(B, Mem,
                  buildAtomicRMWValue(RMW.getOperation(), B, Old,
                                      RMW.getValOperand()),
                  Addr, false);
      }
      adoptName(Old, &RMW);
      RMW.replaceAllUsesWith(Old);
      RMW.eraseFromParent();
      return;
    }
  }
  IntegerType *Wide = atomicIntType(Ty);
  if (!Wide) {
    error(RMW, "atomicrmw of type '" + typeName(Ty) + "' on " +
                   describeMemory(Mem) + " is not supported");
    RMW.replaceAllUsesWith(PoisonValue::get(Ty));
    RMW.eraseFromParent();
    return;
  }
  StringRef Native;
  switch (RMW.getOperation()) {
  case AtomicRMWInst::Add:
    Native = "add";
    break;
  case AtomicRMWInst::Sub:
    Native = "sub";
    break;
  case AtomicRMWInst::And:
    Native = "and";
    break;
  case AtomicRMWInst::Or:
    Native = "or";
    break;
  case AtomicRMWInst::Xor:
    Native = "xor";
    break;
  case AtomicRMWInst::Xchg:
    Native = "xchg";
    break;
  default:
    break;
  }
  if (!Native.empty() && (Ty->isIntegerTy() || Native == "xchg")) {
    IRBuilder<> B(&RMW);
    Value *Old = callMarker(B, Mem, atomicField(Ty, Native), Wide,
                            {Addr, toAtomicInt(B, RMW.getValOperand(), Wide)});
    Value *Res = fromAtomicInt(B, Old, Ty);
    adoptName(Res, &RMW);
    RMW.replaceAllUsesWith(Res);
    RMW.eraseFromParent();
    return;
  }
  // Everything else: a compare-exchange loop.
  //   entry: %init = atomic load; br loop
  //   loop:  %old = phi [%init, entry], [%seen, loop]
  //          %new = op %old, %val
  //          %seen = cmpxchg %addr, %old, %new
  //          br (%seen == %old), done, loop
  BasicBlock *Entry = RMW.getParent();
  BasicBlock *Done = Entry->splitBasicBlock(&RMW, "wmc.rmw.done");
  BasicBlock *Loop = BasicBlock::Create(Ctx, "wmc.rmw.loop", Entry->getParent(),
                                        Done);
  Entry->getTerminator()->eraseFromParent();
  IRBuilder<> B(Entry);
  B.SetCurrentDebugLocation(RMW.getDebugLoc());
  Value *Init = loadPiece(B, Mem, Wide == I64 ? 8 : DL.getTypeStoreSize(Ty),
                          Addr, true);
  B.CreateBr(Loop);
  B.SetInsertPoint(Loop);
  PHINode *OldWide = B.CreatePHI(Wide, 2, "wmc.old");
  OldWide->addIncoming(Init, Entry);
  Value *Old = fromAtomicInt(B, OldWide, Ty);
  Value *New = buildAtomicRMWValue(RMW.getOperation(), B, Old,
                                   RMW.getValOperand());
  Value *Seen = callMarker(B, Mem, atomicField(Ty, "cmpxchg"), Wide,
                           {Addr, OldWide, toAtomicInt(B, New, Wide)});
  OldWide->addIncoming(Seen, Loop);
  B.CreateCondBr(B.CreateICmpEQ(Seen, OldWide), Done, Loop);
  adoptName(Old, &RMW);
  RMW.replaceAllUsesWith(Old);
  RMW.eraseFromParent();
}

void Lowering::lowerCmpXchg(AtomicCmpXchgInst &CX, unsigned Mem) {
  IRBuilder<> B(&CX);
  Type *Ty = CX.getNewValOperand()->getType();
  if (Mem == ReadOnlyMemory) {
    error(CX, "cmpxchg on the read-only memory");
    CX.replaceAllUsesWith(PoisonValue::get(CX.getType()));
    CX.eraseFromParent();
    return;
  }
  Value *Addr = address(B, CX.getPointerOperand());
  Value *Loaded, *Success;
  if (!Atomics) {
    Loaded = emitLoad(B, Mem, Ty, Addr, false);
    if (!Loaded) {
      error(CX, "cmpxchg of type '" + typeName(Ty) + "' on " +
                    describeMemory(Mem) + " is not supported");
      Loaded = PoisonValue::get(Ty);
      Success = PoisonValue::get(B.getInt1Ty());
    } else {
      Success = B.CreateICmpEQ(Loaded, CX.getCompareOperand());
      emitStore(B, Mem, B.CreateSelect(Success, CX.getNewValOperand(), Loaded),
                Addr, false);
    }
  } else if (IntegerType *Wide = atomicIntType(Ty)) {
    Value *Expected = toAtomicInt(B, CX.getCompareOperand(), Wide);
    Value *Seen = callMarker(B, Mem, atomicField(Ty, "cmpxchg"), Wide,
                             {Addr, Expected,
                              toAtomicInt(B, CX.getNewValOperand(), Wide)});
    Success = B.CreateICmpEQ(Seen, Expected);
    Loaded = fromAtomicInt(B, Seen, Ty);
  } else {
    error(CX, "cmpxchg of type '" + typeName(Ty) + "' on " +
                  describeMemory(Mem) + " is not supported");
    Loaded = PoisonValue::get(Ty);
    Success = PoisonValue::get(B.getInt1Ty());
  }
  Value *Pair = B.CreateInsertValue(PoisonValue::get(CX.getType()), Loaded, 0);
  Pair = B.CreateInsertValue(Pair, Success, 1);
  adoptName(Pair, &CX);
  CX.replaceAllUsesWith(Pair);
  CX.eraseFromParent();
}

//===----------------------------------------------------------------------===//
// Intrinsics
//===----------------------------------------------------------------------===//

void Lowering::lowerMemIntrinsic(MemIntrinsic &MI) {
  unsigned DstMem = memoryOfUse(MI.getRawDestUse());
  unsigned SrcMem = 0;
  auto *MT = dyn_cast<MemTransferInst>(&MI);
  if (MT)
    SrcMem = memoryOfUse(MT->getRawSourceUse());
  if (DstMem == 0 && SrcMem == 0)
    return;
  if (DstMem == ReadOnlyMemory) {
    error(MI, Twine(MT ? "copy" : "memset") + " into the read-only memory");
    MI.eraseFromParent();
    return;
  }
  IRBuilder<> B(&MI);
  Value *Len = B.CreateZExtOrTrunc(MI.getLength(), I32);
  Value *Dst = address(B, MI.getRawDest());
  if (MT)
    callMarker(B, DstMem, (WMC_MARKER_COPY "." + memorySuffix(SrcMem)),
               B.getVoidTy(), {Dst, address(B, MT->getRawSource()), Len});
  else
    callMarker(B, DstMem, "memory.fill", B.getVoidTy(),
               {Dst, B.CreateZExt(cast<MemSetInst>(MI).getValue(), I32), Len});
  MI.eraseFromParent();
}

void Lowering::lowerOtherIntrinsic(IntrinsicInst &II) {
  unsigned Mem = 0;
  for (Value *Arg : II.args())
    if (unsigned AM = memoryOfPointer(Arg))
      Mem = AM;
  if (!Mem)
    return;
  switch (II.getIntrinsicID()) {
  case Intrinsic::lifetime_start:
  case Intrinsic::lifetime_end:
  case Intrinsic::invariant_end:
  case Intrinsic::prefetch:
  case Intrinsic::var_annotation:
  case Intrinsic::assume:
  case Intrinsic::sideeffect:
    II.eraseFromParent();
    return;
  case Intrinsic::invariant_start:
    II.replaceAllUsesWith(PoisonValue::get(II.getType()));
    II.eraseFromParent();
    return;
  case Intrinsic::launder_invariant_group:
  case Intrinsic::strip_invariant_group:
  case Intrinsic::ptr_annotation:
    II.replaceAllUsesWith(II.getArgOperand(0));
    II.eraseFromParent();
    return;
  case Intrinsic::objectsize:
  case Intrinsic::ptrmask:
  case Intrinsic::is_constant:
  case Intrinsic::threadlocal_address:
    return; // No memory access: the backend handles i32 pointers.
  default:
    error(II, "intrinsic '" + II.getCalledFunction()->getName() +
                  "' on a pointer into " + describeMemory(Mem) +
                  " is not supported");
    if (!II.getType()->isVoidTy())
      II.replaceAllUsesWith(PoisonValue::get(II.getType()));
    II.eraseFromParent();
  }
}

/// Lowers one `__wmc_intrinsic_<op>` call (docs/language.md, IR contract).
void Lowering::lowerWmcIntrinsic(CallInst &CI, StringRef Op) {
  struct Shape {
    StringRef Op;
    unsigned NumArgs;
  };
  static const Shape Shapes[] = {
      {"memory_size", 1}, {"memory_grow", 2}, {"heap_base", 1},
      {"protect", 4},     {"discard", 3},     {"map", 6},
      {"unmap", 3},       {"memcpy", 5},      {"memset", 4}};
  const Shape *S = find_if(Shapes, [&](const Shape &X) { return X.Op == Op; });
  StringRef Name = CI.getCalledFunction()->getName();
  auto Drop = [&] {
    if (!CI.getType()->isVoidTy())
      CI.replaceAllUsesWith(PoisonValue::get(CI.getType()));
    CI.eraseFromParent();
  };
  if (S == std::end(Shapes)) {
    error(CI, "unknown intrinsic '" + Name + "'");
    return Drop();
  }
  if (CI.arg_size() != S->NumArgs) {
    error(CI, "'" + Name + "' takes " + Twine(S->NumArgs) + " arguments");
    return Drop();
  }
  auto MemoryArg = [&](unsigned I) -> std::optional<unsigned> {
    auto *C = dyn_cast<ConstantInt>(CI.getArgOperand(I));
    if (!C) {
      error(CI, "memory index of " + Name + " is not a constant");
      return std::nullopt;
    }
    uint64_t K = C->getZExtValue();
    if (K > WMC_MAX_MEMORY && K != ReadOnlyMemory) {
      error(CI, "memory index " + Twine(C->getSExtValue()) + " of " + Name +
                    " is out of range (0.." + Twine(WMC_MAX_MEMORY) +
                    " or 65535 for the read-only memory)");
      return std::nullopt;
    }
    return unsigned(K);
  };
  std::optional<unsigned> Mem = MemoryArg(0);
  if (!Mem)
    return Drop();
  auto NotReadOnly = [&](unsigned K) {
    if (K != ReadOnlyMemory)
      return true;
    error(CI, Name + " cannot operate on the read-only memory");
    return false;
  };
  IRBuilder<> B(&CI);
  auto Arg = [&](unsigned I) { return CI.getArgOperand(I); };
  Type *Void = B.getVoidTy();
  Value *Result = nullptr;
  if (Op == "memory_size") {
    Result =
        *Mem == 0
            ? B.CreateIntrinsic(Intrinsic::wasm_memory_size, {I32},
                                {B.getInt32(0)})
            : static_cast<Value *>(callMarker(B, *Mem, "memory.size", I32, {}));
  } else if (Op == "memory_grow") {
    if (!NotReadOnly(*Mem))
      return Drop();
    Result = *Mem == 0 ? B.CreateIntrinsic(Intrinsic::wasm_memory_grow, {I32},
                                           {B.getInt32(0), Arg(1)})
                       : static_cast<Value *>(callMarker(
                             B, *Mem, "memory.grow", I32, {Arg(1)}));
  } else if (Op == "heap_base") {
    if (*Mem == 0) {
      // Memory 0's heap base is the linker's __heap_base.
      GlobalVariable *HB = M.getNamedGlobal("__heap_base");
      if (!HB)
        HB = new GlobalVariable(M, B.getInt8Ty(), false,
                                GlobalValue::ExternalLinkage, nullptr,
                                "__heap_base");
      Result = B.CreatePtrToInt(HB, I32);
    } else {
      Result = callMarker(B, *Mem, WMC_MARKER_HEAP_BASE, I32, {});
    }
  } else if (Op == "protect") {
    if (!NotReadOnly(*Mem))
      return Drop();
    callMarker(B, *Mem, "memctl.protect", Void, {Arg(1), Arg(2), Arg(3)});
  } else if (Op == "discard") {
    if (!NotReadOnly(*Mem))
      return Drop();
    callMarker(B, *Mem, "memctl.discard", Void, {Arg(1), Arg(2)});
  } else if (Op == "map") {
    if (!NotReadOnly(*Mem))
      return Drop();
    Result = callMarker(B, *Mem, "memctl.map", I32,
                        {Arg(1), Arg(2), Arg(3), Arg(4), Arg(5)});
  } else if (Op == "unmap") {
    if (!NotReadOnly(*Mem))
      return Drop();
    callMarker(B, *Mem, "memctl.unmap", Void, {Arg(1), Arg(2)});
  } else if (Op == "memcpy") {
    std::optional<unsigned> Src = MemoryArg(2);
    if (!Src || !NotReadOnly(*Mem))
      return Drop();
    if (*Mem == 0 && *Src == 0)
      B.CreateMemMove(B.CreateIntToPtr(Arg(1), B.getPtrTy()), MaybeAlign(),
                      B.CreateIntToPtr(Arg(3), B.getPtrTy()), MaybeAlign(),
                      Arg(4));
    else
      callMarker(B, *Mem, WMC_MARKER_COPY "." + memorySuffix(*Src), Void,
                 {Arg(1), Arg(3), Arg(4)});
    if (*Src != 0)
      Used.insert(*Src);
  } else if (Op == "memset") {
    if (!NotReadOnly(*Mem))
      return Drop();
    if (*Mem == 0)
      B.CreateMemSet(B.CreateIntToPtr(Arg(1), B.getPtrTy()),
                     B.CreateTrunc(Arg(2), B.getInt8Ty()), Arg(3),
                     MaybeAlign());
    else
      callMarker(B, *Mem, "memory.fill", Void, {Arg(1), Arg(2), Arg(3)});
  }
  if (*Mem != 0)
    Used.insert(*Mem);
  if (Result) {
    adoptName(Result, &CI);
    CI.replaceAllUsesWith(Result);
  }
  CI.eraseFromParent();
}

/// Checks calls that are not memory operations: calling through a pointer
/// into memory k, and inline asm operands pointing into memory k.
void Lowering::checkCall(CallBase &CB) {
  Value *Callee = CB.getCalledOperand();
  if (unsigned Mem = memoryOfPointer(Callee)) {
    error(CB, "call through a pointer into " + describeMemory(Mem) +
                  ": functions cannot live in memory " +
                  (Mem == ReadOnlyMemory ? "ro" : std::to_string(Mem)));
    IRBuilder<> B(&CB);
    CB.setCalledOperand(
        B.CreateIntToPtr(B.CreatePtrToInt(Callee, I32), B.getPtrTy()));
    return;
  }
  if (CB.isInlineAsm())
    for (Value *Arg : CB.args())
      if (unsigned Mem = memoryOfPointer(Arg)) {
        error(CB, "inline asm operand points into " + describeMemory(Mem));
        return;
      }
}

/// Diagnoses the visible form of "a pointer into memory k used as an integer
/// and then as a pointer into another memory": inttoptr of (integer casts
/// and constant offsets of) a ptrtoint of a pointer into memory k. An
/// integer that went through memory first cannot be traced; see README.
void Lowering::checkIntToPtr(IntToPtrInst &I) {
  Value *V = I.getOperand(0);
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    if (auto *Cast = dyn_cast<CastInst>(V);
        Cast && (isa<ZExtInst>(Cast) || isa<TruncInst>(Cast) ||
                 isa<SExtInst>(Cast))) {
      V = Cast->getOperand(0);
      continue;
    }
    if (auto *BO = dyn_cast<BinaryOperator>(V);
        BO && isa<Constant>(BO->getOperand(1))) {
      V = BO->getOperand(0);
      continue;
    }
    break;
  }
  auto *PTI = dyn_cast<PtrToIntOperator>(V);
  if (!PTI)
    return;
  unsigned Src = memoryOfPointer(PTI->getPointerOperand());
  unsigned Dst = memoryOfPointer(&I);
  if (Src == 0 || Src == Dst)
    return;
  error(I, "a pointer into " + describeMemory(Src) +
               " is converted to an integer and back to a pointer into " +
               describeMemory(Dst) + "; it would access the wrong memory");
}

void Lowering::lowerAddrSpaceCast(AddrSpaceCastInst &I) {
  unsigned SrcAS = I.getSrcAddressSpace(), DstAS = I.getDestAddressSpace();
  if (!isMemoryAddrSpace(SrcAS) && !isMemoryAddrSpace(DstAS))
    return;
  IRBuilder<> B(&I);
  Value *Repl;
  if (isa<ConstantPointerNull>(I.getPointerOperand())) {
    Repl = Constant::getNullValue(I.getType());
  } else {
    std::optional<unsigned> Src = memoryOfAddrSpace(SrcAS),
                            Dst = memoryOfAddrSpace(DstAS);
    std::string From = Src ? describeMemory(*Src)
                           : "address space " + std::to_string(SrcAS);
    std::string To = Dst ? describeMemory(*Dst)
                         : "address space " + std::to_string(DstAS);
    if (DstAS == 0)
      error(I, "a pointer into " + From +
                   " is converted to a generic pointer (address-space cast); "
                   "it would access memory 0. Keep the __wasm_mem/__wasm_ro "
                   "qualifier on every pointer into that memory");
    else if (SrcAS == 0)
      error(I, "a generic pointer is converted to a pointer into " + To +
                   " (address-space cast); pointers into different memories "
                   "cannot be converted");
    else
      error(I, "a pointer into " + From + " is converted to a pointer into " +
                   To + " (address-space cast)");
    Repl = B.CreateIntToPtr(B.CreatePtrToInt(I.getPointerOperand(), I32),
                            I.getType());
  }
  adoptName(Repl, &I);
  I.replaceAllUsesWith(Repl);
  I.eraseFromParent();
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

void Lowering::lowerInstruction(Instruction &I) {
  if (auto *LI = dyn_cast<LoadInst>(&I)) {
    if (unsigned Mem = memoryOfUse(
            LI->getOperandUse(LI->getPointerOperandIndex())))
      lowerLoad(*LI, Mem);
    return;
  }
  if (auto *SI = dyn_cast<StoreInst>(&I)) {
    if (unsigned Mem = memoryOfUse(
            SI->getOperandUse(SI->getPointerOperandIndex())))
      lowerStore(*SI, Mem);
    return;
  }
  if (auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
    if (unsigned Mem = memoryOfUse(
            RMW->getOperandUse(RMW->getPointerOperandIndex())))
      lowerAtomicRMW(*RMW, Mem);
    return;
  }
  if (auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
    if (unsigned Mem = memoryOfUse(
            CX->getOperandUse(CX->getPointerOperandIndex())))
      lowerCmpXchg(*CX, Mem);
    return;
  }
  if (auto *ASC = dyn_cast<AddrSpaceCastInst>(&I))
    return lowerAddrSpaceCast(*ASC);
  if (auto *MI = dyn_cast<MemIntrinsic>(&I))
    return lowerMemIntrinsic(*MI);
  if (auto *II = dyn_cast<IntrinsicInst>(&I))
    return lowerOtherIntrinsic(*II);
  if (auto *CI = dyn_cast<CallInst>(&I))
    if (Function *F = CI->getCalledFunction())
      if (F->getName().starts_with("__wmc_intrinsic_"))
        return lowerWmcIntrinsic(
            *CI, F->getName().drop_front(strlen("__wmc_intrinsic_")));
  if (auto *CB = dyn_cast<CallBase>(&I))
    return checkCall(*CB);
  if (auto *ITP = dyn_cast<IntToPtrInst>(&I))
    return checkIntToPtr(*ITP);
  if (auto *VA = dyn_cast<VAArgInst>(&I))
    if (unsigned Mem = memoryOfPointer(VA->getPointerOperand()))
      error(*VA, "va_arg on a va_list in " + describeMemory(Mem) +
                     " is not supported");
}

void Lowering::lowerFunction(Function &F) {
  Atomics = hasTargetFeature(F, "+atomics");
  Simd = hasTargetFeature(F, "+simd128");
  std::vector<Instruction *> Work;
  for (Instruction &I : instructions(F)) {
    // Address-space casts hidden in constant-expression operands.
    for (Use &U : I.operands())
      if (isa<ConstantExpr, ConstantAggregate>(U.get())) {
        auto *C = cast<Constant>(U.get());
        Constant *New = rewriteCasts(C, &I, nullptr);
        if (New != C)
          U.set(New);
      }
    Work.push_back(&I);
  }
  for (Instruction *I : Work)
    lowerInstruction(*I);
}

void Lowering::recoverFromErrors() {
  // Leave nothing the backend could crash on: the compilation fails anyway.
  for (Function &F : M.functions())
    if (!F.isDeclaration())
      F.deleteBody();
}

std::set<unsigned> Lowering::run() {
  moveGlobals();
  checkGlobalInitializers();
  for (Function &F : M.functions())
    if (!F.isDeclaration())
      lowerFunction(F);
  // Drop the now unused intrinsic declarations (ours and llvm.* overloads on
  // our address spaces).
  for (Function &F : make_early_inc_range(M.functions()))
    if (F.isDeclaration() && F.use_empty() &&
        (F.getName().starts_with("__wmc_intrinsic_") ||
         (F.isIntrinsic() &&
          any_of(F.getFunctionType()->params(), [](Type *T) {
            return T->isPointerTy() &&
                   isMemoryAddrSpace(T->getPointerAddressSpace());
          }))))
      F.eraseFromParent();
  // Safety net: nothing unlowered may reach the backend.
  if (!Errors)
    for (Function &F : M.functions())
      for (Instruction &I : instructions(F))
        if (const Value *Ptr = accessedPointer(&I))
          if (unsigned Mem = memoryOfPointer(Ptr))
            error(I, "internal error: access to " + describeMemory(Mem) +
                         " was not lowered");
  if (Errors)
    recoverFromErrors();
  Used.insert(Markers.usedMemories().begin(), Markers.usedMemories().end());
  return Used;
}

} // namespace

bool runWmcLower(Module &M, const LowerOptions &Opts) {
  std::vector<MemoryDecl> Decls = takeMemoryDecls(M);
  PlacementPlan Plan;
  if (Opts.AutoRodata)
    placeReadOnlyData(M, Opts, Plan);
  if (Opts.ForceMemory) {
    // The error fails the compilation; the rest of the lowering still runs
    // so that the backend never sees an unlowered access.
    bool Plain = true;
    for (const MemoryDecl &D : Decls)
      if (D.Index == Opts.ForceMemory &&
          (D.Flags & (WMC_MEMORY_READONLY | WMC_MEMORY_MAPPABLE))) {
        reportError(M.getContext(),
                    "-wmc-force-memory=" + Twine(Opts.ForceMemory) +
                        ": memory " + Twine(Opts.ForceMemory) +
                        " is declared " +
                        (D.Flags & WMC_MEMORY_READONLY ? "read-only"
                                                       : "mappable") +
                        " (" + D.Source +
                        "); the test flag needs a plain memory");
        Plain = false;
      }
    if (Plain)
      placeForcedMemory(M, Opts, Plan);
  }
  Lowering L(M, Plan);
  std::set<unsigned> Used = L.run();
  if (!Plan.Moved.empty())
    Used.insert(ReadOnlyMemory);
  if (!Plan.Forced.empty())
    Used.insert(Plan.ForcedMemory);
  emitMemoryDecls(M, Decls, Used);
  return true;
}

} // namespace wmc
