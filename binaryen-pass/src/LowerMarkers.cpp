//===- LowerMarkers.cpp - markers become real memory instructions ---------===//
//
// Third finalize pass (contract 2). llvm-pass cannot select memory
// instructions outside memory 0, so it emits a call to a marker import per
// access: module "wmc:m<k>" / "wmc:ro" names the memory, the field names the
// instruction ("i32.load8_u", "i64.atomic.rmw.add", "memory.copy.m0",
// "memctl.protect", ...). This pass checks every marker's field and signature
// against docs/toolchain-abi.md section 3, replaces each call by the real
// instruction on the memory's final index (offset 0, natural alignment) or,
// for the memory-control operations, by a call to the runtime builtin
// `wasm:memctl` `protect.<final index>` (`discard`, `map`, `unmap`), and then
// removes the marker imports. A write to a read-only memory is an error.
//
//   (import "wmc:m2" "i32.load16_s" (func $m (param i32) (result i32)))
//   (call $m (local.get $p))
//   =>
//   (i32.load16_s $mem2 (local.get $p))
//
//===----------------------------------------------------------------------===//
#include "MemoryLayout.h"
#include "Passes.h"
#include "UserError.h"

#include "wmc_abi.h"

#include "pass.h"
#include "wasm-builder.h"
#include "wasm-traversal.h"

#include <map>
#include <memory>

namespace wmc {
namespace {

using wasm::Type;

enum class OpKind {
  Load,
  Store,
  AtomicLoad,
  AtomicStore,
  RMW,
  Cmpxchg,
  Size,
  Grow,
  Fill,
  Copy,
  Notify,
  Wait,
  Builtin
};

/// What one marker field stands for.
struct MarkerOp {
  OpKind Kind;
  unsigned Bytes = 0;
  bool Signed = false;
  Type ValueType = Type::none; ///< the T of the signature
  wasm::AtomicRMWOp RMW = wasm::RMWAdd;
  MemoryRef CopySource;    ///< for memory.copy.<src>
  std::string BuiltinName; ///< "protect", "discard", "map", "unmap"

  /// The signature the ABI fixes for this marker.
  wasm::Signature signature() const {
    Type I32 = Type::i32, I64 = Type::i64, T = ValueType;
    switch (Kind) {
    case OpKind::Load:
    case OpKind::AtomicLoad:
      return {I32, T};
    case OpKind::Store:
    case OpKind::AtomicStore:
      return {Type({I32, T}), Type::none};
    case OpKind::RMW:
      return {Type({I32, T}), T};
    case OpKind::Cmpxchg:
      return {Type({I32, T, T}), T};
    case OpKind::Size:
      return {Type::none, I32};
    case OpKind::Grow:
      return {I32, I32};
    case OpKind::Fill:
    case OpKind::Copy:
      return {Type({I32, I32, I32}), Type::none};
    case OpKind::Notify:
      return {Type({I32, I32}), I32};
    case OpKind::Wait:
      return {Type({I32, T, I64}), I32};
    case OpKind::Builtin:
      if (BuiltinName == WMC_BUILTIN_PROTECT)
        return {Type({I32, I32, I32}), Type::none};
      if (BuiltinName == WMC_BUILTIN_MAP)
        return {Type({I32, I32, I32, I64, I32}), I32};
      return {Type({I32, I32}), Type::none};
    }
    WASM_UNREACHABLE("unknown marker kind");
  }

