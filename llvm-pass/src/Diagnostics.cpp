//===- Diagnostics.cpp - wasm-memctl errors with source locations ---------===//
//
// Errors of the lowering go through LLVMContext::diagnose, never
// report_fatal_error, so that the compiler reports them like any other
// diagnostic and exits non-zero without a crash.
//
// Errors inside a function use WmcInstructionError, a DiagnosticInfoUnsupported
// subclass: clang's backend consumer maps that kind back to a source location
// (from the instruction's debug location) and prints
// `file:line:col: error: <message>`; opt prints `error: file:line:col: ...`.
// Errors about a global use WmcGlobalError, a plugin diagnostic kind whose
// message starts with the global's `file:line` from its DIGlobalVariable.
//
//===----------------------------------------------------------------------===//
#include "WmcLower.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instruction.h"
#include "llvm/IR/LLVMContext.h"

using namespace llvm;

namespace wmc {
namespace {

/// Owns the message text; a base class so that it is constructed before
/// DiagnosticInfoUnsupported, which keeps a reference to the Twine.
struct MessageStorage {
  explicit MessageStorage(const Twine &Msg) : Text(Msg.str()), Ref(Text) {}
  std::string Text;
  Twine Ref;
};

DiagnosticLocation locationOf(const Instruction &I) {
  if (const DebugLoc &DL = I.getDebugLoc())
    return DiagnosticLocation(DL);
  if (const DISubprogram *SP = I.getFunction()->getSubprogram())
    return DiagnosticLocation(SP);
  return DiagnosticLocation();
}

/// An error at an instruction (see the file comment).
class WmcInstructionError : private MessageStorage,
                            public DiagnosticInfoUnsupported {
public:
  WmcInstructionError(const Instruction &I, const Twine &Msg)
      : MessageStorage(Msg),
        DiagnosticInfoUnsupported(*I.getFunction(), MessageStorage::Ref,
                                  locationOf(I)) {}

  void print(DiagnosticPrinter &DP) const override {
    if (isLocationAvailable())
      DP << getLocationStr() << ": ";
    DP << "in function '" << getFunction().getName() << "': " << Text;
  }
};

int globalErrorKind() {
  static const int Kind = getNextAvailablePluginDiagnosticKind();
  return Kind;
}

/// An error (or warning) about a global variable or function.
class WmcGlobalError : public DiagnosticInfo {
public:
  /// An error about the whole module (e.g. a bad option).
  explicit WmcGlobalError(const Twine &Msg)
      : DiagnosticInfo(globalErrorKind(), DS_Error), Text(Msg.str()) {}

  WmcGlobalError(const GlobalValue &G, const Twine &Msg,
                 DiagnosticSeverity Severity = DS_Error)
      : DiagnosticInfo(globalErrorKind(), Severity), Text(Msg.str()) {
    if (const auto *GV = dyn_cast<GlobalVariable>(&G)) {
      SmallVector<DIGlobalVariableExpression *, 1> GVEs;
      GV->getDebugInfo(GVEs);
      if (!GVEs.empty()) {
        const DIGlobalVariable *Var = GVEs.front()->getVariable();
        Where = (Var->getFilename() + ":" + Twine(Var->getLine())).str();
      }
    } else if (const auto *F = dyn_cast<Function>(&G)) {
      if (const DISubprogram *SP = F->getSubprogram())
        Where = (SP->getFilename() + ":" + Twine(SP->getLine())).str();
    }
  }

  void print(DiagnosticPrinter &DP) const override {
    if (!Where.empty())
      DP << Where << ": ";
    DP << Text;
  }

private:
  std::string Text;
  std::string Where;
};

} // namespace

void reportError(const Instruction &I, const Twine &Msg) {
  I.getContext().diagnose(WmcInstructionError(I, "wasm-memctl: " + Msg));
}

void reportError(const GlobalValue &G, const Twine &Msg) {
  G.getContext().diagnose(WmcGlobalError(G, "wasm-memctl: " + Msg));
}

void reportWarning(const GlobalValue &G, const Twine &Msg) {
  G.getContext().diagnose(
      WmcGlobalError(G, "wasm-memctl: " + Msg, DS_Warning));
}

void reportError(LLVMContext &Ctx, const Twine &Msg) {
  Ctx.diagnose(WmcGlobalError("wasm-memctl: " + Msg));
}

std::string sourceLocation(const Instruction &I) {
  const DebugLoc &DL = I.getDebugLoc();
  if (!DL)
    return "";
  auto *Scope = cast<DIScope>(DL.getScope());
  return (Scope->getFilename() + ":" + Twine(DL.getLine()) + ":" +
          Twine(DL.getCol()))
      .str();
}

} // namespace wmc
