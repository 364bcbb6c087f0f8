//===- runtime/src/Decoder.cpp - Binary module decoder ---------------------===//
//
// Decodes the WebAssembly binary format (2.0 + multi-memory) into a Module and
// performs module-level validation (index spaces, limits, constant
// expressions, exports, start function, segments). Function bodies are handed
// to the compiler (Compiler.h), which validates and translates them in one
// pass. SIMD (the v128 type and the 0xFD prefix) is rejected with
// "unsupported feature: SIMD".
//===----------------------------------------------------------------------===//
#include "Compiler.h"
#include "Module.h"
#include "Reader.h"

#include <mutex>
#include <set>

namespace wmc {

const char *valTypeName(ValType T) {
  switch (T) {
  case ValType::I32: return "i32";
  case ValType::I64: return "i64";
  case ValType::F32: return "f32";
  case ValType::F64: return "f64";
  case ValType::V128: return "v128";
  case ValType::FuncRef: return "funcref";
  case ValType::ExternRef: return "externref";
  case ValType::Any: return "any";
  }
  return "?";
}

const char *externKindName(ExternKind K) {
  switch (K) {
  case ExternKind::Func: return "function";
  case ExternKind::Table: return "table";
  case ExternKind::Memory: return "memory";
  case ExternKind::Global: return "global";
  }
  return "?";
}

std::string FuncType::str() const {
  std::string S = "(";
  for (size_t I = 0; I < Params.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(Params[I]);
  S += ") -> (";
  for (size_t I = 0; I < Results.size(); ++I)
    S += std::string(I ? " " : "") + valTypeName(Results[I]);
  return S + ")";
}

uint32_t internFuncType(const FuncType &T) {
  static std::mutex Lock;
  static std::vector<FuncType> *All = new std::vector<FuncType>();
  std::lock_guard<std::mutex> G(Lock);
  for (size_t I = 0; I < All->size(); ++I)
    if ((*All)[I] == T)
      return (uint32_t)I;
  All->push_back(T);
  return (uint32_t)All->size() - 1;
}

std::string Module::funcName(uint32_t Index) const {
  auto It = FuncNames.find(Index);
  if (It != FuncNames.end())
    return "$" + It->second;
  return "func[" + std::to_string(Index) + "]";
}

namespace {

constexpr uint32_t MaxPages = 65536;
constexpr uint32_t MaxLocals = 50000;

class Decoder {
public:
  Decoder(const uint8_t *Data, size_t Size, Features F) : R(Data, Size), F(F) {}
  std::shared_ptr<Module> run();

private:
  Reader R;
  Features F;
  std::shared_ptr<Module> M = std::make_shared<Module>();
  bool HasDataCount = false;
  uint32_t DataCount = 0;
  uint32_t NumFuncDecls = 0;
  bool SawCode = false;
  std::vector<bool> DeclaredRefs;

  [[noreturn]] void invalid(size_t Off, const std::string &Msg) {
    throw LoadError(Off, Msg, false);
  }

  ValType valType() {
    size_t Off = R.offset();
    uint8_t B = R.u8();
    switch (B) {
    case 0x7F: case 0x7E: case 0x7D: case 0x7C: case 0x70: case 0x6F:
      return (ValType)B;
    case 0x7B:
      R.failAt(Off, "unsupported feature: SIMD (v128)");
    default:
      R.failAt(Off, "malformed value type");
    }
  }
  ValType refType() {
    size_t Off = R.offset();
    uint8_t B = R.u8();
    if (B != 0x70 && B != 0x6F)
      R.failAt(Off, "malformed reference type");
    return (ValType)B;
  }
  Limits limits(bool IsMemory) {
    size_t Off = R.offset();
    uint8_t Flags = R.u8();
    if (Flags > 1) {
      if (IsMemory && (Flags == 2 || Flags == 3))
        R.failAt(Off, "unsupported feature: shared memory");
      if (IsMemory && Flags >= 4 && Flags <= 7)
        R.failAt(Off, "unsupported feature: memory64");
      R.failAt(Off, "integer too large (malformed limits flags)");
    }
    Limits L;
    L.Min = R.u32();
    if (Flags & 1) {
      L.HasMax = true;
      L.Max = R.u32();
    }
    if (IsMemory) {
      if (L.Min > MaxPages)
        invalid(Off, "memory size must be at most 65536 pages (4GiB)");
      if (L.HasMax && L.Max > MaxPages)
        invalid(Off, "memory size must be at most 65536 pages (4GiB)");
    }
    if (L.HasMax && L.Max < L.Min)
      invalid(Off, std::string(IsMemory ? "memory" : "table") +
                       ": size minimum must not be greater than maximum");
    return L;
  }
  GlobalType globalType() {
    GlobalType G;
    G.Type = valType();
    size_t Off = R.offset();
    uint8_t Mut = R.u8();
    if (Mut > 1)
      R.failAt(Off, "malformed mutability");
    G.Mutable = Mut;
    return G;
  }

  /// Reads and validates a constant expression of type `Expected`.
  ConstExpr constExpr(ValType Expected) {
    ConstExpr E;
    size_t Off = R.offset();
    uint8_t Op = R.u8();
    ValType T;
    switch (Op) {
    case 0x41: E.K = ConstExpr::I32; E.Bits = (uint32_t)R.s32(); T = ValType::I32; break;
    case 0x42: E.K = ConstExpr::I64; E.Bits = (uint64_t)R.s64(); T = ValType::I64; break;
    case 0x43: E.K = ConstExpr::F32; E.Bits = R.fixed32(); T = ValType::F32; break;
    case 0x44: E.K = ConstExpr::F64; E.Bits = R.fixed64(); T = ValType::F64; break;
    case 0xD0: E.K = ConstExpr::RefNull; T = refType(); break;
    case 0xD2: {
      E.K = ConstExpr::RefFunc;
      E.Bits = R.u32();
      if (E.Bits >= M->FuncTypes.size())
        invalid(Off, "unknown function " + std::to_string(E.Bits));
      if (E.Bits < DeclaredRefs.size())
        DeclaredRefs[E.Bits] = true;
      T = ValType::FuncRef;
      break;
    }
    case 0x23: {
      E.K = ConstExpr::GlobalGet;
      E.Bits = R.u32();
      if (E.Bits >= M->NumImportedGlobals)
        invalid(Off, "unknown global " + std::to_string(E.Bits) +
                         " (constant expressions may only read imported globals)");
      if (M->Globals[E.Bits].Mutable)
        invalid(Off, "constant expression required (global is mutable)");
      T = M->Globals[E.Bits].Type;
      break;
    }
    case 0x0B:
      invalid(Off, "type mismatch: constant expression is empty");
    default:
      if (Op == 0xFD)
        R.failAt(Off, "unsupported feature: SIMD");
      invalid(Off, "constant expression required");
    }
    if (T != Expected)
      invalid(Off, std::string("type mismatch: constant expression has type ") +
                       valTypeName(T) + ", expected " + valTypeName(Expected));
    size_t EndOff = R.offset();
    uint8_t End = R.u8();
    if (End != 0x0B) {
      if (End == 0x41 || End == 0x42 || End == 0x43 || End == 0x44 ||
          End == 0xD0 || End == 0xD2 || End == 0x23 || End == 0x1A)
        invalid(EndOff, "type mismatch: constant expression has more than one value");
      invalid(EndOff, "constant expression required");
    }
    return E;
  }

  void typeSection();
  void importSection();
  void functionSection();
  void tableSection();
  void memorySection();
  void globalSection();
  void exportSection();
  void startSection();
  void elemSection();
  void dataCountSection();
  void codeSection();
  void dataSection();
  void customSection(size_t End);
  void nameSection(size_t End);

  template <typename F> void vec(F Fn) {
    uint32_t N = R.u32();
    for (uint32_t I = 0; I < N; ++I)
      Fn(I);
  }
};

void Decoder::typeSection() {
  vec([&](uint32_t) {
    size_t Off = R.offset();
    uint8_t Form = R.u8();
    if (Form != 0x60)
      R.failAt(Off, "malformed function type (expected 0x60)");
    FuncType T;
    vec([&](uint32_t) { T.Params.push_back(valType()); });
    vec([&](uint32_t) { T.Results.push_back(valType()); });
    M->TypeIds.push_back(internFuncType(T));
    M->Types.push_back(std::move(T));
  });
}

void Decoder::importSection() {
  vec([&](uint32_t) {
    Import I;
    I.Module = R.name();
    I.Name = R.name();
    size_t Off = R.offset();
    uint8_t Kind = R.u8();
    switch (Kind) {
    case 0: {
      I.Kind = ExternKind::Func;
      size_t TOff = R.offset();
      I.Index = R.u32();
      if (I.Index >= M->Types.size())
        invalid(TOff, "unknown type " + std::to_string(I.Index));
      M->FuncTypes.push_back(I.Index);
      ++M->NumImportedFuncs;
      break;
    }
    case 1:
      I.Kind = ExternKind::Table;
      I.Table.Elem = refType();
      I.Table.Lim = limits(false);
      I.Index = (uint32_t)M->Tables.size();
      M->Tables.push_back(I.Table);
      ++M->NumImportedTables;
      break;
    case 2:
      I.Kind = ExternKind::Memory;
      I.Memory.Lim = limits(true);
      I.Index = (uint32_t)M->Memories.size();
      M->Memories.push_back(I.Memory);
      ++M->NumImportedMemories;
      break;
    case 3:
      I.Kind = ExternKind::Global;
      I.Global = globalType();
      I.Index = (uint32_t)M->Globals.size();
      M->Globals.push_back(I.Global);
      ++M->NumImportedGlobals;
      break;
    default:
      R.failAt(Off, "malformed import kind");
    }
    M->Imports.push_back(std::move(I));
  });
}

void Decoder::functionSection() {
  vec([&](uint32_t) {
    size_t Off = R.offset();
    uint32_t T = R.u32();
    if (T >= M->Types.size())
      invalid(Off, "unknown type " + std::to_string(T));
    M->FuncTypes.push_back(T);
    ++NumFuncDecls;
  });
}

void Decoder::tableSection() {
  vec([&](uint32_t) {
    TableType T;
    T.Elem = refType();
    T.Lim = limits(false);
    M->Tables.push_back(T);
  });
}

void Decoder::memorySection() {
  vec([&](uint32_t) {
    MemoryType T;
    T.Lim = limits(true);
    M->Memories.push_back(T);
  });
}

void Decoder::globalSection() {
  vec([&](uint32_t) {
    GlobalType G = globalType();
    M->GlobalInits.push_back(constExpr(G.Type));
    M->Globals.push_back(G);
  });
}

void Decoder::exportSection() {
  std::set<std::string> Seen;
  vec([&](uint32_t) {
    Export E;
    size_t Off = R.offset();
    E.Name = R.name();
    size_t KOff = R.offset();
    uint8_t Kind = R.u8();
    if (Kind > 3)
      R.failAt(KOff, "malformed export kind");
    E.Kind = (ExternKind)Kind;
    size_t IOff = R.offset();
    E.Index = R.u32();
    size_t Limit = 0;
    switch (E.Kind) {
    case ExternKind::Func: Limit = M->FuncTypes.size(); break;
    case ExternKind::Table: Limit = M->Tables.size(); break;
    case ExternKind::Memory: Limit = M->Memories.size(); break;
    case ExternKind::Global: Limit = M->Globals.size(); break;
    }
    if (E.Index >= Limit)
      invalid(IOff, std::string("unknown ") + externKindName(E.Kind) + " " +
                        std::to_string(E.Index));
    if (E.Kind == ExternKind::Func)
      DeclaredRefs[E.Index] = true;
    if (!Seen.insert(E.Name).second)
      invalid(Off, "duplicate export name \"" + E.Name + "\"");
    M->Exports.push_back(std::move(E));
  });
}

void Decoder::startSection() {
  size_t Off = R.offset();
  M->Start = R.u32();
  M->HasStart = true;
  if (M->Start >= M->FuncTypes.size())
    invalid(Off, "unknown function " + std::to_string(M->Start));
  const FuncType &T = M->Types[M->FuncTypes[M->Start]];
  if (!T.Params.empty() || !T.Results.empty())
    invalid(Off, "start function must have type () -> ()");
}

void Decoder::elemSection() {
  vec([&](uint32_t) {
    ElemSegment S;
    size_t Off = R.offset();
    uint32_t Flags = R.u32();
    if (Flags > 7)
      R.failAt(Off, "malformed elements segment kind");
    bool Exprs = Flags & 4;
    if (Flags & 1)
      S.M = (Flags & 2) ? ElemSegment::Declarative : ElemSegment::Passive;
    else
      S.M = ElemSegment::Active;
    if (S.M == ElemSegment::Active) {
      size_t TOff = R.offset();
      S.Table = (Flags & 2) ? R.u32() : 0;
      if (S.Table >= M->Tables.size())
        invalid(TOff, "unknown table " + std::to_string(S.Table));
      S.Offset = constExpr(ValType::I32);
    }
    if (Flags & 3) {
      if (Exprs) {
        S.Type = refType();
      } else {
        size_t KOff = R.offset();
        if (R.u8() != 0)
          R.failAt(KOff, "malformed element kind");
        S.Type = ValType::FuncRef;
      }
    }
    vec([&](uint32_t) {
      if (Exprs) {
        S.Items.push_back(constExpr(S.Type));
        return;
      }
      size_t FOff = R.offset();
      ConstExpr E;
      E.K = ConstExpr::RefFunc;
      E.Bits = R.u32();
      if (E.Bits >= M->FuncTypes.size())
        invalid(FOff, "unknown function " + std::to_string(E.Bits));
      DeclaredRefs[E.Bits] = true;
      S.Items.push_back(E);
    });
    if (S.M == ElemSegment::Active && M->Tables[S.Table].Elem != S.Type)
      invalid(Off, "type mismatch: element segment type does not match table");
    M->Elems.push_back(std::move(S));
  });
}

void Decoder::dataCountSection() {
  HasDataCount = true;
  DataCount = R.u32();
}

void Decoder::codeSection() {
  SawCode = true;
  size_t Off = R.offset();
  uint32_t N = R.u32();
  if (N != NumFuncDecls)
    R.failAt(Off, "function and code section have inconsistent lengths");
  CompileEnv Env{HasDataCount, DataCount, &DeclaredRefs};
  for (uint32_t I = 0; I < N; ++I) {
    uint32_t Size = R.u32();
    size_t Start = R.offset();
    if (Size > R.Limit() - Start)
      R.fail("unexpected end of section or function");
    size_t End = Start + Size;
    size_t OldLimit = R.setLimit(End);
    CompiledFunc F;
    F.TypeIndex = M->FuncTypes[M->NumImportedFuncs + I];
    uint64_t Total = M->Types[F.TypeIndex].Params.size();
    uint32_t Groups = R.u32();
    for (uint32_t G = 0; G < Groups; ++G) {
      size_t COff = R.offset();
      uint32_t Count = R.u32();
      Total += Count;
      if (Total > MaxLocals)
        R.failAt(COff, "too many locals");
      ValType T = valType();
      F.LocalTypes.insert(F.LocalTypes.end(), Count, T);
    }
    F.NumLocals = (uint32_t)Total;
    compileFunction(*M, M->NumImportedFuncs + I, R, End, Env, F);
    if (R.offset() != End)
      R.fail("section size mismatch");
    R.setLimit(OldLimit);
    M->Funcs.push_back(std::move(F));
  }
}

void Decoder::dataSection() {
  size_t Off = R.offset();
  uint32_t N = R.u32();
  if (HasDataCount && N != DataCount)
    R.failAt(Off, "data count and data section have inconsistent lengths");
  for (uint32_t I = 0; I < N; ++I) {
    DataSegment S;
    size_t FOff = R.offset();
    uint32_t Flags = R.u32();
    if (Flags > 2)
      R.failAt(FOff, "malformed data segment kind");
    if (Flags == 1) {
      S.M = DataSegment::Passive;
    } else {
      S.M = DataSegment::Active;
      size_t MOff = R.offset();
      S.Memory = Flags == 2 ? R.u32() : 0;
      if (S.Memory >= M->Memories.size())
        invalid(MOff, "unknown memory " + std::to_string(S.Memory));
      S.Offset = constExpr(ValType::I32);
    }
    uint32_t Len = R.u32();
    const uint8_t *P = R.bytes(Len);
    S.Bytes.assign(P, P + Len);
    M->Datas.push_back(std::move(S));
  }
}

void Decoder::nameSection(size_t End) {
  // Malformed name sections are ignored (custom sections never invalidate).
  try {
    while (R.offset() < End) {
      uint8_t Id = R.u8();
      uint32_t Size = R.u32();
      size_t SubEnd = R.offset() + Size;
      if (SubEnd > End)
        return;
      if (Id == 0) {
        M->ModuleName = R.name();
      } else if (Id == 1) {
        uint32_t N = R.u32();
        for (uint32_t I = 0; I < N; ++I) {
          uint32_t Idx = R.u32();
          M->FuncNames[Idx] = R.name();
        }
      }
      R.seek(SubEnd);
    }
  } catch (const LoadError &) {
  }
}

void Decoder::customSection(size_t End) {
  std::string Name = R.name();
  if (R.offset() > End)
    R.fail("unexpected end");
  size_t Start = R.offset();
  if (Name == "name") {
    nameSection(End);
    R.seek(Start); // kept raw too: memory names (MemoryControl.cpp)
  }
  size_t Len = End - R.offset();
  const uint8_t *P = R.bytes(Len);
  M->CustomSections.emplace_back(Name, std::vector<uint8_t>(P, P + Len));
  R.seek(End);
}

std::shared_ptr<Module> Decoder::run() {
  if (R.size() < 4 || R.fixed32() != 0x6D736100)
    R.failAt(0, "magic header not detected");
  if (R.size() < 8)
    R.failAt(4, "unexpected end (version)");
  if (R.fixed32() != 1)
    R.failAt(4, "unknown binary version");
  // Section order; the data count section (12) sits between 9 and 10.
  auto Rank = [](uint8_t Id) -> int {
    static const int Ranks[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
    return Id <= 12 ? Ranks[Id] : -1;
  };
  int LastRank = 0;
  while (R.offset() < R.size()) {
    size_t IdOff = R.offset();
    uint8_t Id = R.u8();
    if (Id > 12)
      R.failAt(IdOff, "malformed section id " + std::to_string(Id));
    uint32_t Size = R.u32();
    size_t Start = R.offset();
    if (Size > R.size() - Start)
      R.failAt(Start, "section size out of bounds (unexpected end)");
    size_t End = Start + Size;
    if (Id != 0) {
      int Rk = Rank(Id);
      if (Rk <= LastRank)
        R.failAt(IdOff, "unexpected section (junk after last section, "
                        "duplicate or out-of-order section id " +
                            std::to_string(Id) + ")");
      LastRank = Rk;
    }
    R.setLimit(End);
    if (Id == 0) {
      customSection(End);
    } else {
      switch (Id) {
      case 1: typeSection(); break;
      case 2: importSection(); break;
      case 3: functionSection(); break;
      case 4: tableSection(); break;
      case 5: memorySection(); break;
      case 6: DeclaredRefs.resize(M->FuncTypes.size()); globalSection(); break;
      case 7: DeclaredRefs.resize(M->FuncTypes.size()); exportSection(); break;
      case 8: startSection(); break;
      case 9: DeclaredRefs.resize(M->FuncTypes.size()); elemSection(); break;
      case 10: DeclaredRefs.resize(M->FuncTypes.size()); codeSection(); break;
      case 11: dataSection(); break;
      case 12: dataCountSection(); break;
      }
      if (R.offset() != End)
        R.failAt(R.offset(), "section size mismatch");
      if ((Id == 2 || Id == 5) && !F.MultiMemory && M->Memories.size() > 1)
        invalid(Start, "multiple memories (multi-memory is disabled)");
    }
    R.setLimit(SIZE_MAX);
  }
  if (!SawCode && NumFuncDecls != 0)
    R.failAt(R.size(), "function and code section have inconsistent lengths");
  if (HasDataCount && M->Datas.size() != DataCount)
    R.failAt(R.size(), "data count and data section have inconsistent lengths");
  return M;
}

} // namespace

std::shared_ptr<const Module> loadModule(const uint8_t *Data, size_t Size,
                                         Features F) {
  Decoder D(Data, Size, F);
  return D.run();
}

} // namespace wmc
