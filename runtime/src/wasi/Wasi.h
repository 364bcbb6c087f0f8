//===- wasi/Wasi.h - WASI preview1 host for wmc-run ---------*- C++ -*-===//
//
// The contract between the wmc-run engine and its WASI preview1
// implementation (see /work/briefs/wasi-interface.md and README.md here).
// The engine resolves every import from module `wasi_snapshot_preview1` with
// Context::lookup, checks the import's wasm type against Function::Params and
// Function::Results, and on each call hands the implementation a fresh
// GuestMemory view of memory 0. Everything the guest can reach on the host
// goes through a Context: its arguments, environment, standard streams and the
// preopened directories, beneath which every path is confined.
//
// This library has no dependency on the engine; it uses Linux system calls.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_WASI_WASI_H
#define WMC_RUNTIME_WASI_WASI_H

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wmc::wasi {

/// View of the guest's memory 0 for one host call (the engine refreshes it
/// per call; memory may grow).
struct GuestMemory {
  uint8_t *Base = nullptr; ///< start of linear memory 0
  uint64_t Size = 0;       ///< current byte size (accessible prefix)
  /// Optional: returns false if [Addr, Addr+Len) may not be written by the
  /// host (read-only or no-access pages, issue 4). nullptr = every in-bounds
  /// byte is writable. Host writes that fail this check (or are out of
  /// bounds) make the call return EFAULT (21) without writing anything.
  bool (*CanWrite)(void *Ctx, uint64_t Addr, uint64_t Len) = nullptr;
  bool (*CanRead)(void *Ctx, uint64_t Addr,
                  uint64_t Len) = nullptr; ///< same for reads
  void *Ctx = nullptr;
};

/// A host directory made visible to the guest under GuestPath. An empty
/// GuestPath means "the same as HostPath".
struct Preopen {
  std::string HostPath;
  std::string GuestPath;
};

/// Everything the guest sees of its host. Args is argv exactly as the guest
/// reads it (argv[0] included); Env holds "KEY=VALUE" strings.
struct Options {
  std::vector<std::string> Args;
  std::vector<std::string> Env;
  std::vector<Preopen> Preopens;
  /* stdin/stdout/stderr are host fds 0,1,2 */
};

/// What a host call did.
struct Outcome {
  enum Kind { Return, Exit } K = Return;
  uint32_t Value = 0; /* errno for Return, code for Exit */
};

class Context;

/// Value types of a preview1 function: one char per value, 'i' = i32,
/// 'I' = i64.
struct Function {
  const char *Name;
  const char *Params;
  const char *Results;
  Outcome (*Call)(class Context &, GuestMemory &,
                  const uint64_t *Args /*i32 zero-extended*/);
};

namespace detail {
struct State;
} // namespace detail

/// One guest instance's WASI state: the descriptor table (0, 1, 2 = host
/// stdio; 3.. = preopens in Options order, then whatever the guest opens),
/// arguments and environment. Not thread-safe; one Context per instance.
class Context {
public:
  /// Opens the preopened directories. Throws std::runtime_error with a clear
  /// message (naming the directory and the reason) if one cannot be opened.
  explicit Context(Options O);
  ~Context();
  Context(const Context &) = delete;
  Context &operator=(const Context &) = delete;

  /// The preview1 function called \p Name, or nullptr if it is not a
  /// preview1 function this library implements.
  static const Function *lookup(std::string_view Name);

  /// Every implemented preview1 function, in alphabetical order.
  static std::span<const Function> functions();

  /// The host descriptor behind guest descriptor \p GuestFd if it exists and
  /// holds every right in \p RequiredRights (WASI rights bits); -1 otherwise.
  /// For the engine's memory-control `map` of a file the guest opened. The
  /// descriptor stays owned by this Context.
  int hostFd(uint32_t GuestFd, uint64_t RequiredRights) const;

  /// Internal state, used by the preview1 implementations in this folder.
  detail::State &state() { return *S; }

private:
  std::unique_ptr<detail::State> S;
};

} // namespace wmc::wasi

#endif // WMC_RUNTIME_WASI_WASI_H
