//===- Plugin.cpp - wasm-memctl LLVM pass plugin entry point ---------------===//
//
// Registers the wasm-memctl passes with the new pass manager: the pipeline
// name `wmc-lower` (for `opt -load-pass-plugin ... -passes=wmc-lower`) and an
// OptimizerLast callback so wmc-cc runs it after the whole -O pipeline (at
// -O0 too). The lowering itself is documented in docs/toolchain-abi.md.
//
//===----------------------------------------------------------------------===//
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Plugins/PassPlugin.h"
#include "llvm/Support/CommandLine.h"

using namespace llvm;

static cl::opt<std::string>
    RodataMode("wmc-rodata", cl::init("off"),
               cl::desc("automatic read-only data: auto or off"));
static cl::opt<bool> RodataReport(
    "wmc-rodata-report", cl::init(false),
    cl::desc("report which constants moved to read-only memory"));

namespace {

struct LowerPass : PassInfoMixin<LowerPass> {
  PreservedAnalyses run(Module &, ModuleAnalysisManager &) {
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "wasm-memctl", "0.1", [](PassBuilder &PB) {
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM,
                   ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name != "wmc-lower")
                    return false;
                  MPM.addPass(LowerPass());
                  return true;
                });
            PB.registerOptimizerLastEPCallback(
                [](ModulePassManager &MPM, OptimizationLevel,
                   ThinOrFullLTOPhase) { MPM.addPass(LowerPass()); });
          }};
}
