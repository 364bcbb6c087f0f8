//===- Passes.h - wasm-memctl Binaryen passes -------------------*- C++ -*-===//
//
// Declarations of every wasm-memctl Binaryen pass and the one registration
// table that gives each a kebab-case name and a one-line description
// (Passes.cpp). wmc-opt registers them with Binaryen's PassRegistry so they
// can be requested by name like any built-in pass.
//
//===----------------------------------------------------------------------===//
#ifndef WMC_BINARYEN_PASSES_H
#define WMC_BINARYEN_PASSES_H

#include "pass.h"

#include <string>
#include <vector>

namespace wmc {

/// One row of the registration table.
struct PassInfo {
  const char *Name;        ///< kebab-case name, e.g. "wmc-check-markers"
  const char *Description; ///< one line
  wasm::Pass *(*Create)();
};

/// The registration table, in the order `--help` lists it.
const std::vector<PassInfo> &passTable();

/// Registers every table entry with wasm::PassRegistry.
void registerPasses();

/// Names of the passes `wmc-opt --finalize` runs, in order, before any -O
/// pipeline: they turn wasm-ld output into the final multi-memory module.
std::vector<std::string> finalizePipeline();

/// Names of the wasm-memctl optimization passes that `wmc-opt --finalize`
/// runs around any -O pipeline (they exploit read-only and per-memory
/// knowledge Binaryen's own passes do not have).
std::vector<std::string> memoryOptimizationPipeline();

// Factories, one per pass file.
wasm::Pass *createCheckMarkersPass();
wasm::Pass *createCreateMemoriesPass();
wasm::Pass *createMoveSegmentsPass();
wasm::Pass *createLowerMarkersPass();
wasm::Pass *createWriteProtectionsPass();
wasm::Pass *createFoldReadOnlyLoadsPass();
wasm::Pass *createMemoryLICMPass();
wasm::Pass *createMemoryRLEPass();
wasm::Pass *createLowerToSingleMemoryPass();

} // namespace wmc

#endif
