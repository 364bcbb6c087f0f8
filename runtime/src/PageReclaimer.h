//===- runtime/src/PageReclaimer.h - Releasing pages off the guest's path -===//
//
// discard.<k> must leave its range reading zero and give the resident pages
// back to the host. Doing both with madvise(MADV_DONTNEED) makes the guest
// wait while the kernel frees every 4 KiB page (~35 ms for 512 MiB here,
// several times a memset of the same range). detach() splits the two steps:
//
//   guest range [A, A+N) --mremap(MREMAP_DONTUNMAP)--> scratch [S, S+N)
//        stays mapped, same access,              owns the old pages; a
//        every page now reads zero               background thread munmaps it
//
// mremap moves page-table entries (whole page tables where source and
// destination agree modulo 2 MiB), so the call costs microseconds whatever
// the size; the pages are freed moments later by the reclaimer thread,
// concurrently with the guest. Detached-but-not-yet-freed bytes are bounded
// (MaxPendingBytes); beyond that, and for ranges below MinBytes, callers use
// madvise as before. See docs/memory-control.md ("discard").
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_PAGERECLAIMER_H
#define WMC_RUNTIME_PAGERECLAIMER_H

#include <cstddef>
#include <cstdint>

namespace wmc::memctl {

struct PageReclaimer {
  /// Smaller ranges are cheaper to release in place.
  static constexpr size_t MinBytes = size_t(1) << 20;
  /// Upper bound on detached pages waiting for the reclaimer thread.
  static constexpr size_t MaxPendingBytes = size_t(1) << 30;

  /// Whether discard may detach (wmc-run --discard=async|sync).
  static void setEnabled(bool On);

  /// Detaches the pages of [Addr, Addr+Len) (page aligned, inside one
  /// private anonymous mapping): afterwards the range keeps its mapping and
  /// access and reads zero, and its old pages are released by the reclaimer
  /// thread. Returns false, with nothing changed, if detaching is disabled,
  /// Len < MinBytes, the backlog would exceed MaxPendingBytes, or the kernel
  /// refuses (the caller then releases the range itself).
  static bool detach(uint8_t *Addr, size_t Len);
};

} // namespace wmc::memctl

#endif
