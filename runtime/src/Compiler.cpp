//===- runtime/src/Compiler.cpp - Validate and translate a function body --===//
//
// One pass over a function body that both validates it (operand type stack +
// control stack, as in the spec's validation algorithm) and emits the
// interpreter's slot-addressed code (Code.h, Ops.def).
//
// Translation scheme: the operand stack height is static, so the value at
// height h lives in the "canonical" slot NumLocals + h. `local.get` emits
// nothing: it pushes an entry that aliases the local's slot, and users read
// the local directly. Aliases are materialised (copied into their canonical
// slot) before the local is overwritten, at every block boundary, and before
// calls. Branches copy their label values into the target's canonical slots
// (skipped when already in place). Peepholes: compare + br_if/if become one
// fused branch, `i32.const` + add/and/shift become immediate forms, and an
// instruction followed by local.set/tee writes the local directly.
// Unreachable code is validated but not emitted.
//===----------------------------------------------------------------------===//
#include "Compiler.h"
#include "Code.h"
#include "LinearMemory.h"
#include "Reader.h"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace wmc {
namespace {

struct Entry {
  ValType T;
  uint32_t Slot;        ///< where the value lives (canonical slot if const)
  bool IsConst = false; ///< a constant not yet written to Slot
  uint64_t Value = 0;   ///< the constant's bits
};

enum CtrlKind : uint8_t { KBlock, KLoop, KIf, KElse, KFunc };

struct Ctrl {
  CtrlKind Kind;
  std::vector<ValType> Params, Results;
  uint32_t Height = 0;      ///< operand stack height below the block's params
  bool Unreachable = false; ///< rest of the block is unreachable
  bool Dead = false;        ///< whole block sits in unreachable code
  size_t Start = 0;         ///< code index of a loop's first instruction
  /// Forward branches to patch: (instruction index, offset word index).
  std::vector<std::pair<size_t, size_t>> Fixups;
  size_t ElseInstr = SIZE_MAX, ElseWord = 0; ///< an if's branch to else
  const std::vector<ValType> &labelTypes() const {
    return Kind == KLoop ? Params : Results;
  }
};

constexpr size_t NoPos = SIZE_MAX;
/// How many instructions copy hoisting and chain sinking look back over.
constexpr size_t MaxLookback = 16;

bool immWord(Op O, size_t I);
const char *opShape(Op O);

class FuncCompiler {
public:
  FuncCompiler(const Module &M, uint32_t FuncIndex, Reader &R, size_t End,
               const CompileEnv &Env, CompiledFunc &Out)
      : M(M), R(R), End(End), Env(Env), Out(Out), Code(Out.Code),
        Type(M.Types[M.FuncTypes[FuncIndex]]),
        Contiguous(M.NumImportedMemories == 0) {}

  void run();

private:
  const Module &M;
  Reader &R;
  size_t End;
  const CompileEnv &Env;
  CompiledFunc &Out;
  std::vector<uint64_t> &Code;
  const FuncType &Type;
  /// The module defines all its memories, so instantiation places memory k
  /// at Base_0 + k * ReservationBytes (Store::addMemories): an access to
  /// memory k is a memory-0 access with that displacement added to its
  /// 64-bit offset word, and takes every memory-0 fast path.
  const bool Contiguous;
  std::vector<ValType> Locals;
  std::vector<Entry> Vals;
  std::vector<Ctrl> Ctrls;
  uint32_t NumLocals = 0;
  uint32_t MaxHeight = 0;
  uint32_t ExtraSlots = 0; ///< frame slots needed by renamed loops' scratch
  size_t InstrOff = 0;
  // Peephole state: the last emitted instruction, if nothing (no label)
  // was placed after it.
  size_t LastPos = NoPos;
  Op LastOp = Op::Unreachable;
  size_t LastDstWord = NoPos; ///< its retargetable destination operand
  size_t PrevPos = NoPos;     ///< the instruction before it (same rules)
  Op PrevOp = Op::Unreachable;
  /// The instructions emitted since the last label, in order (for copy
  /// hoisting). Movable: a plain value producer (writes only slots named in
  /// its operands, not a branch).
  struct Rec {
    size_t Pos;
    Op O;
    bool Movable;
  };
  std::vector<Rec> Hist;

  [[noreturn]] void invalid(const std::string &Msg) {
    throw LoadError(InstrOff, Msg, false);
  }

