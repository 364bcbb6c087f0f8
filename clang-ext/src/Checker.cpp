//===- Checker.cpp - wasm-memctl semantic checks on the finished AST ------===//
//
// Implements runChecks (see Checker.h) with two RecursiveASTVisitors over
// the translation unit, template instantiations included:
//   1. IntegerOrigins records, for each local integer variable, the memory
//      of the pointer it was computed from (if all its assignments agree), so
//      that `uintptr_t u = (uintptr_t)p; char *q = (char *)u;` is caught;
//   2. MemctlChecker does every check and collects the WASM_MEMORY
//      declarations and the memories used, checked at the end.
// Diagnostics are deduplicated by (location, kind): a template pattern and
// its instantiations report a non-dependent mistake once.
//
//===----------------------------------------------------------------------===//
#include "Checker.h"
#include "DiagnosticRewriter.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

#include "wmc_abi.h"

#include <vector>

using namespace clang;

namespace wmc {
namespace {

/// The memory an integer value was computed from, and where.
struct IntOrigin {
  Memory Mem;
  SourceLocation Loc;
};

/// Local integer variables -> memory of the pointer they hold (if known).
class IntegerOrigins : public RecursiveASTVisitor<IntegerOrigins> {
public:
  explicit IntegerOrigins(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  /// System headers are not checked (see MemctlChecker::TraverseDecl).
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  /// The origin of integer expression \p E, if it is derived from exactly
  /// one pointer (through integer casts, + - & |, and tracked variables).
  std::optional<IntOrigin> originOf(const Expr *E, int Depth = 0) const {
    if (!E || Depth > 16)
      return std::nullopt;
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      switch (CE->getCastKind()) {
      case CK_PointerToIntegral: {
        auto M = memoryOfPointee(CE->getSubExpr()->getType());
        if (!M || !M->isOurs())
          return std::nullopt;
        return IntOrigin{*M, CE->getExprLoc()};
      }
      case CK_IntegralCast:
      case CK_NoOp:
      case CK_LValueToRValue:
        return originOf(CE->getSubExpr(), Depth + 1);
      default:
        return std::nullopt;
      }
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      auto It = Vars.find(VD);
      if (It == Vars.end() || !It->second)
        return std::nullopt;
      return *It->second;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      // p + n, n + p, p - n, p & mask, p | bits: still an address derived
      // from p. p - q is a distance, not an address.
      BinaryOperatorKind Op = BO->getOpcode();
      if (Op != BO_Add && Op != BO_Sub && Op != BO_And && Op != BO_Or)
        return std::nullopt;
      auto L = originOf(BO->getLHS(), Depth + 1);
      auto R = originOf(BO->getRHS(), Depth + 1);
      if (L && R)
        return std::nullopt;
      if (L)
        return L;
      if (Op != BO_Sub)
        return R;
    }
    return std::nullopt;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage() && VD->getType()->isIntegerType() &&
        !VD->getType()->isDependentType() && VD->getInit())
      merge(VD, VD->getInit());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasLocalStorage() && VD->getType()->isIntegerType())
          merge(VD, BO->getRHS());
    return true;
  }

private:
  /// Records one more value stored to \p VD; disagreeing values (or values
  /// of unknown origin) make the variable's origin unknown for good.
  void merge(const VarDecl *VD, const Expr *Value) {
    auto O = originOf(Value);
    auto [It, Inserted] = Vars.try_emplace(VD, O);
    if (Inserted)
      return;
    if (!It->second || !O || !(It->second->Mem == O->Mem))
      It->second = std::nullopt;
  }

  const SourceManager &SM;
  llvm::DenseMap<const VarDecl *, std::optional<IntOrigin>> Vars;
};

/// One intrinsic: which operands are memory indices, addresses, prot.
struct IntrinsicInfo {
  StringRef UserName; ///< the macro users write
  int Index0 = 0, Addr0 = -1;
  int Index1 = -1, Addr1 = -1; ///< memcpy's source
  int Prot = -1;
  bool WritesIndex0 = true; ///< rejected on the read-only memory
};

std::optional<IntrinsicInfo> lookupIntrinsic(StringRef Name) {
  if (!Name.consume_front("__wmc_intrinsic_"))
    return std::nullopt;
  IntrinsicInfo I;
  if (Name == "memory_size") {
    I.UserName = "wasm_memory_size";
    I.WritesIndex0 = false;
  } else if (Name == "memory_grow") {
    I.UserName = "wasm_memory_grow";
  } else if (Name == "heap_base") {
    I.UserName = "wasm_memory_heap_base";
    I.WritesIndex0 = false;
  } else if (Name == "protect") {
    I.UserName = "wasm_memory_protect";
    I.Addr0 = 1;
    I.Prot = 3;
  } else if (Name == "discard") {
    I.UserName = "wasm_memory_discard";
    I.Addr0 = 1;
  } else if (Name == "map") {
    I.UserName = "wasm_memory_map";
    I.Addr0 = 1;
    I.Prot = 5;
  } else if (Name == "unmap") {
    I.UserName = "wasm_memory_unmap";
    I.Addr0 = 1;
  } else if (Name == "memcpy") {
    I.UserName = "wasm_memcpy";
    I.Addr0 = 1;
    I.Index1 = 2;
    I.Addr1 = 3;
  } else if (Name == "memset") {
    I.UserName = "wasm_memset";
    I.Addr0 = 1;
  } else {
    return std::nullopt;
  }
  return I;
}