  /// Whether the operation writes its memory (forbidden on read-only ones).
  bool writes() const {
    switch (Kind) {
    case OpKind::Store:
    case OpKind::AtomicStore:
    case OpKind::RMW:
    case OpKind::Cmpxchg:
    case OpKind::Fill:
    case OpKind::Copy:
      return true;
    case OpKind::Builtin:
      return BuiltinName == WMC_BUILTIN_MAP ||
             BuiltinName == WMC_BUILTIN_DISCARD;
    default:
      return false;
    }
  }
};

bool consume(std::string_view &S, std::string_view Prefix) {
  if (S.substr(0, Prefix.size()) != Prefix)
    return false;
  S.remove_prefix(Prefix.size());
  return true;
}

/// Parses a "<bits>" width: 8, 16 or 32; 0 if absent.
unsigned consumeWidth(std::string_view &S) {
  for (unsigned Bits : {8u, 16u, 32u})
    if (consume(S, std::to_string(Bits)))
      return Bits / 8;
  return 0;
}

/// Parses a marker field; nullopt for an unknown field.
std::optional<MarkerOp> parseField(std::string_view Field) {
  if (consume(Field, "memctl.")) {
    for (const char *B : {WMC_BUILTIN_PROTECT, WMC_BUILTIN_DISCARD,
                          WMC_BUILTIN_MAP, WMC_BUILTIN_UNMAP})
      if (Field == B) {
        MarkerOp Op{OpKind::Builtin};
        Op.BuiltinName = B;
        return Op;
      }
    return std::nullopt;
  }
  if (consume(Field, "memory.")) {
    if (Field == "size")
      return MarkerOp{OpKind::Size};
    if (Field == "grow")
      return MarkerOp{OpKind::Grow};
    if (Field == "fill")
      return MarkerOp{OpKind::Fill};
    if (Field == "atomic.notify")
      return MarkerOp{OpKind::Notify};
    if (Field == "atomic.wait32" || Field == "atomic.wait64") {
      MarkerOp Op{OpKind::Wait};
      Op.ValueType = Field.back() == '2' ? Type::i32 : Type::i64;
      return Op;
    }
    if (consume(Field, "copy.")) {
      MarkerOp Op{OpKind::Copy};
      std::string Module = "wmc:" + std::string(Field);
      if (Field.empty() || !(Field == "ro" || Field[0] == 'm'))
        return std::nullopt;
      try {
        Op.CopySource = *parseMarkerModule(Module);
      } catch (UserError &) {
        return std::nullopt;
      }
      return Op;
    }
    return std::nullopt;
  }

  Type T;
  if (consume(Field, "i32."))
    T = Type::i32;
  else if (consume(Field, "i64."))
    T = Type::i64;
  else if (consume(Field, "f32."))
    T = Type::f32;
  else if (consume(Field, "f64."))
    T = Type::f64;
  else if (consume(Field, "v128."))
    T = Type::v128;
  else
    return std::nullopt;
  unsigned Full = T.getByteSize();
  bool IsInt = T == Type::i32 || T == Type::i64;
  MarkerOp Op{OpKind::Load};
  Op.ValueType = T;
  Op.Bytes = Full;

  bool Atomic = consume(Field, "atomic.");
  if (Atomic && !IsInt)
    return std::nullopt;
  if (consume(Field, "load")) {
    Op.Kind = Atomic ? OpKind::AtomicLoad : OpKind::Load;
    if (Field.empty())
      return Op;
    unsigned Narrow = consumeWidth(Field);
    if (!IsInt || !Narrow || Narrow >= Full)
      return std::nullopt;
    Op.Bytes = Narrow;
    if (Field == "_u")
      return Op;
    if (Field == "_s" && !Atomic) {
      Op.Signed = true;
      return Op;
    }
    return std::nullopt;
  }
  if (consume(Field, "store")) {
    Op.Kind = Atomic ? OpKind::AtomicStore : OpKind::Store;
    if (Field.empty())
      return Op;
    unsigned Narrow = consumeWidth(Field);
    if (!IsInt || !Narrow || Narrow >= Full || !Field.empty())
      return std::nullopt;
    Op.Bytes = Narrow;
    return Op;
  }
  if (Atomic && consume(Field, "rmw")) {
    unsigned Narrow = consumeWidth(Field);
    if (Narrow >= Full || !consume(Field, "."))
      return std::nullopt;
    if (Narrow) {
      if (Field.size() < 2 || Field.substr(Field.size() - 2) != "_u")
        return std::nullopt;
      Field.remove_suffix(2);
      Op.Bytes = Narrow;
    }
    if (Field == "cmpxchg") {
      Op.Kind = OpKind::Cmpxchg;
      return Op;
    }
    static const std::pair<const char *, wasm::AtomicRMWOp> Ops[] = {
        {"add", wasm::RMWAdd}, {"sub", wasm::RMWSub}, {"and", wasm::RMWAnd},
        {"or", wasm::RMWOr},   {"xor", wasm::RMWXor}, {"xchg", wasm::RMWXchg}};
    for (auto &[Name, RMW] : Ops)
      if (Field == Name) {
        Op.Kind = OpKind::RMW;
        Op.RMW = RMW;
        return Op;
      }
  }
  return std::nullopt;
}

std::string describeSig(wasm::Signature Sig) {
  auto List = [](Type T) {
    std::string S;
    for (Type E : T)
      S += (S.empty() ? "" : ", ") + E.toString();
    return S;
  };
  return "(" + List(Sig.params) + ") -> " +
         (Sig.results == Type::none ? std::string("()") : List(Sig.results));
}

/// How one marker import is lowered.
struct Lowering {
  MarkerOp Op;
  wasm::Name Memory;
  wasm::Name SourceMemory; ///< memory.copy only
  wasm::Name Builtin;      ///< memctl.* only
};

using LoweringTable = std::map<wasm::Name, Lowering>;

struct Lower : public wasm::WalkerPass<wasm::PostWalker<Lower>> {
  std::shared_ptr<const LoweringTable> Table;