  // ---- operand stack ------------------------------------------------------
  uint32_t canon(size_t H) const { return NumLocals + (uint32_t)H; }
  void push(ValType T) {
    Vals.push_back({T, canon(Vals.size())});
    MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)Vals.size());
  }
  Entry pop() {
    Ctrl &C = Ctrls.back();
    if (Vals.size() == C.Height) {
      if (C.Unreachable)
        return {ValType::Any, 0};
      invalid("type mismatch: operand stack underflow");
    }
    Entry E = Vals.back();
    Vals.pop_back();
    return E;
  }
  Entry pop(ValType Expected) {
    Entry E = pop();
    if (E.T != Expected && E.T != ValType::Any && Expected != ValType::Any)
      invalid(std::string("type mismatch: expected ") + valTypeName(Expected) +
              ", found " + valTypeName(E.T));
    if (E.T == ValType::Any)
      E.T = Expected;
    return E;
  }
  void popTypes(const std::vector<ValType> &Ts) {
    for (size_t I = Ts.size(); I-- > 0;)
      pop(Ts[I]);
  }

  // ---- emission -----------------------------------------------------------
  bool live() const {
    const Ctrl &C = Ctrls.back();
    return !C.Unreachable && !C.Dead;
  }
  size_t emit(Op O, std::initializer_list<uint64_t> Operands,
              bool HasDst = false) {
    if (!live())
      return NoPos;
    size_t Pos = Code.size();
    Code.push_back(opWord(O));
    Code.insert(Code.end(), Operands.begin(), Operands.end());
    trimHist(Pos);
    Hist.push_back({Pos, O, HasDst});
    PrevPos = LastPos;
    PrevOp = LastOp;
    LastPos = Pos;
    LastOp = O;
    LastDstWord = HasDst ? Pos + 1 : NoPos;
    return Pos;
  }
  /// Marks a position that branches may target: no fusion across it.
  void label() {
    LastPos = PrevPos = NoPos;
    Hist.clear();
  }
  /// Drops history entries at or after `End` (code removed by a fusion).
  void trimHist(size_t End) {
    while (!Hist.empty() && Hist.back().Pos >= End)
      Hist.pop_back();
  }
  static bool isCopyRun(Op O) {
    return O == Op::Copy || O == Op::Copy2 || O == Op::Copy3 ||
           O == Op::Copy4 || O == Op::Copy5 || O == Op::Copy6 ||
           O == Op::Copy7 || O == Op::Copy8;
  }
  bool lastIs(Op O, uint32_t Dst) const {
    return LastPos != NoPos && LastOp == O && LastDstWord == LastPos + 1 &&
           Code[LastDstWord] == Dst;
  }
  /// Emits `Dst = Src`. Copies are hoisted over the value producers just
  /// emitted that name neither Dst nor Src, to join an earlier run of copies
  /// (Copy..Copy8, one dispatch; a run executes in order; a full run gets a
  /// new one after it). A trap in a skipped instruction cannot observe the
  /// early copy (the frame dies).
  void copy(uint32_t Dst, uint32_t Src) {
    if (Dst == Src || !live())
      return;
    trimHist(Code.size());
    size_t K = Hist.size();
    size_t End = Code.size();
    // (Bounded walk: compile time stays linear in huge basic blocks.)
    while (K > 0 && Hist[K - 1].Movable && Hist.size() - K < MaxLookback) {
      const Rec &R = Hist[K - 1];
      bool Conflict = false;
      for (size_t W = R.Pos + 1; W < End && !Conflict; ++W)
        Conflict = !immWord(R.O, W - R.Pos) && (Code[W] == Dst || Code[W] == Src);
      if (Conflict)
        break;
      End = R.Pos;
      --K;
    }
    if (K == 0 || !isCopyRun(Hist[K - 1].O)) {
      emit(Op::Copy, {Dst, Src}); // nothing to join: a run at the end
      return;
    }
    static const Op Runs[] = {Op::Copy,  Op::Copy2, Op::Copy3, Op::Copy4,
                              Op::Copy5, Op::Copy6, Op::Copy7, Op::Copy8};
    Rec &Run = Hist[K - 1];
    size_t Insert, Delta;
    if (Run.O != Op::Copy8) { // extend the run
      Insert = End;
      Delta = 2;
      Run.O = Runs[(End - Run.Pos - 1) / 2];
      Code[Run.Pos] = opWord(Run.O);
      Code.insert(Code.begin() + Insert, {Dst, Src});
    } else { // a new run right after the full one
      Insert = End;
      Delta = 3;
      Code.insert(Code.begin() + Insert, {opWord(Op::Copy), Dst, Src});
      Hist.insert(Hist.begin() + K, Rec{Insert, Op::Copy, false});
      ++K;
    }
    for (size_t J = K; J < Hist.size(); ++J)
      Hist[J].Pos += Delta;
    auto Shift = [&](size_t &P) {
      if (P != NoPos && P >= Insert)
        P += Delta;
    };
    if (PrevPos != NoPos && PrevPos < Insert && LastPos != NoPos &&
        LastPos >= Insert)
      PrevPos = NoPos; // no longer adjacent to the last instruction
    Shift(LastPos);
    Shift(PrevPos);
    Shift(LastDstWord);
    if (LastPos == NoPos || LastPos < Insert) { // the run is last
      LastPos = Hist.back().Pos;
      LastOp = Hist.back().O;
      LastDstWord = NoPos;
    }
  }
  void materialize(size_t I) {
    Entry &E = Vals[I];
    if (E.IsConst) {
      emit(Op::Const, {canon(I), E.Value});
      E.IsConst = false;
      E.Slot = canon(I);
      return;
    }
    if (E.T == ValType::Any || E.Slot == canon(I))
      return;
    copy(canon(I), E.Slot);
    E.Slot = canon(I);
  }
  /// The slot of popped operand `E`, writing a deferred constant first.
  uint64_t use(Entry &E) {
    if (E.IsConst) {
      emit(Op::Const, {E.Slot, E.Value});
      E.IsConst = false;
    }
    return E.Slot;
  }
  void pushConst(ValType T, uint64_t V) {
    push(T);
    Vals.back().IsConst = true;
    Vals.back().Value = V;
  }
  void materializeFrom(size_t From) {
    for (size_t I = From; I < Vals.size(); ++I)
      materialize(I);
  }
  void materializeLocal(uint32_t L) {
    for (size_t I = 0; I < Vals.size(); ++I)
      if (Vals[I].Slot == L && Vals[I].T != ValType::Any && !Vals[I].IsConst)
        materialize(I);
  }
  bool localAliased(uint32_t L) const {
    for (const Entry &E : Vals)
      if (E.Slot == L && E.T != ValType::Any && !E.IsConst)
        return true;
    return false;
  }

  /// Copies the top `N` values into the label slots of `Target`.
  void branchCopies(const Ctrl &Target) {
    size_t N = Target.labelTypes().size();
    size_t Base = Vals.size() - N;
    for (size_t J = 0; J < N; ++J) {
      const Entry &E = Vals[Base + J];
      if (E.IsConst)
        emit(Op::Const, {canon(Target.Height + J), E.Value});
      else if (E.T != ValType::Any)
        copy(canon(Target.Height + J), E.Slot);
    }
  }
  bool branchNeedsCopies(const Ctrl &Target) const {
    size_t N = Target.labelTypes().size();
    size_t Base = Vals.size() - N;
    for (size_t J = 0; J < N; ++J)
      if (Vals[Base + J].IsConst ||
          (Vals[Base + J].T != ValType::Any &&
           Vals[Base + J].Slot != canon(Target.Height + J)))
        return true;
    return false;
  }
  /// Emits the offset word of a branch at instruction `Instr` to `Target`.
  void branchTo(Ctrl &Target, size_t Instr) {
    if (Target.Kind == KLoop) {
      Code.push_back((uint64_t)((int64_t)Target.Start - (int64_t)Instr));
    } else {
      Target.Fixups.push_back({Instr, Code.size()});
      Code.push_back(0);
    }
  }
  void patchTo(const std::vector<std::pair<size_t, size_t>> &Fixups,
               size_t Dest) {
    for (auto [Instr, Word] : Fixups)
      Code[Word] = (uint64_t)((int64_t)Dest - (int64_t)Instr);
  }
  /// Unconditional branch to `Target` (values already type checked).
  void emitBr(Ctrl &Target) {
    if (!live())
      return;
    branchCopies(Target);
    size_t P = emit(Op::Br, {});
    branchTo(Target, P);
  }

  static unsigned copyRunLength(uint64_t Word) {
    static const Op Runs[] = {Op::Copy,  Op::Copy2, Op::Copy3, Op::Copy4,
                              Op::Copy5, Op::Copy6, Op::Copy7, Op::Copy8};
    for (unsigned I = 0; I < 8; ++I)
      if (Word == opWord(Runs[I]))
        return I + 1;
    return 0;
  }
  /// A loop's back edge `Instr` (a BrIfI32IncNeImm, the last instruction)
  /// becomes one BrIfI32IncNeImmC<B>_<T> that does the copy run just before
  /// it (`Before`) when falling through, and `Before` then the copy run at
  /// the head of loop `T` (`Head`, which the branch then skips) when
  /// branching. The increment's slot is none of the copies', so doing it
  /// first changes nothing. The fused instruction starts where `Before`
  /// started, so a branch landing there still runs it first; nothing lands
  /// inside it (the run is in Hist: no label since).
  ///
  /// When the body between the two runs is straight-line (Hist reaches back
  /// to the loop head: no label, so no branch in or out of it), the taken
  /// path's copies are merged into one parallel copy and the writes of
  /// `Before` to locals the body never names are dropped from it: such a
  /// local is only read again after the loop, and the loop is left only by
  /// falling through here, where `Before` runs in full. Dropped locals must
  /// not feed any copy (their value is stale while the loop runs).
  void foldLoopCopies(Ctrl &T, size_t Instr) {
    if (LastPos != Instr || LastOp != Op::BrIfI32IncNeImm ||
        Code.size() != Instr + 5)
      return;
    size_t Start = Instr; // where the fused instruction goes
    size_t BeforeRec = NoPos;
    std::vector<uint64_t> Before, Head;
    if (Hist.size() >= 2 && Hist.back().Pos == Instr &&
        isCopyRun(Hist[Hist.size() - 2].O)) {
      size_t P = Hist[Hist.size() - 2].Pos;
      unsigned N = copyRunLength(Code[P]);
      if (N != 0 && P + 1 + 2 * N == Instr) {
        Before.assign(Code.begin() + P + 1, Code.begin() + Instr);
        Start = P;
        BeforeRec = Hist.size() - 2;
      }
    }
    size_t HeadEnd = T.Start;
    if (T.Start < Start) {
      unsigned N = copyRunLength(Code[T.Start]);
      if (N != 0 && T.Start + 1 + 2 * N <= Start) {
        Head.assign(Code.begin() + T.Start + 1,
                    Code.begin() + T.Start + 1 + 2 * N);
        HeadEnd = T.Start + 1 + 2 * N;
      }
    }
    if (Before.empty() && Head.empty())
      return;
    uint64_t A = Code[Instr + 1], K = Code[Instr + 2], C = Code[Instr + 3];
    // The handler does the increment first: `a` must be in no copy.
    for (const std::vector<uint64_t> *V : {&Before, &Head})
      for (uint64_t W : *V)
        if (W == A)
          return;
    std::vector<uint64_t> Taken = Before;
    Taken.insert(Taken.end(), Head.begin(), Head.end());
    if (!Before.empty() && !Head.empty())
      mergeTakenCopies(Before, Head, HeadEnd, BeforeRec, Taken);
    // Runs padded to an even count with a self-copy.
    for (std::vector<uint64_t> *V : {&Before, &Taken})
      if (V->size() % 4 != 0)
        V->insert(V->end(), {(*V)[0], (*V)[0]});
    unsigned B = (unsigned)Before.size() / 4, Tn = (unsigned)Taken.size() / 4;
    if (B > 4 || Tn > 8)
      return;
    Code.resize(Start);
    trimHist(Start);
    // BrIfI32IncNeImmC{2B}_{2T}, listed in Ops.def with B major (0_0 absent).
    unsigned Index = B * 9 + Tn - 1;
    Code.push_back(opWord((Op)((unsigned)Op::BrIfI32IncNeImmC0_2 + Index)));
    Code.insert(Code.end(),
                {A, K, C, (uint64_t)((int64_t)HeadEnd - (int64_t)Start)});
    Code.insert(Code.end(), Before.begin(), Before.end());
    Code.insert(Code.end(), Taken.begin(), Taken.end());
    LastPos = PrevPos = NoPos;
  }
  /// See foldLoopCopies: replaces `Taken` (Before then Head, in order) by
  /// an equivalent sequence of copies that skips the writes nobody reads,
  /// if the loop body [HeadEnd, Hist[BeforeRec].Pos) can be checked.
  void mergeTakenCopies(const std::vector<uint64_t> &Before,
                        const std::vector<uint64_t> &Head, size_t HeadEnd,
                        size_t BeforeRec, std::vector<uint64_t> &Taken) {
    static const std::unordered_map<uint64_t, Op> OpOf = [] {
      std::unordered_map<uint64_t, Op> M;
      for (unsigned I = 0; I < (unsigned)Op::NumOps; ++I)
        M.emplace(opWord((Op)I), (Op)I);
      return M;
    }();
    // The body: Hist must run contiguously from the loop head.
    size_t First = 0;
    while (First < BeforeRec && Hist[First].Pos < HeadEnd)
      ++First;
    // (First = 1: Hist[0] is the head run; the body must start at HeadEnd.)
    if (First > 1 || (First == 1 && Hist[0].Pos + 1 + Head.size() != HeadEnd) ||
        Hist[First].Pos != HeadEnd)
      return;
    std::unordered_set<uint64_t> Named; // slot words in the body
    for (size_t I = First; I < BeforeRec; ++I) {
      size_t P = Hist[I].Pos, E = Hist[I + 1].Pos;
      auto It = OpOf.find(Code[P]);
      if (It == OpOf.end() || E <= P)
        return;
      for (size_t W = P + 1; W < E; ++W)
        if (!immWord(It->second, W - P))
          Named.insert(Code[W]);
    }
    // Dropped: locals `Before` writes that the body does not name and
    // Head does not write.
    std::unordered_set<uint64_t> Drop;
    for (size_t I = 0; I < Before.size(); I += 2)
      if (Before[I] < NumLocals && !Named.count(Before[I]))
        Drop.insert(Before[I]);
    for (size_t I = 0; I < Head.size(); I += 2)
      Drop.erase(Head[I]);
    if (Drop.empty())
      return;
    // Symbolic run of Taken: which original slot each slot holds.
    std::unordered_map<uint64_t, uint64_t> Cur;
    std::vector<uint64_t> Order; // written slots, first write order
    auto Val = [&](uint64_t S) {
      auto It = Cur.find(S);
      return It == Cur.end() ? S : It->second;
    };
    for (size_t I = 0; I < Taken.size(); I += 2) {
      uint64_t From = Val(Taken[I + 1]);
      if (Drop.count(From))
        return; // a dropped (stale) value would be read
      if (!Cur.count(Taken[I]))
        Order.push_back(Taken[I]);
      Cur[Taken[I]] = From;
    }
    std::vector<std::pair<uint64_t, uint64_t>> Pending;
    for (uint64_t D : Order)
      if (!Drop.count(D) && Cur[D] != D)
        Pending.push_back({D, Cur[D]});
    // Sequentialise the parallel copy (no temporaries: give up on cycles).
    std::vector<uint64_t> Out;
    while (!Pending.empty()) {
      size_t I = 0;
      for (; I < Pending.size(); ++I) {
        bool Read = false;
        for (size_t J = 0; J < Pending.size() && !Read; ++J)
          Read = J != I && Pending[J].second == Pending[I].first;
        if (!Read)
          break;
      }
      if (I == Pending.size())
        return;
      Out.push_back(Pending[I].first);
      Out.push_back(Pending[I].second);
      Pending.erase(Pending.begin() + I);
    }
    Taken = Out;
  }

  /// Loop renaming (modulo variable expansion). A straight-line loop body
  /// closed by `a += k; br_if (a != n)` whose back edge only moves values
  /// between slots (the copy run before the branch, the copy run at the
  /// loop head, copies inside the body) is unrolled U times (U <= 8) and
  /// the copies are done by renaming instead: copy i of the body reads each
  /// slot where its value lives after the copies of the copies before it,
  /// and writes each result into a slot whose value nothing reads any more
  /// (its own slot if that is free). Every copy i ends with the increment
  /// and a branch out when the count is reached (BrIfI32IncEqImm, to a stub
  /// that puts every local's value back into the local's own slot, does the
  /// exit path's copy run and jumps past the loop); copy U-1 branches back,
  /// putting values back first if the renaming has not come round to the
  /// identity (U is chosen so that it has, where possible). Wasm semantics
  /// allow this: only the locals' values at the loop's exits are observable
  /// (a trap ends the invocation; memory and globals are not renamed), and
  /// a straight-line body (no label since the loop head) has no branch in
  /// or out but the one closing it. Returns false (nothing changed) when a
  /// precondition fails or renaming saves nothing.
  bool renameLoop(Ctrl &T, size_t Instr) {
    if (LastPos != Instr || LastOp != Op::BrIfI32IncNeImm ||
        Code.size() != Instr + 5 || !T.Params.empty() ||
        Vals.size() != T.Height || Hist.empty() || Hist.back().Pos != Instr ||
        Hist[0].Pos != T.Start)
      return false;
    uint64_t A = Code[Instr + 1], K = Code[Instr + 2], C = Code[Instr + 3];
    const uint64_t TempBase = NumLocals + T.Height; // slots >= are temps
    // Head run, body, Before run (the body must be Hist[First..BeforeRec)).
    size_t First = 0, HeadEnd = T.Start, BodyEndRec = Hist.size() - 1;
    std::vector<uint64_t> Head, Before;
    if (isCopyRun(Hist[0].O) && Hist.size() > 1) {
      Head.assign(Code.begin() + Hist[0].Pos + 1, Code.begin() + Hist[1].Pos);
      HeadEnd = Hist[1].Pos;
      First = 1;
      // A run that writes a temporary is the body's own (an operand
      // materialised there, e.g. after sinkLoad moved the loads that
      // preceded it): rename it as body copies.
      for (size_t I = 0; I < Head.size(); I += 2)
        if (Head[I] >= TempBase) {
          Head.clear();
          HeadEnd = T.Start;
          First = 0;
          break;
        }
    }
    if (BodyEndRec > First && isCopyRun(Hist[BodyEndRec - 1].O)) {
      --BodyEndRec;
      Before.assign(Code.begin() + Hist[BodyEndRec].Pos + 1,
                    Code.begin() + Instr);
    }
    if (BodyEndRec <= First || BodyEndRec - First > 48)
      return false;
    // The body as sub-operations (reads happen before the write).
    struct SubOp {
      size_t Instr;               ///< index into Body
      std::vector<size_t> Reads;  ///< word indices into Body[Instr].Words
      size_t Write = SIZE_MAX;    ///< word index of the written slot
      bool IsCopy = false;
    };
    struct BodyInstr {
      Op O;
      std::vector<uint64_t> Words; // operands
      std::string Kinds;           // per word: W, R or I
    };
    std::vector<BodyInstr> Body;
    std::vector<SubOp> Subs;
    std::unordered_set<uint64_t> PoolSet;
    auto Named = [&](uint64_t S) {
      if (S == A)
        return false;
      PoolSet.insert(S);
      return true;
    };
    for (size_t I = First; I < BodyEndRec; ++I) {
      size_t P = Hist[I].Pos, E = Hist[I + 1].Pos;
      const char *Shape = opShape(Hist[I].O);
      if (!Shape || E <= P || opWord(Hist[I].O) != Code[P])
        return false;
      BodyInstr B{Hist[I].O, std::vector<uint64_t>(Code.begin() + P + 1,
                                                   Code.begin() + E), ""};
      bool Copy = isCopyRun(B.O);
      SubOp Cur;
      Cur.Instr = Body.size();
      Cur.IsCopy = Copy;
      for (const char *Ch = Shape; *Ch; ++Ch) {
        if (*Ch == '|') {
          Subs.push_back(Cur);
          Cur = SubOp();
          Cur.Instr = Body.size();
          Cur.IsCopy = Copy;
          continue;
        }
        size_t W = B.Kinds.size();
        if (W >= B.Words.size())
          return false;
        B.Kinds.push_back(*Ch);
        if (*Ch == 'I')
          continue;
        if (!Named(B.Words[W])) {
          if (*Ch == 'W')
            return false; // the body writes the counter
          if (Copy)
            return false;
        }
        if (*Ch == 'R')
          Cur.Reads.push_back(W);
        else
          Cur.Write = W;
      }
      if (B.Kinds.size() != B.Words.size())
        return false;
      Subs.push_back(Cur);
      Body.push_back(std::move(B));
    }
    if ((!Head.empty() && Code[T.Start] != opWord(Hist[0].O)) ||
        (!Before.empty() && Code[Hist[BodyEndRec].Pos] !=
                                opWord(Hist[BodyEndRec].O)))
      return false;
    for (const std::vector<uint64_t> *V : {&Head, &Before})
      for (uint64_t W : *V)
        if (!Named(W))
          return false; // a copy names the counter
    // Liveness of slots (not values) over the body. Live after the body:
    // whatever the exit path (Before) or the taken path (Before, Head)
    // moves into a local, plus every slot those runs read.
    auto Apply = [](std::unordered_map<uint64_t, uint64_t> &Map,
                    const std::vector<uint64_t> &Run) {
      for (size_t I = 0; I + 1 < Run.size(); I += 2) {
        auto It = Map.find(Run[I + 1]);
        uint64_t V = It == Map.end() ? Run[I + 1] : It->second;
        Map[Run[I]] = V;
      }
    };
    std::vector<uint64_t> Pool(PoolSet.begin(), PoolSet.end());
    std::sort(Pool.begin(), Pool.end());
    if (Pool.size() > 64) // (bounds the compile time with the body size)
      return false;
    std::unordered_set<uint64_t> Live;
    {
      std::unordered_map<uint64_t, uint64_t> Exit, Taken;
      Apply(Exit, Before);
      Apply(Taken, Before);
      Apply(Taken, Head);
      for (uint64_t S : Pool)
        if (S < TempBase) {
          auto E = Exit.find(S), Tk = Taken.find(S);
          Live.insert(E == Exit.end() ? S : E->second);
          Live.insert(Tk == Taken.end() ? S : Tk->second);
        }
    }
    std::vector<std::unordered_set<uint64_t>> LiveAfter(Subs.size());
    for (size_t I = Subs.size(); I-- > 0;) {
      LiveAfter[I] = Live;
      const SubOp &S = Subs[I];
      const BodyInstr &B = Body[S.Instr];
      if (S.Write != SIZE_MAX)
        Live.erase(B.Words[S.Write]);
      for (size_t W : S.Reads)
        Live.insert(B.Words[W]);
    }
    for (uint64_t S : Live)
      if (S >= TempBase)
        return false; // a temporary read before it is written
    const std::unordered_set<uint64_t> LiveIn = Live;
    // Home slots (may hold any value): live at the head or written by the
    // body. Classes: slots linked by a copy.
    std::vector<uint64_t> Homes;
    {
      std::unordered_set<uint64_t> H(LiveIn.begin(), LiveIn.end());
      for (const SubOp &S : Subs)
        if (S.Write != SIZE_MAX && !S.IsCopy)
          H.insert(Body[S.Instr].Words[S.Write]);
      for (uint64_t X : Pool)
        if (H.count(X))
          Homes.push_back(X);
    }
    std::unordered_map<uint64_t, uint64_t> Parent;
    std::function<uint64_t(uint64_t)> ClassOf = [&](uint64_t X) {
      auto It = Parent.find(X);
      if (It == Parent.end() || It->second == X)
        return X;
      return It->second = ClassOf(It->second);
    };
    auto Link = [&](uint64_t X, uint64_t Y) {
      X = ClassOf(X);
      Y = ClassOf(Y);
      if (X != Y)
        Parent[X] = Y;
    };
    for (const std::vector<uint64_t> *V : {&Head, &Before})
      for (size_t I = 0; I + 1 < V->size(); I += 2)
        Link((*V)[I], (*V)[I + 1]);
    for (const SubOp &S : Subs)
      if (S.IsCopy)
        Link(Body[S.Instr].Words[S.Write], Body[S.Instr].Words[S.Reads[0]]);

    // Symbolic execution: Val[slot] = value id, Loc[value] = physical slot.
    // Scratch slots above every slot in use: the first breaks put-back
    // cycles, the others hold values when no slot of the body is free.
    const uint32_t CycleTmp = NumLocals + MaxHeight + 1;
    const uint32_t ScratchFirst = CycleTmp + 1;
    uint32_t ScratchNext = ScratchFirst;
    struct Sim {
      std::unordered_map<uint64_t, size_t> Val;
      std::vector<uint64_t> Loc;
      std::unordered_map<uint64_t, size_t> Touch; ///< slot -> last use
      size_t Clock = 0;
    };
    Sim St;
    auto Reset = [&] {
      St = Sim();
      for (uint64_t S : Pool) {
        St.Val[S] = St.Loc.size();
        St.Loc.push_back(S);
      }
      ScratchNext = ScratchFirst;
    };
    int Heur = 0;
    auto LocOf = [&](uint64_t S) {
      auto It = St.Val.find(S);
      return It == St.Val.end() ? S : St.Loc[It->second];
    };
    auto ApplyCopies = [&](const std::vector<uint64_t> &Run) {
      for (size_t I = 0; I + 1 < Run.size(); I += 2)
        St.Val[Run[I]] = St.Val.at(Run[I + 1]);
    };
    // One copy of the body; `Emit` receives the renamed instructions.
    std::vector<uint64_t> Busy;
    auto Iterate = [&](std::vector<uint64_t> *Emit) {
      size_t SI = 0;
      for (size_t BI = 0; BI < Body.size(); ++BI) {
        const BodyInstr &B = Body[BI];
        std::vector<uint64_t> Words = B.Words;
        for (; SI < Subs.size() && Subs[SI].Instr == BI; ++SI) {
          const SubOp &S = Subs[SI];
          ++St.Clock;
          for (size_t W : S.Reads) {
            Words[W] = LocOf(B.Words[W]);
            St.Touch[Words[W]] = St.Clock;
          }
          if (S.Write == SIZE_MAX)
            continue;
          uint64_t D = B.Words[S.Write];
          if (S.IsCopy) {
            St.Val[D] = St.Val.at(B.Words[S.Reads[0]]);
            continue;
          }
          // Where D's value is, if it dies here (an update in place);
          // else a free slot of the body's own slots (live at the head or
          // written by the body), those of D's class first (slots linked
          // by copies: a chain of values rotating through locals), then
          // by Heur (0: least recently used first, 1: most recently,
          // 2: lowest). With least recently used first, a rotation of n
          // locals comes round to the identity after n copies of the body.
          // Busy: slots holding a value some other slot still needs.
          Busy.clear();
          for (uint64_t Y : LiveAfter[SI])
            if (Y != D)
              Busy.push_back(LocOf(Y));
          auto Free = [&](uint64_t X) {
            return X != A && std::find(Busy.begin(), Busy.end(), X) == Busy.end();
          };
          uint64_t P = NoPos;
          uint64_t Cur = LocOf(D);
          if (Free(Cur))
            P = Cur;
          auto Key = [&](uint64_t X) {
            auto It = St.Touch.find(X);
            int64_t T = It == St.Touch.end() ? -1 : (int64_t)It->second;
            int64_t Ord = Heur == 0 ? T : Heur == 1 ? -T : (int64_t)X;
            return std::make_pair(ClassOf(X) == ClassOf(D) ? 0 : 1, Ord);
          };
          for (uint64_t X : Homes)
            if (P != Cur && Free(X) &&
                (P == NoPos || Key(X) < Key(P)))
              P = X;
          for (uint64_t X = ScratchFirst; X < ScratchNext && P == NoPos; ++X)
            if (Free(X))
              P = X;
          if (P == NoPos) {
            if (ScratchNext - ScratchFirst >= 8)
              return false;
            P = ScratchNext++;
          }
          St.Val[D] = St.Loc.size();
          St.Loc.push_back(P);
          St.Touch[P] = St.Clock;
          Words[S.Write] = P;
        }
        if (Emit && !isCopyRun(B.O)) {
          Emit->push_back(opWord(B.O));
          Emit->insert(Emit->end(), Words.begin(), Words.end());
        }
      }
      return true;
    };
    // Copies that put every local's value (LiveInOnly: every slot live at
    // the loop head) back in its own slot after copy run `Run`, as (dst,
    // src) pairs in an order that works (a cycle goes through a scratch
    // slot). Temporaries are dead at the exits (nothing is left on the
    // operand stack above the loop).
    auto PutBack = [&](const std::vector<uint64_t> &Run, bool LiveInOnly,
                       std::vector<uint64_t> &Out) {
      // (Run applied to a copy of the few slots it writes.)
      std::unordered_map<uint64_t, size_t> After;
      for (size_t I = 0; I + 1 < Run.size(); I += 2) {
        auto It = After.find(Run[I + 1]);
        After[Run[I]] = It != After.end() ? It->second : St.Val.at(Run[I + 1]);
      }
      std::vector<std::pair<uint64_t, uint64_t>> Pending;
      for (uint64_t S : Pool) {
        if (LiveInOnly ? !LiveIn.count(S) : S >= TempBase)
          continue;
        auto It = After.find(S);
        uint64_t P = It != After.end() ? St.Loc[It->second] : LocOf(S);
        if (P != S)
          Pending.push_back({S, P});
      }
      Out.clear();
      std::unordered_map<uint64_t, unsigned> Readers; // pending reads of a slot
      for (auto &[D, S] : Pending)
        ++Readers[S];
      auto Read = [&](uint64_t X) {
        auto It = Readers.find(X);
        return It != Readers.end() && It->second != 0;
      };
      while (!Pending.empty()) {
        size_t I = 0;
        while (I < Pending.size() && Read(Pending[I].first))
          ++I;
        if (I == Pending.size()) { // only cycles left: break one
          // (When stuck, every copy left lies on a cycle, so no copy
          // still reads CycleTmp from an earlier break.)
          uint64_t Src = Pending[0].second;
          Out.insert(Out.end(), {CycleTmp, Src});
          for (auto &[D, S] : Pending)
            if (S == Src)
              S = CycleTmp;
          Readers[CycleTmp] = Readers[Src];
          Readers[Src] = 0;
          continue;
        }
        Out.insert(Out.end(), {Pending[I].first, Pending[I].second});
        --Readers[Pending[I].second];
        Pending.erase(Pending.begin() + I);
      }
    };
    // Choose U: the first count of copies after which no value needs
    // putting back, else the fewest put-back copies per iteration.
    constexpr unsigned MaxUnroll = 8;
    size_t BodyWords = 0;
    for (const BodyInstr &B : Body)
      BodyWords += isCopyRun(B.O) ? 0 : 1 + B.Words.size();
    unsigned BestU = 0;
    int BestHeur = 0;
    double BestCost = 1e9;
    for (Heur = 0; Heur < 3 && BestCost > 0; ++Heur) {
      Reset();
      for (unsigned U = 1; U <= MaxUnroll && U * BodyWords <= 2048; ++U) {
        if (!Iterate(nullptr))
          break;
        std::vector<uint64_t> Back;
        ApplyCopies(Before);
        ApplyCopies(Head);
        PutBack({}, true, Back);
        double Cost = (double)(Back.size() / 2) / U;
        if (Back.size() / 2 <= 16 && Cost < BestCost) {
          BestCost = Cost;
          BestU = U;
          BestHeur = Heur;
        }
        if (Back.empty())
          break;
      }
    }
    Heur = BestHeur;
    // Worth it only if renaming saves copies on the taken path.
    size_t Copies = (Before.size() + Head.size()) / 2;
    for (const BodyInstr &B : Body)
      if (isCopyRun(B.O))
        Copies += B.Words.size() / 2;
    if (BestU < 2 || BestCost * 2 >= (double)Copies)
      return false;
    // Emit.
    Reset();
    std::vector<uint64_t> NewCode;
    std::vector<std::vector<uint64_t>> Stubs;
    std::vector<size_t> ExitBranch; // NewCode index of each early exit
    std::vector<uint64_t> Back, LastExit;
    for (unsigned U = 0; U < BestU; ++U) {
      if (!Iterate(&NewCode))
        return false;
      std::vector<uint64_t> Exit;
      PutBack(Before, false, Exit);
      if (U + 1 < BestU) {
        ExitBranch.push_back(NewCode.size());
        NewCode.insert(NewCode.end(),
                       {opWord(Op::BrIfI32IncEqImm), A, K, C, 0});
        Stubs.push_back(Exit);
        ApplyCopies(Before);
        ApplyCopies(Head);
        continue;
      }
      LastExit = Exit;
      ApplyCopies(Before);
      ApplyCopies(Head);
      PutBack({}, true, Back);
    }
    if (Back.size() / 2 > 16)
      return false; // (the choice above saw no more than 16)
    uint32_t ScratchEnd = ScratchNext; // (frame slots: also CycleTmp's)
    // Rebuild the code from the end of the head run.
    Code.resize(HeadEnd);
    for (size_t &E : ExitBranch)
      E += HeadEnd;
    Code.insert(Code.end(), NewCode.begin(), NewCode.end());
    size_t BackPos = Code.size();
    if (Back.empty()) {
      Code.insert(Code.end(), {opWord(Op::BrIfI32IncNeImm), A, K, C,
                               (uint64_t)((int64_t)HeadEnd - (int64_t)BackPos)});
    } else {
      if (Back.size() % 4 != 0)
        Back.insert(Back.end(), {Back[0], Back[0]});
      unsigned Tn = (unsigned)Back.size() / 4;
      Code.push_back(opWord((Op)((unsigned)Op::BrIfI32IncNeImmC0_2 + Tn - 1)));
      Code.insert(Code.end(),
                  {A, K, C, (uint64_t)((int64_t)HeadEnd - (int64_t)BackPos)});
      Code.insert(Code.end(), Back.begin(), Back.end());
    }
    std::vector<size_t> ToEnd; // Br instructions jumping past the stubs
    auto EmitCopies = [&](const std::vector<uint64_t> &Run) {
      static const Op Runs[] = {Op::Copy,  Op::Copy2, Op::Copy3, Op::Copy4,
                                Op::Copy5, Op::Copy6, Op::Copy7, Op::Copy8};
      for (size_t I = 0; I < Run.size(); I += 16) {
        size_t N = std::min<size_t>(Run.size() - I, 16);
        Code.push_back(opWord(Runs[N / 2 - 1]));
        Code.insert(Code.end(), Run.begin() + I, Run.begin() + I + N);
      }
    };
    EmitCopies(LastExit);
    bool AnyStub = false;
    for (const std::vector<uint64_t> &S : Stubs)
      AnyStub |= !S.empty();
    if (AnyStub) {
      ToEnd.push_back(Code.size());
      Code.insert(Code.end(), {opWord(Op::Br), 0});
    }
    for (size_t I = 0; I < Stubs.size(); ++I) {
      if (Stubs[I].empty()) {
        ToEnd.push_back(ExitBranch[I]); // straight past the loop
        continue;
      }
      Code[ExitBranch[I] + 4] =
          (uint64_t)((int64_t)Code.size() - (int64_t)ExitBranch[I]);
      EmitCopies(Stubs[I]);
      ToEnd.push_back(Code.size());
      Code.insert(Code.end(), {opWord(Op::Br), 0});
    }
    for (size_t P : ToEnd) {
      size_t W = Code[P] == opWord(Op::Br) ? P + 1 : P + 4;
      Code[W] = (uint64_t)((int64_t)Code.size() - (int64_t)P);
    }
    ExtraSlots = std::max(ExtraSlots, ScratchEnd);
    Hist.clear();
    LastPos = PrevPos = NoPos;
    return true;
  }

  Ctrl &labelAt(uint32_t Depth) {
    if (Depth >= Ctrls.size())
      invalid("unknown label " + std::to_string(Depth));
    return Ctrls[Ctrls.size() - 1 - Depth];
  }
  /// Checks that the top values have types `Ts` without removing them.
  /// Typed: unknown entries take the expected type (block params, call
  /// args); raw: they stay unknown (branch label checks).
  void checkTop(const std::vector<ValType> &Ts, bool Typed) {
    std::vector<Entry> Saved;
    for (size_t I = Ts.size(); I-- > 0;) {
      Entry E = pop();
      if (E.T != Ts[I] && E.T != ValType::Any)
        invalid(std::string("type mismatch: expected ") + valTypeName(Ts[I]) +
                ", found " + valTypeName(E.T));
      if (Typed && E.T == ValType::Any)
        E.T = Ts[I];
      Saved.push_back(E);
    }
    for (size_t I = Saved.size(); I-- > 0;)
      Vals.push_back(Saved[I]);
    MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)Vals.size());
  }
  void checkLabelValues(const Ctrl &Target) {
    checkTop(Target.labelTypes(), false);
  }
  void unreachable() {
    Ctrl &C = Ctrls.back();
    Vals.resize(C.Height);
    C.Unreachable = true;
    label();
  }

  void pushCtrl(CtrlKind K, std::vector<ValType> Params,
                std::vector<ValType> Results) {
    bool Dead = !Ctrls.empty() && !live();
    Ctrl C;
    C.Kind = K;
    C.Params = std::move(Params);
    C.Results = std::move(Results);
    C.Dead = Dead;
    C.Height = (uint32_t)(Vals.size() - C.Params.size());
    Ctrls.push_back(std::move(C));
  }

  void blockType(std::vector<ValType> &Params, std::vector<ValType> &Results) {
    uint8_t B = R.peek();
    if (B == 0x40) {
      R.u8();
      return;
    }
    if (B == 0x7F || B == 0x7E || B == 0x7D || B == 0x7C || B == 0x70 ||
        B == 0x6F) {
      R.u8();
      Results.push_back((ValType)B);
      return;
    }
    if (B == 0x7B)
      R.fail("unsupported feature: SIMD (v128)");
    int64_t Idx = R.sleb(33);
    if (Idx < 0 || (uint64_t)Idx >= M.Types.size())
      invalid("unknown type " + std::to_string(Idx));
    Params = M.Types[Idx].Params;
    Results = M.Types[Idx].Results;
  }

  struct MemArg {
    uint32_t Mem;
    uint32_t Offset;
  };
  MemArg memArg(unsigned NaturalLog2) {
    uint32_t Align = R.u32();
    uint32_t Mem = 0;
    if (Align & 0x40) {
      Align &= ~0x40u;
      Mem = R.u32();
    }
    uint32_t Offset = R.u32();
    if (Mem >= M.Memories.size())
      invalid("unknown memory " + std::to_string(Mem));
    if (Align > NaturalLog2)
      invalid("alignment must not be larger than natural");
    return {Mem, Offset};
  }
  uint32_t memIndex() {
    uint32_t Mem = R.u32();
    if (Mem >= M.Memories.size())
      invalid("unknown memory " + std::to_string(Mem));
    return Mem;
  }
  /// memory.size/grow: the memory index that replaced MVP's reserved zero
  /// byte. Kept to one byte so MVP's "zero byte expected" rule still holds
  /// for long encodings of 0.
  uint32_t reservedMemIndex() {
    size_t Off = R.offset();
    uint8_t B = R.u8();
    if (B & 0x80)
      R.failAt(Off, "zero byte expected (memory index must be one byte)");
    if (B >= M.Memories.size())
      invalid("unknown memory " + std::to_string(B));
    return B;
  }
  uint32_t tableIndex() {
    uint32_t T = R.u32();
    if (T >= M.Tables.size())
      invalid("unknown table " + std::to_string(T));
    return T;
  }
  uint32_t dataIndex() {
    uint32_t D = R.u32();
    if (!Env.HasDataCount)
      invalid("data count section required");
    if (D >= Env.DataCount)
      invalid("unknown data segment " + std::to_string(D));
    return D;
  }
  uint32_t elemIndex() {
    uint32_t E = R.u32();
    if (E >= M.Elems.size())
      invalid("unknown elem segment " + std::to_string(E));
    return E;
  }

  /// If address operand `A` (canonical slot `Canon`) was produced by the
  /// instruction just emitted and that is an i32.add, removes it and returns
  /// 1 (Add: X, Y = operand slots) or 2 (AddImm: X = slot, Y = constant).
  int lastAdd(const Entry &A, uint32_t Canon, uint64_t &X, uint64_t &Y) {
    if (!live() || A.IsConst || A.Slot != Canon || LastPos == NoPos ||
        LastDstWord != LastPos + 1 || Code[LastDstWord] != A.Slot ||
        (LastOp != Op::I32Add && LastOp != Op::I32AddImm) ||
        Code.size() != LastPos + 4)
      return 0;
    X = Code[LastPos + 2];
    Y = Code[LastPos + 3];
    int Kind = LastOp == Op::I32Add ? 1 : 2;
    Code.resize(LastPos);
    // The instruction before the add is the last one again (adjacent: the
    // access goes where the add was), so the access's user sees it as
    // PrevPos (I32Add2Load).
    LastPos = PrevPos;
    LastOp = PrevOp;
    LastDstWord = NoPos;
    PrevPos = NoPos;
    return Kind;
  }

  /// i32.add of a memory operand to `Tmp`, the result of an I32AddLoad just
  /// emitted (LastPos, the instruction before the load just removed) that
  /// nothing else reads (the canonical slot of height `H`, consumed here):
  /// turns that I32AddLoad into I32Add2LoadX writing the canonical slot of
  /// `H` (the caller's result slot) and returns true; the caller appends
  /// the second address (x, y, off; I32Add2Load: retag, addr, k, off).
  bool addLoadChain(uint64_t Tmp, size_t H) {
    if (!live() || LastPos == NoPos || LastOp != Op::I32AddLoad ||
        Code.size() != LastPos + 6 || Tmp != canon(H) ||
        Code[LastPos + 1] != Tmp || Code[LastPos] != opWord(Op::I32AddLoad))
      return false;
    Code[LastPos] = opWord(Op::I32Add2LoadX);
    Code[LastPos + 1] = canon(H); // (the result goes where Tmp was)
    trimHist(LastPos + 1);
    Hist.back().O = Op::I32Add2LoadX;
    Hist.back().Movable = true;
    LastOp = Op::I32Add2LoadX;
    LastDstWord = LastPos + 1;
    PrevPos = NoPos;
    return true;
  }

  /// Pushes the result of an instruction and returns its slot.
  uint32_t result(ValType T) {
    push(T);
    return Vals.back().Slot;
  }

  void numeric(unsigned Opc);
  bool storeRmw(const Entry &A, const Entry &V, ValType T, uint64_t Offset);
  bool storeRmwSunk(const Entry &A, const Entry &V, ValType T,
                    uint64_t Offset);
  bool sinkLoad(const Entry &E, uint32_t Canon, bool SlotSum,
                bool BeforeLast = false, bool DryRun = false);
  void eraseRec(size_t K);
  void conditionalBranch(bool BranchIfTrue, Entry C, size_t &InstrOut,
                         size_t &WordOut);
  void endFunctionOrReturn();
  void instruction(uint8_t Opc);
  void prefixFC();
  void localSetOrTee(uint32_t L, bool Tee);
};

