//===- runtime/src/Interpreter.cpp - Threaded-code interpreter ------------===//
//
// Executes the compiler's slot-addressed code (Code.h, Ops.def) with
// computed-goto dispatch. VM registers (pc, fp, current instance, memory 0
// base) stay in locals of one function; wasm calls do not recurse on the
// native stack: each call pushes a Frame record and jumps.
//
// Traps have one unwinding path: handlers `goto trap` with a TrapKind; a
// memory fault (SIGSEGV/SIGBUS inside a LinearMemory reservation) arrives by
// siglongjmp to the sigsetjmp in invoke() with the kind as value. Either way
// the backtrace is read from the frame records, whose depth counter lives in
// memory (not a register), so it is exact after a longjmp.
//===----------------------------------------------------------------------===//
#include "Runtime.h"
#include "MemoryControl.h"

#include <cmath>
#include <csetjmp>
#include <csignal>
#include <cstring>
#include <sys/mman.h>
#ifdef WMC_OP_PROFILE
#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <vector>
#endif

namespace wmc {

const char *trapMessage(TrapKind K) {
  switch (K) {
  case TrapKind::None: return "no trap";
  case TrapKind::Unreachable: return "unreachable";
  case TrapKind::MemoryOutOfBounds: return "out of bounds memory access";
  case TrapKind::TableOutOfBounds: return "out of bounds table access";
  case TrapKind::UndefinedElement: return "undefined element";
  case TrapKind::UninitializedElement: return "uninitialized element";
  case TrapKind::IndirectCallTypeMismatch: return "indirect call type mismatch";
  case TrapKind::DivideByZero: return "integer divide by zero";
  case TrapKind::IntegerOverflow: return "integer overflow";
  case TrapKind::InvalidConversion: return "invalid conversion to integer";
  case TrapKind::StackExhausted: return "call stack exhausted";
  case TrapKind::HostError: return "host function error";
  case TrapKind::Exit: return "exit";
  case TrapKind::ReadOnlyWrite: return "write to read-only memory";
  case TrapKind::NoAccess: return "access to no-access memory";
  case TrapKind::MemCtlInvalidProt: return "invalid protection value";
  case TrapKind::MemCtlMisaligned: return "misaligned memory-control range";
  case TrapKind::MemCtlOutOfBounds: return "out of bounds memory-control range";
  case TrapKind::MemCtlReadOnly:
    return "memory-control operation on read-only memory";
  case TrapKind::MemCtlGuard: return "memory-control range overlaps null guard";
  case TrapKind::MemCtlNotMapped: return "memory-control range not mapped";
  }
  return "unknown trap";
}

namespace {

struct Frame {
  const uint64_t *Pc; ///< caller's resume pc
  Slot *Fp;           ///< caller's frame
  Instance *Inst;     ///< caller's instance
  Function *Fn;       ///< the function running in this frame
};

/// Per-thread execution state. Depth is kept in memory so that it is exact
/// when a fault longjmps out of the interpreter.
struct ExecState {
  Slot *Stack = nullptr;
  Slot *StackEnd = nullptr;
  Frame *Frames = nullptr;
  uint32_t Depth = 0;
  bool Running = false;
  Function *HostCallee = nullptr; ///< host function being called, if any
  std::string HostDetail;
  uint32_t ExitCode = 0;
  uint64_t Fuel = 0; ///< WMC_FUZZ_FUEL builds: instructions left
};

thread_local ExecState State;
thread_local sigjmp_buf *ActiveJmp = nullptr;

void initState() {
  if (State.Stack)
    return;
  void *P = mmap(nullptr, ValueStackSlots * sizeof(Slot),
                 PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (P == MAP_FAILED)
    abort();
  State.Stack = (Slot *)P;
  State.StackEnd = State.Stack + ValueStackSlots;
  State.Frames = new Frame[MaxCallDepth + 2];
}

// ---- numeric helpers (spec semantics) -------------------------------------

template <typename T> T fminT(T A, T B) {
  if (A != A || B != B)
    return A + B; // quiet NaN
  if (A == 0 && B == 0)
    return std::signbit(A) ? A : B;
  return A < B ? A : B;
}
template <typename T> T fmaxT(T A, T B) {
  if (A != A || B != B)
    return A + B;
  if (A == 0 && B == 0)
    return std::signbit(A) ? B : A;
  return A > B ? A : B;
}
inline float fmin32(float A, float B) { return fminT(A, B); }
inline float fmax32(float A, float B) { return fmaxT(A, B); }
inline double fmin64(double A, double B) { return fminT(A, B); }
inline double fmax64(double A, double B) { return fmaxT(A, B); }

template <typename F> int32_t satI32(F A) {
  if (A != A) return 0;
  if (A <= (F)-2147483648.0) return INT32_MIN;
  if (A >= (F)2147483648.0) return INT32_MAX;
  return (int32_t)A;
}
template <typename F> uint32_t satU32(F A) {
  if (A != A || A <= (F)-1.0) return 0;
  if (A >= (F)4294967296.0) return UINT32_MAX;
  return (uint32_t)A;
}
template <typename F> int64_t satI64(F A) {
  if (A != A) return 0;
  if (A <= (F)-9223372036854775808.0) return INT64_MIN;
  if (A >= (F)9223372036854775808.0) return INT64_MAX;
  return (int64_t)A;
}
template <typename F> uint64_t satU64(F A) {
  if (A != A || A <= (F)-1.0) return 0;
  if (A >= (F)18446744073709551616.0) return UINT64_MAX;
  return (uint64_t)A;
}

// Rounding functions must return a quiet NaN for NaN input.
namespace fround {
template <typename T> T ceil(T A) { return A != A ? A + A : std::ceil(A); }
template <typename T> T floor(T A) { return A != A ? A + A : std::floor(A); }
template <typename T> T trunc(T A) { return A != A ? A + A : std::trunc(A); }
template <typename T> T nearbyint(T A) {
  return A != A ? A + A : std::nearbyint(A);
}
template <typename T> T sqrt(T A) { return std::sqrt(A); }
} // namespace fround

// Value-level semantics of every binary operator, for the fused forms (RMW,
// PAIR in Ops.def). Only non-trapping operators are fused, so TRAP_IF is
// never reached here.
inline Slot immSlot(uint64_t V) {
  Slot X;
  X.I64 = V;
  return X;
}
#define TRAP_IF(Cond, K) ((void)0)
#define BIN(Name, Opc, In, Out, Expr)                                          \
  struct B_##Name {                                                            \
    using T = decltype(Slot::In);                                              \
    [[gnu::always_inline]] static Slot eval(Slot SA, Slot SB) {                \
      using namespace fround;                                                  \
      auto A = SA.In;                                                          \
      auto B = SB.In;                                                          \
      Slot R;                                                                  \
      R.I64 = 0;                                                               \
      R.Out = (Expr);                                                          \
      return R;                                                                \
    }                                                                          \
  };
#include "Ops.def"
#undef TRAP_IF

const void *const *Handlers = nullptr;

#ifdef WMC_OP_PROFILE
// -DWMC_OP_PROFILE: dynamic instruction histogram on stderr at exit (for
// choosing superinstructions; see runtime/README.md).
const char *const OpNames[] = {
#define OP(Name) #Name,
#define UN(Name, Opc, In, Out, Expr) #Name,
#define BIN(Name, Opc, In, Out, Expr) #Name, #Name "Imm", #Name "Load",
#define LOAD(Name, Opc, WT, Out, CType)                                        \
  #Name, #Name "M", #Name "Abs", #Name "Add", #Name "AddImm",
#define STORE(Name, Opc, WT, In, CType)                                        \
  #Name, #Name "M", #Name "Abs", #Name "Add", #Name "AddImm",
#define RMW(Name) #Name "Rmw",
#define PAIR(F, Sd)                                                            \
  #F "_" #Sd, #F "Imm_" #Sd, #F "_" #Sd "Imm", #F "Imm_" #Sd "Imm",
#include "Ops.def"
};
uint64_t OpCounts[(size_t)Op::NumOps];
void dumpOpProfile() {
  std::vector<std::pair<uint64_t, size_t>> V;
  uint64_t Total = 0;
  for (size_t I = 0; I < (size_t)Op::NumOps; ++I)
    if (OpCounts[I]) {
      V.push_back({OpCounts[I], I});
      Total += OpCounts[I];
    }
  std::sort(V.rbegin(), V.rend());
  fprintf(stderr, "op profile: %llu dispatches\n", (unsigned long long)Total);
  for (auto [N, I] : V)
    fprintf(stderr, "%14llu %5.1f%% %s\n", (unsigned long long)N,
            100.0 * N / Total, OpNames[I]);
}
/// With WMC_OP_DUMP set: the function's code, words naming handlers shown
/// by name (operands as numbers), once per function.
void opProfileDump(const CompiledFunc *C) {
  static std::unordered_map<const CompiledFunc *, bool> Seen;
  if (!getenv("WMC_OP_DUMP") || Seen[C])
    return;
  Seen[C] = true;
  fprintf(stderr, "code %p (%zu words):\n", (const void *)C, C->Code.size());
  for (size_t I = 0; I < C->Code.size(); ++I) {
    const char *Name = nullptr;
    for (size_t J = 0; J < (size_t)Op::NumOps && !Name; ++J)
      if ((uint64_t)(uintptr_t)Handlers[J] == C->Code[I])
        Name = OpNames[J];
    if (Name)
      fprintf(stderr, "\n%6zu %s", I, Name);
    else
      fprintf(stderr, " %lld", (long long)C->Code[I]);
  }
  fprintf(stderr, "\n");
}
void opProfileCount(const void *H) {
  static std::unordered_map<const void *, size_t> Index = [] {
    atexit(dumpOpProfile);
    std::unordered_map<const void *, size_t> M;
    for (size_t I = 0; I < (size_t)Op::NumOps; ++I)
      M.emplace(Handlers[I], I);
    return M;
  }();
  ++OpCounts[Index.at(H)];
}
#endif

/// The interpreter. With F == nullptr it only publishes the handler table.
TrapKind run(Function *F, Slot *Base) {
  static const void *const Labels[] = {
#define OP(Name) &&L_##Name,
#define UN(Name, Opc, In, Out, Expr) &&L_##Name,
#define BIN(Name, Opc, In, Out, Expr) &&L_##Name, &&L_##Name##Imm, &&L_##Name##Load,
#define LOAD(Name, Opc, WT, Out, CType)                                        \
  &&L_##Name, &&L_##Name##M, &&L_##Name##Abs, &&L_##Name##Add,                 \
      &&L_##Name##AddImm,
#define STORE(Name, Opc, WT, In, CType)                                        \
  &&L_##Name, &&L_##Name##M, &&L_##Name##Abs, &&L_##Name##Add,                 \
      &&L_##Name##AddImm,
#define RMW(Name) &&L_##Name##Rmw,
#define PAIR(F, Sd)                                                            \
  &&L_##F##_##Sd, &&L_##F##Imm_##Sd, &&L_##F##_##Sd##Imm,                      \
      &&L_##F##Imm_##Sd##Imm,
#include "Ops.def"
  };
  static_assert(sizeof(Labels) / sizeof(Labels[0]) == (size_t)Op::NumOps);
  if (!F) {
    Handlers = Labels;
    return TrapKind::None;
  }

  static const uint64_t ExitCode[1] = {(uint64_t)(uintptr_t)&&L_Exit};
  ExecState &St = State;
  TrapKind Kind = TrapKind::None;
  Instance *Inst = F->Inst;
  uint8_t *M0 = Inst->Mem0;
  Slot *Fp = Base;
  const uint64_t *Pc;
  Function *Callee;
  Slot *NewFp;

  St.Depth = 0;
  Callee = F;
  NewFp = Base;
  Pc = ExitCode;
  goto DoCall;

#ifdef WMC_FUZZ_FUEL
  // Fuzzing builds bound every invocation (guest loops must not hang).
#define NEXT                                                                   \
  do {                                                                         \
    if (--St.Fuel == 0) {                                                      \
      St.HostDetail = "out of fuel";                                           \
      TRAP(HostError);                                                         \
    }                                                                          \
    goto *(const void *)(uintptr_t)(*Pc);                                      \
  } while (0)
#elif defined(WMC_OP_PROFILE)
  // Profiling builds count every dispatch per handler (dumped at exit).
#define NEXT                                                                   \
  do {                                                                         \
    opProfileCount((const void *)(uintptr_t)(*Pc));                            \
    goto *(const void *)(uintptr_t)(*Pc);                                      \
  } while (0)
#else
#define NEXT goto *(const void *)(uintptr_t)(*Pc)
#endif
#define S(I) Fp[Pc[I]]
#define TRAP(K)                                                                \
  do {                                                                         \
    Kind = TrapKind::K;                                                        \
    goto OnTrap;                                                               \
  } while (0)
#define TRAP_IF(Cond, K)                                                       \
  ({                                                                           \
    if (__builtin_expect(Cond, 0))                                             \
      TRAP(K);                                                                 \
  })

L_Unreachable:
  TRAP(Unreachable);
L_Br:
  Pc += (int64_t)Pc[1];
  NEXT;
L_BrIfNz:
  if (S(1).I32)
    Pc += (int64_t)Pc[2];
  else
    Pc += 3;
  NEXT;
L_BrIfZ:
  if (!S(1).I32)
    Pc += (int64_t)Pc[2];
  else
    Pc += 3;
  NEXT;
L_BrIfI32Eqz:
  Pc += S(1).I32 == 0 ? (int64_t)Pc[2] : 3;
  NEXT;
L_BrIfI32Nez:
  Pc += S(1).I32 != 0 ? (int64_t)Pc[2] : 3;
  NEXT;
#define FUSED(Name, M, Cmp)                                                    \
  L_##Name:                                                                    \
  Pc += (S(1).M Cmp S(2).M) ? (int64_t)Pc[3] : 4;                              \
  NEXT;
  FUSED(BrIfI32Eq, I32, ==)
  FUSED(BrIfI32Ne, I32, !=)
  FUSED(BrIfI32LtS, S32, <)
  FUSED(BrIfI32LtU, I32, <)
  FUSED(BrIfI32GtS, S32, >)
  FUSED(BrIfI32GtU, I32, >)
  FUSED(BrIfI32LeS, S32, <=)
  FUSED(BrIfI32LeU, I32, <=)
  FUSED(BrIfI32GeS, S32, >=)
  FUSED(BrIfI32GeU, I32, >=)
#define FUSED_IMM(Name, M, Cmp)                                                \
  L_##Name##Imm : {                                                            \
    Slot Imm;                                                                  \
    Imm.I64 = Pc[2];                                                           \
    Pc += (S(1).M Cmp Imm.M) ? (int64_t)Pc[3] : 4;                             \
    NEXT;                                                                      \
  }
  FUSED_IMM(BrIfI32Eq, I32, ==)
  FUSED_IMM(BrIfI32Ne, I32, !=)
  FUSED_IMM(BrIfI32LtS, S32, <)
  FUSED_IMM(BrIfI32LtU, I32, <)
  FUSED_IMM(BrIfI32GtS, S32, >)
  FUSED_IMM(BrIfI32GtU, I32, >)
  FUSED_IMM(BrIfI32LeS, S32, <=)
  FUSED_IMM(BrIfI32LeU, I32, <=)
  FUSED_IMM(BrIfI32GeS, S32, >=)
  FUSED_IMM(BrIfI32GeU, I32, >=)
#define FUSED_LOAD(Name, M, Cmp)                                               \
  L_##Name##Load : {                                                           \
    Slot B;                                                                    \
    B.I64 = 0;                                                                 \
    std::memcpy(&B, M0 + (uint64_t)(uint32_t)(S(2).I32 + (uint32_t)Pc[3]) + Pc[4], \
                4);                                                            \
    Pc += (S(1).M Cmp B.M) ? (int64_t)Pc[5] : 6;                               \
    NEXT;                                                                      \
  }
  FUSED_LOAD(BrIfI32Eq, I32, ==)
  FUSED_LOAD(BrIfI32Ne, I32, !=)
  FUSED_LOAD(BrIfI32LtS, S32, <)
  FUSED_LOAD(BrIfI32LtU, I32, <)
  FUSED_LOAD(BrIfI32GtS, S32, >)
  FUSED_LOAD(BrIfI32GtU, I32, >)
  FUSED_LOAD(BrIfI32LeS, S32, <=)
  FUSED_LOAD(BrIfI32LeU, I32, <=)
  FUSED_LOAD(BrIfI32GeS, S32, >=)
  FUSED_LOAD(BrIfI32GeU, I32, >=)
#define FUSED_INC(Name, M, Cmp)                                                \
  L_BrIfI32Inc##Name##Imm : {                                                  \
    Slot V, Imm;                                                               \
    V.I32 = S(1).I32 + (uint32_t)Pc[2];                                        \
    S(1).I32 = V.I32;                                                          \
    Imm.I64 = Pc[3];                                                           \
    Pc += (V.M Cmp Imm.M) ? (int64_t)Pc[4] : 5;                                \
    NEXT;                                                                      \
  }
  FUSED_INC(Eq, I32, ==)
  FUSED_INC(Ne, I32, !=)
  FUSED_INC(LtS, S32, <)
  FUSED_INC(LtU, I32, <)
  FUSED_INC(GtS, S32, >)
  FUSED_INC(GtU, I32, >)
  FUSED_INC(LeS, S32, <=)
  FUSED_INC(LeU, I32, <=)
  FUSED_INC(GeS, S32, >=)
  FUSED_INC(GeU, I32, >=)
