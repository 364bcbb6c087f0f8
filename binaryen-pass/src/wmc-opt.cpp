//===- wmc-opt.cpp - the wasm-memctl module optimizer driver --------------===//
//
// wmc-opt reads a WebAssembly module (binary or text), runs the requested
// passes -- wasm-memctl's own (Passes.cpp) and any Binaryen pass by name --
// and/or a Binaryen -O pipeline with multi-memory enabled, validates the
// result and writes it as binary or text. With --finalize it first runs the
// pipeline that turns wasm-ld output (markers + declarations) into the final
// multi-memory module; wmc-cc runs `wmc-opt --finalize -O<n>` after linking.
//
// Every problem with the input is one line "wmc-opt: error: ..." and exit 1;
// no output file is written in that case.
//
//===----------------------------------------------------------------------===//
#include "MemoryLayout.h"
#include "Passes.h"
#include "UserError.h"

#include "ir/module-utils.h"
#include "parser/wat-parser.h"
#include "parsing.h"
#include "pass.h"
#include "support/file.h"
#include "wasm-io.h"
#include "wasm-validator.h"
#include "wasm.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

const char *const Usage = R"(usage: wmc-opt INPUT [options]

Reads a wasm module (binary .wasm or text .wat), runs passes, writes it.

options:
  -o FILE             write the result to FILE (binary unless -S)
  -S                  write text; to stdout when no -o is given
  -O0 -O1 -O2 -O3 -O4 -Os -Oz
                      run Binaryen's optimization pipeline at that level
  --finalize          run the wasm-memctl finalize pipeline (markers and
                      declarations -> real multi-memory module) first; with
                      -O levels, also run the wasm-memctl memory
                      optimizations (read-only folding, per-memory LICM)
  --guard-vacated     with --finalize: make the whole pages of memory 0 that
                      moved data vacated no-access (protect.0 in _start)
  --lower-to-single-memory
                      last, merge all memories into one for engines without
                      multi-memory (bounds-checked; protections are NOT
                      enforced and a warning says so)
  --pass NAME, --NAME run one pass (wasm-memctl or Binaryen) by name; passes
                      and -O levels run in command-line order
  --stats             print how many loads the memory optimizations folded
                      and hoisted
  -g                  keep debug info (DWARF, updated by every pass); without
                      -g, DWARF sections are dropped; names are always kept
  --no-validate       do not validate input and output
  --enable-FEATURE, --disable-FEATURE
                      adjust the feature set (default: the module's
                      target_features plus multi-memory, bulk memory,
                      sign-ext, mutable globals, nontrapping float-to-int,
                      reference types, multivalue; SIMD and atomics
                      only if the target_features section lists them
                      or the module has no such section)
  --list-passes       list wasm-memctl passes and exit
  -h, --help          this message
)";

[[noreturn]] void fail(const std::string &Message) {
  std::cerr << "wmc-opt: error: " << Message << "\n";
  std::exit(1);
}

/// One step of the command line: either a pass name or an -O level.
struct Step {
  std::string PassName; ///< empty for an -O step
  int OptimizeLevel = 0;
  int ShrinkLevel = 0;
};

struct Options {
  std::string Input;
  std::optional<std::string> Output;
  bool Text = false;
  bool Finalize = false;
  bool GuardVacated = false;
  bool Stats = false;
  bool LowerToSingleMemory = false;
  bool DebugInfo = false;
  bool Validate = true;
  std::vector<Step> Steps;
  wasm::FeatureSet Enabled = wasm::FeatureSet::None;
  wasm::FeatureSet Disabled = wasm::FeatureSet::None;
};

std::optional<wasm::FeatureSet> featureByName(const std::string &Name) {
  for (uint32_t Bit = 1; Bit && Bit <= wasm::FeatureSet::All; Bit <<= 1) {
    wasm::FeatureSet F(Bit);
    if (wasm::FeatureSet::toString(wasm::FeatureSet::Feature(Bit)) == Name)
      return F;
  }
  return std::nullopt;
}

bool isKnownPass(const std::string &Name) {
  for (auto &Known : wasm::PassRegistry::get()->getRegisteredNames())
    if (Known == Name)
      return true;
  return false;
}

