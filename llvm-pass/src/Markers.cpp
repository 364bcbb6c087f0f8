//===- Markers.cpp - marker import declarations and memory naming ---------===//
//
// A marker is an external function with "wasm-import-module" = "wmc:m<k>"
// (or "wmc:ro") and "wasm-import-name" = the wasm instruction it stands for
// (docs/toolchain-abi.md section 3). wasm-ld keeps such functions as imports,
// so they survive linking; wmc-opt replaces each call by the instruction on
// memory k. This file names and declares them, and maps address spaces to
// memories (abi/wmc_abi.h section 1).
//
//===----------------------------------------------------------------------===//
#include "WmcLower.h"

#include "llvm/IR/Attributes.h"

using namespace llvm;

namespace wmc {

std::optional<unsigned> memoryOfAddrSpace(unsigned AS) {
  if (AS == 0)
    return 0u;
  if (AS == WMC_AS_READONLY)
    return ReadOnlyMemory;
  if (AS > WMC_AS_MEMORY_BASE && AS <= WMC_AS_MEMORY_BASE + WMC_MAX_MEMORY)
    return AS - WMC_AS_MEMORY_BASE;
  return std::nullopt;
}

bool isMemoryAddrSpace(unsigned AS) {
  std::optional<unsigned> Mem = memoryOfAddrSpace(AS);
  return Mem && *Mem != 0;
}

std::string describeMemory(unsigned Mem) {
  if (Mem == ReadOnlyMemory)
    return "the read-only memory";
  return "memory " + std::to_string(Mem);
}

std::string memorySuffix(unsigned Mem) {
  if (Mem == ReadOnlyMemory)
    return "ro";
  return "m" + std::to_string(Mem);
}

std::string markerModule(unsigned Mem) {
  if (Mem == ReadOnlyMemory)
    return WMC_MARKER_MODULE_READONLY;
  return WMC_MARKER_MODULE_PREFIX + std::to_string(Mem);
}

std::string MarkerTable::symbolName(StringRef Module, StringRef Field) {
  std::string Name = ("__wmc_" + Module + "_" + Field).str();
  for (char &C : Name)
    if (C == ':' || C == '.')
      C = '_';
  return Name;
}

FunctionCallee MarkerTable::get(unsigned Mem, StringRef Field,
                                FunctionType *Ty) {
  std::string Module = markerModule(Mem);
  std::string Name = symbolName(Module, Field);
  Used.insert(Mem);
  if (Function *F = M.getFunction(Name)) {
    assert(F->getFunctionType() == Ty && "one signature per marker field");
    return FunctionCallee(Ty, F);
  }
  Function *F = Function::Create(Ty, GlobalValue::ExternalLinkage, Name, M);
  F->addFnAttr("wasm-import-module", Module);
  F->addFnAttr("wasm-import-name", Field);
  F->addFnAttr(Attribute::NoUnwind);
  return FunctionCallee(Ty, F);
}

} // namespace wmc