// ---- numeric signatures --------------------------------------------------

struct Sig {
  ValType A, B, R; ///< B == Any: unary
};

bool numericSig(unsigned Opc, Sig &S) {
  using V = ValType;
  auto Set = [&](V A, V B, V Rr) {
    S = {A, B, Rr};
    return true;
  };
  if (Opc == 0x45) return Set(V::I32, V::Any, V::I32);
  if (Opc >= 0x46 && Opc <= 0x4F) return Set(V::I32, V::I32, V::I32);
  if (Opc == 0x50) return Set(V::I64, V::Any, V::I32);
  if (Opc >= 0x51 && Opc <= 0x5A) return Set(V::I64, V::I64, V::I32);
  if (Opc >= 0x5B && Opc <= 0x60) return Set(V::F32, V::F32, V::I32);
  if (Opc >= 0x61 && Opc <= 0x66) return Set(V::F64, V::F64, V::I32);
  if (Opc >= 0x67 && Opc <= 0x69) return Set(V::I32, V::Any, V::I32);
  if (Opc >= 0x6A && Opc <= 0x78) return Set(V::I32, V::I32, V::I32);
  if (Opc >= 0x79 && Opc <= 0x7B) return Set(V::I64, V::Any, V::I64);
  if (Opc >= 0x7C && Opc <= 0x8A) return Set(V::I64, V::I64, V::I64);
  if (Opc >= 0x8B && Opc <= 0x91) return Set(V::F32, V::Any, V::F32);
  if (Opc >= 0x92 && Opc <= 0x98) return Set(V::F32, V::F32, V::F32);
  if (Opc >= 0x99 && Opc <= 0x9F) return Set(V::F64, V::Any, V::F64);
  if (Opc >= 0xA0 && Opc <= 0xA6) return Set(V::F64, V::F64, V::F64);
  switch (Opc) {
  case 0xA7: return Set(V::I64, V::Any, V::I32);
  case 0xA8: case 0xA9: return Set(V::F32, V::Any, V::I32);
  case 0xAA: case 0xAB: return Set(V::F64, V::Any, V::I32);
  case 0xAC: case 0xAD: return Set(V::I32, V::Any, V::I64);
  case 0xAE: case 0xAF: return Set(V::F32, V::Any, V::I64);
  case 0xB0: case 0xB1: return Set(V::F64, V::Any, V::I64);
  case 0xB2: case 0xB3: return Set(V::I32, V::Any, V::F32);
  case 0xB4: case 0xB5: return Set(V::I64, V::Any, V::F32);
  case 0xB6: return Set(V::F64, V::Any, V::F32);
  case 0xB7: case 0xB8: return Set(V::I32, V::Any, V::F64);
  case 0xB9: case 0xBA: return Set(V::I64, V::Any, V::F64);
  case 0xBB: return Set(V::F32, V::Any, V::F64);
  case 0xBC: return Set(V::F32, V::Any, V::I32);
  case 0xBD: return Set(V::F64, V::Any, V::I64);
  case 0xBE: return Set(V::I32, V::Any, V::F32);
  case 0xBF: return Set(V::I64, V::Any, V::F64);
  case 0xC0: case 0xC1: return Set(V::I32, V::Any, V::I32);
  case 0xC2: case 0xC3: case 0xC4: return Set(V::I64, V::Any, V::I64);
  case 0x100: case 0x101: return Set(V::F32, V::Any, V::I32);
  case 0x102: case 0x103: return Set(V::F64, V::Any, V::I32);
  case 0x104: case 0x105: return Set(V::F32, V::Any, V::I64);
  case 0x106: case 0x107: return Set(V::F64, V::Any, V::I64);
  }
  return false;
}

