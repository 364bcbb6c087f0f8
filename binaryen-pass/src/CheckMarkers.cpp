//===- CheckMarkers.cpp - refuse modules with leftover markers ------------===//
//
// Contract 5: wmc-opt must leave no marker behind. Markers are function
// imports from a module whose name starts with "wmc:" (see abi/wmc_abi.h and
// docs/toolchain-abi.md); after the lowering passes have run, any such import
// that is still present means the output would call a function no engine
// provides. This pass turns that into an error naming every leftover marker
// instead of writing a silently broken module.
//
//   (import "wmc:m1" "i32.load" (func $m (param i32) (result i32)))
//   => wmc-opt: error: 1 marker import(s) were not lowered: "wmc:m1"
//   "i32.load"; ...
//
//===----------------------------------------------------------------------===//
#include "Passes.h"

#include "wmc_abi.h"

#include "UserError.h"
#include "wasm.h"

#include <sstream>

namespace wmc {
namespace {

struct CheckMarkers : public wasm::Pass {
  bool modifiesBinaryenIR() override { return false; }

  void run(wasm::Module *M) override {
    std::ostringstream Names;
    size_t Count = 0;
    for (auto &Func : M->functions) {
      if (!Func->imported() || !Func->module.startsWith("wmc:"))
        continue;
      Names << (Count ? ", " : "") << '"' << Func->module << "\" \""
            << Func->base << '"';
      ++Count;
    }
    if (Count)
      throw UserError(std::to_string(Count) +
                      " marker import(s) were not lowered: " + Names.str() +
                      "; refusing to write a module no engine can run");
  }
};

} // namespace

wasm::Pass *createCheckMarkersPass() { return new CheckMarkers(); }

} // namespace wmc
