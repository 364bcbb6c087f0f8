//===- runtime/src/Compiler.h - Function body validation + translation ----===//
//
// Validates one function body (the algorithm of the spec's validation
// appendix: an operand type stack and a control stack) and, in the same pass,
// translates it into the interpreter's slot-addressed code (Code.h). Branch
// targets are resolved to word offsets, local.get is folded into its users'
// operands, and a few common sequences (compare + br_if, const + add) are
// fused.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_COMPILER_H
#define WMC_RUNTIME_COMPILER_H

#include "Module.h"

namespace wmc {

class Reader;

/// Module facts a body needs that come from earlier sections.
struct CompileEnv {
  bool HasDataCount;
  uint32_t DataCount;
  const std::vector<bool> *DeclaredRefs; ///< functions usable by ref.func
};

/// Validates and translates the body at the reader's position up to `End`
/// (locals already read into `Out`). Throws LoadError.
void compileFunction(const Module &M, uint32_t FuncIndex, Reader &R,
                     size_t End, const CompileEnv &Env, CompiledFunc &Out);

} // namespace wmc

#endif
