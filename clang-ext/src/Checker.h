//===- Checker.h - wasm-memctl semantic checks on the finished AST -*- C++ -*-//
//
// The checks Clang cannot do itself, run once per translation unit after
// parsing (and after template instantiation): memory-k pointers passed to
// variadic arguments, casts and integer round trips between memories,
// intrinsic operands (constant and valid memory index, matching address,
// valid protection), read-only objects (const, initialised, never written),
// thread-local objects in a memory, invalid __wasm_mem(k) indices, and the
// WASM_MEMORY declarations of the translation unit (valid, not conflicting).
// Every message speaks of memories, never of address spaces.
//
//===----------------------------------------------------------------------===//
#ifndef WMC_CLANG_EXT_CHECKER_H
#define WMC_CLANG_EXT_CHECKER_H

#include "MemoryModel.h"

#include <map>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace wmc {

class MemoryTermsConsumer;

/// Options from -fplugin-arg-wmc-<option>.
struct CheckerOptions {
  /// Make "memory k used but not declared" an error in every translation
  /// unit (default: a warning, and only when the unit declares some other
  /// memory).
  bool RequireDeclarations = false;
};

/// Runs every check over \p Ctx's translation unit. \p Names holds the
/// WASM_MEMORY declarations collected while parsing; \p Rewriter (may be
/// null) tells which conversions Clang already rejected.
/// Memory-terms messages for Clang's errors about automatic variables and
/// parameters in a memory, keyed by the raw encoding of the declaration's
/// location: "automatic variable 'buf' cannot live in memory 1 ('secrets'):
/// ...". Locations without such a declaration get no entry.
std::map<unsigned, std::string>
describeAutomaticObjects(clang::ASTContext &Ctx, const MemoryNames &Names,
                         const std::vector<clang::SourceLocation> &Locs);

void runChecks(clang::ASTContext &Ctx, const MemoryNames &Names,
               const MemoryTermsConsumer *Rewriter,
               const CheckerOptions &Options);

} // namespace wmc

#endif // WMC_CLANG_EXT_CHECKER_H