class MemctlChecker : public RecursiveASTVisitor<MemctlChecker> {
public:
  MemctlChecker(ASTContext &Ctx, const MemoryNames &Names,
                const MemoryTermsConsumer *Rewriter,
                const IntegerOrigins &Origins, const CheckerOptions &Options)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Diags(Ctx.getDiagnostics()),
        Names(Names), Rewriter(Rewriter), Origins(Origins), Options(Options) {
    using L = DiagnosticsEngine::Level;
    DiagLibrary = Diags.getCustomDiagID(
        L::Error, "%0 passed to the C library function %1, which only "
                  "reads and writes the default memory");
    NoteLibrary = Diags.getCustomDiagID(
        L::Note, "use the cross-memory functions of <wasm/memctl_alloc.h> "
                 "or <wasm/memctl.hpp> (e.g. wmc_strlen_1, wmc::strlen), or "
                 "copy the data into the default memory with wasm_memcpy");
    DiagVariadic = Diags.getCustomDiagID(
        L::Error, "%0 passed as a variadic argument to %1; the callee reads "
                  "it as a default-memory pointer");
    NoteVariadic = Diags.getCustomDiagID(
        L::Note, "copy the data into the default memory first (e.g. with "
                 "wasm_memcpy), or cast the pointer to uintptr_t if the "
                 "callee knows which memory it points into");
    DiagCast = Diags.getCustomDiagID(
        L::Error, "%select{implicit conversion|cast}0 from %1 to %2 turns %3 "
                  "into %4; pointers into different wasm memories are "
                  "incompatible");
    DiagRoundTrip = Diags.getCustomDiagID(
        L::Error, "integer round trip turns %0 into %1; pointers into "
                  "different wasm memories are incompatible");
    NoteRoundTrip =
        Diags.getCustomDiagID(L::Note, "the integer was computed from %0 here");
    DiagIndexNotConst = Diags.getCustomDiagID(
        L::Error, "memory index must be an integer constant expression "
                  "(operand of '%0')");
    DiagIndexRange = Diags.getCustomDiagID(
        L::Error, "memory index %0 is out of range: valid indices are 0 to "
                  "%1, or WASM_MEMORY_RO for the read-only memory");
    DiagIntrinsicOnRo = Diags.getCustomDiagID(
        L::Error, "'%0' cannot %select{act on|write to}1 the read-only memory");
    DiagAddrMismatch = Diags.getCustomDiagID(
        L::Error, "address operand of '%0' is %1, but the operation acts on "
                  "%2");
    DiagBadProt = Diags.getCustomDiagID(
        L::Error, "invalid protection %0: use WASM_PROT_NONE, WASM_PROT_READ "
                  "or WASM_PROT_READWRITE");
    DiagBadIndexType = Diags.getCustomDiagID(
        L::Error, "'__wasm_mem(%0)' names no memory: memory indices are 1 to "
                  "%1 (__wasm_mem(0) is the default memory)");
    DiagZeroIndexType = Diags.getCustomDiagID(
        L::Error, "'__wasm_mem(k)' with a non-literal k equal to 0 gives "
                  "address space 100, not the default memory: write a literal "
                  "'__wasm_mem(0)', or use 'wasm::in_memory<K, T>' in C++ "
                  "templates");
    DiagThreadLocal = Diags.getCustomDiagID(
        L::Error, "thread-local variable %0 cannot live in %1: thread-local "
                  "storage is always in the default memory");
    DiagRoNotConst = Diags.getCustomDiagID(
        L::Warning, "variable %0 in the read-only memory is not const; any "
                    "write to it traps at run time");
    DiagRoNoInit = Diags.getCustomDiagID(
        L::Warning, "variable %0 in the read-only memory has no initializer; "
                    "it reads as zero forever");
    DiagRoDynamicInit = Diags.getCustomDiagID(
        L::Error, "variable %0 in the read-only memory needs a constant "
                  "initializer: dynamic initialization would write to "
                  "read-only memory");
    DiagRoWrite = Diags.getCustomDiagID(
        L::Error, "write to an object in the read-only memory; it traps at "
                  "run time");
    DiagDecl = Diags.getCustomDiagID(L::Error, "WASM_MEMORY: %0");
    DiagReturnInMemory = Diags.getCustomDiagID(
        L::Error, "a return value cannot live in %0: return values are "
                  "temporaries in the default memory (return a pointer into "
                  "the memory instead)");
    NoteInstantiation =
        Diags.getCustomDiagID(L::Note, "in instantiation of %0 requested here");
    DiagDeclScope = Diags.getCustomDiagID(
        L::Error, "WASM_MEMORY must be used at file or namespace scope");
    DiagDeclConflict = Diags.getCustomDiagID(
        L::Error, "conflicting WASM_MEMORY declarations of %0: %1");
    NotePrevDecl = Diags.getCustomDiagID(
        L::Note, "previous WASM_MEMORY declaration of %0 is here");
    DiagUndeclared = Diags.getCustomDiagID(
        Options.RequireDeclarations ? L::Error : L::Warning,
        "%0 is used but not declared with WASM_MEMORY in this translation "
        "unit; unless another unit declares it, it gets the default limits "
        "(%1 to %2 pages)");
  }

