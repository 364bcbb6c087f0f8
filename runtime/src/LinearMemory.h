//===- runtime/src/LinearMemory.h - Guard-paged linear memory --*- C++ -*-===//
//
// A wasm linear memory as one large virtual reservation (Wasmtime style):
//
//   base                      base+byteSize          base+ReservationBytes
//   |<-- accessible (RW) ---->|<------ PROT_NONE (never accessible) ---->|
//
// The reservation covers every address a 32-bit memory access can form
// (u32 address + u32 offset + access width), so the interpreter performs no
// bounds check: an access past byteSize() faults, and the SIGSEGV/SIGBUS
// handler (Trap.cpp) asks findByAddress() whether the fault hit a memory and
// turns it into a wasm trap. Growth only changes page protections; the base
// never moves. The memory-control builtins (MemoryControl.h: read-only
// memories, protect/discard/map/unmap) change pages of the accessible prefix
// directly through base(); `Control` points at their per-memory state.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_LINEARMEMORY_H
#define WMC_RUNTIME_LINEARMEMORY_H

#include <cstdint>
#include <memory>
#include <string>

namespace wmc {

namespace memctl {
struct MemoryState;
} // namespace memctl

class LinearMemory {
public:
  static constexpr uint64_t WasmPageSize = 65536;
  static constexpr uint64_t MaxWasmPages = 65536;
  /// 4 GiB (largest memory) + 4 GiB (largest offset) + one wasm page so an
  /// 8-byte access at the largest address still lands inside.
  static constexpr uint64_t ReservationBytes = (8ULL << 30) + WasmPageSize;

  /// Reserves address space and makes `MinPages` accessible (zeroed).
  /// `MaxPages` is the declared maximum (MaxWasmPages if none). Returns
  /// nullptr and sets `Err` on failure.
  /// With `Slice` (ReservationBytes of PROT_NONE address space the caller
  /// reserved, see reserveSlices), uses it instead of reserving: the memory
  /// owns it from then on, also when creation fails.
  static std::unique_ptr<LinearMemory> create(uint64_t MinPages,
                                              uint64_t MaxPages, bool HasMax,
                                              std::string &Err,
                                              uint8_t *Slice = nullptr);
  /// Reserves N adjacent reservations (slice k at result + k *
  /// ReservationBytes) for create(); nullptr with `Err` set on failure.
  static uint8_t *reserveSlices(uint64_t N, std::string &Err);
  ~LinearMemory();
  LinearMemory(const LinearMemory &) = delete;
  LinearMemory &operator=(const LinearMemory &) = delete;

  /// Start of the memory; stable for the memory's whole life.
  uint8_t *base() const { return Base; }
  /// Accessible bytes (a multiple of WasmPageSize).
  uint64_t byteSize() const { return ByteSize; }
  uint64_t pages() const { return ByteSize / WasmPageSize; }
  /// Largest byteSize() growth may reach (declared maximum).
  uint64_t byteCapacity() const { return MaxPages * WasmPageSize; }
  uint64_t maxPages() const { return MaxPages; }
  /// Whether the memory type declared a maximum (import matching).
  bool hasMax() const { return HasMax; }

  /// Makes [0, NewBytes) accessible. NewBytes must be page aligned and at
  /// most byteCapacity(); returns false (nothing changed) otherwise or if
  /// the kernel refuses.
  bool growTo(uint64_t NewBytes);
  /// memory.grow: returns the old size in pages or -1.
  int64_t grow(uint64_t DeltaPages);

  /// True if `Addr` lies anywhere in this memory's reservation.
  bool contains(const void *Addr) const {
    auto A = (uintptr_t)Addr, B = (uintptr_t)Base;
    return A >= B && A - B < ReservationBytes;
  }
  /// The live memory whose reservation contains `Addr`, or nullptr.
  /// Async-signal-safe (walks an intrusive list; no allocation).
  static LinearMemory *findByAddress(const void *Addr);

  /// Memory-control state (MemoryControl.h): page table, flags, name. Null
  /// (the default) means every page is read-write and nothing is checked.
  memctl::MemoryState *Control = nullptr;
  /// Host protection given to pages added by growTo (PROT_* flags):
  /// PROT_READ for read-only memories, PROT_NONE for mappable ones.
  int GrowProt = 3; // PROT_READ | PROT_WRITE

private:
  LinearMemory() = default;
  /// Start of the reservation; never changes, never null after create().
  uint8_t *Base = nullptr;
  /// Bytes accessible from Base; page aligned; <= MaxPages*WasmPageSize.
  uint64_t ByteSize = 0;
  /// Declared maximum in wasm pages; <= MaxWasmPages.
  uint64_t MaxPages = MaxWasmPages;
  /// True if MaxPages came from the memory type (not the 4 GiB default).
  bool HasMax = false;
  /// Registry of live memories for the fault handler.
  LinearMemory *Next = nullptr, *Prev = nullptr;
};

} // namespace wmc

#endif
