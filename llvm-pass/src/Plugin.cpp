//===- Plugin.cpp - wasm-memctl LLVM pass plugin entry point ---------------===//
//
// Registers the wasm-memctl lowering with the new pass manager: the pipeline
// name `wmc-lower` (for `opt -load-pass-plugin ... -passes=wmc-lower`) and an
// OptimizerLast callback so that wmc-cc runs it after the whole -O pipeline
// (at -O0 too). The flags `-wmc-rodata=auto|off` and `-wmc-rodata-report`
// (given by wmc-cc through -mllvm) control the automatic read-only data;
// the test flags `-wmc-force-memory=K` and `-wmc-force-memory-report` move
// every non-escaping internal global into memory K (Rodata.cpp).
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

static cl::opt<int> ForceMemory(
    "wmc-force-memory", cl::init(0),
    cl::desc("test flag: move every internal global whose address never "
             "escapes into memory K (1..31; 0 = off)"),
    cl::value_desc("K"));
static cl::opt<bool> ForceMemoryReport(
    "wmc-force-memory-report", cl::init(false),
    cl::desc("report which globals -wmc-force-memory moved"));

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
    if (ForceMemory < 0 || ForceMemory > WMC_MAX_MEMORY) {
      wmc::reportError(M.getContext(),
                       "invalid value '" + std::to_string(ForceMemory) +
                           "' for -wmc-force-memory (expected a memory "
                           "index 1.." + std::to_string(WMC_MAX_MEMORY) +
                           ", or 0 for off)");
      return PreservedAnalyses::all();
    }
    Opts.AutoRodata = RodataMode == "auto";
    Opts.ForceMemory = ForceMemory;
    Opts.ForceMemoryReport = ForceMemoryReport;
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
