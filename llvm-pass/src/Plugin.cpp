//===- Plugin.cpp - wasm-memctl LLVM pass plugin entry point ---------------===//
//
// Registers the wasm-memctl lowering with the new pass manager: the pipeline
// name `wmc-lower` (for `opt -load-pass-plugin ... -passes=wmc-lower`) and an
// OptimizerLast callback so that wmc-cc runs it after the whole -O pipeline
// (at -O0 too). The flags `-wmc-rodata=auto|off` and `-wmc-rodata-report`
// (given by wmc-cc through -mllvm) control the automatic read-only data.
// The lowering itself is in Lower.cpp; the ABI it emits is
// docs/toolchain-abi.md sections 2-4.
//
//===----------------------------------------------------------------------===//
#include "WmcLower.h"

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

/// The module pass: a thin wrapper over wmc::runWmcLower.
struct WmcLowerPass : PassInfoMixin<WmcLowerPass> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    wmc::LowerOptions Opts;
    if (RodataMode != "auto" && RodataMode != "off") {
      wmc::reportError(M.getContext(),
                       "invalid value '" + RodataMode +
                           "' for -wmc-rodata (expected auto or off)");
      return PreservedAnalyses::all();
    }
    Opts.AutoRodata = RodataMode == "auto";
    Opts.RodataReport = RodataReport;
    if (!wmc::runWmcLower(M, Opts))
      return PreservedAnalyses::all();
    return PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "wasm-memctl", "0.2", [](PassBuilder &PB) {
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM,
                   ArrayRef<PassBuilder::PipelineElement>) {
                  if (Name != "wmc-lower")
                    return false;
                  MPM.addPass(WmcLowerPass());
                  return true;
                });
            PB.registerOptimizerLastEPCallback(
                [](ModulePassManager &MPM, OptimizationLevel,
                   ThinOrFullLTOPhase) { MPM.addPass(WmcLowerPass()); });
          }};
}
