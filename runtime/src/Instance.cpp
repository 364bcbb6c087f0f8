//===- runtime/src/Instance.cpp - Linking and instantiation ---------------===//
//
// Store ownership, import type checking (external subtyping of limits),
// and module instantiation in the order the spec prescribes: allocate
// functions, tables, memories and globals, evaluate element segments, then
// run active element segments, active data segments and the start function.
// A trap during initialisation leaves earlier effects in place.
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <algorithm>
#include <cstring>
#include <sys/mman.h>

namespace wmc {

Store::~Store() = default;

int64_t Table::grow(uint64_t Delta, uint64_t Init) {
  uint64_t Old = Elems.size();
  if (Delta > Max - Old || Old + Delta > MaxElems)
    return -1;
  Elems.resize(Old + Delta, Init);
  return (int64_t)Old;
}

Function *Store::addHostFunction(const FuncType &T, HostFunc Fn, void *Ctx,
                                 std::string Name) {
  auto F = std::make_unique<Function>();
  F->Type = T;
  F->TypeId = internFuncType(T);
  F->NumParams = (uint32_t)T.Params.size();
  F->Host = Fn;
  F->HostCtx = Ctx;
  F->Name = std::move(Name);
  Funcs.push_back(std::move(F));
  return Funcs.back().get();
}

Global *Store::addGlobal(GlobalType T, Slot V) {
  auto G = std::make_unique<Global>();
  G->Type = T;
  G->Value = V;
  Globals.push_back(std::move(G));
  return Globals.back().get();
}

Table *Store::addTable(TableType T) {
  auto Tb = std::make_unique<Table>();
  Tb->Type = T;
  Tb->Max = T.Lim.HasMax ? T.Lim.Max : 0xFFFFFFFFu;
  Tb->Elems.assign(T.Lim.Min, 0);
  Tables.push_back(std::move(Tb));
  return Tables.back().get();
}

LinearMemory *Store::addMemory(MemoryType T, std::string &Err) {
  auto M = LinearMemory::create(
      T.Lim.Min, T.Lim.HasMax ? T.Lim.Max : LinearMemory::MaxWasmPages,
      T.Lim.HasMax, Err);
  if (!M)
    return nullptr;
  Mems.push_back(std::move(M));
  return Mems.back().get();
}

std::vector<LinearMemory *>
Store::addMemories(const std::vector<MemoryType> &Ts, std::string &Err) {
  std::vector<LinearMemory *> Out;
  uint8_t *P = LinearMemory::reserveSlices(Ts.size(), Err);
  if (!P)
    return Out;
  for (size_t K = 0; K < Ts.size(); ++K) {
    const MemoryType &T = Ts[K];
    auto M = LinearMemory::create(
        T.Lim.Min, T.Lim.HasMax ? T.Lim.Max : LinearMemory::MaxWasmPages,
        T.Lim.HasMax, Err, P + K * LinearMemory::ReservationBytes);
    if (!M) { // slices 0..K are owned (and released) already
      if (K + 1 < Ts.size())
        munmap(P + (K + 1) * LinearMemory::ReservationBytes,
               (Ts.size() - K - 1) * LinearMemory::ReservationBytes);
      return {};
    }
    Mems.push_back(std::move(M));
    Out.push_back(Mems.back().get());
  }
  return Out;
}

static bool limitsMatch(uint64_t ActMin, bool ActHasMax, uint64_t ActMax,
                        const Limits &Want) {
  if (ActMin < Want.Min)
    return false;
  if (Want.HasMax && (!ActHasMax || ActMax > Want.Max))
    return false;
  return true;
}

std::string checkImport(const Module &M, const Import &Imp, const Extern &E) {
  std::string What = "\"" + Imp.Module + "\" \"" + Imp.Name + "\"";
  if (E.Kind != Imp.Kind)
    return "incompatible import type for " + What + ": expected " +
           externKindName(Imp.Kind) + ", got " + externKindName(E.Kind);
  switch (Imp.Kind) {
  case ExternKind::Func: {
    auto *F = (Function *)E.Ptr;
    const FuncType &Want = M.Types[Imp.Index];
    if (F->Type != Want)
      return "incompatible import type for " + What + ": expected function " +
             Want.str() + ", got " + F->Type.str();
    return "";
  }
  case ExternKind::Table: {
    auto *T = (Table *)E.Ptr;
    if (T->Type.Elem != Imp.Table.Elem ||
        !limitsMatch(T->Elems.size(), T->Type.Lim.HasMax, T->Max,
                     Imp.Table.Lim))
      return "incompatible import type for " + What + " (table type or limits)";
    return "";
  }
  case ExternKind::Memory: {
    auto *Mem = (LinearMemory *)E.Ptr;
    if (!limitsMatch(Mem->pages(), Mem->hasMax(), Mem->maxPages(),
                     Imp.Memory.Lim))
      return "incompatible import type for " + What + " (memory limits)";
    return "";
  }
  case ExternKind::Global: {
    auto *G = (Global *)E.Ptr;
    if (G->Type.Type != Imp.Global.Type || G->Type.Mutable != Imp.Global.Mutable)
      return "incompatible import type for " + What + " (global type)";
    return "";
  }
  }
  return "";
}

static Slot evalConst(const ConstExpr &E, Instance &I) {
  Slot S{};
  switch (E.K) {
  case ConstExpr::I32: S.I64 = (uint32_t)E.Bits; break;
  case ConstExpr::I64: case ConstExpr::F32: case ConstExpr::F64:
    S.I64 = E.Bits;
    break;
  case ConstExpr::RefNull: S.I64 = 0; break;
  case ConstExpr::RefFunc: S.I64 = (uint64_t)(uintptr_t)I.Funcs[E.Bits]; break;
  case ConstExpr::GlobalGet: S = I.Globals[E.Bits]->Value; break;
  }
  return S;
}

Instance *Store::instantiate(std::shared_ptr<const Module> MP,
                             const std::vector<Extern> &Imports,
                             std::string &LinkErr, Trap &StartTrap,
                             bool RunStart) {
  const Module &M = *MP;
  StartTrap = Trap();
  if (Imports.size() != M.Imports.size()) {
    LinkErr = "wrong number of imports";
    return nullptr;
  }
  for (size_t I = 0; I < Imports.size(); ++I) {
    std::string E = checkImport(M, M.Imports[I], Imports[I]);
    if (!E.empty()) {
      LinkErr = E;
      return nullptr;
    }
  }
  auto InstP = std::make_unique<Instance>();
  Instance &I = *InstP;
  I.Mod = MP;
  for (const Extern &E : Imports) {
    switch (E.Kind) {
    case ExternKind::Func: I.Funcs.push_back((Function *)E.Ptr); break;
    case ExternKind::Table: I.Tables.push_back((Table *)E.Ptr); break;
    case ExternKind::Memory: I.Mems.push_back((LinearMemory *)E.Ptr); break;
    case ExternKind::Global: I.Globals.push_back((Global *)E.Ptr); break;
    }
  }
  for (size_t K = 0; K < M.Funcs.size(); ++K) {
    auto F = std::make_unique<Function>();
    uint32_t Idx = M.NumImportedFuncs + (uint32_t)K;
    F->Type = M.Types[M.Funcs[K].TypeIndex];
    F->TypeId = M.TypeIds[M.Funcs[K].TypeIndex];
    F->Inst = &I;
    F->Code = &M.Funcs[K];
    F->NumParams = (uint32_t)F->Type.Params.size();
    F->Name = M.funcName(Idx);
    I.Funcs.push_back(F.get());
    Funcs.push_back(std::move(F));
  }
  for (size_t K = M.NumImportedTables; K < M.Tables.size(); ++K) {
    if (M.Tables[K].Lim.Min > Table::MaxElems) {
      LinkErr = "table " + std::to_string(K) + " is too large (" +
                std::to_string(M.Tables[K].Lim.Min) + " elements; limit " +
                std::to_string(Table::MaxElems) + ")";
      return nullptr;
    }
    I.Tables.push_back(addTable(M.Tables[K]));
  }
  if (M.NumImportedMemories == 0 && M.Memories.size() > 1) {
    // Adjacent reservations: the compiled code reaches memory k through
    // memory 0's base plus k * ReservationBytes (Compiler.cpp).
    I.Mems = addMemories(M.Memories, LinkErr);
    if (I.Mems.empty())
      return nullptr;
  } else {
    for (size_t K = M.NumImportedMemories; K < M.Memories.size(); ++K) {
      LinearMemory *Mem = addMemory(M.Memories[K], LinkErr);
      if (!Mem)
        return nullptr;
      I.Mems.push_back(Mem);
    }
  }
  for (LinearMemory *Mem : I.Mems)
    I.MemBases.push_back(Mem->base());
  I.Mem0 = I.MemBases.empty() ? nullptr : I.MemBases[0];
  for (size_t K = M.NumImportedGlobals; K < M.Globals.size(); ++K)
    I.Globals.push_back(addGlobal(
        M.Globals[K], evalConst(M.GlobalInits[K - M.NumImportedGlobals], I)));
  for (const Export &E : M.Exports) {
    Extern X;
    X.Kind = E.Kind;
    switch (E.Kind) {
    case ExternKind::Func: X.Ptr = I.Funcs[E.Index]; break;
    case ExternKind::Table: X.Ptr = I.Tables[E.Index]; break;
    case ExternKind::Memory: X.Ptr = I.Mems[E.Index]; break;
    case ExternKind::Global: X.Ptr = I.Globals[E.Index]; break;
    }
    I.Exports[E.Name] = X;
    // Unnamed defined functions are shown by their export name.
    if (E.Kind == ExternKind::Func && E.Index >= M.NumImportedFuncs &&
        !M.FuncNames.count(E.Index) && I.Funcs[E.Index]->Name[0] != '"')
      I.Funcs[E.Index]->Name = "\"" + E.Name + "\" (" + I.Funcs[E.Index]->Name + ")";
  }
  for (const ElemSegment &S : M.Elems) {
    std::vector<uint64_t> Refs;
    Refs.reserve(S.Items.size());
    for (const ConstExpr &E : S.Items)
      Refs.push_back(evalConst(E, I).I64);
    I.ElemSegs.push_back(std::move(Refs));
  }
  for (const DataSegment &D : M.Datas)
    I.DataSegs.push_back({D.Bytes.data(), (uint32_t)D.Bytes.size()});
  Instances.push_back(std::move(InstP));

  // Active and declarative element segments, in order.
  for (size_t K = 0; K < M.Elems.size(); ++K) {
    const ElemSegment &S = M.Elems[K];
    if (S.M == ElemSegment::Active) {
      Table *T = I.Tables[S.Table];
      uint64_t Off = (uint32_t)evalConst(S.Offset, I).I32;
      uint64_t N = I.ElemSegs[K].size();
      if (Off + N > T->Elems.size()) {
        StartTrap.Kind = TrapKind::TableOutOfBounds;
        return &I;
      }
      std::copy(I.ElemSegs[K].begin(), I.ElemSegs[K].end(),
                T->Elems.begin() + Off);
    }
    if (S.M != ElemSegment::Passive)
      I.ElemSegs[K].clear();
  }
  for (size_t K = 0; K < M.Datas.size(); ++K) {
    const DataSegment &D = M.Datas[K];
    if (D.M != DataSegment::Active)
      continue;
    LinearMemory *Mem = I.Mems[D.Memory];
    uint64_t Off = (uint32_t)evalConst(D.Offset, I).I32;
    if (Off + D.Bytes.size() > Mem->byteSize()) {
      StartTrap.Kind = TrapKind::MemoryOutOfBounds;
      return &I;
    }
    if (!D.Bytes.empty())
      std::memcpy(Mem->base() + Off, D.Bytes.data(), D.Bytes.size());
    I.DataSegs[K].second = 0;
  }
  if (M.HasStart && RunStart) {
    std::vector<Slot> Results;
    StartTrap = invoke(I.Funcs[M.Start], {}, Results);
  }
  return &I;
}

} // namespace wmc