#define CP(I) Fp[P[2 * (I)]] = Fp[P[2 * (I) + 1]];
#define CP0
#define CP2 CP(0) CP(1)
#define CP4 CP2 CP(2) CP(3)
#define CP6 CP4 CP(4) CP(5)
#define CP8 CP6 CP(6) CP(7)
#define CP10 CP8 CP(8) CP(9)
#define CP12 CP10 CP(10) CP(11)
#define CP14 CP12 CP(12) CP(13)
#define CP16 CP14 CP(14) CP(15)
#define INC_COPY(B, T)                                                         \
  L_BrIfI32IncNeImmC##B##_##T : {                                              \
    uint32_t V = S(1).I32 + (uint32_t)Pc[2];                                   \
    S(1).I32 = V;                                                              \
    const uint64_t *P;                                                         \
    if (V != (uint32_t)Pc[3]) {                                                \
      P = Pc + 5 + 2 * B;                                                      \
      CP##T;                                                                   \
      Pc += (int64_t)Pc[4];                                                    \
    } else {                                                                   \
      P = Pc + 5;                                                              \
      CP##B;                                                                   \
      Pc += 5 + 2 * (B + T);                                                   \
    }                                                                          \
    NEXT;                                                                      \
  }
  INC_COPY(0, 2)
  INC_COPY(0, 4)
  INC_COPY(0, 6)
  INC_COPY(0, 8)
  INC_COPY(0, 10)
  INC_COPY(0, 12)
  INC_COPY(0, 14)
  INC_COPY(0, 16)
  INC_COPY(2, 0)
  INC_COPY(2, 2)
  INC_COPY(2, 4)
  INC_COPY(2, 6)
  INC_COPY(2, 8)
  INC_COPY(2, 10)
  INC_COPY(2, 12)
  INC_COPY(2, 14)
  INC_COPY(2, 16)
  INC_COPY(4, 0)
  INC_COPY(4, 2)
  INC_COPY(4, 4)
  INC_COPY(4, 6)
  INC_COPY(4, 8)
  INC_COPY(4, 10)
  INC_COPY(4, 12)
  INC_COPY(4, 14)
  INC_COPY(4, 16)
  INC_COPY(6, 0)
  INC_COPY(6, 2)
  INC_COPY(6, 4)
  INC_COPY(6, 6)
  INC_COPY(6, 8)
  INC_COPY(6, 10)
  INC_COPY(6, 12)
  INC_COPY(6, 14)
  INC_COPY(6, 16)
  INC_COPY(8, 0)
  INC_COPY(8, 2)
  INC_COPY(8, 4)
  INC_COPY(8, 6)
  INC_COPY(8, 8)
  INC_COPY(8, 10)
  INC_COPY(8, 12)
  INC_COPY(8, 14)
  INC_COPY(8, 16)