Options parseArgs(int Argc, char **Argv) {
  Options O;
  for (int I = 1; I < Argc; ++I) {
    std::string A = Argv[I];
    auto NeedValue = [&](const char *What) -> std::string {
      if (I + 1 >= Argc)
        fail("missing " + std::string(What) + " after '" + A + "'");
      return Argv[++I];
    };
    if (A == "-h" || A == "--help") {
      std::cout << Usage;
      std::exit(0);
    } else if (A == "--list-passes") {
      for (auto &Info : wmc::passTable())
        std::cout << "  " << Info.Name << "  " << Info.Description << "\n";
      std::exit(0);
    } else if (A == "-o") {
      O.Output = NeedValue("output file");
    } else if (A == "-S") {
      O.Text = true;
    } else if (A == "-g") {
      O.DebugInfo = true;
    } else if (A == "--finalize") {
      O.Finalize = true;
    } else if (A == "--stats") {
      O.Stats = true;
    } else if (A == "--guard-vacated") {
      O.GuardVacated = true;
    } else if (A == "--lower-to-single-memory") {
      O.LowerToSingleMemory = true;
    } else if (A == "--no-validate") {
      O.Validate = false;
    } else if (A == "-O0" || A == "-O1" || A == "-O2" || A == "-O3" ||
               A == "-O4") {
      O.Steps.push_back({"", A[2] - '0', 0});
    } else if (A == "-Os" || A == "-Oz") {
      O.Steps.push_back({"", 2, A == "-Os" ? 1 : 2});
    } else if (A == "--pass") {
      std::string Name = NeedValue("pass name");
      if (!isKnownPass(Name))
        fail("unknown pass '" + Name + "' (see --list-passes)");
      O.Steps.push_back({Name});
    } else if (A.rfind("--enable-", 0) == 0 || A.rfind("--disable-", 0) == 0) {
      bool Enable = A[2] == 'e';
      std::string Name = A.substr(Enable ? 9 : 10);
      auto F = featureByName(Name);
      if (!F)
        fail("unknown feature '" + Name + "' in '" + A + "'");
      (Enable ? O.Enabled : O.Disabled).set(*F);
    } else if (A.rfind("--", 0) == 0 && isKnownPass(A.substr(2))) {
      O.Steps.push_back({A.substr(2)});
    } else if (!A.empty() && A[0] == '-' && A != "-") {
      fail("unknown option '" + A + "' (see --help)");
    } else if (O.Input.empty()) {
      O.Input = A;
    } else {
      fail("more than one input file ('" + O.Input + "' and '" + A + "')");
    }
  }
  if (O.Input.empty())
    fail("no input file (see --help)");
  if (O.GuardVacated && !O.Finalize)
    fail("--guard-vacated needs --finalize");
  return O;
}

/// Features every output may use (all engines we target have them).
wasm::FeatureSet defaultFeatures() {
  using F = wasm::FeatureSet;
  return F(F::MultiMemory | F::BulkMemory | F::BulkMemoryOpt | F::SignExt |
           F::MutableGlobals | F::TruncSat | F::ReferenceTypes | F::Multivalue |
           F::CallIndirectOverlong);
}

/// Features a module may use without saying so. SIMD and atomics are only
/// kept when the input uses them: a module from wasm-ld says so in its
/// target_features section, and then the optimizer must not introduce SIMD
/// (e.g. v128 stores for memory.fill) into a module built with -mno-simd128,
/// which engines without SIMD (wmc-run) would reject.
wasm::FeatureSet optionalFeatures() {
  using F = wasm::FeatureSet;
  return F(F::SIMD | F::Atomics);
}

/// Reads the input; returns the features its target_features section
/// declares, or nullopt when it has none (hand-written modules).
std::optional<wasm::FeatureSet> readModule(const Options &O, wasm::Module &M) {
  wasm::ModuleReader Reader;
  // Always read the name section: wasm-ld's data segment names say which
  // segments belong to which memory (contract 4). -g only decides whether
  // names (and DWARF) are written back.
  Reader.setDebugInfo(true);
  Reader.setDWARF(O.DebugInfo);
  try {
    if (O.Input != "-" && !Reader.isBinaryFile(O.Input)) {
      // Binaryen's text reader calls Fatal() on errors; use the parser
      // directly so a bad .wat is one clean error line like a bad binary.
      auto Text = wasm::read_file<std::string>(O.Input, wasm::Flags::Text);
      if (auto Err = wasm::WATParser::parseModule(M, Text, O.Input).getErr())
        fail("'" + O.Input + "' is not a valid wasm module: " + Err->msg);
      return std::nullopt;
    }
    Reader.read(O.Input, M);
    if (M.hasFeaturesSection)
      return Reader.getFeaturesSectionFeatures();
    return std::nullopt;
  } catch (wasm::ParseException &E) {
    std::string Where;
    if (E.line != size_t(-1) && E.line != 0)
      Where = " at line " + std::to_string(E.line) + ", column " +
              std::to_string(E.col);
    else if (E.col != size_t(-1))
      Where = " at byte offset " + std::to_string(E.col);
    fail("'" + O.Input + "' is not a valid wasm module: " + E.text + Where);
  } catch (std::bad_alloc &) {
    fail("'" + O.Input +
         "' is not a valid wasm module: it asks for more "
         "memory than is available");
  }
}

