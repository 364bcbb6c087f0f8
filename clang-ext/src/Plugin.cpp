//===- Plugin.cpp - wasm-memctl Clang plugin entry point
//-------------------===//
//
// Registers the wasm-memctl front-end plugin ("wmc") with Clang. It runs
// before the main action (code generation or -fsyntax-only) and
//   1. wraps the diagnostic client in a MemoryTermsConsumer, so Clang's own
//      address-space errors are phrased in memory terms;
//   2. collects WASM_MEMORY declarations while parsing (so that messages can
//      name memories: "memory 1 ('secrets')");
//   3. runs the checks of Checker.cpp on the finished translation unit;
//      their errors stop code generation like any Clang error.
// Options: -fplugin-arg-wmc-require-declarations makes every use of an
// undeclared memory an error. Loaded by wmc-cc/wmc-c++ with -fplugin, works
// with plain clang-22 -fplugin=wmc-clang-ext.so. See docs/language.md.
//
//===----------------------------------------------------------------------===//
#include "Checker.h"
#include "DiagnosticRewriter.h"
#include "MemoryModel.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

#include <memory>

using namespace clang;

namespace {

/// Collects declarations while parsing and runs the checks at the end.
class MemctlConsumer : public ASTConsumer {
public:
  MemctlConsumer(std::shared_ptr<wmc::MemoryNames> Names,
                 wmc::MemoryTermsConsumer *Rewriter,
                 wmc::CheckerOptions Options)
      : Names(std::move(Names)), Rewriter(Rewriter), Options(Options) {}

  void Initialize(ASTContext &C) override { Ctx = &C; }

  bool HandleTopLevelDecl(DeclGroupRef DG) override {
    for (Decl *D : DG)
      collect(D);
    return true;
  }

  void HandleTranslationUnit(ASTContext &C) override {
    // Clang's automatic-storage errors, held by the rewriter, now name the
    // variable and its memory.
    auto Texts =
        wmc::describeAutomaticObjects(C, *Names, Rewriter->pendingLocations());
    Rewriter->flushPending([&](SourceLocation Loc, unsigned) {
      auto It = Texts.find(Loc.getRawEncoding());
      return It == Texts.end() ? std::string() : It->second;
    });
    wmc::runChecks(C, *Names, Rewriter, Options);
  }

private:
  /// Records WASM_MEMORY declarations in \p D (descending into namespaces
  /// and linkage specifications) as soon as they are parsed.
  void collect(Decl *D) {
    if (auto *VD = dyn_cast<VarDecl>(D)) {
      if (wmc::isMemoryDeclVar(VD))
        if (auto MD = wmc::decodeMemoryDecl(VD, *Ctx))
          Names->add(*MD);
      return;
    }
    if (auto *DC = dyn_cast<DeclContext>(D))
      if (isa<NamespaceDecl>(D) || isa<LinkageSpecDecl>(D))
        for (Decl *Inner : DC->decls())
          collect(Inner);
  }

  std::shared_ptr<wmc::MemoryNames> Names;
  wmc::MemoryTermsConsumer *Rewriter;
  wmc::CheckerOptions Options;
  ASTContext *Ctx = nullptr;
};

/// The plugin action: installs the diagnostic rewriter, creates the consumer.
class MemctlAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    auto Names = std::make_shared<wmc::MemoryNames>();
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    DiagnosticConsumer *Inner = Diags.getClient();
    std::unique_ptr<DiagnosticConsumer> Owned;
    if (Diags.ownsClient())
      Owned = Diags.takeClient();
    auto *Rewriter =
        new wmc::MemoryTermsConsumer(Inner, std::move(Owned), Names);
    Diags.setClient(Rewriter, /*ShouldOwnClient=*/true);
    return std::make_unique<MemctlConsumer>(Names, Rewriter, Options);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (const std::string &A : Args) {
      if (A == "require-declarations") {
        Options.RequireDeclarations = true;
        continue;
      }
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "wasm-memctl plugin: unknown argument '%0' "
                                 "(known: require-declarations)"))
          << A;
      return false;
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  wmc::CheckerOptions Options;
};

} // namespace

static FrontendPluginRegistry::Add<MemctlAction>
    X("wmc", "wasm-memctl memory attributes and diagnostics");