L_BrTable: {
  uint64_t I = S(1).I32, N = Pc[2];
  if (I > N)
    I = N;
  Pc += (int64_t)Pc[3 + I];
  NEXT;
}
L_Copy:
  S(1) = S(2);
  Pc += 3;
  NEXT;
  // A run of N copies, in order (a later copy may read an earlier one's
  // destination); the constant trip count is unrolled by the compiler.
#define COPY_RUN(N)                                                            \
  L_Copy##N:                                                                   \
  for (int C = 0; C < N; ++C)                                                  \
    S(1 + 2 * C) = S(2 + 2 * C);                                               \
  Pc += 1 + 2 * N;                                                             \
  NEXT;
  COPY_RUN(2)
  COPY_RUN(3)
  COPY_RUN(4)
  COPY_RUN(5)
  COPY_RUN(6)
  COPY_RUN(7)
  COPY_RUN(8)
#undef COPY_RUN
#define ROTL32(X, K) ((X << (K & 31)) | (X >> ((32 - (K & 31)) & 31)))
// SHA-2's sigma functions: three rotations, or two rotations and a
// shift, of X by the amounts in Pc[3..5], xored together.
#define ROT3XOR(X)                                                             \
  (ROTL32(X, (uint32_t)Pc[3]) ^ ROTL32(X, (uint32_t)Pc[4]) ^                   \
   ROTL32(X, (uint32_t)Pc[5]))
