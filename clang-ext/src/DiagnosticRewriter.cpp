//===- DiagnosticRewriter.cpp - Clang's address-space errors in memory terms =//
//
// Implements MemoryTermsConsumer (see DiagnosticRewriter.h). A rewritten
// diagnostic keeps its ID, level, location, ranges and fix-its; only its
// text changes, so -verify, -Werror and the text printer work as usual.
//
//===----------------------------------------------------------------------===//
#include "DiagnosticRewriter.h"

#include "clang/AST/Type.h"
#include "clang/Basic/DiagnosticSema.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"

using namespace clang;

namespace wmc {

namespace {

/// Replaces every "__attribute__((address_space(N)))" and "address space
/// 'N'" naming a wasm memory by its memory-terms spelling. Returns true if
/// one of our memories was mentioned.
bool rewriteSpellings(std::string &Msg, const MemoryNames &Names) {
  bool Ours = false;
  auto ReplaceAll = [&](StringRef Prefix, StringRef Suffix, bool Qualifier) {
    size_t Pos = 0;
    while ((Pos = Msg.find(Prefix.str(), Pos)) != std::string::npos) {
      size_t NumStart = Pos + Prefix.size();
      size_t NumEnd = NumStart;
      while (NumEnd < Msg.size() && isdigit(Msg[NumEnd]))
        ++NumEnd;
      if (NumEnd == NumStart ||
          StringRef(Msg).substr(NumEnd).starts_with(Suffix) == false) {
        Pos = NumStart;
        continue;
      }
      unsigned N = std::stoul(Msg.substr(NumStart, NumEnd - NumStart));
      Memory M = memoryOfTargetAddressSpace(N);
      if (!M.isOurs()) {
        Pos = NumEnd;
        continue;
      }
      Ours = true;
      std::string Repl = Qualifier ? qualifierSpelling(M) : Names.describe(M);
      Msg.replace(Pos, NumEnd + Suffix.size() - Pos, Repl);
      Pos += Repl.size();
    }
  };
  ReplaceAll("address space '__attribute__((address_space(", ")))'", false);
  ReplaceAll("__attribute__((address_space(", ")))", true);
  ReplaceAll("address space '", "'", false);
  if (Ours) {
    size_t Pos = Msg.find("generic address space");
    if (Pos != std::string::npos)
      Msg.replace(Pos, strlen("generic address space"), "the default memory");
  }
  return Ours;
}

/// The memories two pointer types point into, at the first level of
/// indirection where they differ.
std::pair<Memory, Memory> differingPointees(QualType From, QualType To) {
  for (int Depth = 0; Depth < 8; ++Depth) {
    auto FM = memoryOfPointee(From), TM = memoryOfPointee(To);
    if (!FM || !TM)
      break;
    if (!(*FM == *TM))
      return {*FM, *TM};
    From = From->getPointeeType();
    To = To->getPointeeType();
  }
  return {Memory{Memory::Foreign, 0}, Memory{Memory::Foreign, 0}};
}

QualType qualTypeArg(const Diagnostic &Info, unsigned I) {
  if (I >= Info.getNumArgs() ||
      Info.getArgKind(I) != DiagnosticsEngine::ak_qualtype)
    return QualType();
  return QualType::getFromOpaquePtr(
      reinterpret_cast<void *>(Info.getRawArg(I)));
}

} // namespace

bool MemoryTermsConsumer::rewrite(DiagnosticsEngine::Level Level,
                                  const Diagnostic &Info,
                                  std::string &Msg) const {
  unsigned ID = Info.getID();
  if (ID == diag::err_as_qualified_auto_decl) {
    Msg = "automatic variable cannot live in a non-default memory: locals "
          "with automatic storage always live in the default memory (make it "
          "'static' or move it to file scope)";
    return true;
  }
  if (ID == diag::err_arg_with_address_space) {
    Msg = "parameter cannot live in a non-default memory: by-value "
          "parameters are automatic objects in the default memory (pass a "
          "pointer into the memory instead; write an array parameter as a "
          "pointer, 'T __wasm_mem(k) *p')";
    return true;
  }
  if (ID == diag::err_field_with_address_space) {
    Msg = "a field cannot live in a memory of its own: place the whole "
          "object in the memory instead (e.g. 'static struct S "
          "__wasm_mem(1) s;'), or make the field a pointer into the memory";
    return true;
  }
  if (ID == diag::err_attribute_address_function_type) {
    Msg = "a function cannot be placed in a memory (code is not in linear "
          "memory): to work on an object in a non-default memory, use a free "
          "function taking a pointer into that memory";
    return true;
  }
  if (ID == diag::err_attribute_address_multiple_qualifiers) {
    Msg = "an object can live in only one memory: the type names two "
          "(e.g. both '__wasm_ro' and '__wasm_mem(k)')";
    return true;
  }
  if (ID == diag::err_return_value_with_address_space) {
    Msg = "a return value cannot live in a non-default memory: return a "
          "pointer into the memory instead";
    return true;
  }

  if (ID == diag::err_typecheck_incompatible_address_space ||
      ID == diag::err_typecheck_incompatible_nested_address_space) {
    // %select{assigning %1 to %0|passing %0 to %1|returning %0 ...|
    // initializing %0 with %1|...}2: the source is %1 for 0 and 4.
    unsigned Action =
        Info.getNumArgs() > 2 &&
                (Info.getArgKind(2) == DiagnosticsEngine::ak_uint ||
                 Info.getArgKind(2) == DiagnosticsEngine::ak_sint)
            ? static_cast<unsigned>(Info.getRawArg(2))
            : 3;
    QualType A = qualTypeArg(Info, 0), B = qualTypeArg(Info, 1);
    bool SourceIsB = Action == 0 || Action == 4;
    QualType From = SourceIsB ? B : A, To = SourceIsB ? A : B;
    auto [FromM, ToM] = differingPointees(From, To);
    if (!FromM.isOurs() || !ToM.isOurs())
      return false;
    static const char *const Verbs[] = {"assigned",  "passed", "returned",
                                        "converted", "used",   "passed",
                                        "cast"};
    const char *Verb = Action < 7 ? Verbs[Action] : "used";
    size_t Cut = Msg.rfind(" changes address space of");
    if (Cut != std::string::npos)
      Msg.resize(Cut);
    rewriteSpellings(Msg, Names);
    Msg += ": " + Names.describePointer(FromM) + " " + Verb + " where " +
           Names.describePointer(ToM) +
           " is expected (pointers into different wasm memories are "
           "incompatible)";
    return true;
  }
  // C++ class objects in a memory: constructors and member functions work
  // on default-memory objects only (Clang's rule outside OpenCL).
  bool MentionsMemory = Msg.find("__wasm_mem(") != std::string::npos ||
                        Msg.find("__wasm_ro") != std::string::npos ||
                        Msg.find("address_space(") != std::string::npos;
  if (MentionsMemory) {
    StringRef M(Msg);
    if (M.starts_with("no matching constructor for initialization of")) {
      rewriteSpellings(Msg, Names);
      Msg += " (constructors cannot run on an object in a non-default "
             "memory: give it a constant brace initializer such as '= {}')";
      return true;
    }
    if (M.starts_with("cannot initialize object parameter of type")) {
      rewriteSpellings(Msg, Names);
      Msg += " (member functions take 'this' in the default memory: use a "
             "free function taking a pointer into the object's memory)";
      return true;
    }
  }
  // Any other error about two pointer types into different memories (a
  // rejected static_cast, a comparison of distinct pointer types, ...):
  // say why the types are incompatible.
  if ((Level >= DiagnosticsEngine::Error || Level == DiagnosticsEngine::Note) &&
      ID < diag::DIAG_UPPER_LIMIT) {
    std::optional<Memory> Seen;
    for (unsigned I = 0; I < Info.getNumArgs(); ++I) {
      QualType T = qualTypeArg(Info, I);
      std::optional<Memory> M;
      if (!T.isNull() && T->isArrayType())
        M = memoryOfObjectType(T->getAsArrayTypeUnsafe()->getElementType());
      else
        M = memoryOfPointee(T);
      if (!M || !M->isOurs() || M->Kind == Memory::BadIndex)
        continue;
      if (!Seen) {
        Seen = M;
        continue;
      }
      if (*Seen == *M || (!Seen->isNonDefault() && !M->isNonDefault()))
        continue;
      rewriteSpellings(Msg, Names);
      static const char NonOverlapping[] =
          " which are pointers to non-overlapping address spaces";
      size_t Pos = Msg.find(NonOverlapping);
      if (Pos != std::string::npos)
        Msg.replace(Pos, strlen(NonOverlapping),
                    " which point into different memories");
      Pos = Msg.find("type  (");
      if (Pos != std::string::npos)
        Msg.erase(Pos + 4, 1); // Clang's %diff leaves a double space
      Msg += " (" + Names.describe(*Seen) + " and " + Names.describe(*M) +
             " are different wasm memories; their pointers are "
             "incompatible)";
      return true;
    }
  }
  if (Msg.find("address_space(") == std::string::npos &&
      Msg.find("address space") == std::string::npos)
    return false;
  return rewriteSpellings(Msg, Names);
}

void MemoryTermsConsumer::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                           const Diagnostic &Info) {
  SmallString<256> Formatted;
  Info.FormatDiagnostic(Formatted);
  std::string Msg = Formatted.str().str();
  if (!rewrite(Level, Info, Msg)) {
    Inner->HandleDiagnostic(Level, Info);
    syncCounts();
    return;
  }
  if (Level >= DiagnosticsEngine::Error &&
      (Info.getID() == diag::err_as_qualified_auto_decl ||
       Info.getID() == diag::err_arg_with_address_space)) {
    Pending P{Level, Info.getDiags(), Info.getLocation(), Info.getID(), {},
              Msg};
    P.Ranges.append(Info.getRanges().begin(), Info.getRanges().end());
    Held.push_back(std::move(P));
    return;
  }
  if (Level >= DiagnosticsEngine::Error) {
    ErrorLocs.push_back(Info.getLocation());
    for (const CharSourceRange &R : Info.getRanges())
      ErrorRanges.push_back(R);
  }
  DiagnosticStorage Storage;
  Storage.DiagRanges.append(Info.getRanges().begin(), Info.getRanges().end());
  Storage.FixItHints.append(Info.getFixItHints().begin(),
                            Info.getFixItHints().end());
  Diagnostic Rewritten(Info.getDiags(), Info.getLocation(), Info.getID(),
                       Storage, Msg);
  Inner->HandleDiagnostic(Level, Rewritten);
  syncCounts();
}

