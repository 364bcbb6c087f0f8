//===- MemoryDecls.cpp - WASM_MEMORY declarations → wmc.memories ----------===//
//
// clang-ext turns each `WASM_MEMORY(k, "name", min, max, flags)` into an
// internal constant `__wmc_memdecl_<n>` of type { i32 k, i32 min, i32 max,
// i32 flags, ptr name, ptr source } (docs/language.md, "IR contract"). This
// file reads and deletes those globals and writes one record per declaration,
// plus an implicit record per memory the module uses without declaring it,
// into the custom section `wmc.memories` (abi/wmc_abi.h section 3). The
// section is emitted through the `wasm.custom_sections` named metadata, which
// the wasm AsmPrinter writes as a custom section; wasm-ld concatenates the
// sections of all objects.
//
//===----------------------------------------------------------------------===//
#include "WmcLower.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace wmc {
namespace {

void writeName(raw_ostream &OS, StringRef S) {
  encodeULEB128(S.size(), OS);
  OS << S;
}

/// Decodes one `__wmc_memdecl*` initializer; reports and returns nullopt if
/// it does not have the contract's shape.
std::optional<MemoryDecl> decodeDecl(GlobalVariable &G) {
  auto Fail = [&](const Twine &Why) -> std::optional<MemoryDecl> {
    reportError(G, "malformed memory declaration '" + G.getName() +
                       "': " + Why);
    return std::nullopt;
  };
  if (!G.hasInitializer())
    return Fail("it has no initializer");
  auto *Init = dyn_cast<ConstantStruct>(G.getInitializer());
  if (!Init || Init->getNumOperands() != 6)
    return Fail("expected { i32, i32, i32, i32, ptr, ptr }");
  unsigned Ints[4];
  for (unsigned I = 0; I < 4; ++I) {
    auto *C = dyn_cast<ConstantInt>(Init->getOperand(I));
    if (!C || C->getBitWidth() != 32)
      return Fail("field " + Twine(I) + " is not an i32 constant");
    Ints[I] = C->getZExtValue();
  }
  StringRef Name, Source;
  if (!getConstantStringInfo(Init->getOperand(4), Name))
    return Fail("the name is not a constant string");
  if (!getConstantStringInfo(Init->getOperand(5), Source))
    return Fail("the source location is not a constant string");
  MemoryDecl D;
  D.Index = Ints[0];
  if (D.Index > WMC_MAX_MEMORY && D.Index != ReadOnlyMemory)
    return Fail("memory index " + Twine(D.Index) + " is out of range");
  D.MinPages = Ints[1];
  D.MaxPages = Ints[2];
  D.Flags = Ints[3] & 0xFFFFu;
  D.NullGuardBytes = (Ints[3] >> 16) * WMC_PROTECTION_PAGE_SIZE;
  D.Name = Name.str();
  D.Source = Source.str();
  return D;
}

} // namespace

std::vector<MemoryDecl> takeMemoryDecls(Module &M) {
  std::vector<MemoryDecl> Decls;
  SmallVector<GlobalVariable *, 4> DeclGlobals;
  for (GlobalVariable &G : M.globals())
    if (G.getName().starts_with("__wmc_memdecl"))
      DeclGlobals.push_back(&G);
  if (DeclGlobals.empty())
    return Decls;

  SmallPtrSet<Constant *, 4> Doomed(DeclGlobals.begin(), DeclGlobals.end());
  removeFromUsedLists(M, [&](Constant *C) { return Doomed.count(C); });
  for (GlobalVariable *G : DeclGlobals) {
    if (std::optional<MemoryDecl> D = decodeDecl(*G))
      Decls.push_back(*D);
    SmallVector<GlobalVariable *, 2> Strings;
    if (G->hasInitializer())
      for (Value *Op : G->getInitializer()->operands())
        if (auto *S = dyn_cast<GlobalVariable>(Op->stripPointerCasts()))
          Strings.push_back(S);
    G->removeDeadConstantUsers();
    if (!G->use_empty()) {
      reportError(*G, "memory declaration '" + G->getName() +
                          "' is referenced by code");
      continue;
    }
    G->eraseFromParent();
    for (GlobalVariable *S : Strings) {
      S->removeDeadConstantUsers();
      if (S->use_empty() && S->hasLocalLinkage())
        S->eraseFromParent();
    }
  }
  return Decls;
}

std::string encodeMemoryDecl(const MemoryDecl &D) {
  std::string Bytes;
  raw_string_ostream OS(Bytes);
  OS << char(WMC_DECL_VERSION);
  encodeULEB128(D.Index, OS);
  writeName(OS, D.Name);
  encodeULEB128(D.MinPages, OS);
  encodeULEB128(D.MaxPages, OS);
  encodeULEB128(D.Flags, OS);
  encodeULEB128(D.NullGuardBytes, OS);
  writeName(OS, D.Source);
  return Bytes;
}

void emitMemoryDecls(Module &M, const std::vector<MemoryDecl> &Decls,
                     const std::set<unsigned> &Used) {
  std::string Section;
  std::set<unsigned> Declared;
  for (const MemoryDecl &D : Decls) {
    Section += encodeMemoryDecl(D);
    Declared.insert(D.Index);
  }
  for (unsigned Mem : Used) {
    if (Mem == 0 || Declared.count(Mem))
      continue;
    MemoryDecl D;
    D.Index = Mem;
    D.Name = Mem == ReadOnlyMemory ? "rodata" : "mem" + std::to_string(Mem);
    D.Flags = WMC_MEMORY_IMPLICIT;
    if (Mem == ReadOnlyMemory)
      D.Flags |= WMC_MEMORY_READONLY;
    D.Source = M.getSourceFileName();
    Section += encodeMemoryDecl(D);
  }
  if (Section.empty())
    return;
  LLVMContext &Ctx = M.getContext();
  NamedMDNode *Sections = M.getOrInsertNamedMetadata("wasm.custom_sections");
  Metadata *Ops[] = {MDString::get(Ctx, WMC_DECL_SECTION),
                     MDString::get(Ctx, Section)};
  Sections->addOperand(MDTuple::get(Ctx, Ops));
}

} // namespace wmc