  bool shouldVisitTemplateInstantiations() const { return true; }

  /// Tracks the innermost function being traversed, for instantiation notes.
  /// Declarations in system headers (libc, libc++, <wasm/memctl.h>) are not
  /// checked: it saves most of the plugin's time, and Clang's own checks
  /// still apply to them.
  bool TraverseDecl(Decl *D) {
    if (isInSystemHeader(D))
      return true;
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (FD)
      FunctionStack.push_back(FD);
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    if (FD)
      FunctionStack.pop_back();
    return Result;
  }

  bool VisitCastExpr(CastExpr *E);
  bool VisitCallExpr(CallExpr *E);
  bool VisitVarDecl(VarDecl *VD);
  bool VisitFieldDecl(FieldDecl *FD) {
    checkTypeIndices(FD->getType(), FD->getLocation());
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    checkTypeIndices(FD->getType(), FD->getLocation());
    QualType R = FD->getReturnType();
    if (!R.isNull() && !R->isDependentType()) {
      Memory M = memoryOfObjectType(R);
      SourceLocation Loc = FD->getLocation();
      if (M.isNonDefault() && once(Loc, DiagReturnInMemory)) {
        Diags.Report(Loc, DiagReturnInMemory) << Names.describe(M);
        noteInstantiation();
      }
    }
    return true;
  }
  bool VisitTypedefNameDecl(TypedefNameDecl *TD) {
    checkTypeIndices(TD->getUnderlyingType(), TD->getLocation());
    return true;
  }
  bool VisitExplicitCastExpr(ExplicitCastExpr *E) {
    checkTypeIndices(E->getTypeAsWritten(), E->getExprLoc());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->isAssignmentOp())
      checkReadOnlyWrite(E->getLHS(), E->getOperatorLoc());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *E) {
    if (E->isIncrementDecrementOp())
      checkReadOnlyWrite(E->getSubExpr(), E->getOperatorLoc());
    return true;
  }

  /// Checks the WASM_MEMORY declarations and undeclared uses.
  void finish();

private:
  /// True the first time (\p Loc, \p ID) is reported.
  bool once(SourceLocation Loc, unsigned ID) {
    return Reported.insert({Loc.getRawEncoding(), ID}).second;
  }
  std::string quoted(StringRef S) { return ("'" + S + "'").str(); }
  void noteUse(const Memory &M, SourceLocation Loc) {
    if (M.Kind == Memory::Numbered)
      Uses.try_emplace(M.Index, Loc);
  }

  bool isInSystemHeader(const Decl *D) const {
    if (!D || isa<TranslationUnitDecl>(D))
      return false;
    SourceLocation Loc = D->getLocation();
    return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  /// After an error inside a template instantiation, says which one.
  void noteInstantiation() {
    for (auto It = FunctionStack.rbegin(); It != FunctionStack.rend(); ++It) {
      const FunctionDecl *FD = *It;
      if (FD->getTemplateSpecializationKind() != TSK_ImplicitInstantiation)
        continue;
      SourceLocation POI = FD->getPointOfInstantiation();
      if (POI.isValid())
        Diags.Report(POI, NoteInstantiation) << FD;
      return;
    }
  }

  void checkTypeIndices(QualType T, SourceLocation Loc, int Depth = 0);
  void checkReadOnlyWrite(const Expr *LHS, SourceLocation Loc);
  void checkVariadic(CallExpr *E);
  void checkLibraryBuiltin(CallExpr *E);
  void checkIntrinsic(CallExpr *E, const IntrinsicInfo &Info);
  std::optional<Memory>
  checkIndexOperand(const Expr *Arg, const IntrinsicInfo &Info, bool Writes);
  void checkAddressOperand(const Expr *Arg, const Memory &M,
                           const IntrinsicInfo &Info);
  void checkMemoryDecls();

  ASTContext &Ctx;
  SourceManager &SM;
  DiagnosticsEngine &Diags;
  const MemoryNames &Names;
  const MemoryTermsConsumer *Rewriter;
  const IntegerOrigins &Origins;
  const CheckerOptions &Options;

  llvm::DenseSet<std::pair<unsigned, unsigned>> Reported;
  std::vector<const FunctionDecl *> FunctionStack;
  std::vector<const VarDecl *> MemoryDeclVars;
  /// First use of each numbered memory.
  std::map<unsigned, SourceLocation> Uses;

  unsigned DiagLibrary, NoteLibrary;
  unsigned DiagVariadic, NoteVariadic, DiagCast, DiagRoundTrip, NoteRoundTrip,
      DiagIndexNotConst, DiagIndexRange, DiagIntrinsicOnRo, DiagAddrMismatch,
      DiagBadProt, DiagBadIndexType, DiagZeroIndexType, DiagThreadLocal,
      DiagRoNotConst, DiagRoNoInit, DiagRoDynamicInit, DiagRoWrite, DiagDecl,
      DiagDeclScope, DiagDeclConflict, NotePrevDecl, DiagUndeclared,
      NoteInstantiation, DiagReturnInMemory;
};

