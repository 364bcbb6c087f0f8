//===- DiagnosticRewriter.h - Clang's address-space errors in memory terms ===//
//
// Clang already rejects some address-space mistakes (a memory-k pointer
// passed to a prototyped parameter, an address-space-qualified local), but
// says so in address-space terms: "passing '__attribute__((address_space(101)))
// char *' to parameter of type 'char *' changes address space of pointer".
// MemoryTermsConsumer sits between Clang and the real diagnostic client
// (text printer or -verify) and rewrites those messages in memory terms
// ("... : a pointer into memory 1 ('secrets') passed where a default-memory
// pointer is expected") instead of adding a second, duplicate error. It also
// remembers where Clang reported such errors so the checker does not report
// the same conversion again. Clang's automatic-storage errors carry no type;
// they are held back until the AST is complete (flushPending) so that they
// can name the variable and its memory.
//
//===----------------------------------------------------------------------===//
#ifndef WMC_CLANG_EXT_DIAGNOSTICREWRITER_H
#define WMC_CLANG_EXT_DIAGNOSTICREWRITER_H

#include "MemoryModel.h"

#include "clang/Basic/Diagnostic.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wmc {

/// Forwards every diagnostic to the wrapped client, rewriting the text of
/// address-space diagnostics that involve wasm memories.
class MemoryTermsConsumer : public clang::DiagnosticConsumer {
public:
  /// Wraps \p Inner; owns it if \p Owned is non-null (then Owned == Inner).
  MemoryTermsConsumer(clang::DiagnosticConsumer *Inner,
                      std::unique_ptr<clang::DiagnosticConsumer> Owned,
                      std::shared_ptr<const MemoryNames> Names)
      : Inner(Inner), Owned(std::move(Owned)), NamesOwner(std::move(Names)),
        Names(*NamesOwner) {}

  void BeginSourceFile(const clang::LangOptions &LO,
                       const clang::Preprocessor *PP) override {
    Inner->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override {
    flushPending({});
    Inner->EndSourceFile();
    syncCounts();
  }
  void clear() override {
    Inner->clear();
    syncCounts();
  }
  void finish() override {
    flushPending({});
    Inner->finish();
    syncCounts();
  }
  bool IncludeInDiagnosticCounts() const override {
    return Inner->IncludeInDiagnosticCounts();
  }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

  /// Clang's "automatic variable / parameter qualified with an address
  /// space" errors do not say which memory or which variable; they are held
  /// back until the AST is complete so that the declaration can be looked
  /// up. \p Describe maps a held error's location to the memory-terms text
  /// (or "" to keep the generic text); every held error is then forwarded.
  /// Also called (with no describer) at the end of the source file, so no
  /// error is ever dropped.
  void flushPending(const std::function<std::string(clang::SourceLocation,
                                                    unsigned ID)> &Describe);
  /// Locations of the held errors.
  std::vector<clang::SourceLocation> pendingLocations() const;

  /// True if Clang already reported an address-space error covering \p Loc.
  bool isCoveredByClangError(clang::SourceLocation Loc,
                             const clang::SourceManager &SM) const;

  /// The client this consumer forwards to.
  clang::DiagnosticConsumer *inner() const { return Inner; }

private:
  /// Reports the wrapped client's counts as ours: -verify turns expected
  /// errors into non-errors, and the driver asks the outer client.
  void syncCounts() {
    NumErrors = Inner->getNumErrors();
    NumWarnings = Inner->getNumWarnings();
  }
  /// Rewrites \p Msg (the formatted text of \p Info); returns true if it
  /// changed.
  bool rewrite(clang::DiagnosticsEngine::Level Level,
               const clang::Diagnostic &Info, std::string &Msg) const;

  clang::DiagnosticConsumer *Inner;
  std::unique_ptr<clang::DiagnosticConsumer> Owned;
  /// Shared with the AST consumer, which fills it while parsing; the
  /// rewriter outlives it (diagnostics can come after the action ends).
  std::shared_ptr<const MemoryNames> NamesOwner;
  const MemoryNames &Names;
  /// Locations and ranges of Clang's own address-space errors.
  std::vector<clang::SourceLocation> ErrorLocs;
  /// A diagnostic held back by flushPending's contract.
  struct Pending {
    clang::DiagnosticsEngine::Level Level;
    const clang::DiagnosticsEngine *Diags;
    clang::SourceLocation Loc;
    unsigned ID;
    llvm::SmallVector<clang::CharSourceRange, 2> Ranges;
    std::string Message;
  };
  std::vector<Pending> Held;
  std::vector<clang::CharSourceRange> ErrorRanges;
};

} // namespace wmc

#endif // WMC_CLANG_EXT_DIAGNOSTICREWRITER_H