#define ROT2SHRXOR(X)                                                          \
  (ROTL32(X, (uint32_t)Pc[3]) ^ ROTL32(X, (uint32_t)Pc[4]) ^                   \
   (X >> ((uint32_t)Pc[5] & 31)))
L_I32Rotl2Xor: {
  uint32_t X = S(2).I32;
  S(1).I32 = ROTL32(X, (uint32_t)Pc[3]) ^ ROTL32(X, (uint32_t)Pc[4]);
  Pc += 5;
  NEXT;
}
L_I32Rotl3Xor: {
  uint32_t X = S(2).I32;
  S(1).I32 = ROT3XOR(X);
  Pc += 6;
  NEXT;
}
L_I32Rotl2ShrUXor: {
  uint32_t X = S(2).I32;
  S(1).I32 = ROT2SHRXOR(X);
  Pc += 6;
  NEXT;
}
L_I32Rotl3XorAdd: {
  uint32_t X = S(2).I32;
  S(1).I32 = ROT3XOR(X) + S(6).I32;
  Pc += 7;
  NEXT;
}
L_I32Rotl2ShrUXorAdd: {
  uint32_t X = S(2).I32;
  S(1).I32 = ROT2SHRXOR(X) + S(6).I32;
  Pc += 7;
  NEXT;
}
L_I32Rotl3XorAdd2: {
  uint32_t X = S(2).I32;
  S(1).I32 = ROT3XOR(X) + S(6).I32 + S(7).I32;
  Pc += 8;
  NEXT;
}
L_I32Rotl2ShrUXorAdd2: {
  uint32_t X = S(2).I32;
  S(1).I32 = ROT2SHRXOR(X) + S(6).I32 + S(7).I32;
  Pc += 8;
  NEXT;
}
#undef ROT3XOR
#undef ROT2SHRXOR
#undef ROTL32
L_I32AddLoadX: {
  uint32_t B;
  std::memcpy(&B, M0 + (uint64_t)(uint32_t)(S(3).I32 + S(4).I32) + Pc[5], 4);
  S(1).I32 = S(2).I32 + B;
  Pc += 6;
  NEXT;
}
L_I32Add2Load: {
  uint32_t B1, B2;
  std::memcpy(&B1, M0 + (uint64_t)(uint32_t)(S(3).I32 + (uint32_t)Pc[4]) + Pc[5], 4);
  std::memcpy(&B2, M0 + (uint64_t)(uint32_t)(S(6).I32 + (uint32_t)Pc[7]) + Pc[8], 4);
  S(1).I32 = S(2).I32 + B1 + B2;
  Pc += 9;
  NEXT;
}
L_I32Add2LoadX: {
  uint32_t B1, B2;
  std::memcpy(&B1, M0 + (uint64_t)(uint32_t)(S(3).I32 + (uint32_t)Pc[4]) + Pc[5], 4);
  std::memcpy(&B2, M0 + (uint64_t)(uint32_t)(S(6).I32 + S(7).I32) + Pc[8], 4);
  S(1).I32 = S(2).I32 + B1 + B2;
  Pc += 9;
  NEXT;
}
L_I32Add2LoadXF: {
  uint32_t B1, B2;
  std::memcpy(&B2, M0 + (uint64_t)(uint32_t)(S(6).I32 + S(7).I32) + Pc[8], 4);
  asm volatile("" ::: "memory"); // (a fault in the first load comes first)
  std::memcpy(&B1, M0 + (uint64_t)(uint32_t)(S(3).I32 + (uint32_t)Pc[4]) + Pc[5], 4);
  S(1).I32 = S(2).I32 + B1 + B2;
  Pc += 9;
  NEXT;
}
L_I32Add2:
  S(1).I32 = S(2).I32 + S(3).I32;
  S(4).I32 = S(5).I32 + S(6).I32;
  Pc += 7;
  NEXT;