void MemctlChecker::checkTypeIndices(QualType T, SourceLocation Loc,
                                     int Depth) {
  if (T.isNull() || T->isDependentType() || Depth > 8)
    return;
  Memory M = memoryOfObjectType(Ctx.getBaseElementType(T));
  if (M.Kind == Memory::BadIndex) {
    if (M.Index == 0) {
      if (once(Loc, DiagZeroIndexType)) {
        Diags.Report(Loc, DiagZeroIndexType);
        noteInstantiation();
      }
    } else if (once(Loc, DiagBadIndexType)) {
      Diags.Report(Loc, DiagBadIndexType) << M.Index << WMC_MAX_MEMORY;
      noteInstantiation();
    }
    return;
  }
  T = Ctx.getBaseElementType(T);
  if (const auto *PT = T->getAs<PointerType>())
    return checkTypeIndices(PT->getPointeeType(), Loc, Depth + 1);
  if (const auto *RT = T->getAs<ReferenceType>())
    return checkTypeIndices(RT->getPointeeType(), Loc, Depth + 1);
  if (const auto *FT = T->getAs<FunctionProtoType>()) {
    checkTypeIndices(FT->getReturnType(), Loc, Depth + 1);
    for (QualType P : FT->getParamTypes())
      checkTypeIndices(P, Loc, Depth + 1);
  }
}

void MemctlChecker::checkReadOnlyWrite(const Expr *LHS, SourceLocation Loc) {
  QualType T = LHS->getType();
  if (T.isNull() || T->isDependentType() || T.isConstQualified())
    return;
  if (memoryOfObjectType(T).Kind != Memory::ReadOnly)
    return;
  if (once(Loc, DiagRoWrite))
    Diags.Report(Loc, DiagRoWrite) << LHS->getSourceRange();
}

