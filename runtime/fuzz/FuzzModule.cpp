//===- runtime/fuzz/FuzzModule.cpp - libFuzzer target for the engine -------===//
//
// Feeds arbitrary bytes to decode + validate + translate (loadModule) and, for
// modules that load, instantiates them against synthesized imports of the
// requested types (host functions returning zeros, fresh tables, memories and
// globals), which runs table/data segment initialisation. The start function
// is not run (it could loop forever). Any crash, sanitizer report, leak or
// hang is a bug. Built and run by scripts/fuzz-runtime.sh.
//===----------------------------------------------------------------------===//
#include "Module.h"
#include "Runtime.h"

using namespace wmc;

static TrapKind zeroResults(void *Ctx, Instance *, Slot *Args) {
  auto *T = (const FuncType *)Ctx;
  for (size_t I = 0; I < T->Results.size(); ++I)
    Args[I].I64 = 0;
  return TrapKind::None;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::shared_ptr<const Module> M;
  try {
    M = loadModule(Data, Size);
  } catch (const LoadError &) {
    return 0;
  }
  // Keep huge memories from dominating: skip modules whose memories ask for
  // more than 256 MiB up front (still decoded and validated above).
  uint64_t Pages = 0;
  for (const MemoryType &MT : M->Memories)
    Pages += MT.Lim.Min;
  if (Pages > 1024)
    return 0;
  Store S;
  std::vector<Extern> Imports;
  for (const Import &I : M->Imports) {
    switch (I.Kind) {
    case ExternKind::Func: {
      const FuncType &T = M->Types[I.Index];
      Imports.push_back({ExternKind::Func,
                         S.addHostFunction(T, zeroResults, (void *)&T, I.Name)});
      break;
    }
    case ExternKind::Table:
      if (I.Table.Lim.Min > 100000)
        return 0;
      Imports.push_back({ExternKind::Table, S.addTable(I.Table)});
      break;
    case ExternKind::Memory: {
      std::string Err;
      LinearMemory *Mem = S.addMemory(I.Memory, Err);
      if (!Mem)
        return 0;
      Imports.push_back({ExternKind::Memory, Mem});
      break;
    }
    case ExternKind::Global:
      Imports.push_back({ExternKind::Global, S.addGlobal(I.Global, Slot{})});
      break;
    }
  }
  for (const TableType &T : M->Tables)
    if (T.Lim.Min > 100000)
      return 0;
  std::string Err;
  Trap T;
  Instance *I = S.instantiate(M, Imports, Err, T);
  if (!I)
    return 0;
  unsigned Calls = 0;
  for (auto &[Name, E] : I->Exports) {
    if (E.Kind != ExternKind::Func || ++Calls > 8)
      continue;
    auto *F = (Function *)E.Ptr;
    std::vector<Slot> Args(F->Type.Params.size(), Slot{}), Results;
    invoke(F, Args, Results);
  }
  return 0;
}
