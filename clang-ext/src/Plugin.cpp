//===- Plugin.cpp - wasm-memctl Clang plugin entry point -------------------===//
//
// Registers the wasm-memctl front-end plugin with Clang. The plugin adds the
// memory attributes and diagnostics described in docs/language.md; it is
// loaded by wmc-cc/wmc-c++ with -fplugin and works with plain clang-22.
//
//===----------------------------------------------------------------------===//
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

namespace {

/// Runs after the main action; the checks are added by the language issue.
class MemctlAction : public clang::PluginASTAction {
protected:
  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<clang::ASTConsumer>();
  }
  bool ParseArgs(const clang::CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }
  ActionType getActionType() override { return AddAfterMainAction; }
};

} // namespace

static clang::FrontendPluginRegistry::Add<MemctlAction>
    X("wasm-memctl", "wasm-memctl memory attributes and diagnostics");