/// Internal op for a numeric wasm opcode (NumOps if none / no-op).
Op numericOp(unsigned Opc) {
  switch (Opc) {
#define UN(Name, O, In, Out, Expr) case O: return Op::Name;
#define BIN(Name, O, In, Out, Expr) case O: return Op::Name;
#include "Ops.def"
  case 0xAD: return Op::I64ExtendI32U;
  }
  return Op::NumOps;
}

bool isCommutative(unsigned Opc) {
  static const unsigned Commutative[] = {
      0x46, 0x47, 0x6A, 0x6C, 0x71, 0x72, 0x73, 0x51, 0x52, 0x7C, 0x7E,
      0x83, 0x84, 0x85, 0x5B, 0x5C, 0x92, 0x94, 0x61, 0x62, 0xA0, 0xA2};
  return std::find(std::begin(Commutative), std::end(Commutative), Opc) !=
         std::end(Commutative);
}

/// Fused pairs of binary operators (PAIR in Ops.def): the plain form; +1 =
/// First is Imm, +2 = Second is Imm, +3 = both.
struct PairOp {
  Op First, Second, Fused;
};
const PairOp Pairs[] = {
#define PAIR(F, Sd) {Op::F, Op::Sd, Op::F##_##Sd},
#include "Ops.def"
};
Op pairOp(Op First, Op Second) {
  for (const PairOp &P : Pairs)
    if (P.First == First && P.Second == Second)
      return P.Fused;
  return Op::NumOps;
}

/// Read-modify-write form of a binary operator (RMW in Ops.def), if any.
Op rmwOp(Op O) {
  switch (O) {
#define RMW(Name) case Op::Name: return Op::Name##Rmw;
#include "Ops.def"
  default: return Op::NumOps;
  }
}

/// Wasm opcode of a binary operator's plain form (0 if none).
unsigned binOpcode(Op O) {
  switch (O) {
#define BIN(Name, Opc, In, Out, Expr) case Op::Name: return Opc;
#include "Ops.def"
  default: return 0;
  }
}

/// The full-width memory-0 loads a binary operator can take as a memory
/// operand, with their value types; plain (dst, addr, offset) and AddImm
/// (dst, addr, k, offset) forms.
bool fullWidthLoad(Op O, ValType &T, bool &AddImm) {
  static const std::pair<Op, ValType> Loads[] = {{Op::I32Load, ValType::I32},
                                                 {Op::I64Load, ValType::I64},
                                                 {Op::F32Load, ValType::F32},
                                                 {Op::F64Load, ValType::F64}};
  for (auto [L, LT] : Loads) {
    if (O == L || O == (Op)((unsigned)L + 4)) {
      T = LT;
      AddImm = O != L;
      return true;
    }
  }
  return false;
}

/// Whether operand word `I` (1 = first operand) of instruction `O` is an
/// immediate rather than a slot, for the instructions the copy hoisting and
/// chain sinking commonly step over (others: every word counts as a slot).
bool immWord(Op O, size_t I) {
  unsigned U = (unsigned)O;
  if (U >= 1 && binOpcode((Op)(U - 1))) // NameImm: dst, a, imm
    return I == 3;
  if (U >= 2 && binOpcode((Op)(U - 2))) // NameLoad: dst, a, addr, k, off
    return I >= 4;
  for (const PairOp &P : Pairs)
    if (U >= (unsigned)P.Fused && U <= (unsigned)P.Fused + 3) {
      unsigned Rel = U - (unsigned)P.Fused; // dst, a, b|imm, c|imm
      return (I == 3 && (Rel & 1)) || (I == 4 && (Rel & 2));
    }
  switch (O) {
  case Op::I32Rotl2Xor:
  case Op::I32Rotl3Xor:
  case Op::I32Rotl2ShrUXor:
  case Op::I32Rotl3XorAdd:
  case Op::I32Rotl2ShrUXorAdd:
  case Op::I32Rotl3XorAdd2:
  case Op::I32Rotl2ShrUXorAdd2:
    return I >= 3 && I <= 5;
  case Op::I32AddLoadX:
    return I == 5;
  default:
    return false;
  }
}

/// Operand shape of instruction `O` for loop renaming (renameLoop): one
/// letter per operand word, W = slot written, R = slot read, I = immediate;
/// `|` separates sub-operations done in order (within one, every read
/// happens before the write). nullptr: not renamable (branches, calls,
/// table/memory management).
const char *opShape(Op O) {
  static const char *const Shapes[] = {
#define OP(Name) nullptr,
#define UN(Name, Opc, In, Out, Expr) "WR",
#define BIN(Name, Opc, In, Out, Expr) "WRR", "WRI", "WRRII",
#define LOAD(Name, Opc, WT, Out, CType) "WRI", "WRII", "WI", "WRRI", "WRII",
#define STORE(Name, Opc, WT, In, CType) "RRI", "RRII", "IR", "RRRI", "RIRI",
#define RMW(Name) "RRII",
#define PAIR(F, Sd) "WRRR", "WRIR", "WRRI", "WRII",
#include "Ops.def"
  };
  static_assert(sizeof(Shapes) / sizeof(Shapes[0]) == (size_t)Op::NumOps);
  switch (O) {
  case Op::Copy: return "WR";
  case Op::Copy2: return "WR|WR";
  case Op::Copy3: return "WR|WR|WR";
  case Op::Copy4: return "WR|WR|WR|WR";
  case Op::Copy5: return "WR|WR|WR|WR|WR";
  case Op::Copy6: return "WR|WR|WR|WR|WR|WR";
  case Op::Copy7: return "WR|WR|WR|WR|WR|WR|WR";
  case Op::Copy8: return "WR|WR|WR|WR|WR|WR|WR|WR";
  case Op::Const: return "WI";
  case Op::Select: return "WRRR";
  case Op::GlobalGet: return "WI";
  case Op::GlobalSet: return "IR";
  case Op::I64ExtendI32U:
  case Op::RefIsNull: return "WR";
  case Op::F64MulAddRmw:
  case Op::F32MulAddRmw: return "RIIRRII";
  case Op::F64MulAddRmwAdd2:
  case Op::F32MulAddRmwAdd2: return "WRR|WRR|RIIRRII";
  case Op::F64MulAddRmwAddImm:
  case Op::F32MulAddRmwAddImm: return "WRI|RIIRRII";
  case Op::I32Rotl2Xor: return "WRII";
  case Op::I32Rotl3Xor:
  case Op::I32Rotl2ShrUXor: return "WRIII";
  case Op::I32Rotl3XorAdd:
  case Op::I32Rotl2ShrUXorAdd: return "WRIIIR";
  case Op::I32Rotl3XorAdd2:
  case Op::I32Rotl2ShrUXorAdd2: return "WRIIIRR";
  case Op::I32SubRevRmw:
  case Op::I64SubRevRmw:
  case Op::F32SubRevRmw:
  case Op::F64SubRevRmw: return "RRII";
  case Op::I32AddLoadX: return "WRRRI";
  case Op::I32Add2Load: return "WRRIIRII";
  case Op::I32Add2LoadX:
  case Op::I32Add2LoadXF: return "WRRIIRRI";
  case Op::I32Add2: return "WRR|WRR";
  case Op::I32AddImm2: return "WRI|WRI";
  default: return Shapes[(unsigned)O];
  }
}

