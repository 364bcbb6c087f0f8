//===- runtime/src/LinearMemory.cpp - Guard-paged linear memory -----------===//
//
// mmap/mprotect implementation of LinearMemory (see the header).
//===----------------------------------------------------------------------===//
#include "LinearMemory.h"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace wmc {

static LinearMemory *Registry = nullptr;

std::unique_ptr<LinearMemory> LinearMemory::create(uint64_t MinPages,
                                                   uint64_t MaxPages,
                                                   bool HasMax,
                                                   std::string &Err,
                                                   uint8_t *Slice) {
  if (MaxPages > MaxWasmPages)
    MaxPages = MaxWasmPages;
  if (MinPages > MaxPages) {
    Err = "memory minimum exceeds maximum";
    if (Slice)
      munmap(Slice, ReservationBytes);
    return nullptr;
  }
  void *P = Slice;
  if (!P) {
    P = mmap(nullptr, ReservationBytes, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (P == MAP_FAILED) {
      Err = std::string("cannot reserve memory: ") + strerror(errno);
      return nullptr;
    }
  }
  std::unique_ptr<LinearMemory> M(new LinearMemory());
  M->Base = (uint8_t *)P;
  M->MaxPages = MaxPages;
  M->HasMax = HasMax;
  if (!M->growTo(MinPages * WasmPageSize)) {
    Err = "cannot commit " + std::to_string(MinPages) + " pages of memory";
    return nullptr;
  }
  M->Next = Registry;
  if (Registry)
    Registry->Prev = M.get();
  Registry = M.get();
  return M;
}

uint8_t *LinearMemory::reserveSlices(uint64_t N, std::string &Err) {
  void *P = mmap(nullptr, N * ReservationBytes, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (P == MAP_FAILED) {
    Err = std::string("cannot reserve memory: ") + strerror(errno);
    return nullptr;
  }
  return (uint8_t *)P;
}

LinearMemory::~LinearMemory() {
  if (Prev)
    Prev->Next = Next;
  else if (Registry == this)
    Registry = Next;
  if (Next)
    Next->Prev = Prev;
  if (Base)
    munmap(Base, ReservationBytes);
}

bool LinearMemory::growTo(uint64_t NewBytes) {
  if (NewBytes % WasmPageSize || NewBytes > byteCapacity())
    return false;
  if (NewBytes <= ByteSize)
    return NewBytes == ByteSize;
  if (mprotect(Base + ByteSize, NewBytes - ByteSize, GrowProt))
    return false;
  ByteSize = NewBytes;
  return true;
}

int64_t LinearMemory::grow(uint64_t DeltaPages) {
  uint64_t Old = pages();
  if (DeltaPages > MaxPages - Old)
    return -1;
#ifdef WMC_FUZZ_FUEL
  if (Old + DeltaPages > 1024) // keep fuzzing RSS bounded (64 MiB)
    return -1;
#endif
  if (!growTo((Old + DeltaPages) * WasmPageSize))
    return -1;
  return (int64_t)Old;
}

LinearMemory *LinearMemory::findByAddress(const void *Addr) {
  for (LinearMemory *M = Registry; M; M = M->Next)
    if (M->contains(Addr))
      return M;
  return nullptr;
}

} // namespace wmc
