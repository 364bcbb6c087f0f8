//===- MemoryModel.cpp - wasm memories as Clang address spaces ------------===//
//
// Implements the address-space classification, memory descriptions and the
// decoding of WASM_MEMORY declarations (see MemoryModel.h). The numbers come
// from abi/wmc_abi.h so that this side cannot drift from llvm-pass.
//
//===----------------------------------------------------------------------===//
#include "MemoryModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/AddressSpaces.h"

#include "wmc_abi.h"

using namespace clang;

namespace wmc {

unsigned Memory::declIndex() const {
  return Kind == ReadOnly ? WMC_DECL_READONLY_INDEX : Index;
}

Memory memoryOfTargetAddressSpace(unsigned N) {
  if (N == 0)
    return {Memory::Default, 0};
  if (N == WMC_AS_READONLY)
    return {Memory::ReadOnly, 0};
  if (N >= WMC_AS_MEMORY_BASE + 1 && N <= WMC_AS_MEMORY_BASE + WMC_MAX_MEMORY)
    return {Memory::Numbered, N - WMC_AS_MEMORY_BASE};
  // address_space(100) is what a non-literal __wasm_mem(k) gives for k == 0;
  // indices up to 65535 past the base are out-of-range __wasm_mem(k).
  if (N >= WMC_AS_MEMORY_BASE && N <= WMC_AS_MEMORY_BASE + 0xFFFF)
    return {Memory::BadIndex, N - WMC_AS_MEMORY_BASE};
  return {Memory::Foreign, 0};
}

Memory memoryOfAddressSpace(LangAS AS) {
  if (AS == LangAS::Default)
    return {Memory::Default, 0};
  if (!isTargetAddressSpace(AS))
    return {Memory::Foreign, 0};
  return memoryOfTargetAddressSpace(toTargetAddressSpace(AS));
}

Memory memoryOfObjectType(QualType T) {
  if (T.isNull())
    return {Memory::Default, 0};
  return memoryOfAddressSpace(T.getAddressSpace());
}

std::optional<Memory> memoryOfPointee(QualType T) {
  if (T.isNull())
    return std::nullopt;
  QualType Pointee;
  if (const auto *PT = T->getAs<PointerType>())
    Pointee = PT->getPointeeType();
  else if (const auto *RT = T->getAs<ReferenceType>())
    Pointee = RT->getPointeeType();
  else if (const auto *BT = T->getAs<BlockPointerType>())
    Pointee = BT->getPointeeType();
  else
    return std::nullopt;
  return memoryOfObjectType(Pointee);
}

std::optional<Memory> memoryOfIndex(uint64_t Index) {
  if (Index == 0)
    return Memory{Memory::Default, 0};
  if (Index == WMC_DECL_READONLY_INDEX)
    return Memory{Memory::ReadOnly, 0};
  if (Index <= WMC_MAX_MEMORY)
    return Memory{Memory::Numbered, static_cast<unsigned>(Index)};
  return std::nullopt;
}

std::string qualifierSpelling(const Memory &M) {
  switch (M.Kind) {
  case Memory::Default:
    return "__wasm_mem(0)";
  case Memory::ReadOnly:
    return "__wasm_ro";
  case Memory::Numbered:
  case Memory::BadIndex:
    return "__wasm_mem(" + std::to_string(M.Index) + ")";
  case Memory::Foreign:
    break;
  }
  return "a foreign address space";
}

std::string MemoryNames::describe(const Memory &M) const {
  switch (M.Kind) {
  case Memory::Default: {
    const MemoryDecl *D = lookup(0);
    return D ? "the default memory ('" + D->Name + "')" : "the default memory";
  }
  case Memory::ReadOnly:
    return "the read-only memory";
  case Memory::Numbered: {
    std::string S = "memory " + std::to_string(M.Index);
    if (const MemoryDecl *D = lookup(M.Index))
      S += " ('" + D->Name + "')";
    return S;
  }
  case Memory::BadIndex:
    return "invalid memory " + std::to_string(M.Index);
  case Memory::Foreign:
    break;
  }
  return "a foreign address space";
}

std::string MemoryNames::describePointer(const Memory &M) const {
  if (M.Kind == Memory::Default)
    return "a default-memory pointer";
  if (M.Kind == Memory::ReadOnly)
    return "a read-only-memory pointer";
  return "a pointer into " + describe(M);
}

bool isMemoryDeclVar(const VarDecl *VD) {
  if (!VD || !VD->getIdentifier() ||
      !VD->getName().starts_with("__wmc_memdecl_"))
    return false;
  const auto *RD = VD->getType()->getAsRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "__wmc_memory_decl";
}

/// Evaluates one integer field of the declaration's initializer.
static std::optional<uint64_t> evalField(const InitListExpr *IL, unsigned I,
                                         ASTContext &Ctx) {
  if (I >= IL->getNumInits())
    return std::nullopt;
  const Expr *E = IL->getInit(I);
  if (E->isValueDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getZExtValue();
}

std::optional<MemoryDecl> decodeMemoryDecl(const VarDecl *VD, ASTContext &Ctx,
                                           std::string *Why) {
  auto Fail = [&](const char *Reason) -> std::optional<MemoryDecl> {
    if (Why)
      *Why = Reason;
    return std::nullopt;
  };
  if (!isMemoryDeclVar(VD))
    return Fail("not a WASM_MEMORY declaration");
  const auto *IL = dyn_cast_or_null<InitListExpr>(VD->getInit());
  if (!IL || IL->getNumInits() < 5)
    return Fail("malformed WASM_MEMORY declaration");
  MemoryDecl D;
  D.Loc = VD->getLocation();
  auto Index = evalField(IL, 0, Ctx);
  auto Min = evalField(IL, 1, Ctx);
  auto Max = evalField(IL, 2, Ctx);
  auto Flags = evalField(IL, 3, Ctx);
  if (!Index || !Min || !Max || !Flags)
    return Fail("the memory index, limits and flags of WASM_MEMORY must be "
                "integer constants");
  D.Index = static_cast<unsigned>(*Index);
  D.MinPages = *Min;
  D.MaxPages = *Max;
  D.Flags = *Flags;
  const auto *SL =
      dyn_cast<StringLiteral>(IL->getInit(4)->IgnoreParenImpCasts());
  if (!SL || SL->getCharByteWidth() != 1)
    return Fail("the name of a WASM_MEMORY must be a string literal");
  D.Name = SL->getString().str();
  return D;
}

} // namespace wmc