void MemoryTermsConsumer::flushPending(
    const std::function<std::string(SourceLocation, unsigned)> &Describe) {
  std::vector<Pending> Now;
  Now.swap(Held);
  for (Pending &P : Now) {
    std::string Msg = P.Message;
    if (Describe) {
      std::string Better = Describe(P.Loc, P.ID);
      if (!Better.empty())
        Msg = std::move(Better);
    }
    ErrorLocs.push_back(P.Loc);
    DiagnosticStorage Storage;
    Storage.DiagRanges.append(P.Ranges.begin(), P.Ranges.end());
    Diagnostic D(P.Diags, P.Loc, P.ID, Storage, Msg);
    Inner->HandleDiagnostic(P.Level, D);
  }
  syncCounts();
}

std::vector<SourceLocation> MemoryTermsConsumer::pendingLocations() const {
  std::vector<SourceLocation> Locs;
  for (const Pending &P : Held)
    Locs.push_back(P.Loc);
  return Locs;
}

bool MemoryTermsConsumer::isCoveredByClangError(SourceLocation Loc,
                                                const SourceManager &SM) const {
  Loc = SM.getFileLoc(Loc);
  for (SourceLocation L : ErrorLocs)
    if (SM.getFileLoc(L) == Loc)
      return true;
  for (const CharSourceRange &R : ErrorRanges) {
    SourceLocation B = SM.getFileLoc(R.getBegin()),
                   E = SM.getFileLoc(R.getEnd());
    if (B.isValid() && E.isValid() && !SM.isBeforeInTranslationUnit(Loc, B) &&
        !SM.isBeforeInTranslationUnit(E, Loc))
      return true;
  }
  return false;
}

} // namespace wmc
