//===- MemoryFacts.cpp - per-memory knowledge for wasm-memctl optimizations
//===//
//
// Implements MemoryFacts.h: the read-only / stable-access classification of
// memories, transitive per-function memory write sets, and the small value
// range analysis that proves an access in bounds.
//
//===----------------------------------------------------------------------===//
#include "MemoryFacts.h"

#include "MemoryLayout.h"

#include "wmc_abi.h"

#include "wasm-traversal.h"

#include <charconv>

namespace wmc {

bool WriteSet::merge(const WriteSet &Other) {
  bool Grew = false;
  if (Other.All && !All)
    All = Grew = true;
  for (wasm::Name N : Other.Memories)
    Grew |= Memories.insert(N).second;
  return Grew;
}

namespace {

/// The `wasm:memctl` builtin an import names: operation and memory name.
struct BuiltinUse {
  std::string Op;
  wasm::Name Memory;
};

std::optional<BuiltinUse> builtinOf(wasm::Module &M, wasm::Function &F) {
  if (!F.imported() || F.module != WMC_BUILTIN_MODULE)
    return std::nullopt;
  std::string_view Field = F.base.view();
  size_t Dot = Field.rfind('.');
  if (Dot == std::string_view::npos)
    return BuiltinUse{std::string(Field), wasm::Name()}; // page_size
  uint32_t Index = 0;
  auto Digits = Field.substr(Dot + 1);
  auto [End, Err] =
      std::from_chars(Digits.data(), Digits.data() + Digits.size(), Index);
  if (Err != std::errc() || End != Digits.data() + Digits.size() ||
      Index >= M.memories.size())
    return BuiltinUse{std::string(Field.substr(0, Dot)), wasm::Name()};
  return BuiltinUse{std::string(Field.substr(0, Dot)), M.memories[Index]->name};
}

/// Collects the memories an expression writes directly and the functions
/// it calls.
struct WriteScanner : public wasm::PostWalker<WriteScanner> {
  WriteSet Writes;
  std::set<wasm::Name> Callees;

  void visitStore(wasm::Store *curr) { Writes.Memories.insert(curr->memory); }
  void visitAtomicRMW(wasm::AtomicRMW *curr) {
    Writes.Memories.insert(curr->memory);
  }
  void visitAtomicCmpxchg(wasm::AtomicCmpxchg *curr) {
    Writes.Memories.insert(curr->memory);
  }
  void visitSIMDLoadStoreLane(wasm::SIMDLoadStoreLane *curr) {
    if (curr->isStore())
      Writes.Memories.insert(curr->memory);
  }
  void visitMemoryInit(wasm::MemoryInit *curr) {
    Writes.Memories.insert(curr->memory);
  }
  void visitMemoryCopy(wasm::MemoryCopy *curr) {
    Writes.Memories.insert(curr->destMemory);
  }
  void visitMemoryFill(wasm::MemoryFill *curr) {
    Writes.Memories.insert(curr->memory);
  }
  void visitCall(wasm::Call *curr) { Callees.insert(curr->target); }
  void visitCallIndirect(wasm::CallIndirect *) { Writes.All = true; }
  void visitCallRef(wasm::CallRef *) { Writes.All = true; }
};

} // namespace

MemoryFacts MemoryFacts::analyze(wasm::Module &M) {
  MemoryFacts Facts;
  std::set<wasm::Name> HostReachable;
  for (auto &Mem : M.memories)
    if (Mem->imported())
      HostReachable.insert(Mem->name);
  for (auto &Exp : M.exports)
    if (Exp->kind == wasm::ExternalKind::Memory)
      HostReachable.insert(*Exp->getInternalName());

  // Direct writes and call edges of every function. Every write anywhere is
  // made by some instruction of some function or by some import, so the
  // union of those direct writes bounds what an indirect call can do.
  std::map<wasm::Name, std::set<wasm::Name>> Callees;
  std::set<wasm::Name> DynamicAccess; // memories whose access rights change
  WriteSet &AnyCode = Facts.AnyCodeWrites;
  std::set<wasm::Name> Indirect; // functions with an indirect call
  for (auto &Func : M.functions) {
    WriteSet &W = Facts.FunctionWrites[Func->name];
    if (Func->imported()) {
      if (auto B = builtinOf(M, *Func)) {
        if (B->Memory) {
          W.Memories.insert(B->Memory);
          DynamicAccess.insert(B->Memory);
        } else if (B->Op != WMC_BUILTIN_PAGE_SIZE) {
          for (auto &Mem : M.memories) {
            W.Memories.insert(Mem->name);
            DynamicAccess.insert(Mem->name);
          }
        }
      } else {
        W.Memories = HostReachable;
      }
      AnyCode.merge(W);
      continue;
    }
    WriteScanner Scanner;
    Scanner.walkFunctionInModule(Func.get(), &M);
    if (Scanner.Writes.All)
      Indirect.insert(Func->name);
    W.Memories = Scanner.Writes.Memories;
    AnyCode.merge(W);
    Callees[Func->name] = std::move(Scanner.Callees);
  }
  for (wasm::Name Name : Indirect)
    Facts.FunctionWrites[Name].merge(AnyCode);
  // Active data segments initialize memories, they are not program writes;
  // passive ones are written by memory.init, which the scan saw.

  // Propagate through direct calls to a fixed point.
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (auto &[Caller, Targets] : Callees)
      for (wasm::Name Target : Targets) {
        auto It = Facts.FunctionWrites.find(Target);
        if (It != Facts.FunctionWrites.end())
          Changed |= Facts.FunctionWrites[Caller].merge(It->second);
      }
  }