L_I32AddImm2:
  S(1).I32 = S(2).I32 + (uint32_t)Pc[3];
  S(4).I32 = S(5).I32 + (uint32_t)Pc[6];
  Pc += 7;
  NEXT;
  // Q[1..7] = a, ka, offa, x, b, kb, offb (Q = Pc for the plain form).
#define MULADD_BODY(T, M, Q)                                                   \
  {                                                                            \
    uint8_t *PA =                                                              \
        M0 + (uint64_t)(uint32_t)(Fp[Q[1]].I32 + (uint32_t)Q[2]) + Q[3];       \
    T B, C;                                                                    \
    std::memcpy(&B,                                                            \
                M0 + (uint64_t)(uint32_t)(Fp[Q[5]].I32 + (uint32_t)Q[6]) +     \
                    Q[7],                                                      \
                sizeof(T));                                                    \
    std::memcpy(&C, PA, sizeof(T));                                            \
    T Prod = Fp[Q[4]].M * B; /* two roundings, as in wasm (no contraction) */  \
    T R = Prod + C;                                                            \
    std::memcpy(PA, &R, sizeof(T));                                            \
  }
#define MULADD_RMW(Name, T, M)                                                 \
  L_##Name : {                                                                 \
    MULADD_BODY(T, M, Pc)                                                      \
    Pc += 8;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##Add2 : {                                                           \
    S(1).I32 = S(2).I32 + S(3).I32;                                            \
    S(4).I32 = S(5).I32 + S(6).I32;                                            \
    const uint64_t *Q = Pc + 6;                                                \
    MULADD_BODY(T, M, Q)                                                       \
    Pc += 14;                                                                  \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##AddImm : {                                                         \
    S(1).I32 = S(2).I32 + (uint32_t)Pc[3];                                     \
    const uint64_t *Q = Pc + 3;                                                \
    MULADD_BODY(T, M, Q)                                                       \
    Pc += 11;                                                                  \
    NEXT;                                                                      \
  }
  MULADD_RMW(F64MulAddRmw, double, F64)
  MULADD_RMW(F32MulAddRmw, float, F32)
