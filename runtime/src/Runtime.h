//===- runtime/src/Runtime.h - Store, instances and invocation -*- C++ -*-===//
//
// Run-time objects of the engine: functions (wasm or host), tables, globals
// and memories live in a Store, which owns them for its whole life (so
// references held by other instances' tables never dangle). instantiate()
// links a Module against resolved imports, runs element/data segment
// initialisation and the start function. invoke() runs a function in the
// interpreter (Interpreter.cpp); every failure during execution comes back
// as one Trap value (the single unwinding path).
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_RUNTIME_H
#define WMC_RUNTIME_RUNTIME_H

#include "Code.h"
#include "LinearMemory.h"
#include "Module.h"

#include <map>
#include <optional>

namespace wmc {

class Instance;

/// Why execution stopped abnormally. Messages follow the spec test suite.
enum class TrapKind : int {
  None = 0,
  Unreachable,
  MemoryOutOfBounds,
  TableOutOfBounds,
  UndefinedElement,
  UninitializedElement,
  IndirectCallTypeMismatch,
  DivideByZero,
  IntegerOverflow,
  InvalidConversion,
  StackExhausted,
  HostError, ///< a host function failed (message in Trap::Message)
  Exit,      ///< WASI proc_exit (not an error; code in Trap::ExitCode)
  // Memory control (MemoryControl.h, docs/memory-control.md §5); the
  // details are in Trap::Message.
  ReadOnlyWrite,     ///< store into a read-only memory or read page
  NoAccess,          ///< access to a no-access page
  MemCtlInvalidProt, ///< protect/map prot not in {0, 1, 3}
  MemCtlMisaligned,  ///< addr/len not multiples of 4096
  MemCtlOutOfBounds, ///< addr + len past the current size
  MemCtlReadOnly,    ///< memory-control operation on a read-only memory
  MemCtlGuard,       ///< range overlaps the null guard
  MemCtlNotMapped,   ///< protect of an unmapped page (mappable memory)
};
/// True for the kinds whose details live in Trap::Message.
inline bool trapHasDetail(TrapKind K) {
  return K == TrapKind::HostError || K > TrapKind::Exit;
}
const char *trapMessage(TrapKind K);

struct Trap {
  TrapKind Kind = TrapKind::None;
  uint32_t ExitCode = 0;
  std::string Message;                ///< extra detail (host errors)
  std::vector<std::string> Backtrace; ///< innermost first
};

/// A host function: reads its params from Args[0..n), writes its results to
/// Args[0..m). Returns TrapKind::None, or a trap (set *Detail / exit code
/// through setHostTrapDetail / setExitCode).
using HostFunc = TrapKind (*)(void *Ctx, Instance *Caller, Slot *Args);

struct Function {
  uint32_t TypeId = 0;             ///< internFuncType(Type)
  FuncType Type;                   ///< copy, so host functions own theirs
  Instance *Inst = nullptr;        ///< defining instance (null: host)
  const CompiledFunc *Code = nullptr; ///< null for host functions
  uint32_t NumParams = 0;
  HostFunc Host = nullptr;
  void *HostCtx = nullptr;
  std::string Name;                ///< for backtraces
};

struct Table {
  TableType Type;
  std::vector<uint64_t> Elems; ///< Function* / externref+1 / 0 = null
  uint64_t Max = 0xFFFFFFFFu;  ///< declared maximum or u32 max
  /// Implementation limit on elements (keeps a hostile module from
  /// exhausting host memory): larger tables fail to instantiate/grow.
  static constexpr uint64_t MaxElems = 10'000'000;
  /// table.grow; returns old size or -1.
  int64_t grow(uint64_t Delta, uint64_t Init);
};

struct Global {
  GlobalType Type;
  Slot Value{};
};

/// Something an import resolves to / an export provides.
struct Extern {
  ExternKind Kind = ExternKind::Func;
  void *Ptr = nullptr; ///< Function*, Table*, LinearMemory*, Global*
};

class Instance {
public:
  std::shared_ptr<const Module> Mod;
  std::string Name; ///< registered name, for diagnostics
  std::vector<Function *> Funcs;
  std::vector<Table *> Tables;
  std::vector<LinearMemory *> Mems;
  std::vector<uint8_t *> MemBases; ///< Mems[i]->base(), for the interpreter
  uint8_t *Mem0 = nullptr;         ///< MemBases[0] or null
  std::vector<Global *> Globals;
  std::vector<std::vector<uint64_t>> ElemSegs; ///< evaluated; dropped = empty
  std::vector<std::pair<const uint8_t *, uint32_t>> DataSegs; ///< dropped: len 0
  std::map<std::string, Extern, std::less<>> Exports;

  std::optional<Extern> exported(std::string_view Name) const {
    auto It = Exports.find(Name);
    if (It == Exports.end())
      return std::nullopt;
    return It->second;
  }
};

class Store {
public:
  Store() = default;
  Store(const Store &) = delete;
  ~Store();

  Function *addHostFunction(const FuncType &T, HostFunc Fn, void *Ctx,
                            std::string Name);
  Global *addGlobal(GlobalType T, Slot V);
  Table *addTable(TableType T);
  LinearMemory *addMemory(MemoryType T, std::string &Err);
  /// Adds memories for `Ts` in one reservation: memory k's base is the
  /// first one's + k * LinearMemory::ReservationBytes (the compiler relies
  /// on it for modules that define all their memories). Empty on failure.
  std::vector<LinearMemory *> addMemories(const std::vector<MemoryType> &Ts,
                                          std::string &Err);

  /// Links and initialises an instance. Returns nullptr with `LinkErr` set
  /// if an import is missing/incompatible or resources cannot be created
  /// (nothing ran); returns the instance with `StartTrap` set if segment
  /// initialisation or the start function trapped (effects persist).
  Instance *instantiate(std::shared_ptr<const Module> M,
                        const std::vector<Extern> &Imports,
                        std::string &LinkErr, Trap &StartTrap,
                        bool RunStart = true);

private:
  std::vector<std::unique_ptr<Function>> Funcs;
  std::vector<std::unique_ptr<Table>> Tables;
  std::vector<std::unique_ptr<LinearMemory>> Mems;
  std::vector<std::unique_ptr<Global>> Globals;
  std::vector<std::unique_ptr<Instance>> Instances;
};

/// Checks that an import of type `Imp` accepts `E`; returns an error text or
/// an empty string.
std::string checkImport(const Module &M, const Import &Imp, const Extern &E);

/// Runs `F` with `Args` (F->Type.Params), storing results in `Results`.
/// Returns a Trap with Kind None on success.
Trap invoke(Function *F, const std::vector<Slot> &Args,
            std::vector<Slot> &Results);

/// For host functions: detail text / exit code of the trap being returned.
void setHostTrapDetail(std::string Msg);
void setExitCode(uint32_t Code);

/// Installs the SIGSEGV/SIGBUS handler (idempotent).
void installTrapHandlers();

/// Interpreter limits (call depth in frames, value stack in slots).
constexpr uint32_t MaxCallDepth = 60000;
constexpr uint64_t ValueStackSlots = 8u << 20; // 64 MiB

} // namespace wmc

#endif