/// Whether instruction `O` neither traps nor touches memory nor branches
/// (an earlier load may be moved over it): non-trapping binary operators
/// (plain and Imm forms), fused pairs, rotate-xor chains, double adds,
/// copies, constants.
bool pureOp(Op O) {
  auto NonTrapping = [](Op B) {
    unsigned Opc = binOpcode(B);
    return Opc && !(Opc >= 0x6D && Opc <= 0x70) && !(Opc >= 0x7F && Opc <= 0x82);
  };
  unsigned U = (unsigned)O;
  if (NonTrapping(O) || (U >= 1 && NonTrapping((Op)(U - 1))))
    return true;
  for (const PairOp &P : Pairs)
    if (U >= (unsigned)P.Fused && U <= (unsigned)P.Fused + 3)
      return true;
  switch (O) {
  case Op::Const: case Op::Copy: case Op::Copy2: case Op::Copy3:
  case Op::Copy4: case Op::Copy5: case Op::Copy6: case Op::Copy7:
  case Op::Copy8: case Op::I32Rotl2Xor: case Op::I32Rotl3Xor:
  case Op::I32Rotl2ShrUXor: case Op::I32Rotl3XorAdd:
  case Op::I32Rotl2ShrUXorAdd: case Op::I32Rotl3XorAdd2:
  case Op::I32Rotl2ShrUXorAdd2: case Op::I32Add2: case Op::I32AddImm2:
    return true;
  default:
    return false;
  }
}

/// Removes history record `K`'s instruction from the code (positions after
/// it shift back; the peephole state is reset).
void FuncCompiler::eraseRec(size_t K) {
  size_t P = Hist[K].Pos;
  size_t E = K + 1 < Hist.size() ? Hist[K + 1].Pos : Code.size();
  Code.erase(Code.begin() + P, Code.begin() + E);
  Hist.erase(Hist.begin() + K);
  for (size_t J = K; J < Hist.size(); ++J)
    Hist[J].Pos -= E - P;
  LastPos = PrevPos = NoPos;
  LastDstWord = NoPos;
}

void FuncCompiler::numeric(unsigned Opc) {
  Sig S;
  if (!numericSig(Opc, S))
    R.failAt(InstrOff, "illegal opcode");
  Op O = numericOp(Opc);
  if (S.B == ValType::Any) {
    Entry A = pop(S.A);
    if (O == Op::NumOps) { // wrap / reinterpret: same bits, new type
      A.T = S.R;
      Vals.push_back(A);
      MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)Vals.size());
      return;
    }
    uint32_t D = result(S.R);
    emit(O, {D, use(A)}, true);
    return;
  }
  Entry B = pop(S.B);
  Entry A = pop(S.A);
  uint32_t D = result(S.R);
  // x - k is x + (-k) (both wrap): one immediate form for the address
  // folding, pair fusions and loop back edges keyed on AddImm. Binaryen
  // (wmc-opt) writes x + k as x - (-k) when -k has the shorter LEB128
  // (`i32.const -64 i32.sub`) and x + (-k) as x - k.
  if (B.IsConst && (O == Op::I32Sub || O == Op::I64Sub)) {
    bool W32 = O == Op::I32Sub;
    O = W32 ? Op::I32Add : Op::I64Add;
    Opc = W32 ? 0x6A : 0x7C;
    B.Value = W32 ? (uint64_t)(uint32_t)(0u - (uint32_t)B.Value)
                  : 0 - B.Value;
  }
  // Commutative op with a constant first operand: swap to the Imm form.
  if (A.IsConst && !B.IsConst && isCommutative(Opc))
    std::swap(A, B);
  // The instruction just emitted produced operand `E` (canonical slot
  // `Canon`, so used only here)?
  auto LastProduced = [&](const Entry &E, uint32_t Canon) {
    return live() && !E.IsConst && E.Slot == Canon && LastPos != NoPos &&
           LastDstWord == LastPos + 1 && Code[LastDstWord] == E.Slot;
  };
  // Pair form: an operand is the result of a fusable binary operator just
  // emitted (plain or Imm form, 4 words).
  auto TryPair = [&](bool SecondImm) {
    if (!LastProduced(A, canon(Vals.size() - 1)) &&
        !(!SecondImm && isCommutative(Opc) &&
          LastProduced(B, canon(Vals.size())) && (std::swap(A, B), true)))
      return false;
    if (Code.size() != LastPos + 4)
      return false;
    Op First = LastOp;
    bool FirstImm = false;
    Op P = pairOp(First, O);
    if (P == Op::NumOps) {
      First = (Op)((unsigned)LastOp - 1);
      FirstImm = true;
      P = binOpcode(First) ? pairOp(First, O) : Op::NumOps;
    }
    if (P == Op::NumOps)
      return false;
    uint64_t X = Code[LastPos + 2], Y = Code[LastPos + 3];
    uint64_t Z = SecondImm ? B.Value : B.Slot;
    Op Fused = (Op)((unsigned)P + (FirstImm ? 1 : 0) + (SecondImm ? 2 : 0));
    // Rotate/shift-xor chains of one value (SHA-2's sigma functions):
    // `rotl(x, k1) [^ rotl(x, k2)]` just before, writing the temporary Z
    // that this rotl/shr_u-xor consumes.
    bool Rot = Fused == Op::I32RotlImm_I32Xor;
    bool Shr = Fused == Op::I32ShrUImm_I32Xor;
    if ((Rot || Shr) && PrevPos != NoPos && Z == D && X != Z &&
        Code[PrevPos + 1] == Z && Code[PrevPos + 2] == X) {
      Op Chain = Op::NumOps;
      if (PrevOp == Op::I32RotlImm && PrevPos + 4 == LastPos && Rot)
        Chain = Op::I32Rotl2Xor;
      else if (PrevOp == Op::I32Rotl2Xor && PrevPos + 5 == LastPos)
        Chain = Rot ? Op::I32Rotl3Xor : Op::I32Rotl2ShrUXor;
      if (Chain != Op::NumOps) {
        std::vector<uint64_t> Ks(Code.begin() + PrevPos + 3,
                                 Code.begin() + LastPos);
        Code.resize(PrevPos);
        LastPos = PrevPos = NoPos;
        emit(Chain, {D, X}, true);
        Code.insert(Code.end(), Ks.begin(), Ks.end());
        Code.push_back(Y);
        return true;
      }
    }
    Code.resize(LastPos);
    LastPos = PrevPos = NoPos;
    emit(Fused, {D, X, Y, Z}, true);
    return true;
  };
  // Immediate form: the second operand is a constant.
  if (B.IsConst) {
    if (!A.IsConst && TryPair(true))
      return;
    emit((Op)((unsigned)O + 1), {D, use(A), B.Value}, true);
    return;
  }
  // Memory-operand form: an operand is a full-width load from memory 0 of
  // the operand's own type just emitted (and used only here).
  auto LastLoad = [&](const Entry &E, uint32_t Canon) {
    ValType T;
    bool AddImm;
    return LastProduced(E, Canon) && fullWidthLoad(LastOp, T, AddImm) &&
           T == E.T && Code.size() == LastPos + (AddImm ? 5 : 4);
  };
  // i32.add of an I32AddLoad just emitted (a + mem[addr + k]) and an
  // I32LoadAdd (mem[x + y]) emitted before it, with only pure instructions
  // between (Binaryen's order: `w[i]` loaded, then `k[i]`, the adds last):
  // one I32Add2LoadXF that does the loads in that order.
  if (O == Op::I32Add && !A.IsConst && !B.IsConst && live() &&
      LastPos != NoPos && LastOp == Op::I32AddLoad &&
      Code.size() == LastPos + 6) {
    bool LB = LastProduced(B, canon(Vals.size()));
    bool LA = !LB && LastProduced(A, canon(Vals.size() - 1));
    if ((LA || LB) && sinkLoad(LB ? A : B, canon(Vals.size() - (LB ? 1 : 0)),
                               true, true) &&
        PrevOp == Op::I32LoadAdd) {
      size_t P = PrevPos, Q = LastPos;
      uint64_t X = Code[P + 2], Y = Code[P + 3], Off = Code[P + 4];
      Code.erase(Code.begin() + P, Code.begin() + Q);
      Q = P;
      Hist.erase(Hist.end() - 2);
      Hist.back().Pos = Q;
      Hist.back().O = Op::I32Add2LoadXF;
      Code[Q] = opWord(Op::I32Add2LoadXF);
      Code[Q + 1] = D;
      Code.insert(Code.end(), {X, Y, Off});
      LastPos = Q;
      LastOp = Op::I32Add2LoadXF;
      LastDstWord = Q + 1;
      PrevPos = NoPos;
      return;
    }
  }
  // The load of an operand emitted a few instructions earlier (Binaryen's
  // canonical order puts a load before the other operand of a commutative
  // operator: `K[i] + (h + ch(e, f, g))`): move it here (sinkLoad) so that
  // the memory-operand forms below apply.
  // Not when the other operand comes from a binary operator just emitted
  // that pairs with this one (PAIR: one dispatch either way, and a pair
  // handler is cheaper than a memory operand: crc32's
  // `t[(c ^ b) & 255] ^ (c >> 8)`).
  auto Pairable = [&]() {
    if (LastPos == NoPos || Code.size() != LastPos + 4 ||
        !(LastProduced(A, canon(Vals.size() - 1)) ||
          LastProduced(B, canon(Vals.size()))))
      return false;
    Op First = LastOp;
    if (pairOp(First, O) != Op::NumOps)
      return true;
    First = (Op)((unsigned)LastOp - 1);
    return binOpcode(First) && pairOp(First, O) != Op::NumOps;
  };
  if (!A.IsConst && !B.IsConst && live() &&
      !LastLoad(B, canon(Vals.size())) &&
      !LastLoad(A, canon(Vals.size() - 1))) {
    // (A: swapped below, so commutative operators and i32 compares only;
    // dry runs first, the rare positive case then pays for Pairable.)
    bool SA = false,
         SB = sinkLoad(B, canon(Vals.size()), O == Op::I32Add, false, true);
    if (!SB)
      SA = sinkLoad(A, canon(Vals.size() - 1), O == Op::I32Add, false, true) &&
           (isCommutative(Opc) || (Opc >= 0x46 && Opc <= 0x4F));
    if ((SA || SB) && !Pairable())
      sinkLoad(SB ? B : A, canon(Vals.size() - (SB ? 0 : 1)), O == Op::I32Add);
  }
  bool Fuse = LastLoad(B, canon(Vals.size()));
  if (!Fuse && LastLoad(A, canon(Vals.size() - 1))) {
    // The load is the first operand: swap commutative operators, mirror
    // i32 comparisons (mem < b  ==  b > mem).
    static const std::pair<Op, Op> Mirror[] = {
        {Op::I32Eq, Op::I32Eq},   {Op::I32Ne, Op::I32Ne},
        {Op::I32LtS, Op::I32GtS}, {Op::I32GtS, Op::I32LtS},
        {Op::I32LtU, Op::I32GtU}, {Op::I32GtU, Op::I32LtU},
        {Op::I32LeS, Op::I32GeS}, {Op::I32GeS, Op::I32LeS},
        {Op::I32LeU, Op::I32GeU}, {Op::I32GeU, Op::I32LeU}};
    Op M = isCommutative(Opc) ? O : Op::NumOps;
    for (auto [From, To] : Mirror)
      if (O == From)
        M = To;
    if (M != Op::NumOps) {
      std::swap(A, B);
      O = M;
      Fuse = true;
    }
  }
  // i32.add of an i32.load whose address is an i32.add of two slots
  // (arrays on the shadow stack: SHA-2's message schedule).
  if (!Fuse && O == Op::I32Add && LastPos != NoPos &&
      LastOp == Op::I32LoadAdd && Code.size() == LastPos + 5) {
    bool LB = LastProduced(B, canon(Vals.size())) && B.T == ValType::I32;
    bool LA = !LB && LastProduced(A, canon(Vals.size() - 1)) &&
              A.T == ValType::I32;
    if (LA || LB) {
      uint64_t Other = (LB ? A : B).Slot;
      uint64_t X = Code[LastPos + 2], Y = Code[LastPos + 3],
               Off = Code[LastPos + 4];
      Code.resize(LastPos);
      LastPos = PrevPos;
      LastOp = PrevOp;
      PrevPos = NoPos;
      if (addLoadChain(Other, Vals.size() - 1)) { // (SHA-2: K[i] + W[i])
        Code.insert(Code.end(), {X, Y, Off});
        return;
      }
      emit(Op::I32AddLoadX, {D, Other, X, Y, Off}, true);
      return;
    }
  }
  if (Fuse) {
    bool AddImm = Code.size() == LastPos + 5;
    uint64_t Addr = Code[LastPos + 2], K = AddImm ? Code[LastPos + 3] : 0,
             Off = Code[LastPos + (AddImm ? 4 : 3)];
    Code.resize(LastPos);
    // The instruction before the load is now the last one (for the
    // multiply-add fusion in stores).
    LastPos = PrevPos;
    LastOp = PrevOp;
    PrevPos = NoPos;
    if (O == Op::I32Add && !A.IsConst &&
        addLoadChain(A.Slot, Vals.size() - 1)) {
      Code[LastPos] = opWord(Op::I32Add2Load);
      Code.insert(Code.end(), {Addr, K, Off});
      return;
    }
    emit((Op)((unsigned)O + 2), {D, use(A), Addr, K, Off}, true);
    return;
  }
  // A rotate-xor chain (just emitted) plus a value: one dispatch (SHA-2
  // adds every sigma to a sum).
  bool ChainA = LastProduced(A, canon(Vals.size() - 1));
  if (O == Op::I32Add && !A.IsConst &&
      (ChainA || LastProduced(B, canon(Vals.size()))) &&
      (LastOp == Op::I32Rotl3Xor || LastOp == Op::I32Rotl2ShrUXor) &&
      Code.size() == LastPos + 6) {
    const Entry &Other = ChainA ? B : A;
    std::vector<uint64_t> Chain(Code.begin() + LastPos + 2, Code.end());
    Op Fused = LastOp == Op::I32Rotl3Xor ? Op::I32Rotl3XorAdd
                                         : Op::I32Rotl2ShrUXorAdd;
    Code.resize(LastPos);
    LastPos = PrevPos = NoPos;
    emit(Fused, {D}, true);
    Code.insert(Code.end(), Chain.begin(), Chain.end());
    Code.push_back(Other.Slot);
    return;
  }
  // The same with the chain computed a few instructions earlier (SHA-2:
  // sigma0(a) + Maj(a, b, c)): sink it here if nothing since names its
  // temporary (read only by this add) or its source.
  if (O == Op::I32Add && !A.IsConst && !B.IsConst && live() &&
      A.Slot == canon(Vals.size() - 1) && A.T == ValType::I32) {
    trimHist(Code.size());
    for (size_t K = Hist.size(); K-- > 0 && Hist.size() - K <= MaxLookback;) {
      const Rec &R = Hist[K];
      size_t End = K + 1 < Hist.size() ? Hist[K + 1].Pos : Code.size();
      if ((R.O == Op::I32Rotl3Xor || R.O == Op::I32Rotl2ShrUXor) &&
          End == R.Pos + 6 && Code[R.Pos + 1] == A.Slot && K + 1 < Hist.size()) {
        // Later instructions (all plain value producers, destination in
        // word 1; the merged adds also in word 4) must not name the
        // temporary nor write the source.
        uint64_t X = Code[R.Pos + 2];
        bool Ok = true;
        for (size_t J = K + 1; J < Hist.size() && Ok; ++J) {
          const Rec &L = Hist[J];
          size_t LEnd = J + 1 < Hist.size() ? Hist[J + 1].Pos : Code.size();
          for (size_t W = L.Pos + 1; W < LEnd && Ok; ++W)
            Ok = immWord(L.O, W - L.Pos) || Code[W] != A.Slot;
          Ok = Ok && Code[L.Pos + 1] != X &&
               !((L.O == Op::I32Add2 || L.O == Op::I32AddImm2) &&
                 Code[L.Pos + 4] == X);
        }
        if (!Ok)
          break;
        Op Fused = R.O == Op::I32Rotl3Xor ? Op::I32Rotl3XorAdd
                                          : Op::I32Rotl2ShrUXorAdd;
        std::vector<uint64_t> Chain(Code.begin() + R.Pos + 2,
                                    Code.begin() + End);
        Code.erase(Code.begin() + R.Pos, Code.begin() + End);
        Hist.erase(Hist.begin() + K);
        for (size_t J = K; J < Hist.size(); ++J)
          Hist[J].Pos -= 6;
        LastPos = PrevPos = NoPos; // (the rest of the history stays valid)
        emit(Fused, {D}, true);
        Code.insert(Code.end(), Chain.begin(), Chain.end());
        Code.push_back(B.Slot);
        return;
      }
      if (!R.Movable)
        break;
    }
  }
  // A rotate-xor chain plus a value (just emitted) plus another value:
  // one dispatch (SHA-2's message schedule in Binaryen's order,
  // `w7 + (sigma0(w15) + w16)` with the loads first).
  if (O == Op::I32Add && !A.IsConst && !B.IsConst && LastPos != NoPos &&
      (LastOp == Op::I32Rotl3XorAdd || LastOp == Op::I32Rotl2ShrUXorAdd) &&
      Code.size() == LastPos + 7 && Code[LastPos] == opWord(LastOp)) {
    bool LB = LastProduced(B, canon(Vals.size()));
    bool LA = !LB && LastProduced(A, canon(Vals.size() - 1));
    if (LA || LB) {
      Op Fused = LastOp == Op::I32Rotl3XorAdd ? Op::I32Rotl3XorAdd2
                                              : Op::I32Rotl2ShrUXorAdd2;
      Code[LastPos] = opWord(Fused);
      Code[LastPos + 1] = D;
      Code.push_back((LB ? A : B).Slot);
      trimHist(LastPos + 1);
      Hist.back().O = Fused;
      LastOp = Fused;
      LastDstWord = LastPos + 1;
      PrevPos = NoPos;
      return;
    }
  }
  if (!A.IsConst && TryPair(false))
    return;
  emit(O, {D, use(A), use(B)}, true);
}