#define SUB_REV_RMW(Name)                                                      \
  L_##Name##RevRmw : {                                                         \
    uint8_t *P = M0 + (uint64_t)(uint32_t)(S(1).I32 + (uint32_t)Pc[3]) + Pc[4]; \
    Slot M;                                                                    \
    M.I64 = 0;                                                                 \
    std::memcpy(&M, P, sizeof(B_##Name::T));                                   \
    Slot R = B_##Name::eval(M, S(2));                                          \
    std::memcpy(P, &R, sizeof(B_##Name::T));                                   \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }
  SUB_REV_RMW(I32Sub)
  SUB_REV_RMW(I64Sub)
  SUB_REV_RMW(F32Sub)
  SUB_REV_RMW(F64Sub)
L_Const:
  S(1).I64 = Pc[2];
  Pc += 3;
  NEXT;
L_Select: {
  uint32_t C = S(4).I32;
  Slot V = C ? S(2) : S(3);
  S(1) = V;
  Pc += 5;
  NEXT;
}
L_I64ExtendI32U:
  S(1).I64 = (uint64_t)S(2).I32;
  Pc += 3;
  NEXT;
L_RefIsNull:
  S(1).I64 = S(2).I64 == 0;
  Pc += 3;
  NEXT;
L_RefFunc:
  S(1).I64 = (uint64_t)(uintptr_t)Inst->Funcs[Pc[2]];
  Pc += 3;
  NEXT;
L_GlobalGet:
  S(1) = Inst->Globals[Pc[2]]->Value;
  Pc += 3;
  NEXT;
L_GlobalSet:
  Inst->Globals[Pc[1]]->Value = S(2);
  Pc += 3;
  NEXT;

L_Call:
  Callee = Inst->Funcs[Pc[1]];
  NewFp = Fp + Pc[2];
  Pc += 3;
  goto DoCall;
L_CallIndirect: {
  Table *T = Inst->Tables[Pc[1]];
  uint32_t I = S(4).I32;
  if (I >= T->Elems.size())
    TRAP(UndefinedElement);
  Callee = (Function *)(uintptr_t)T->Elems[I];
  if (!Callee)
    TRAP(UninitializedElement);
  if (Callee->TypeId != (uint32_t)Pc[2])
    TRAP(IndirectCallTypeMismatch);
  NewFp = Fp + Pc[3];
  Pc += 5;
  goto DoCall;
}
DoCall:
  if (const CompiledFunc *C = Callee->Code) {
#ifdef WMC_OP_PROFILE
    opProfileDump(C);
#endif
    if (St.Depth >= MaxCallDepth || NewFp + C->FrameSlots > St.StackEnd)
      TRAP(StackExhausted);
    Frame &Fr = St.Frames[++St.Depth];
    Fr.Pc = Pc;
    Fr.Fp = Fp;
    Fr.Inst = Inst;
    Fr.Fn = Callee;
    for (uint32_t I = Callee->NumParams; I < C->NumLocals; ++I)
      NewFp[I].I64 = 0;
    Fp = NewFp;
    Pc = C->Code.data();
    if (Callee->Inst != Inst) {
      Inst = Callee->Inst;
      M0 = Inst->Mem0;
    }
    NEXT;
  }
  if (NewFp + 16 > St.StackEnd)
    TRAP(StackExhausted);
  St.HostCallee = Callee;
  Kind = Callee->Host(Callee->HostCtx, Inst, NewFp);
  St.HostCallee = nullptr;
  if (Kind != TrapKind::None) {
    St.HostCallee = Callee;
    goto OnTrap;
  }
  NEXT;
L_Ret: {
  Frame &Fr = St.Frames[St.Depth--];
  Pc = Fr.Pc;
  Fp = Fr.Fp;
  if (Fr.Inst != Inst && Fr.Inst) {
    Inst = Fr.Inst;
    M0 = Inst->Mem0;
  }
  NEXT;
}
L_Exit:
  return TrapKind::None;

// ---- tables -----------------------------------------------------------------
L_TableGet: {
  Table *T = Inst->Tables[Pc[2]];
  uint32_t I = S(3).I32;
  if (I >= T->Elems.size())
    TRAP(TableOutOfBounds);
  S(1).I64 = T->Elems[I];
  Pc += 4;
  NEXT;
}
L_TableSet: {
  Table *T = Inst->Tables[Pc[1]];
  uint32_t I = S(2).I32;
  if (I >= T->Elems.size())
    TRAP(TableOutOfBounds);
  T->Elems[I] = S(3).I64;
  Pc += 4;
  NEXT;
}
L_TableSize:
  S(1).I64 = Inst->Tables[Pc[2]]->Elems.size();
  Pc += 3;
  NEXT;
L_TableGrow: {
  Table *T = Inst->Tables[Pc[2]];
  uint64_t Init = S(3).I64;
  uint32_t N = S(4).I32;
  S(1).I32 = (uint32_t)T->grow(N, Init);
  Pc += 5;
  NEXT;
}
L_TableFill: {
  Table *T = Inst->Tables[Pc[1]];
  uint64_t I = S(2).I32, V = S(3).I64, N = S(4).I32;
  if (I + N > T->Elems.size())
    TRAP(TableOutOfBounds);
  std::fill(T->Elems.begin() + I, T->Elems.begin() + I + N, V);
  Pc += 5;
  NEXT;
}
L_TableCopy: {
  Table *D = Inst->Tables[Pc[1]], *Sr = Inst->Tables[Pc[2]];
  uint64_t Di = S(3).I32, Si = S(4).I32, N = S(5).I32;
  if (Di + N > D->Elems.size() || Si + N > Sr->Elems.size())
    TRAP(TableOutOfBounds);
  std::memmove(D->Elems.data() + Di, Sr->Elems.data() + Si, N * 8);
  Pc += 6;
  NEXT;
}
L_TableInit: {
  Table *T = Inst->Tables[Pc[1]];
  const std::vector<uint64_t> &Seg = Inst->ElemSegs[Pc[2]];
  uint64_t Di = S(3).I32, Si = S(4).I32, N = S(5).I32;
  if (Di + N > T->Elems.size() || Si + N > Seg.size())
    TRAP(TableOutOfBounds);
  std::memcpy(T->Elems.data() + Di, Seg.data() + Si, N * 8);
  Pc += 6;
  NEXT;
}
L_ElemDrop:
  Inst->ElemSegs[Pc[1]].clear();
  Inst->ElemSegs[Pc[1]].shrink_to_fit();
  Pc += 2;
  NEXT;

// ---- memories ---------------------------------------------------------------
L_MemorySize:
  S(1).I64 = Inst->Mems[Pc[2]]->pages();
  Pc += 3;
  NEXT;
L_MemoryGrow: {
  uint32_t Delta = S(3).I32;
  S(1).I64 = (uint32_t)Inst->Mems[Pc[2]]->grow(Delta);
  Pc += 4;
  NEXT;
}
L_MemoryCopy: {
  LinearMemory *D = Inst->Mems[Pc[1]], *Sr = Inst->Mems[Pc[2]];
  uint64_t Di = S(3).I32, Si = S(4).I32, N = S(5).I32;
  if (Di + N > D->byteSize() || Si + N > Sr->byteSize())
    TRAP(MemoryOutOfBounds);
  if (D->Control || Sr->Control) { // memory control: trap before writing
    if ((Kind = memctl::checkBulk(Sr, Si, N, false, "memory.copy")) !=
            TrapKind::None ||
        (Kind = memctl::checkBulk(D, Di, N, true, "memory.copy")) !=
            TrapKind::None)
      goto OnTrap;
  }
  std::memmove(D->base() + Di, Sr->base() + Si, N);
  Pc += 6;
  NEXT;
}
L_MemoryFill: {
  LinearMemory *D = Inst->Mems[Pc[1]];
  uint64_t Di = S(2).I32, V = S(3).I32, N = S(4).I32;
  if (Di + N > D->byteSize())
    TRAP(MemoryOutOfBounds);
  if (D->Control && (Kind = memctl::checkBulk(D, Di, N, true,
                                               "memory.fill")) != TrapKind::None)
    goto OnTrap;
  std::memset(D->base() + Di, (int)(uint8_t)V, N);
  Pc += 5;
  NEXT;
}
L_MemoryInit: {
  LinearMemory *D = Inst->Mems[Pc[1]];
  auto [Data, Len] = Inst->DataSegs[Pc[2]];
  uint64_t Di = S(3).I32, Si = S(4).I32, N = S(5).I32;
  if (Di + N > D->byteSize() || Si + N > Len)
    TRAP(MemoryOutOfBounds);
  if (D->Control && (Kind = memctl::checkBulk(D, Di, N, true,
                                               "memory.init")) != TrapKind::None)
    goto OnTrap;
  if (N)
    std::memcpy(D->base() + Di, Data + Si, N);
  Pc += 6;
  NEXT;
}
L_DataDrop:
  Inst->DataSegs[Pc[1]].second = 0;
  Pc += 2;
  NEXT;

#define LOAD(Name, Opc, WT, Out, CType)                                        \
  L_##Name : {                                                                 \
    CType V;                                                                   \
    std::memcpy(&V, M0 + (uint64_t)S(2).I32 + Pc[3], sizeof(CType));           \
    S(1).Out = V;                                                              \
    Pc += 4;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##M : {                                                              \
    CType V;                                                                   \
    std::memcpy(&V, Inst->MemBases[Pc[4]] + (uint64_t)S(2).I32 + Pc[3],        \
                sizeof(CType));                                                \
    S(1).Out = V;                                                              \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##Abs : {                                                            \
    CType V;                                                                   \
    std::memcpy(&V, M0 + Pc[2], sizeof(CType));                                \
    S(1).Out = V;                                                              \
    Pc += 3;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##Add : {                                                            \
    CType V;                                                                   \
    uint32_t Addr = S(2).I32 + S(3).I32;                                       \
    std::memcpy(&V, M0 + (uint64_t)Addr + Pc[4], sizeof(CType));               \
    S(1).Out = V;                                                              \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##AddImm : {                                                         \
    CType V;                                                                   \
    uint32_t Addr = S(2).I32 + (uint32_t)Pc[3];                                \
    std::memcpy(&V, M0 + (uint64_t)Addr + Pc[4], sizeof(CType));               \
    S(1).Out = V;                                                              \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }
#define STORE(Name, Opc, WT, In, CType)                                        \
  L_##Name : {                                                                 \
    CType V = (CType)S(2).In;                                                  \
    std::memcpy(M0 + (uint64_t)S(1).I32 + Pc[3], &V, sizeof(CType));           \
    Pc += 4;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##M : {                                                              \
    CType V = (CType)S(2).In;                                                  \
    std::memcpy(Inst->MemBases[Pc[4]] + (uint64_t)S(1).I32 + Pc[3], &V,        \
                sizeof(CType));                                                \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##Abs : {                                                            \
    CType V = (CType)S(2).In;                                                  \
    std::memcpy(M0 + Pc[1], &V, sizeof(CType));                                \
    Pc += 3;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##Add : {                                                            \
    CType V = (CType)S(3).In;                                                  \
    uint32_t Addr = S(1).I32 + S(2).I32;                                       \
    std::memcpy(M0 + (uint64_t)Addr + Pc[4], &V, sizeof(CType));               \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##AddImm : {                                                         \
    CType V = (CType)S(3).In;                                                  \
    uint32_t Addr = S(1).I32 + (uint32_t)Pc[2];                                \
    std::memcpy(M0 + (uint64_t)Addr + Pc[4], &V, sizeof(CType));               \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }
#define UN(Name, Opc, In, Out, Expr)                                           \
  L_##Name : {                                                                 \
    auto A = S(2).In;                                                          \
    S(1).Out = (Expr);                                                         \
    Pc += 3;                                                                   \
    NEXT;                                                                      \
  }
#define BIN(Name, Opc, In, Out, Expr)                                          \
  L_##Name : {                                                                 \
    auto A = S(2).In;                                                          \
    auto B = S(3).In;                                                          \
    S(1).Out = (Expr);                                                         \
    Pc += 4;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##Imm : {                                                            \
    Slot Imm;                                                                  \
    Imm.I64 = Pc[3];                                                           \
    auto A = S(2).In;                                                          \
    auto B = Imm.In;                                                           \
    S(1).Out = (Expr);                                                         \
    Pc += 4;                                                                   \
    NEXT;                                                                      \
  }                                                                            \
  L_##Name##Load : {                                                           \
    auto A = S(2).In;                                                          \
    decltype(A) B;                                                             \
    std::memcpy(&B, M0 + (uint64_t)(uint32_t)(S(3).I32 + (uint32_t)Pc[4]) + Pc[5], \
                sizeof(B));                                                    \
    S(1).Out = (Expr);                                                         \
    Pc += 6;                                                                   \
    NEXT;                                                                      \
  }