  std::map<uint32_t, ProtectionEntry> Protections;
  if (auto Entries = readProtections(M))
    for (const ProtectionEntry &E : *Entries)
      Protections[E.Memory] = E;

  for (uint32_t I = 0; I < M.memories.size(); ++I) {
    wasm::Memory &Mem = *M.memories[I];
    Info &Info = Facts.Memories[Mem.name];
    auto P = Protections.find(I);
    Info.HostReachable = HostReachable.count(Mem.name);
    Info.MinBytes = uint64_t(Mem.initial) << Mem.pageSizeLog2;
    Info.GuardBytes = P == Protections.end() ? 0 : P->second.NullGuardBytes;
    Info.StableAccess = !Mem.shared && !Mem.imported() &&
                        !DynamicAccess.count(Mem.name) && !Mem.is64();
    Info.ReadOnly =
        P != Protections.end() && (P->second.Flags & WMC_MEMORY_READONLY) &&
        !Info.HostReachable && !AnyCode.mayWrite(Mem.name) && Info.StableAccess;
  }
  return Facts;
}

WriteSet MemoryFacts::writesOf(wasm::Expression *Expr) const {
  WriteScanner Scanner;
  Scanner.walk(Expr);
  WriteSet W;
  W.Memories = Scanner.Writes.Memories;
  if (Scanner.Writes.All)
    W.merge(AnyCodeWrites);
  for (wasm::Name Target : Scanner.Callees) {
    auto It = FunctionWrites.find(Target);
    W.merge(It == FunctionWrites.end() ? AnyCodeWrites : It->second);
  }
  return W;
}

bool MemoryFacts::cannotTrap(wasm::Name Memory, wasm::Expression *Ptr,
                             uint64_t Offset, uint64_t Bytes) const {
  const Info *I = find(Memory);
  if (!I || !I->StableAccess)
    return false;
  auto Range = valueRange(Ptr);
  if (!Range)
    return false;
  return Range->first + Offset >= I->GuardBytes &&
         Range->second + Offset + Bytes <= I->MinBytes;
}

std::optional<std::pair<uint64_t, uint64_t>> valueRange(wasm::Expression *E) {
  using Range = std::pair<uint64_t, uint64_t>;
  constexpr uint64_t Max32 = 0xFFFFFFFFull;
  if (E->type != wasm::Type::i32)
    return std::nullopt;
  if (auto *C = E->dynCast<wasm::Const>()) {
    uint64_t V = C->value.getUnsigned();
    return Range{V, V};
  }
  if (auto *L = E->dynCast<wasm::Load>()) {
    if (L->bytes < 4 && !L->signed_)
      return Range{0, (1ull << (8 * L->bytes)) - 1};
    return std::nullopt;
  }
  if (auto *S = E->dynCast<wasm::Select>()) {
    auto A = valueRange(S->ifTrue), B = valueRange(S->ifFalse);
    if (!A || !B)
      return std::nullopt;
    return Range{std::min(A->first, B->first), std::max(A->second, B->second)};
  }
  auto *Bin = E->dynCast<wasm::Binary>();
  if (!Bin)
    return std::nullopt;
  auto L = valueRange(Bin->left), R = valueRange(Bin->right);
  auto *RC = Bin->right->dynCast<wasm::Const>();
  uint64_t Shift = RC ? (RC->value.getUnsigned() & 31) : 0;
  switch (Bin->op) {
  case wasm::AndInt32: {
    uint64_t Hi = Max32;
    if (L)
      Hi = std::min(Hi, L->second);
    if (R)
      Hi = std::min(Hi, R->second);
    if (!L && !R)
      return std::nullopt;
    return Range{0, Hi};
  }
  case wasm::RemUInt32:
    if (R && R->first > 0)
      return Range{0, R->second - 1};
    return std::nullopt;
  case wasm::ShrUInt32:
    if (!RC)
      return std::nullopt;
    if (L)
      return Range{L->first >> Shift, L->second >> Shift};
    return Range{0, Max32 >> Shift};
  case wasm::ShlInt32:
    if (RC && L && (L->second << Shift) <= Max32)
      return Range{L->first << Shift, L->second << Shift};
    return std::nullopt;
  case wasm::AddInt32:
    if (L && R && L->second + R->second <= Max32)
      return Range{L->first + R->first, L->second + R->second};
    return std::nullopt;
  case wasm::MulInt32:
    if (L && R && L->second * R->second <= Max32)
      return Range{L->first * R->first, L->second * R->second};
    return std::nullopt;
  default:
    return std::nullopt;
  }
}

} // namespace wmc
