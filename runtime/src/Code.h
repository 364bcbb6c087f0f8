//===- runtime/src/Code.h - Internal instruction encoding ------*- C++ -*-===//
//
// The pre-resolved code the compiler produces and the interpreter runs. A
// function's code is a vector of 64-bit words; an instruction is the address
// of its interpreter handler (computed-goto label) followed by its operands
// (see Ops.def). Values live in 64-bit frame slots: slot i of the running
// function is fp[i]; parameters and locals come first, then the operand
// stack, whose height is static at every instruction, so no instruction
// pushes or pops at run time.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_CODE_H
#define WMC_RUNTIME_CODE_H

#include <cstdint>

namespace wmc {

/// One value. i32 values occupy the low half (upper half unspecified), f32
/// values are their bit patterns in the low half, references use all 64
/// bits (funcref: Function*, externref: host value + 1, null: 0).
union Slot {
  uint32_t I32;
  int32_t S32;
  uint64_t I64;
  int64_t S64;
  float F32;
  double F64;
};
static_assert(sizeof(Slot) == 8);

enum class Op : uint16_t {
#define OP(Name) Name,
#define UN(Name, Opc, In, Out, Expr) Name,
#define BIN(Name, Opc, In, Out, Expr) Name, Name##Imm, Name##Load,
#define LOAD(Name, Opc, WT, Out, CType)                                        \
  Name, Name##M, Name##Abs, Name##Add, Name##AddImm,
#define STORE(Name, Opc, WT, In, CType)                                        \
  Name, Name##M, Name##Abs, Name##Add, Name##AddImm,
#define RMW(Name) Name##Rmw,
#define PAIR(F, S) F##_##S, F##Imm_##S, F##_##S##Imm, F##Imm_##S##Imm,
#include "Ops.def"
  NumOps
};

/// Handler addresses indexed by Op (filled by the interpreter on first use).
const void *const *handlerTable();

/// The code word for instruction `O`.
inline uint64_t opWord(Op O) {
  return (uint64_t)(uintptr_t)handlerTable()[(unsigned)O];
}

} // namespace wmc

#endif