#define RMW(Name)                                                              \
  L_##Name##Rmw : {                                                            \
    uint8_t *P = M0 + (uint64_t)(uint32_t)(S(1).I32 + (uint32_t)Pc[3]) + Pc[4]; \
    Slot M;                                                                    \
    M.I64 = 0;                                                                 \
    std::memcpy(&M, P, sizeof(B_##Name::T));                                   \
    Slot R = B_##Name::eval(S(2), M);                                          \
    std::memcpy(P, &R, sizeof(B_##Name::T));                                   \
    Pc += 5;                                                                   \
    NEXT;                                                                      \
  }
#define PAIR(F, Sd)                                                            \
  L_##F##_##Sd : S(1) = B_##Sd::eval(B_##F::eval(S(2), S(3)), S(4));           \
  Pc += 5;                                                                     \
  NEXT;                                                                        \
  L_##F##Imm_##Sd : S(1) = B_##Sd::eval(B_##F::eval(S(2), immSlot(Pc[3])), S(4)); \
  Pc += 5;                                                                     \
  NEXT;                                                                        \
  L_##F##_##Sd##Imm : S(1) = B_##Sd::eval(B_##F::eval(S(2), S(3)), immSlot(Pc[4])); \
  Pc += 5;                                                                     \
  NEXT;                                                                        \
  L_##F##Imm_##Sd##Imm : S(1) =                                                \
      B_##Sd::eval(B_##F::eval(S(2), immSlot(Pc[3])), immSlot(Pc[4]));         \
  Pc += 5;                                                                     \
  NEXT;
  {
    using namespace fround;
#include "Ops.def"
  }

OnTrap:
  return Kind;
#undef NEXT
#undef S
#undef TRAP
#undef TRAP_IF
}

void faultHandler(int Sig, siginfo_t *Info, void *UContext) {
  if (ActiveJmp)
    if (LinearMemory *M = LinearMemory::findByAddress(Info->si_addr))
      siglongjmp(*ActiveJmp,
                 (int)memctl::classifyFault(M, Info->si_addr, UContext));
  // Not a guest memory fault: crash as the default action would.
  signal(Sig, SIG_DFL);
}

} // namespace

const void *const *handlerTable() {
  if (!Handlers)
    run(nullptr, nullptr);
  return Handlers;
}

void setHostTrapDetail(std::string Msg) { State.HostDetail = std::move(Msg); }
void setExitCode(uint32_t Code) { State.ExitCode = Code; }

void installTrapHandlers() {
  static bool Done = false;
  if (Done)
    return;
  Done = true;
  static thread_local bool AltStack = false;
  if (!AltStack) {
    AltStack = true;
    stack_t SS{};
    SS.ss_size = 1 << 16;
    // Kept in a static so leak checkers see it as reachable (lives forever).
    static thread_local void *AltStackMemory = malloc(SS.ss_size);
    SS.ss_sp = AltStackMemory;
    sigaltstack(&SS, nullptr);
  }
  struct sigaction SA{};
  SA.sa_sigaction = faultHandler;
  SA.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&SA.sa_mask);
  sigaction(SIGSEGV, &SA, nullptr);
  sigaction(SIGBUS, &SA, nullptr);
}