void validateOrFail(wasm::Module &M, const wasm::PassOptions &PO,
                    const std::string &What) {
  if (!wasm::WasmValidator().validate(M, PO))
    fail(What + " does not validate (details above)");
}

} // namespace

int main(int Argc, char **Argv) {
  wmc::registerPasses();
  Options O = parseArgs(Argc, Argv);

  FILE *Probe = std::fopen(O.Input.c_str(), "rb");
  if (!Probe && O.Input != "-")
    fail("cannot open '" + O.Input + "': " + std::strerror(errno));
  if (Probe)
    std::fclose(Probe);

  wasm::Module M;
  M.features = (defaultFeatures() | optionalFeatures() | O.Enabled) -
               O.Disabled;
  std::optional<wasm::FeatureSet> Declared = readModule(O, M);
  M.features = (defaultFeatures() | Declared.value_or(optionalFeatures()) |
                O.Enabled) -
               O.Disabled;

  wasm::PassOptions PO;
  PO.debugInfo = O.DebugInfo;
  PO.validate = O.Validate;
  if (O.GuardVacated)
    PO.arguments["wmc-guard-vacated"] = "1";
  if (O.Stats)
    PO.arguments["wmc-stats"] = "1";
  if (O.Validate)
    validateOrFail(M, PO, "input module '" + O.Input + "'");

  try {
    // Without -g, DWARF was read as opaque custom sections (wasi-libc's
    // objects carry it); any pass that changes code makes it stale, so drop
    // it rather than ship debug info describing code that no longer exists.
    if (!O.DebugInfo) {
      wasm::PassRunner Runner(&M, PO);
      Runner.add("strip-dwarf");
      Runner.run();
    }
    if (O.Finalize) {
      wasm::PassRunner Runner(&M, PO);
      for (auto &Name : wmc::finalizePipeline())
        Runner.add(Name);
      Runner.run();
    }
    bool Optimizing = false;
    for (const Step &S : O.Steps)
      Optimizing |= S.PassName.empty() && (S.OptimizeLevel || S.ShrinkLevel);
    auto RunMemoryOptimizations = [&] {
      if (!O.Finalize || !Optimizing)
        return;
      wasm::PassOptions OptOptions = PO;
      OptOptions.optimizeLevel = 2;
      wasm::PassRunner Runner(&M, OptOptions);
      for (auto &Name : wmc::memoryOptimizationPipeline())
        Runner.add(Name);
      Runner.run();
    };
    // Optimization passes may remove unused memories; keep the index-keyed
    // protections and builtin names pointing at the right memories.
    wmc::MemoryIndexGuard Indices;
    Indices.capture(M);
    RunMemoryOptimizations();
    for (const Step &S : O.Steps) {
      wasm::PassOptions StepOptions = PO;
      if (S.PassName.empty()) {
        StepOptions.optimizeLevel = S.OptimizeLevel;
        StepOptions.shrinkLevel = S.ShrinkLevel;
      }
      wasm::PassRunner Runner(&M, StepOptions);
      if (S.PassName.empty())
        Runner.addDefaultOptimizationPasses();
      else
        Runner.add(S.PassName);
      Runner.run();
      Indices.repair(M);
    }
    RunMemoryOptimizations();
    // The finalize pipeline ends with the marker check; check again after
    // any user-requested pass so no path writes a module with markers.
    if (O.Finalize) {
      wasm::PassRunner Runner(&M, PO);
      Runner.add("wmc-check-markers");
      Runner.run();
    }
    if (O.LowerToSingleMemory) {
      wasm::PassRunner Runner(&M, PO);
      Runner.add("wmc-lower-to-single-memory");
      Runner.run();
    }
  } catch (wmc::UserError &E) {
    fail(E.what());
  }

  if (O.Validate)
    validateOrFail(M, PO, "output module");

  if (!O.Output && !O.Text)
    return 0;
  wasm::ModuleWriter Writer(PO);
  Writer.setBinary(!O.Text);
  // Always write the name section: memory names are part of the final
  // module (docs/toolchain-abi.md section 5); -g adds DWARF on top.
  Writer.setDebugInfo(true);
  wasm::Output Out(O.Output.value_or(""),
                   O.Text ? wasm::Flags::Text : wasm::Flags::Binary);
  Writer.write(M, Out);
  return 0;
}
