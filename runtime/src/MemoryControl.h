//===- runtime/src/MemoryControl.h - Memory control for wmc-run -*- C++ -*-===//
//
// The wmc-run side of docs/memory-control.md (issue 4): the
// `wmc.protections` custom section, the `wasm:memctl` builtins (protect,
// discard, map, unmap, page_size) and their enforcement with real page
// protection.
//
// Data flow: wmc-run builds a Controller from the decoded Module (parsing
// and validating the section), asks it to resolve every `wasm:memctl` import
// into a host Function, instantiates without running the start function,
// then calls Controller::apply(), which attaches a MemoryState (a byte per
// 4 KiB page) to every memory that has protections or builtins and applies
// the initial protections with mprotect. From then on:
//  - guest loads/stores fault in hardware; the interpreter's SIGSEGV handler
//    asks classifyFault() which trap it is (read-only write / no-access);
//  - memory.copy/fill/init call checkBulk() before writing anything, so they
//    trap without partial writes;
//  - memory.grow gives new pages LinearMemory::GrowProt;
//  - WASI host calls consult hostCanRead/hostCanWrite (EFAULT on refusal).
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_MEMORYCONTROL_H
#define WMC_RUNTIME_MEMORYCONTROL_H

#include "Runtime.h"

#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace wmc::memctl {

/// Protection page size (WMC_PROTECTION_PAGE_SIZE).
constexpr uint64_t PageSize = 4096;

/// Page-table byte: the access (WMC_PROT_* value 0, 1, 3) in the low bits.
enum PageBits : uint8_t {
  AccessMask = 0x03,
  FileBacked = 0x10, ///< currently a MAP_PRIVATE view of a file
  Unmapped = 0x40,   ///< mappable memory, page not mapped (no-access)
  Guard = 0x80,      ///< null guard (no-access forever)
};

/// One entry of the `wmc.protections` section.
struct ProtectionEntry {
  uint32_t Memory = 0;
  uint32_t Flags = 0;
  uint32_t GuardBytes = 0;
};

/// Parses and validates the `wmc.protections` section of \p M (§1 of
/// docs/memory-control.md). Throws std::runtime_error with a message
/// "section 'wmc.protections': <reason>" on any violation.
std::vector<ProtectionEntry> parseProtections(const Module &M);

/// Memory names from the name section (subsection 6), index -> name.
std::map<uint32_t, std::string> memoryNames(const Module &M);

/// Memory-control state of one memory (LinearMemory::Control points here).
struct MemoryState {
  LinearMemory *Mem = nullptr;
  uint32_t Index = 0;
  std::string Name;
  uint32_t Flags = 0;      ///< WMC_MEMORY_READONLY / WMC_MEMORY_MAPPABLE
  uint64_t GuardBytes = 0; ///< [0, GuardBytes) is the null guard
  /// One byte per protection page up to the memory's capacity; pages beyond
  /// the current size hold the state memory.grow will give them.
  std::vector<uint8_t> Pages;

  bool readOnly() const;
  bool mappable() const;
  /// `memory 1 "name"` or `memory 1`.
  std::string label() const;
  /// True if every page of [Addr, Addr+Len) allows the access (in-bounds
  /// range assumed). Returns the first refused page's address in *Bad.
  bool allows(uint64_t Addr, uint64_t Len, bool Write,
              uint64_t *Bad = nullptr) const;
};

/// Per-module memory control: section entries, builtin imports, states.
/// It must outlive every use of the instance's memories (their Control
/// pointers point into it) and of the builtin host functions.
class Controller {
public:
  /// Parses the section (throws std::runtime_error, see parseProtections).
  explicit Controller(std::shared_ptr<const Module> M);
  ~Controller();
  Controller(const Controller &) = delete;
  Controller &operator=(const Controller &) = delete;

  /// Host function for the `wasm:memctl` import \p Imp, created in \p S.
  /// Returns nullptr and sets \p Err (naming the import) if the field is
  /// not a builtin, names a missing memory, is not a function or has the
  /// wrong type.
  Function *resolveImport(Store &S, const Import &Imp, std::string &Err);

  /// Attaches states and applies the initial protections to the memories of
  /// \p I (after data segments, before the start function). Returns false
  /// with \p Err set if the kernel refuses.
  bool apply(Instance &I, std::string &Err);

  /// Resolves a guest WASI fd to a host fd holding \p Rights (-1 if none);
  /// set by wmc-run when WASI is linked. Unset: every fd is EBADF.
  std::function<int(uint32_t Fd, uint64_t Rights)> HostFd;

  /// True if the module uses memory control at all.
  bool active() const { return !Entries.empty() || !Used.empty(); }

  // Builtins (called from the host functions; public for tests).
  TrapKind protect(uint32_t K, uint32_t Addr, uint32_t Len, int32_t Prot);
  TrapKind discard(uint32_t K, uint32_t Addr, uint32_t Len);
  TrapKind map(uint32_t K, uint32_t Addr, uint32_t Len, int32_t Fd,
               int64_t Offset, int32_t Prot, uint32_t &Errno);
  TrapKind unmap(uint32_t K, uint32_t Addr, uint32_t Len);

private:
  /// Checks 1-5 of §2; returns the trap (detail set) or None.
  TrapKind check(const char *Op, uint32_t K, uint64_t Addr, uint64_t Len,
                 const int32_t *Prot, MemoryState *&St);
  /// Replaces [Addr, Addr+Len) of \p St with anonymous zero pages with
  /// access \p Access (page bits \p Bits). Returns false if mmap fails.
  bool replaceAnonymous(MemoryState &St, uint64_t Addr, uint64_t Len,
                        uint8_t Bits);

  std::shared_ptr<const Module> Mod;
  std::vector<ProtectionEntry> Entries;
  std::map<uint32_t, std::string> Names;
  std::vector<uint32_t> Used; ///< memories named by builtin imports
  std::vector<std::unique_ptr<MemoryState>> States; ///< by memory index
public:
  struct Builtin; ///< host-function context of one builtin import
private:
  std::vector<std::unique_ptr<Builtin>> Builtins;
  Instance *Inst = nullptr;
};

/// memory.copy/fill/init hook: None if [Off, Off+Len) of \p M allows the
/// access (M->Control non-null, range in bounds), else the trap with its
/// detail set through setHostTrapDetail.
TrapKind checkBulk(LinearMemory *M, uint64_t Off, uint64_t Len, bool Write,
                   const char *Op);

/// Fault handler hook (async-signal-safe, no allocation): the trap kind of a
/// fault at \p Addr inside \p M's reservation; \p UContext is the signal's
/// ucontext (for the read/write bit). Formats the detail into a static
/// buffer returned by faultDetail().
TrapKind classifyFault(LinearMemory *M, const void *Addr, void *UContext);
const char *faultDetail();

/// GuestMemory::CanRead / CanWrite for WASI (Ctx = the MemoryState).
bool hostCanRead(void *Ctx, uint64_t Addr, uint64_t Len);
bool hostCanWrite(void *Ctx, uint64_t Addr, uint64_t Len);

/// `wmc-run --describe`: the table of memories, data segments and
/// protected ranges of \p M. Throws std::runtime_error on a bad section.
void describe(const Module &M, std::FILE *Out);

} // namespace wmc::memctl

#endif