Trap invoke(Function *F, const std::vector<Slot> &Args,
            std::vector<Slot> &Results) {
  installTrapHandlers();
  initState();
  Trap T;
  ExecState &St = State;
  size_t NRes = F->Type.Results.size();
  Results.clear();
  if (St.Running) {
    T.Kind = TrapKind::HostError;
    T.Message = "re-entrant invocation is not supported";
    return T;
  }
  for (size_t I = 0; I < Args.size(); ++I)
    St.Stack[I] = Args[I];
  if (!F->Code) { // a host function called directly
    TrapKind K = F->Host(F->HostCtx, nullptr, St.Stack);
    T.Kind = K;
    if (K == TrapKind::Exit)
      T.ExitCode = St.ExitCode;
    else if (K != TrapKind::None)
      T.Message = St.HostDetail;
    if (K == TrapKind::None)
      Results.assign(St.Stack, St.Stack + NRes);
    return T;
  }
  sigjmp_buf Buf;
  sigjmp_buf *Saved = ActiveJmp;
  St.Running = true;
  St.HostCallee = nullptr;
  St.Fuel = 2'000'000;
  TrapKind K;
  int Jumped = sigsetjmp(Buf, 1);
  if (Jumped) {
    K = (TrapKind)Jumped;
    if (trapHasDetail(K)) // a memory-control fault (MemoryControl.cpp)
      St.HostDetail = memctl::faultDetail();
  } else {
    ActiveJmp = &Buf;
    K = run(F, St.Stack);
  }
  ActiveJmp = Saved;
  St.Running = false;
  T.Kind = K;
  if (K == TrapKind::None) {
    Results.assign(St.Stack, St.Stack + NRes);
    return T;
  }
  if (K == TrapKind::Exit) {
    T.ExitCode = St.ExitCode;
    return T;
  }
  if (trapHasDetail(K))
    T.Message = St.HostDetail;
  if (St.HostCallee)
    T.Backtrace.push_back(St.HostCallee->Name);
  for (uint32_t D = St.Depth; D >= 1 && T.Backtrace.size() < 32; --D)
    T.Backtrace.push_back(St.Frames[D].Fn->Name);
  if (St.Depth > 32)
    T.Backtrace.push_back("... " + std::to_string(St.Depth - 31) + " more frames");
  return T;
}

} // namespace wmc