/// Operand `E` (canonical slot `Canon`, read only by the operator being
/// compiled) is the result of a full-width memory-0 load (plain or AddImm
/// form; with `SlotSum` also I32LoadAdd, address = slot + slot) emitted a
/// few instructions earlier, after the last label: moves that load to the
/// end of the code when every instruction after it is pure (pureOp: no
/// trap, no memory access, so the load reads the same value later and a
/// trap is still the first effect) and neither names its result slot nor
/// writes a slot its address reads. The moved load is then the last
/// instruction (the caller's memory-operand fusions apply). Returns
/// whether it moved. `BeforeLast` (I32LoadAdd only): the last instruction
/// (which the caller fuses with the load, keeping the load first) need not
/// be pure; the load goes just before it.
bool FuncCompiler::sinkLoad(const Entry &E, uint32_t Canon, bool SlotSum,
                            bool BeforeLast, bool DryRun) {
  if (!live() || E.IsConst || E.Slot != Canon)
    return false;
  trimHist(Code.size());
  if (BeforeLast && Hist.empty())
    return false;
  // The producer: the last instruction whose first word is E's slot (its
  // value is read only by the caller's operator, so nothing reads it after).
  size_t Stop = Hist.size() - (BeforeLast ? 1 : 0);
  size_t K = Stop;
  while (K-- > 0 && Hist.size() - K <= MaxLookback &&
         (Hist[K].Pos + 1 >= Code.size() || Code[Hist[K].Pos + 1] != E.Slot)) {
  }
  if (K >= Stop || Hist.size() - K > MaxLookback || K + 1 == Stop)
    return false; // none, or already in place (not fusable otherwise)
  const Rec &R = Hist[K];
  size_t End = Hist[K + 1].Pos, Len = End - R.Pos;
  ValType T;
  bool AddImm;
  if (!(!BeforeLast && fullWidthLoad(R.O, T, AddImm) && T == E.T &&
        Len == (AddImm ? 5u : 4u)) &&
      !(SlotSum && R.O == Op::I32LoadAdd && E.T == ValType::I32 && Len == 5))
    return false;
  for (size_t J = K + 1; J < Stop; ++J)
    if (!pureOp(Hist[J].O)) // (copies and constants: not Movable, but pure)
      return false;
  const Rec Ld = Hist[K];
  // Address slots: word 2, and word 3 of I32LoadAdd.
  uint64_t Addr1 = Code[Ld.Pos + 2];
  uint64_t Addr2 = Ld.O == Op::I32LoadAdd ? Code[Ld.Pos + 3] : Addr1;
  for (size_t J = K + 1; J < Hist.size(); ++J) {
    const Rec &L = Hist[J];
    size_t LEnd = J + 1 < Hist.size() ? Hist[J + 1].Pos : Code.size();
    const char *Shape = opShape(L.O);
    size_t Letter = 0;
    for (size_t W = L.Pos + 1; W < LEnd; ++W) {
      char C = 0; // W, R, I; 0 = unknown (every word may be a written slot)
      if (Shape) {
        while (Shape[Letter] == '|')
          ++Letter;
        C = Shape[Letter] ? Shape[Letter++] : 0;
      }
      bool Imm = Shape ? C == 'I' : immWord(L.O, W - L.Pos);
      if (Imm)
        continue;
      if (Code[W] == E.Slot)
        return false;
      if (C != 'R' && (Code[W] == Addr1 || Code[W] == Addr2))
        return false;
    }
  }
  if (DryRun)
    return true;
  // Move it: the instructions after it shift back by Len.
  std::vector<uint64_t> Words(Code.begin() + Ld.Pos,
                              Code.begin() + Ld.Pos + Len);
  size_t OldLast = LastPos;
  Op OldLastOp = LastOp;
  Code.erase(Code.begin() + Ld.Pos, Code.begin() + Ld.Pos + Len);
  Hist.erase(Hist.begin() + K);
  for (size_t J = K; J < Hist.size(); ++J)
    Hist[J].Pos -= Len;
  if (BeforeLast) {
    size_t Pos = Hist.back().Pos;
    Code.insert(Code.begin() + Pos, Words.begin(), Words.end());
    Hist.back().Pos += Len;
    LastPos = Hist.back().Pos;
    LastOp = Hist.back().O;
    LastDstWord = LastPos + 1;
    Hist.insert(Hist.end() - 1, Rec{Pos, Ld.O, true});
    PrevPos = Pos;
    PrevOp = Ld.O;
    return true;
  }
  size_t Pos = Code.size();
  Code.insert(Code.end(), Words.begin(), Words.end());
  Hist.push_back({Pos, Ld.O, true});
  // The instruction that was last is now just before the load (PrevPos),
  // if it was the last one in the code.
  PrevPos = NoPos;
  if (OldLast != NoPos && OldLast > Ld.Pos &&
      OldLast - Len == Hist[Hist.size() - 2].Pos) {
    PrevPos = OldLast - Len;
    PrevOp = OldLastOp;
  }
  LastPos = Pos;
  LastOp = Ld.O;
  LastDstWord = Pos + 1;
  return true;
}

/// A full-width fast-path store (memory 0, or memory k with its block
/// displacement folded into `Offset`) of value `V` at address `A` + `Offset`:
/// if `V` is a just-emitted NameLoad (dst, a, addr, k, off) reading the same
/// address, fuses them into NameRmw; if that NameLoad is an f32/f64 add whose
/// first operand a just-emitted MulLoad produced, into F64/F32MulAddRmw.
/// `mem[a] = mem[a] op x` whose load was emitted a few instructions before
/// the operator (x computed in between, by pure instructions: nothing in
/// between traps or touches memory, so loading later reads the same
/// value): the load is dropped and the store becomes NameRmw (load as the
/// second operand, or either of a commutative operator) or NameRevRmw (a
/// subtraction from the load). n-body's `B->Vx -= Dx * C->M * Mag`.
bool FuncCompiler::storeRmwSunk(const Entry &A, const Entry &V, ValType T,
                                uint64_t Offset) {
  uint32_t Canon = canon(Vals.size() + 1);
  if (!live() || V.IsConst || V.Slot != Canon || LastPos == NoPos ||
      LastDstWord != LastPos + 1 || Code[LastDstWord] != V.Slot ||
      Code.size() != LastPos + 4 || Code[LastPos] != opWord(LastOp))
    return false;
  Op Bin = LastOp;
  unsigned Opc = binOpcode(Bin);
  Sig S;
  Op R = Opc ? rmwOp(Bin) : Op::NumOps;
  if (R == Op::NumOps || !numericSig(Opc, S) || S.A != T || S.R != T)
    return false;
  Op Rev = Bin == Op::I32Sub   ? Op::I32SubRevRmw
           : Bin == Op::I64Sub ? Op::I64SubRevRmw
           : Bin == Op::F32Sub ? Op::F32SubRevRmw
           : Bin == Op::F64Sub ? Op::F64SubRevRmw
                               : Op::NumOps;
  uint64_t X = Code[LastPos + 2], Y = Code[LastPos + 3];
  if (X == Y)
    return false;
  static const std::pair<ValType, Op> Loads[] = {{ValType::I32, Op::I32Load},
                                                 {ValType::I64, Op::I64Load},
                                                 {ValType::F32, Op::F32Load},
                                                 {ValType::F64, Op::F64Load}};
  Op Ld = Op::NumOps;
  for (auto [LT, L] : Loads)
    if (LT == T)
      Ld = L;
  trimHist(Code.size());
  if (Hist.empty() || Hist.back().Pos != LastPos)
    return false;
  for (size_t K = Hist.size() - 1; K-- > 0 && Hist.size() - K <= MaxLookback;) {
    const Rec &Rc = Hist[K];
    size_t E = Hist[K + 1].Pos;
    uint64_t D = Code[Rc.Pos + 1];
    if (Rc.O == Ld && E == Rc.Pos + 4 && Code[Rc.Pos] == opWord(Ld) &&
        (D == X || D == Y) && D >= NumLocals && Code[Rc.Pos + 2] == A.Slot &&
        Code[Rc.Pos + 3] == Offset) {
      Op F;
      uint64_t Other = D == X ? Y : X;
      if (D == Y)
        F = R; // mem = x op mem
      else if (isCommutative(Opc))
        F = R;
      else if (Rev != Op::NumOps)
        F = Rev;
      else
        return false;
      // Nothing in between may write the address or name the temporary.
      for (size_t J = K + 1; J + 1 < Hist.size(); ++J) {
        size_t W = 0;
        for (const char *C = opShape(Hist[J].O); *C; ++C)
          if (*C != '|' && ++W &&
              ((*C == 'W' && Code[Hist[J].Pos + W] == A.Slot) ||
               (*C != 'I' && Code[Hist[J].Pos + W] == D)))
            return false;
      }
      eraseRec(K);
      Code.resize(Hist.back().Pos);
      trimHist(Code.size());
      emit(F, {A.Slot, Other, 0, Offset});
      return true;
    }
    const char *Sh = opShape(Rc.O);
    if (!pureOp(Rc.O) || !Sh || Code[Rc.Pos] != opWord(Rc.O))
      return false;
    size_t W = 0;
    for (const char *C = Sh; *C; ++C)
      if (*C != '|')
        ++W;
    if (Rc.Pos + 1 + W != E)
      return false;
  }
  return false;
}