  Lower() = default;
  explicit Lower(std::shared_ptr<const LoweringTable> Table)
      : Table(std::move(Table)) {}

  bool isFunctionParallel() override { return true; }
  std::unique_ptr<wasm::Pass> create() override {
    return std::make_unique<Lower>(Table);
  }
  bool addsEffects() override { return true; }

  void visitCall(wasm::Call *curr) {
    auto It = Table->find(curr->target);
    if (It == Table->end())
      return;
    const Lowering &L = It->second;
    wasm::Builder B(*getModule());
    auto Arg = [&](unsigned I) { return curr->operands[I]; };
    const MarkerOp &Op = L.Op;
    auto Seq = wasm::MemoryOrder::SeqCst;
    wasm::Expression *New = nullptr;
    switch (Op.Kind) {
    case OpKind::Load:
      New = B.makeLoad(Op.Bytes, Op.Signed, 0, Op.Bytes, Arg(0), Op.ValueType,
                       L.Memory);
      break;
    case OpKind::AtomicLoad:
      New = B.makeAtomicLoad(Op.Bytes, 0, Arg(0), Op.ValueType, L.Memory, Seq);
      break;
    case OpKind::Store:
      New = B.makeStore(Op.Bytes, 0, Op.Bytes, Arg(0), Arg(1), Op.ValueType,
                        L.Memory);
      break;
    case OpKind::AtomicStore:
      New = B.makeAtomicStore(Op.Bytes, 0, Arg(0), Arg(1), Op.ValueType,
                              L.Memory, Seq);
      break;
    case OpKind::RMW:
      New = B.makeAtomicRMW(Op.RMW, Op.Bytes, 0, Arg(0), Arg(1), Op.ValueType,
                            L.Memory, Seq);
      break;
    case OpKind::Cmpxchg:
      New = B.makeAtomicCmpxchg(Op.Bytes, 0, Arg(0), Arg(1), Arg(2),
                                Op.ValueType, L.Memory, Seq);
      break;
    case OpKind::Size:
      New = B.makeMemorySize(L.Memory);
      break;
    case OpKind::Grow:
      New = B.makeMemoryGrow(Arg(0), L.Memory);
      break;
    case OpKind::Fill:
      New = B.makeMemoryFill(Arg(0), Arg(1), Arg(2), L.Memory);
      break;
    case OpKind::Copy:
      New = B.makeMemoryCopy(Arg(0), Arg(1), Arg(2), L.Memory, L.SourceMemory);
      break;
    case OpKind::Notify:
      New = B.makeAtomicNotify(Arg(0), Arg(1), 0, L.Memory);
      break;
    case OpKind::Wait:
      New = B.makeAtomicWait(Arg(0), Arg(1), Arg(2), Op.ValueType, 0, L.Memory);
      break;
    case OpKind::Builtin: {
      std::vector<wasm::Expression *> Args(curr->operands.begin(),
                                           curr->operands.end());
      auto *Call = B.makeCall(L.Builtin, Args, curr->type, curr->isReturn);
      replaceCurrent(Call);
      return;
    }
    }
    if (curr->isReturn)
      New = New->type == Type::none
                ? (wasm::Expression *)B.makeSequence(New, B.makeReturn())
                : B.makeReturn(New);
    replaceCurrent(New);
  }
};

struct LowerMarkers : public wasm::Pass {
  bool addsEffects() override { return true; }