bool MemctlChecker::VisitCastExpr(CastExpr *E) {
  const Expr *Sub = E->getSubExpr();
  if (E->getType()->isDependentType() || Sub->isTypeDependent() ||
      Sub->isValueDependent())
    return true;
  CastKind K = E->getCastKind();
  if (K == CK_IntegralToPointer) {
    auto DM = memoryOfPointee(E->getType());
    auto Origin = Origins.originOf(Sub);
    if (!DM || !DM->isOurs() || !Origin || Origin->Mem == *DM)
      return true;
    if (DM->Kind == Memory::BadIndex || Origin->Mem.Kind == Memory::BadIndex)
      return true;
    if (!once(E->getExprLoc(), DiagRoundTrip))
      return true;
    Diags.Report(E->getExprLoc(), DiagRoundTrip)
        << Names.describePointer(Origin->Mem) << Names.describePointer(*DM)
        << E->getSourceRange();
    Diags.Report(Origin->Loc, NoteRoundTrip)
        << Names.describePointer(Origin->Mem);
    noteInstantiation();
    return true;
  }
  if (K == CK_NullToPointer || K == CK_LValueToRValue ||
      K == CK_PointerToIntegral || K == CK_PointerToBoolean ||
      K == CK_ArrayToPointerDecay || K == CK_FunctionToPointerDecay)
    return true;

  std::optional<Memory> From = memoryOfPointee(Sub->getType());
  std::optional<Memory> To = memoryOfPointee(E->getType());
  bool IsReference = false;
  if ((!From || !To) && E->isGLValue() && Sub->isGLValue()) {
    // A C++ reference cast: compare the objects' own memories.
    From = memoryOfObjectType(Sub->getType());
    To = memoryOfObjectType(E->getType());
    IsReference = true;
  }
  if (!From || !To || *From == *To || !From->isOurs() || !To->isOurs())
    return true;
  if (From->Kind == Memory::BadIndex || To->Kind == Memory::BadIndex)
    return true;
  if (Sub->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  bool Explicit = isa<ExplicitCastExpr>(E);
  SourceLocation Loc = Explicit ? E->getBeginLoc() : Sub->getBeginLoc();
  if (Rewriter && (Rewriter->isCoveredByClangError(Sub->getBeginLoc(), SM) ||
                   Rewriter->isCoveredByClangError(E->getExprLoc(), SM)))
    return true;
  if (!once(Loc, DiagCast))
    return true;
  auto Describe = [&](const Memory &M) {
    if (!IsReference)
      return Names.describePointer(M);
    return M.Kind == Memory::Default ? std::string("a default-memory reference")
                                     : "a reference into " + Names.describe(M);
  };
  Diags.Report(Loc, DiagCast)
      << Explicit << Sub->getType() << E->getType() << Describe(*From)
      << Describe(*To) << E->getSourceRange();
  noteInstantiation();
  return true;
}

bool MemctlChecker::VisitCallExpr(CallExpr *E) {
  if (const auto *FD = E->getDirectCallee())
    if (FD->getIdentifier())
      if (auto Info = lookupIntrinsic(FD->getName())) {
        // Calls written in <wasm/memctl.h> itself (the C++ typed forms)
        // derive the index from a type and check it with static_assert.
        if (!SM.isInSystemHeader(SM.getExpansionLoc(E->getBeginLoc())))
          checkIntrinsic(E, *Info);
        return true;
      }
  checkVariadic(E);
  checkLibraryBuiltin(E);
  return true;
}

/// Clang lets library builtins (strlen, strcmp, memchr, ...) take pointers
/// in any address space and calls the ordinary C function, which reads the
/// default memory at the same offset: a silent wrong answer. memcpy, memmove
/// and memset are fine: Clang turns them into LLVM memory intrinsics that
/// llvm-pass lowers for every memory.
void MemctlChecker::checkLibraryBuiltin(CallExpr *E) {
  const FunctionDecl *FD = E->getDirectCallee();
  if (!FD)
    return;
  unsigned ID = FD->getBuiltinID();
  if (!ID || SM.isInSystemHeader(SM.getExpansionLoc(E->getBeginLoc())))
    return;
  switch (ID) {
  case Builtin::BImemcpy:
  case Builtin::BI__builtin_memcpy:
  case Builtin::BI__builtin_memcpy_inline:
  case Builtin::BImemmove:
  case Builtin::BI__builtin_memmove:
  case Builtin::BImemset:
  case Builtin::BI__builtin_memset:
  case Builtin::BI__builtin_memset_inline:
    return;
  default:
    break;
  }
  StringRef Name = Ctx.BuiltinInfo.getName(ID);
  bool IsLibraryCall = Ctx.BuiltinInfo.isLibFunction(ID) ||
                       Ctx.BuiltinInfo.isPredefinedLibFunction(ID) ||
                       (Name.consume_front("__builtin_") &&
                        (Name.starts_with("str") || Name.starts_with("mem") ||
                         Name.starts_with("wcs") || Name.starts_with("wmem") ||
                         Name == "bcmp" || Name == "bcopy" || Name == "bzero" ||
                         Name == "index" || Name == "rindex"));
  if (!IsLibraryCall)
    return;
  // Variadic arguments (printf's) are checkVariadic's business.
  unsigned NumParams = FD->getNumParams();
  for (unsigned I = 0, N = std::min(E->getNumArgs(), NumParams); I < N; ++I) {
    const Expr *Arg = E->getArg(I);
    if (Arg->isTypeDependent())
      continue;
    auto M = memoryOfPointee(Arg->getType());
    if (!M || !M->isNonDefault() || !once(Arg->getExprLoc(), DiagLibrary))
      continue;
    Diags.Report(Arg->getExprLoc(), DiagLibrary)
        << Names.describePointer(*M) << quoted(FD->getName())
        << Arg->getSourceRange();
    Diags.Report(Arg->getExprLoc(), NoteLibrary);
    noteInstantiation();
  }
}

void MemctlChecker::checkVariadic(CallExpr *E) {
  unsigned NumParams = 0;
  unsigned Offset = 0; // arguments before the first parameter (`this`)
  std::string CalleeName = "a variadic function";
  const FunctionDecl *FD = E->getDirectCallee();
  if (FD) {
    const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
    if (FPT && !FPT->isVariadic())
      return;
    NumParams = FD->getNumParams();
    if (isa<CXXOperatorCallExpr>(E) && isa<CXXMethodDecl>(FD) &&
        !cast<CXXMethodDecl>(FD)->isStatic())
      Offset = 1;
    if (FD->getIdentifier())
      CalleeName = quoted(FD->getName());
  } else {
    QualType CT = E->getCallee()->getType();
    if (const auto *PT = CT->getAs<PointerType>())
      CT = PT->getPointeeType();
    else if (const auto *BT = CT->getAs<BlockPointerType>())
      CT = BT->getPointeeType();
    const auto *FT = CT->getAs<FunctionType>();
    if (!FT)
      return;
    if (const auto *FPT = dyn_cast<FunctionProtoType>(FT)) {
      if (!FPT->isVariadic())
        return;
      NumParams = FPT->getNumParams();
    }
  }
  for (unsigned I = NumParams + Offset; I < E->getNumArgs(); ++I) {
    const Expr *Arg = E->getArg(I);
    if (Arg->isTypeDependent())
      continue;
    auto M = memoryOfPointee(Arg->getType());
    if (!M || !M->isNonDefault())
      continue;
    if (!once(Arg->getExprLoc(), DiagVariadic))
      continue;
    Diags.Report(Arg->getExprLoc(), DiagVariadic)
        << Names.describePointer(*M) << CalleeName << Arg->getSourceRange();
    Diags.Report(Arg->getExprLoc(), NoteVariadic);
    noteInstantiation();
  }
}

std::optional<Memory>
MemctlChecker::checkIndexOperand(const Expr *Arg, const IntrinsicInfo &Info,
                                 bool Writes) {
  if (Arg->isValueDependent() || Arg->isTypeDependent())
    return std::nullopt;
  SourceLocation Loc = Arg->getExprLoc();
  std::optional<llvm::APSInt> V = Arg->getIntegerConstantExpr(Ctx);
  if (!V) {
    if (once(Loc, DiagIndexNotConst)) {
      Diags.Report(Loc, DiagIndexNotConst)
          << Info.UserName << Arg->getSourceRange();
      noteInstantiation();
    }
    return std::nullopt;
  }
  std::optional<Memory> M =
      V->isNegative() ? std::nullopt : memoryOfIndex(V->getZExtValue());
  if (!M) {
    if (once(Loc, DiagIndexRange)) {
      Diags.Report(Loc, DiagIndexRange)
          << toString(*V, 10) << WMC_MAX_MEMORY << Arg->getSourceRange();
      noteInstantiation();
    }
    return std::nullopt;
  }
  if (M->Kind == Memory::ReadOnly && Writes) {
    if (once(Loc, DiagIntrinsicOnRo))
      Diags.Report(Loc, DiagIntrinsicOnRo)
          << Info.UserName << (Info.Index1 >= 0) << Arg->getSourceRange();
    return std::nullopt;
  }
  noteUse(*M, Loc);
  return M;
}

void MemctlChecker::checkAddressOperand(const Expr *Arg, const Memory &M,
                                        const IntrinsicInfo &Info) {
  // The header passes addresses as (unsigned)(uintptr_t)(a): look through
  // integer casts for the pointer the user wrote.
  const Expr *E = Arg;
  for (int Depth = 0; Depth < 8; ++Depth) {
    E = E->IgnoreParens();
    const auto *CE = dyn_cast<CastExpr>(E);
    if (!CE)
      return;
    if (CE->getCastKind() == CK_PointerToIntegral) {
      const Expr *Ptr = CE->getSubExpr();
      if (Ptr->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        return;
      auto PM = memoryOfPointee(Ptr->getType());
      if (!PM || !PM->isOurs() || *PM == M)
        return;
      SourceLocation Loc = Ptr->getExprLoc();
      if (once(Loc, DiagAddrMismatch)) {
        Diags.Report(Loc, DiagAddrMismatch)
            << Info.UserName << Names.describePointer(*PM) << Names.describe(M)
            << Ptr->getSourceRange();
        noteInstantiation();
      }
      return;
    }
    if (CE->getCastKind() != CK_IntegralCast && CE->getCastKind() != CK_NoOp)
      return;
    E = CE->getSubExpr();
  }
}

void MemctlChecker::checkIntrinsic(CallExpr *E, const IntrinsicInfo &Info) {
  auto Arg = [&](int I) -> const Expr * {
    return I >= 0 && static_cast<unsigned>(I) < E->getNumArgs() ? E->getArg(I)
                                                                : nullptr;
  };
  if (const Expr *A = Arg(Info.Index0))
    if (auto M = checkIndexOperand(A, Info, Info.WritesIndex0))
      if (const Expr *Addr = Arg(Info.Addr0))
        checkAddressOperand(Addr, *M, Info);
  if (const Expr *A = Arg(Info.Index1))
    if (auto M = checkIndexOperand(A, Info, /*Writes=*/false))
      if (const Expr *Addr = Arg(Info.Addr1))
        checkAddressOperand(Addr, *M, Info);
  if (const Expr *P = Arg(Info.Prot)) {
    if (P->isValueDependent())
      return;
    if (auto V = P->getIntegerConstantExpr(Ctx)) {
      int64_t Prot = V->getExtValue();
      if (Prot != WMC_PROT_NONE && Prot != WMC_PROT_READ &&
          Prot != WMC_PROT_READWRITE && once(P->getExprLoc(), DiagBadProt))
        Diags.Report(P->getExprLoc(), DiagBadProt)
            << toString(*V, 10) << P->getSourceRange();
    }
  }
}

bool MemctlChecker::VisitVarDecl(VarDecl *VD) {
  if (isMemoryDeclVar(VD)) {
    MemoryDeclVars.push_back(VD);
    return true;
  }
  QualType T = VD->getType();
  if (T.isNull() || T->isDependentType())
    return true;
  if (!isa<ParmVarDecl>(VD)) // parameters: checked with the function type
    checkTypeIndices(T, VD->getLocation());
  QualType Elem = Ctx.getBaseElementType(T);
  Memory M = memoryOfObjectType(Elem);
  if (!M.isNonDefault() || VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
    return true;
  SourceLocation Loc = VD->getLocation();
  if (VD->getTLSKind() != VarDecl::TLS_None) {
    if (once(Loc, DiagThreadLocal))
      Diags.Report(Loc, DiagThreadLocal) << VD << Names.describe(M);
    return true;
  }
  noteUse(M, Loc);
  if (M.Kind != Memory::ReadOnly)
    return true;
  if (!Elem.isConstQualified() && once(Loc, DiagRoNotConst))
    Diags.Report(Loc, DiagRoNotConst) << VD;
  if (VD->isThisDeclarationADefinition() != VarDecl::DeclarationOnly &&
      !VD->hasExternalStorage() && !VD->hasInit() && once(Loc, DiagRoNoInit))
    Diags.Report(Loc, DiagRoNoInit) << VD;
  if (Ctx.getLangOpts().CPlusPlus && VD->hasInit() &&
      !VD->getInit()->isValueDependent() && !VD->hasConstantInitialization() &&
      once(Loc, DiagRoDynamicInit))
    Diags.Report(Loc, DiagRoDynamicInit) << VD;
  return true;
}

void MemctlChecker::checkMemoryDecls() {
  std::map<unsigned, MemoryDecl> First;
  std::map<std::string, MemoryDecl> ByName;
  for (const VarDecl *VD : MemoryDeclVars) {
    SourceLocation Loc = VD->getLocation();
    if (!once(Loc, DiagDecl))
      continue; // a template instantiation of the same declaration
    if (!VD->getDeclContext()->isFileContext()) {
      Diags.Report(Loc, DiagDeclScope);
      continue;
    }
    std::string Why;
    auto D = decodeMemoryDecl(VD, Ctx, &Why);
    if (!D) {
      Diags.Report(Loc, DiagDecl) << Why;
      continue;
    }
    auto M = memoryOfIndex(D->Index);
    if (!M) {
      Diags.Report(Loc, DiagDecl)
          << ("memory index " + std::to_string(D->Index) +
              " is out of range: valid indices are 0 to " +
              std::to_string(WMC_MAX_MEMORY) +
              ", or WASM_MEMORY_RO for the read-only memory");
      continue;
    }
    const uint64_t MaxPages = 65536;
    bool Bad = false;
    auto Error = [&](const std::string &Msg) {
      Diags.Report(Loc, DiagDecl) << Msg;
      Bad = true;
    };
    if (D->MinPages > MaxPages)
      Error("minimum of " + std::to_string(D->MinPages) +
            " pages exceeds the 65536 pages (4 GiB) of a 32-bit memory");
    if (D->MaxPages != WMC_NO_MAX && D->MaxPages > MaxPages)
      Error("maximum of " + std::to_string(D->MaxPages) +
            " pages exceeds the 65536 pages (4 GiB) of a 32-bit memory "
            "(use WASM_MEMORY_NO_MAX for no maximum)");
    if (D->MaxPages != WMC_NO_MAX && D->MinPages > D->MaxPages)
      Error("minimum of " + std::to_string(D->MinPages) +
            " pages exceeds the maximum of " + std::to_string(D->MaxPages) +
            " pages");
    uint64_t Known = WMC_MEMORY_READONLY | WMC_MEMORY_MAPPABLE |
                     WMC_MEMORY_EXPORT | 0xFFFF0000u;
    if (D->Flags & ~Known) {
      char Buf[32];
      snprintf(Buf, sizeof Buf, "0x%llx",
               static_cast<unsigned long long>(D->Flags & ~Known));
      Error(std::string("unknown flag bits ") + Buf +
            " (use WASM_MEMORY_READONLY, WASM_MEMORY_MAPPABLE, "
            "WASM_MEMORY_EXPORT and WASM_MEMORY_NULL_GUARD(bytes))");
    }
    if (D->Name.empty())
      Error("the memory name must not be empty");
    if (Bad)
      continue;
    std::string Desc = M->Kind == Memory::Default ? "memory 0"
                       : M->Kind == Memory::ReadOnly
                           ? "the read-only memory"
                           : "memory " + std::to_string(M->Index);
    auto [It, Inserted] = First.try_emplace(D->Index, *D);
    if (!Inserted) {
      const MemoryDecl &P = It->second;
      std::string Diff;
      auto Add = [&](const std::string &S) {
        Diff += (Diff.empty() ? "" : "; ") + S;
      };
      if (P.Name != D->Name)
        Add("name '" + D->Name + "' differs from '" + P.Name + "'");
      if (P.MinPages != D->MinPages || P.MaxPages != D->MaxPages)
        Add("limits differ");
      if (P.Flags != D->Flags)
        Add("flags differ");
      if (!Diff.empty()) {
        Diags.Report(Loc, DiagDeclConflict) << Desc << Diff;
        Diags.Report(P.Loc, NotePrevDecl) << Desc;
      }
      continue;
    }
    auto [NIt, NInserted] = ByName.try_emplace(D->Name, *D);
    if (!NInserted && NIt->second.Index != D->Index) {
      std::string OtherDesc =
          NIt->second.Index == WMC_DECL_READONLY_INDEX
              ? std::string("the read-only memory")
              : "memory " + std::to_string(NIt->second.Index);
      Diags.Report(Loc, DiagDecl)
          << ("name '" + D->Name + "' is already used by " + OtherDesc);
      Diags.Report(NIt->second.Loc, NotePrevDecl) << OtherDesc;
    }
  }
}

void MemctlChecker::finish() {
  checkMemoryDecls();
  if (Names.empty() && !Options.RequireDeclarations)
    return;
  for (auto &[Index, Loc] : Uses) {
    if (Names.lookup(Index))
      continue;
    Diags.Report(Loc, DiagUndeclared)
        << Names.describe(Memory{Memory::Numbered, Index})
        << WMC_DEFAULT_MIN_PAGES << WMC_DEFAULT_MAX_PAGES;
  }
}

/// Finds the variables and parameters declared at given locations.
class DeclsAtLocations : public RecursiveASTVisitor<DeclsAtLocations> {
public:
  explicit DeclsAtLocations(const std::vector<SourceLocation> &Locs) {
    for (SourceLocation L : Locs)
      Wanted.insert(L.getRawEncoding());
  }
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitVarDecl(VarDecl *VD) {
    if (Wanted.count(VD->getLocation().getRawEncoding()))
      Found.try_emplace(VD->getLocation().getRawEncoding(), VD);
    return true;
  }
  llvm::DenseSet<unsigned> Wanted;
  std::map<unsigned, const VarDecl *> Found;
};

} // namespace

std::map<unsigned, std::string>
describeAutomaticObjects(ASTContext &Ctx, const MemoryNames &Names,
                         const std::vector<SourceLocation> &Locs) {
  std::map<unsigned, std::string> Result;
  if (Locs.empty())
    return Result;
  DeclsAtLocations Finder(Locs);
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  for (auto &[Raw, VD] : Finder.Found) {
    QualType T = VD->getType();
    if (const auto *PVD = dyn_cast<ParmVarDecl>(VD))
      T = PVD->getOriginalType();
    Memory M = memoryOfObjectType(Ctx.getBaseElementType(T));
    if (!M.isNonDefault())
      continue;
    std::string Where = Names.describe(M);
    std::string Name =
        VD->getIdentifier() ? "'" + VD->getName().str() + "' " : std::string();
    if (isa<ParmVarDecl>(VD) && T->isArrayType())
      Result[Raw] = "array parameter " + Name + "with elements in " + Where +
                    " is not supported: write it as a pointer, 'T " +
                    qualifierSpelling(M) + " *p'";
    else if (isa<ParmVarDecl>(VD))
      Result[Raw] =
          "parameter " + Name + "cannot live in " + Where +
          ": by-value parameters are automatic objects in the default memory "
          "(pass a pointer into the memory instead)";
    else
      Result[Raw] = "automatic variable " + Name + "cannot live in " + Where +
                    ": locals with automatic storage always live in the "
                    "default memory (make it 'static' or move it to file "
                    "scope)";
  }
  return Result;
}

void runChecks(ASTContext &Ctx, const MemoryNames &Names,
               const MemoryTermsConsumer *Rewriter,
               const CheckerOptions &Options) {
  IntegerOrigins Origins(Ctx.getSourceManager());
  Origins.TraverseDecl(Ctx.getTranslationUnitDecl());
  MemctlChecker Checker(Ctx, Names, Rewriter, Origins, Options);
  Checker.TraverseDecl(Ctx.getTranslationUnitDecl());
  Checker.finish();
}

} // namespace wmc