bool FuncCompiler::storeRmw(const Entry &A, const Entry &V, ValType T,
                            uint64_t Offset) {
  if (storeRmwSunk(A, V, T, Offset))
    return true;
  uint32_t Canon = canon(Vals.size() + 1);
  if (!live() || V.IsConst || V.Slot != Canon || LastPos == NoPos ||
      LastDstWord != LastPos + 1 || Code[LastDstWord] != V.Slot ||
      Code.size() != LastPos + 6)
    return false;
  Op Bin = (Op)((unsigned)LastOp - 2); // NameLoad = Name + 2
  unsigned Opc = binOpcode(Bin);
  Op R = Opc ? rmwOp(Bin) : Op::NumOps;
  Sig S;
  if (R == Op::NumOps || LastOp != (Op)((unsigned)Bin + 2) ||
      !numericSig(Opc, S) || S.A != T || S.R != T ||
      Code[LastPos + 3] != A.Slot || Code[LastPos + 4] != 0 ||
      Code[LastPos + 5] != Offset)
    return false;
  uint64_t X = Code[LastPos + 2];
  // Multiply-add: PrevPos is `x * mem[b]` (MulLoad) writing the add's
  // first operand, a temporary used only there.
  Op Mul = Bin == Op::F64Add ? Op::F64MulLoad
           : Bin == Op::F32Add ? Op::F32MulLoad
                               : Op::NumOps;
  if (Mul != Op::NumOps && PrevPos != NoPos && PrevOp == Mul &&
      PrevPos + 6 == LastPos && Code[PrevPos + 1] == X && X == V.Slot) {
    uint64_t Xs = Code[PrevPos + 2], B = Code[PrevPos + 3],
             KB = Code[PrevPos + 4], OffB = Code[PrevPos + 5];
    Code.resize(PrevPos);
    LastPos = PrevPos = NoPos;
    bool F64 = Bin == Op::F64Add;
    size_t P = emit(F64 ? Op::F64MulAddRmw : Op::F32MulAddRmw,
                    {A.Slot, 0, Offset, Xs, B, KB, OffB});
    // The address computation just before it (an axpy loop's pointers:
    // I32Add2 or I32AddImm, adjacent, no label between): one dispatch that
    // does it first, then the multiply-add (the same order, so a trap in
    // the multiply-add leaves the same state).
    if (Hist.size() >= 2 && Hist.back().Pos == P) {
      const Rec &Pr = Hist[Hist.size() - 2];
      Op F = Op::NumOps;
      if (Pr.O == Op::I32Add2 && Pr.Pos + 7 == P)
        F = F64 ? Op::F64MulAddRmwAdd2 : Op::F32MulAddRmwAdd2;
      else if (Pr.O == Op::I32AddImm && Pr.Pos + 4 == P)
        F = F64 ? Op::F64MulAddRmwAddImm : Op::F32MulAddRmwAddImm;
      if (F != Op::NumOps && Code[Pr.Pos] == opWord(Pr.O)) {
        std::vector<uint64_t> Ops(Code.begin() + Pr.Pos + 1, Code.begin() + P);
        Ops.insert(Ops.end(), Code.begin() + P + 1, Code.end());
        size_t Q = Pr.Pos;
        Code.resize(Q);
        trimHist(Q);
        LastPos = PrevPos = NoPos;
        emit(F, {});
        Code.insert(Code.end(), Ops.begin(), Ops.end());
      }
    }
    return true;
  }
  Code.resize(LastPos);
  LastPos = PrevPos = NoPos;
  emit(R, {A.Slot, X, 0, Offset});
  return true;
}

/// Emits a conditional branch on the popped i32 condition. Fuses with a
/// just-emitted compare. Returns the instruction and offset word positions.
void FuncCompiler::conditionalBranch(bool BranchIfTrue, Entry C, size_t &Instr,
                                     size_t &Word) {
  Instr = NoPos;
  if (!live())
    return;
  use(C);
  struct Fuse {
    Op Cmp, True, False;
  };
  static const Fuse Fusions[] = {
      {Op::I32Eq, Op::BrIfI32Eq, Op::BrIfI32Ne},
      {Op::I32Ne, Op::BrIfI32Ne, Op::BrIfI32Eq},
      {Op::I32LtS, Op::BrIfI32LtS, Op::BrIfI32GeS},
      {Op::I32LtU, Op::BrIfI32LtU, Op::BrIfI32GeU},
      {Op::I32GtS, Op::BrIfI32GtS, Op::BrIfI32LeS},
      {Op::I32GtU, Op::BrIfI32GtU, Op::BrIfI32LeU},
      {Op::I32LeS, Op::BrIfI32LeS, Op::BrIfI32GtS},
      {Op::I32LeU, Op::BrIfI32LeU, Op::BrIfI32GtU},
      {Op::I32GeS, Op::BrIfI32GeS, Op::BrIfI32LtS},
      {Op::I32GeU, Op::BrIfI32GeU, Op::BrIfI32LtU},
  };
  if (C.Slot == canon(Vals.size()) && LastPos != NoPos &&
      LastDstWord == LastPos + 1 && Code[LastDstWord] == C.Slot) {
    if (LastOp == Op::I32Eqz) {
      uint64_t A = Code[LastPos + 2];
      Code.resize(LastPos);
      LastPos = PrevPos = NoPos;
      Instr = emit(BranchIfTrue ? Op::BrIfI32Eqz : Op::BrIfI32Nez, {A});
      Word = Code.size();
      Code.push_back(0);
      return;
    }
    for (const Fuse &F : Fusions) {
      if (LastOp == (Op)((unsigned)F.Cmp + 2) && Code.size() == LastPos + 6) {
        // Compare with a memory operand (a, addr, k, off).
        std::vector<uint64_t> Ops(Code.begin() + LastPos + 2, Code.end());
        Code.resize(LastPos);
        LastPos = PrevPos = NoPos;
        Op FO = BranchIfTrue ? F.True : F.False;
        unsigned Rel = (unsigned)FO - (unsigned)Op::BrIfI32Eq;
        Instr = emit((Op)(Rel + (unsigned)Op::BrIfI32EqLoad), {});
        Code.insert(Code.end(), Ops.begin(), Ops.end());
        Word = Code.size();
        Code.push_back(0);
        return;
      }
      bool Imm = LastOp == (Op)((unsigned)F.Cmp + 1);
      if (LastOp != F.Cmp && !Imm)
        continue;
      if (Imm) {
        uint64_t A = Code[LastPos + 2], C = Code[LastPos + 3];
        Code.resize(LastPos);
        Op FO = BranchIfTrue ? F.True : F.False;
        unsigned Rel = (unsigned)FO - (unsigned)Op::BrIfI32Eq;
        // `a = a + k` just before: fold the increment into the branch.
        if (PrevPos != NoPos && PrevOp == Op::I32AddImm &&
            Code.size() == PrevPos + 4 && Code[PrevPos + 1] == A &&
            Code[PrevPos + 2] == A) {
          uint64_t K = Code[PrevPos + 3];
          Code.resize(PrevPos);
          LastPos = PrevPos = NoPos;
          Instr = emit((Op)(Rel + (unsigned)Op::BrIfI32IncEqImm), {A, K, C});
        } else {
          LastPos = PrevPos = NoPos;
          Instr = emit((Op)(Rel + (unsigned)Op::BrIfI32EqImm), {A, C});
        }
        Word = Code.size();
        Code.push_back(0);
        return;
      }
      uint64_t A = Code[LastPos + 2], B = Code[LastPos + 3];
      Code.resize(LastPos);
      LastPos = PrevPos = NoPos;
      Instr = emit(BranchIfTrue ? F.True : F.False, {A, B});
      Word = Code.size();
      Code.push_back(0);
      return;
    }
  }
  Instr = emit(BranchIfTrue ? Op::BrIfNz : Op::BrIfZ, {C.Slot});
  Word = Code.size();
  Code.push_back(0);
}

void FuncCompiler::endFunctionOrReturn() {
  // Results to fp[0..n): materialise first so no source is clobbered.
  size_t N = Type.Results.size();
  size_t Base = Vals.size() - N;
  if (live()) {
    materializeFrom(Base);
    for (size_t J = 0; J < N; ++J)
      copy((uint32_t)J, Vals[Base + J].Slot);
    emit(Op::Ret, {});
  }
}

void FuncCompiler::localSetOrTee(uint32_t L, bool Tee) {
  if (L >= NumLocals)
    invalid("unknown local " + std::to_string(L));
  Entry V = pop(Locals[L]);
  if (live() && V.IsConst) {
    materializeLocal(L);
    emit(Op::Const, {L, V.Value});
    LastDstWord = NoPos;
    if (Tee) { // the value is still a known constant
      Vals.push_back(V);
      MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)Vals.size());
    }
    return;
  }
  if (live()) {
    bool Aliased = localAliased(L);
    if (!Aliased && V.Slot == canon(Vals.size()) && LastPos != NoPos &&
        LastDstWord == LastPos + 1 && Code[LastDstWord] == V.Slot) {
      Code[LastDstWord] = L; // the producer writes the local directly
      V.Slot = L;
      // Two adjacent i32.adds (address computations, induction variables)
      // stored to locals: one dispatch.
      Op Two = LastOp == Op::I32Add      ? Op::I32Add2
               : LastOp == Op::I32AddImm ? Op::I32AddImm2
                                         : Op::NumOps;
      if (Two != Op::NumOps && Code.size() == LastPos + 4 &&
          PrevPos != NoPos && PrevOp == LastOp && PrevPos + 4 == LastPos &&
          Code[PrevPos + 1] < NumLocals) {
        Code.erase(Code.begin() + LastPos);
        Code[PrevPos] = opWord(Two);
        trimHist(LastPos);
        Hist.back().O = Two;
        LastPos = PrevPos;
        LastOp = Two;
        LastDstWord = NoPos;
        PrevPos = NoPos;
      }
    } else {
      materializeLocal(L);
      copy(L, V.Slot); // (a hoisted copy leaves the last producer last)
      if (Tee && V.Slot != L)
        V.Slot = L;
    }
  }
  if (Tee) {
    Vals.push_back({Locals[L], live() ? V.Slot : 0});
    MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)Vals.size());
  }
}

void FuncCompiler::run() {
  Locals = Type.Params;
  Locals.insert(Locals.end(), Out.LocalTypes.begin(), Out.LocalTypes.end());
  NumLocals = (uint32_t)Locals.size();
  pushCtrl(KFunc, {}, Type.Results);
  Code.reserve(64);
  while (!Ctrls.empty()) {
    if (R.offset() >= End)
      R.fail("unexpected end of section or function (missing end)");
    InstrOff = R.offset();
    instruction(R.u8());
  }
  if (R.offset() != End)
    R.fail("section size mismatch (operators after function end)");
  Out.FrameSlots = std::max(NumLocals + MaxHeight + 1, ExtraSlots);
}

