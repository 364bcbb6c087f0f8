//===- runtime/src/PageReclaimer.cpp - Releasing pages off the guest's path ===//
//
// Implementation of PageReclaimer.h: one lazily started, never destroyed
// thread that munmaps the scratch mappings detach() moved pages into.
//===----------------------------------------------------------------------===//
#include "PageReclaimer.h"

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <mutex>
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <thread>

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4 // Linux 5.7+ (uapi/linux/mman.h)
#endif

namespace wmc::memctl {

namespace {

constexpr uintptr_t HugeBytes = uintptr_t(2) << 20; // one page table's span

std::atomic<bool> Enabled{true};

/// The queue and its thread. Allocated once and intentionally never freed:
/// the thread may still be releasing pages while the process exits.
struct Queue {
  std::mutex M;
  std::condition_variable Work;
  std::deque<std::pair<void *, size_t>> Ranges;
  size_t Pending = 0; ///< bytes queued or being released
  bool Started = false;

  void run() {
    // SCHED_BATCH: a wakeup does not preempt the guest's thread, so on a
    // single core discard still returns first and the freeing takes the
    // thread's fair share of time slices afterwards.
    sched_param P{};
    pthread_setschedparam(pthread_self(), SCHED_BATCH, &P);
    std::unique_lock<std::mutex> L(M);
    for (;;) {
      Work.wait(L, [&] { return !Ranges.empty(); });
      auto [P, N] = Ranges.front();
      Ranges.pop_front();
      L.unlock();
      munmap(P, N);
      L.lock();
      Pending -= N;
    }
  }

  /// Starts the thread with every signal blocked, so SIGSEGV/SIGBUS traps,
  /// SIGINT and friends keep going to the guest's thread. Called with M held.
  bool start() {
    sigset_t All, Old;
    sigfillset(&All);
    pthread_sigmask(SIG_BLOCK, &All, &Old);
    bool Ok = true;
    try {
      std::thread([this] { run(); }).detach();
    } catch (...) {
      Ok = false;
    }
    pthread_sigmask(SIG_SETMASK, &Old, nullptr);
    return Started = Ok;
  }
};

Queue &queue() {
  static Queue *Q = new Queue;
  return *Q;
}

} // namespace

void PageReclaimer::setEnabled(bool On) { Enabled = On; }

bool PageReclaimer::detach(uint8_t *Addr, size_t Len) {
  if (!Enabled || Len < MinBytes)
    return false;
  Queue &Q = queue();
  size_t ScratchLen = Len + HugeBytes;
  {
    std::lock_guard<std::mutex> L(Q.M);
    if (Q.Pending + ScratchLen > MaxPendingBytes)
      return false;
    if (!Q.Started && !Q.start())
      return false;
  }
  void *S = mmap(nullptr, ScratchLen, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (S == MAP_FAILED)
    return false;
  // Same offset modulo 2 MiB as the source, so the kernel can move whole
  // page tables instead of single entries.
  uintptr_t Base = (uintptr_t)S;
  uintptr_t Dest =
      Base + (((uintptr_t)Addr % HugeBytes) + HugeBytes - Base % HugeBytes) %
                 HugeBytes;
  if (mremap(Addr, Len, Len, MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP,
             (void *)Dest) == MAP_FAILED) {
    munmap(S, ScratchLen);
    return false;
  }
  std::lock_guard<std::mutex> L(Q.M);
  Q.Ranges.emplace_back(S, ScratchLen);
  Q.Pending += ScratchLen;
  Q.Work.notify_one();
  return true;
}

} // namespace wmc::memctl