  void run(wasm::Module *M) override {
    if (!hasMarkers(*M))
      return;
    MemoryLayout Layout = readLayout(*M);
    auto Table = std::make_shared<LoweringTable>();
    // describe() may add builtin imports: collect the markers first.
    std::vector<std::pair<wasm::Function *, MemoryRef>> Markers;
    for (auto &Func : M->functions)
      if (Func->imported())
        if (auto Ref = parseMarkerModule(Func->module.view()))
          Markers.push_back({Func.get(), *Ref});
    for (auto &[Func, Ref] : Markers)
      (*Table)[Func->name] = describe(*M, Layout, *Func, Ref);
    Lower Walker(Table);
    Walker.setPassRunner(getPassRunner());
    Walker.run(M);
    M->removeFunctions(
        [&](wasm::Function *F) { return Table->count(F->name) != 0; });
  }

  static bool hasMarkers(wasm::Module &M) {
    for (auto &Func : M.functions)
      if (Func->imported() && Func->module.startsWith("wmc:"))
        return true;
    return false;
  }

  /// Checks one marker import and says how to lower it.
  static Lowering describe(wasm::Module &M, const MemoryLayout &Layout,
                           wasm::Function &Func, const MemoryRef &Ref) {
    std::string Quoted =
        "\"" + Func.module.toString() + "\" \"" + Func.base.toString() + "\"";
    auto Op = parseField(Func.base.view());
    if (!Op)
      throw UserError("unknown marker field: import " + Quoted +
                      " names no instruction of docs/toolchain-abi.md");
    if (Func.getSig() != Op->signature())
      throw UserError("marker " + Quoted + " has signature " +
                      describeSig(Func.getSig()) + ", expected " +
                      describeSig(Op->signature()));
    const MemoryDecl *D = Layout.find(Ref);
    bool ReadOnly = Ref.ReadOnly || (D && (D->Flags & WMC_MEMORY_READONLY));
    if (ReadOnly && Op->writes())
      throw UserError("marker " + Quoted + " writes " +
                      (Ref.ReadOnly ? std::string("the read-only memory")
                                    : Ref.describe() + ", declared read-only"));
    Lowering L;
    L.Op = *Op;
    L.Memory = memoryFor(M, Layout, Ref)->name;
    if (Op->Kind == OpKind::Copy) {
      L.SourceMemory = memoryFor(M, Layout, Op->CopySource)->name;
      if (!Ref.ReadOnly && Ref.Index == 0 && Op->CopySource == Ref)
        throw UserError("marker " + Quoted +
                        " copies within memory 0; use memory.copy directly");
    } else if (!Ref.ReadOnly && Ref.Index == 0 && Op->Kind != OpKind::Builtin) {
      throw UserError("marker " + Quoted +
                      ": memory-0 accesses are never markers (only "
                      "memory.copy into memory 0 and memctl.* are)");
    }
    if (Op->Kind == OpKind::Builtin)
      L.Builtin = getOrAddBuiltin(
          M, Op->BuiltinName + "." + std::to_string(Layout.finalIndex(Ref)),
          Op->signature());
    return L;
  }
};

} // namespace

wasm::Pass *createLowerMarkersPass() { return new LowerMarkers(); }

} // namespace wmc