void FuncCompiler::instruction(uint8_t Opc) {
  switch (Opc) {
  case 0x00: // unreachable
    emit(Op::Unreachable, {});
    unreachable();
    return;
  case 0x01: // nop
    return;
  case 0x02:   // block
  case 0x03:   // loop
  case 0x04: { // if
    std::vector<ValType> P, Rs;
    blockType(P, Rs);
    size_t Instr = NoPos, Word = 0;
    Entry Cond{ValType::I32, 0};
    if (Opc == 0x04)
      Cond = pop(ValType::I32);
    checkTop(P, true);
    if (live())
      materializeFrom(0);
    if (Opc == 0x04)
      conditionalBranch(false, Cond, Instr, Word);
    pushCtrl(Opc == 0x02 ? KBlock : Opc == 0x03 ? KLoop : KIf, P, Rs);
    label();
    Ctrl &C = Ctrls.back();
    C.Start = Code.size();
    if (Opc == 0x04) {
      C.ElseInstr = Instr;
      C.ElseWord = Word;
    }
    return;
  }
  case 0x05: { // else
    Ctrl &C = Ctrls.back();
    if (C.Kind != KIf)
      invalid("else without matching if");
    checkTop(C.Results, true);
    if (Vals.size() != C.Height + C.Results.size())
      invalid("type mismatch: values remaining on stack at end of block");
    if (live())
      materializeFrom(C.Height);
    Vals.resize(C.Height);
    size_t Instr = NoPos;
    if (live()) {
      Instr = emit(Op::Br, {});
      C.Fixups.push_back({Instr, Code.size()});
      Code.push_back(0);
    }
    if (C.ElseInstr != NoPos)
      Code[C.ElseWord] = (uint64_t)((int64_t)Code.size() - (int64_t)C.ElseInstr);
    C.ElseInstr = NoPos;
    C.Kind = KElse;
    C.Unreachable = false;
    for (ValType T : C.Params)
      push(T);
    label();
    return;
  }
  case 0x0B: { // end
    Ctrl &C = Ctrls.back();
    if (C.Kind == KFunc) {
      // Check results, then return them.
      checkTop(C.Results, true);
      if (Vals.size() != C.Height + C.Results.size())
        invalid("type mismatch: values remaining on stack at end of function");
      // Branches to the function label land here with their values in the
      // canonical result slots; so does the fallthrough.
      if (live())
        materializeFrom(C.Height);
      patchTo(C.Fixups, Code.size());
      if (!C.Fixups.empty())
        C.Unreachable = false;
      label();
      for (size_t J = 0; J < C.Results.size(); ++J)
        copy((uint32_t)J, canon(J));
      emit(Op::Ret, {});
      Ctrls.pop_back();
      return;
    }
    checkTop(C.Results, true);
    if (Vals.size() != C.Height + C.Results.size())
      invalid("type mismatch: values remaining on stack at end of block");
    if (C.Kind == KIf && C.Params != C.Results)
      invalid("type mismatch: if without else must leave its params");
    if (live())
      materializeFrom(C.Height);
    size_t Here = Code.size();
    patchTo(C.Fixups, Here);
    if (C.ElseInstr != NoPos)
      Code[C.ElseWord] = (uint64_t)((int64_t)Here - (int64_t)C.ElseInstr);
    std::vector<ValType> Results = C.Results;
    uint32_t Height = C.Height;
    Ctrls.pop_back();
    Vals.resize(Height);
    for (ValType T : Results)
      push(T);
    label();
    return;
  }
  case 0x0C: { // br
    Ctrl &T = labelAt(R.u32());
    checkLabelValues(T);
    emitBr(T);
    unreachable();
    return;
  }
  case 0x0D: { // br_if
    uint32_t Depth = R.u32();
    Ctrl &T = labelAt(Depth);
    Entry Cond = pop(ValType::I32);
    checkTop(T.labelTypes(), true);
    if (live() && branchNeedsCopies(T)) {
      // if (!cond) skip; copies; br target; skip:
      size_t I0 = emit(Op::BrIfZ, {use(Cond)});
      size_t W0 = Code.size();
      Code.push_back(0);
      emitBr(T);
      Code[W0] = (uint64_t)((int64_t)Code.size() - (int64_t)I0);
      label();
      return;
    }
    size_t Instr, Word;
    conditionalBranch(true, Cond, Instr, Word);
    if (Instr != NoPos) {
      if (T.Kind == KLoop) {
        Code[Word] = (uint64_t)((int64_t)T.Start - (int64_t)Instr);
        if (!renameLoop(T, Instr))
          foldLoopCopies(T, Instr);
      } else {
        T.Fixups.push_back({Instr, Word});
      }
    }
    label();
    return;
  }
  case 0x0E: { // br_table
    uint32_t N = R.u32();
    if (N > (End - R.offset()))
      R.fail("unexpected end (br_table)");
    std::vector<uint32_t> Depths(N + 1);
    for (uint32_t I = 0; I <= N; ++I)
      Depths[I] = R.u32();
    Entry Idx = pop(ValType::I32);
    Ctrl &Def = labelAt(Depths[N]);
    size_t Arity = Def.labelTypes().size();
    for (uint32_t D : Depths) {
      Ctrl &T = labelAt(D);
      if (T.labelTypes().size() != Arity)
        invalid("type mismatch: br_table targets have different arities");
      checkLabelValues(T);
    }
    if (live()) {
      size_t Instr = emit(Op::BrTable, {use(Idx), N});
      size_t Table = Code.size();
      Code.resize(Table + N + 1, 0);
      // Targets that need value copies get a stub after the table.
      std::vector<size_t> Stubs(N + 1, NoPos);
      for (uint32_t I = 0; I <= N; ++I) {
        Ctrl &T = labelAt(Depths[I]);
        if (!branchNeedsCopies(T)) {
          if (T.Kind == KLoop)
            Code[Table + I] = (uint64_t)((int64_t)T.Start - (int64_t)Instr);
          else
            T.Fixups.push_back({Instr, Table + I});
          continue;
        }
        Code[Table + I] = (uint64_t)((int64_t)Code.size() - (int64_t)Instr);
        emitBr(T);
      }
    }
    unreachable();
    return;
  }
  case 0x0F: { // return
    Ctrl &F = Ctrls.front();
    checkLabelValues(F);
    endFunctionOrReturn();
    unreachable();
    return;
  }
  case 0x10: { // call
    uint32_t FIdx = R.u32();
    if (FIdx >= M.FuncTypes.size())
      invalid("unknown function " + std::to_string(FIdx));
    const FuncType &FT = M.Types[M.FuncTypes[FIdx]];
    checkTop(FT.Params, true);
    size_t Base = Vals.size() - FT.Params.size();
    if (live())
      materializeFrom(Base);
    emit(Op::Call, {FIdx, canon(Base)});
    Vals.resize(Base);
    for (ValType T : FT.Results)
      push(T);
    MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)(Base + FT.Results.size()));
    label(); // results are not retargetable
    return;
  }
  case 0x11: { // call_indirect
    uint32_t TIdx = R.u32();
    uint32_t Table = R.u32();
    if (Table >= M.Tables.size())
      invalid("unknown table " + std::to_string(Table));
    if (TIdx >= M.Types.size())
      invalid("unknown type " + std::to_string(TIdx));
    if (M.Tables[Table].Elem != ValType::FuncRef)
      invalid("type mismatch: call_indirect table must hold funcref");
    const FuncType &FT = M.Types[TIdx];
    Entry Idx = pop(ValType::I32);
    checkTop(FT.Params, true);
    size_t Base = Vals.size() - FT.Params.size();
    if (live()) {
      // The index must survive materialisation of the args: if it lives in
      // a canonical arg slot region it is above them (height Base+n).
      materializeFrom(Base);
    }
    emit(Op::CallIndirect, {Table, M.TypeIds[TIdx], canon(Base), use(Idx)});
    Vals.resize(Base);
    for (ValType T : FT.Results)
      push(T);
    MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)(Base + FT.Params.size() + 1));
    label();
    return;
  }
  case 0x1A: // drop
    pop();
    return;
  case 0x1B:   // select
  case 0x1C: { // select t
    ValType T = ValType::Any;
    if (Opc == 0x1C) {
      uint32_t N = R.u32();
      if (N != 1)
        invalid("invalid result arity for typed select");
      uint8_t B = R.u8();
      if (B == 0x7B)
        R.fail("unsupported feature: SIMD (v128)");
      if (B != 0x7F && B != 0x7E && B != 0x7D && B != 0x7C && B != 0x70 &&
          B != 0x6F)
        R.fail("malformed value type");
      T = (ValType)B;
    }
    Entry C = pop(ValType::I32);
    Entry B = pop(T);
    Entry A = pop(T);
    ValType RT = T;
    if (Opc == 0x1B) {
      if (A.T == ValType::Any)
        A.T = B.T;
      if (B.T == ValType::Any)
        B.T = A.T;
      if (A.T != B.T)
        invalid("type mismatch: select operands differ");
      if (isRef(A.T) || A.T == ValType::V128)
        invalid("type mismatch: untyped select needs a numeric type");
      RT = A.T;
    }
    uint32_t D = result(RT);
    emit(Op::Select, {D, use(A), use(B), use(C)}, true);
    if (RT == ValType::Any && !Vals.empty())
      Vals.back().T = ValType::Any;
    return;
  }
  case 0x20: { // local.get
    uint32_t L = R.u32();
    if (L >= NumLocals)
      invalid("unknown local " + std::to_string(L));
    Vals.push_back({Locals[L], L});
    MaxHeight = std::max<uint32_t>(MaxHeight, (uint32_t)Vals.size());
    if (!live())
      Vals.back().Slot = 0;
    return;
  }
  case 0x21: // local.set
    localSetOrTee(R.u32(), false);
    return;
  case 0x22: // local.tee
    localSetOrTee(R.u32(), true);
    return;
  case 0x23: { // global.get
    uint32_t G = R.u32();
    if (G >= M.Globals.size())
      invalid("unknown global " + std::to_string(G));
    uint32_t D = result(M.Globals[G].Type);
    emit(Op::GlobalGet, {D, G}, true);
    return;
  }
  case 0x24: { // global.set
    uint32_t G = R.u32();
    if (G >= M.Globals.size())
      invalid("unknown global " + std::to_string(G));
    if (!M.Globals[G].Mutable)
      invalid("global is immutable");
    Entry V = pop(M.Globals[G].Type);
    emit(Op::GlobalSet, {G, use(V)});
    return;
  }
  case 0x25: { // table.get
    uint32_t T = tableIndex();
    Entry I = pop(ValType::I32);
    uint32_t D = result(M.Tables[T].Elem);
    emit(Op::TableGet, {D, T, use(I)}, true);
    return;
  }
  case 0x26: { // table.set
    uint32_t T = tableIndex();
    Entry V = pop(M.Tables[T].Elem);
    Entry I = pop(ValType::I32);
    emit(Op::TableSet, {T, use(I), use(V)});
    return;
  }
  case 0x41: { // i32.const
    pushConst(ValType::I32, (uint32_t)R.s32());
    return;
  }
  case 0x42: {
    pushConst(ValType::I64, (uint64_t)R.s64());
    return;
  }
  case 0x43: {
    pushConst(ValType::F32, R.fixed32());
    return;
  }
  case 0x44: {
    pushConst(ValType::F64, R.fixed64());
    return;
  }
  case 0x3F: { // memory.size
    uint32_t Mem = reservedMemIndex();
    uint32_t D = result(ValType::I32);
    emit(Op::MemorySize, {D, Mem}, true);
    return;
  }
  case 0x40: { // memory.grow
    uint32_t Mem = reservedMemIndex();
    Entry N = pop(ValType::I32);
    uint32_t D = result(ValType::I32);
    emit(Op::MemoryGrow, {D, Mem, use(N)}, true);
    return;
  }
  case 0xD0: { // ref.null
    uint8_t B = R.u8();
    if (B != 0x70 && B != 0x6F)
      R.failAt(InstrOff + 1, "malformed reference type");
    pushConst((ValType)B, 0);
    return;
  }
  case 0xD1: { // ref.is_null
    Entry V = pop();
    if (V.T != ValType::Any && !isRef(V.T))
      invalid("type mismatch: ref.is_null needs a reference");
    uint32_t D = result(ValType::I32);
    emit(Op::RefIsNull, {D, use(V)}, true);
    return;
  }
  case 0xD2: { // ref.func
    uint32_t F = R.u32();
    if (F >= M.FuncTypes.size())
      invalid("unknown function " + std::to_string(F));
    if (F >= Env.DeclaredRefs->size() || !(*Env.DeclaredRefs)[F])
      invalid("undeclared function reference");
    uint32_t D = result(ValType::FuncRef);
    emit(Op::RefFunc, {D, F}, true);
    return;
  }
  case 0xFC: {
    prefixFC();
    return;
  }
  case 0xFD:
    R.failAt(InstrOff, "unsupported feature: SIMD");
  default:
    break;
  }
  if (Opc >= 0x28 && Opc <= 0x35) { // loads
    static const unsigned Natural[] = {2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2};
    static const ValType Types[] = {
        ValType::I32, ValType::I64, ValType::F32, ValType::F64,
        ValType::I32, ValType::I32, ValType::I32, ValType::I32,
        ValType::I64, ValType::I64, ValType::I64, ValType::I64,
        ValType::I64, ValType::I64};
    static const Op Ops[] = {Op::I32Load,    Op::I64Load,    Op::F32Load,
                             Op::F64Load,    Op::I32Load8S,  Op::I32Load8U,
                             Op::I32Load16S, Op::I32Load16U, Op::I64Load8S,
                             Op::I64Load8U,  Op::I64Load16S, Op::I64Load16U,
                             Op::I64Load32S, Op::I64Load32U};
    unsigned K = Opc - 0x28;
    MemArg MA = memArg(Natural[K]);
    Entry A = pop(ValType::I32);
    uint32_t D = result(Types[K]);
    uint64_t X, Y;
    bool Fast = MA.Mem == 0 || Contiguous;
    uint64_t Off = MA.Offset + MA.Mem * LinearMemory::ReservationBytes;
    int Add = Fast ? lastAdd(A, canon(Vals.size() - 1), X, Y) : 0;
    if (Add)
      emit((Op)((unsigned)Ops[K] + 2 + Add), {D, X, Y, Off}, true);
    else if (Fast && A.IsConst)
      emit((Op)((unsigned)Ops[K] + 2), {D, (uint32_t)A.Value + Off}, true);
    else if (Fast)
      emit(Ops[K], {D, use(A), Off}, true);
    else
      emit((Op)((unsigned)Ops[K] + 1), {D, use(A), MA.Offset, MA.Mem}, true);
    return;
  }
  if (Opc >= 0x36 && Opc <= 0x3E) { // stores
    static const unsigned Natural[] = {2, 3, 2, 3, 0, 1, 0, 1, 2};
    static const ValType Types[] = {ValType::I32, ValType::I64, ValType::F32,
                                    ValType::F64, ValType::I32, ValType::I32,
                                    ValType::I64, ValType::I64, ValType::I64};
    static const Op Ops[] = {Op::I32Store,   Op::I64Store,   Op::F32Store,
                             Op::F64Store,   Op::I32Store8,  Op::I32Store16,
                             Op::I64Store8,  Op::I64Store16, Op::I64Store32};
    unsigned K = Opc - 0x36;
    MemArg MA = memArg(Natural[K]);
    Entry V = pop(Types[K]);
    Entry A = pop(ValType::I32);
    bool Fast = MA.Mem == 0 || Contiguous;
    uint64_t Off = MA.Offset + MA.Mem * LinearMemory::ReservationBytes;
    if (Fast && K < 4 && !A.IsConst && storeRmw(A, V, Types[K], Off))
      return;
    uint64_t X, Y;
    int Add = Fast && !V.IsConst
                  ? lastAdd(A, canon(Vals.size()), X, Y)
                  : 0;
    if (Add)
      emit((Op)((unsigned)Ops[K] + 2 + Add), {X, Y, V.Slot, Off});
    else if (Fast && A.IsConst)
      emit((Op)((unsigned)Ops[K] + 2), {(uint32_t)A.Value + Off, use(V)});
    else if (Fast)
      emit(Ops[K], {use(A), use(V), Off});
    else
      emit((Op)((unsigned)Ops[K] + 1), {use(A), use(V), MA.Offset, MA.Mem});
    return;
  }
  if (Opc >= 0x45 && Opc <= 0xC4) {
    numeric(Opc);
    return;
  }
  R.failAt(InstrOff, "illegal opcode 0x" + [&] {
    char B[8];
    snprintf(B, sizeof B, "%02x", Opc);
    return std::string(B);
  }());
}

void FuncCompiler::prefixFC() {
  uint32_t Sub = R.u32();
  if (Sub <= 7) {
    numeric(0x100 + Sub);
    return;
  }
  switch (Sub) {
  case 8: { // memory.init
    uint32_t Seg = dataIndex();
    uint32_t Mem = memIndex();
    Entry N = pop(ValType::I32), S = pop(ValType::I32), D = pop(ValType::I32);
    emit(Op::MemoryInit, {Mem, Seg, use(D), use(S), use(N)});
    return;
  }
  case 9: { // data.drop
    uint32_t Seg = dataIndex();
    emit(Op::DataDrop, {Seg});
    return;
  }
  case 10: { // memory.copy
    uint32_t Dst = memIndex();
    uint32_t Src = memIndex();
    Entry N = pop(ValType::I32), S = pop(ValType::I32), D = pop(ValType::I32);
    emit(Op::MemoryCopy, {Dst, Src, use(D), use(S), use(N)});
    return;
  }
  case 11: { // memory.fill
    uint32_t Mem = memIndex();
    Entry N = pop(ValType::I32), V = pop(ValType::I32), D = pop(ValType::I32);
    emit(Op::MemoryFill, {Mem, use(D), use(V), use(N)});
    return;
  }
  case 12: { // table.init
    uint32_t Seg = elemIndex();
    uint32_t T = tableIndex();
    if (M.Elems[Seg].Type != M.Tables[T].Elem)
      invalid("type mismatch: table.init segment and table types differ");
    Entry N = pop(ValType::I32), S = pop(ValType::I32), D = pop(ValType::I32);
    emit(Op::TableInit, {T, Seg, use(D), use(S), use(N)});
    return;
  }
  case 13: { // elem.drop
    uint32_t Seg = elemIndex();
    emit(Op::ElemDrop, {Seg});
    return;
  }
  case 14: { // table.copy
    uint32_t Dst = tableIndex();
    uint32_t Src = tableIndex();
    if (M.Tables[Dst].Elem != M.Tables[Src].Elem)
      invalid("type mismatch: table.copy between tables of different types");
    Entry N = pop(ValType::I32), S = pop(ValType::I32), D = pop(ValType::I32);
    emit(Op::TableCopy, {Dst, Src, use(D), use(S), use(N)});
    return;
  }
  case 15: { // table.grow
    uint32_t T = tableIndex();
    Entry N = pop(ValType::I32);
    Entry V = pop(M.Tables[T].Elem);
    uint32_t D = result(ValType::I32);
    emit(Op::TableGrow, {D, T, use(V), use(N)}, true);
    return;
  }
  case 16: { // table.size
    uint32_t T = tableIndex();
    uint32_t D = result(ValType::I32);
    emit(Op::TableSize, {D, T}, true);
    return;
  }
  case 17: { // table.fill
    uint32_t T = tableIndex();
    Entry N = pop(ValType::I32);
    Entry V = pop(M.Tables[T].Elem);
    Entry I = pop(ValType::I32);
    emit(Op::TableFill, {T, use(I), use(V), use(N)});
    return;
  }
  default:
    R.failAt(InstrOff, "illegal opcode 0xfc " + std::to_string(Sub));
  }
}

} // namespace

void compileFunction(const Module &M, uint32_t FuncIndex, Reader &R,
                     size_t End, const CompileEnv &Env, CompiledFunc &Out) {
  FuncCompiler C(M, FuncIndex, R, End, Env, Out);
  C.run();
}

} // namespace wmc
