//===- runtime/src/wasi/PollCalls.cpp - poll_oneoff ----------------------===//
//
// poll_oneoff over clock and fd subscriptions with ppoll(2). Clock
// subscriptions (relative or absolute, on any of the four WASI clocks) become
// deadlines on the monotonic clock; fd_read/fd_write subscriptions become
// POLLIN/POLLOUT on the host descriptor (regular files are always ready, as
// on Linux). The call blocks until at least one subscription fires, then
// reports every one that is ready at that moment. Subscriptions that fail on
// their own (bad descriptor, missing right, unknown clock) are reported at
// once as events carrying that error; a malformed subscription fails the
// whole call with EINVAL, and nothing is written.
//===----------------------------------------------------------------------===//
#include "Calls.h"
#include "Internal.h"

#include <poll.h>
#include <sys/ioctl.h>
#include <vector>

namespace wmc::wasi::calls {

using namespace abi;
using namespace detail;

namespace {

struct Subscription {
  uint64_t Userdata = 0;
  uint8_t Tag = 0;
  uint16_t Error = ERRNO_SUCCESS; ///< set: fires at once with this error
  uint64_t Deadline = 0;          ///< clocks: CLOCK_MONOTONIC nanoseconds
  int PollIndex = -1;             ///< fds: index into the pollfd array
};

uint64_t monotonicNow() {
  timespec T;
  ::clock_gettime(CLOCK_MONOTONIC, &T);
  return uint64_t(T.tv_sec) * 1000000000ull + uint64_t(T.tv_nsec);
}

bool hostClock(uint32_t Id, clockid_t &Out) {
  switch (Id) {
  case CLOCKID_REALTIME:
    Out = CLOCK_REALTIME;
    return true;
  case CLOCKID_MONOTONIC:
    Out = CLOCK_MONOTONIC;
    return true;
  case CLOCKID_PROCESS_CPUTIME:
    Out = CLOCK_PROCESS_CPUTIME_ID;
    return true;
  case CLOCKID_THREAD_CPUTIME:
    Out = CLOCK_THREAD_CPUTIME_ID;
    return true;
  default:
    return false;
  }
}

uint64_t saturatingAdd(uint64_t X, uint64_t Y) {
  return X > UINT64_MAX - Y ? UINT64_MAX : X + Y;
}

} // namespace

WMC_WASI_CALL(poll_oneoff) {
  Mem M(GM);
  uint32_t In = u32(A[0]), Out = u32(A[1]), N = u32(A[2]),
           NeventsPtr = u32(A[3]);
  if (N == 0)
    return ret(ERRNO_INVAL);
  if (!M.canRead(In, uint64_t(N) * SUBSCRIPTION_SIZE) ||
      !M.canWrite(Out, uint64_t(N) * EVENT_SIZE) || !M.canWrite(NeventsPtr, 4))
    return ret(ERRNO_FAULT);

  uint64_t Start = monotonicNow();
  std::vector<Subscription> Subs(N);
  std::vector<pollfd> Polls;
  for (uint32_t I = 0; I < N; ++I) {
    uint64_t At = In + uint64_t(I) * SUBSCRIPTION_SIZE;
    Subscription &S = Subs[I];
    S.Userdata = M.load<uint64_t>(At);
    S.Tag = M.load<uint8_t>(At + 8);
    if (S.Tag == EVENT_CLOCK) {
      uint32_t Id = M.load<uint32_t>(At + 16);
      uint64_t Timeout = M.load<uint64_t>(At + 24);
      uint16_t Flags = M.load<uint16_t>(At + 40);
      clockid_t Clock;
      if (!hostClock(Id, Clock) || (Flags & ~SUBCLOCK_ABSTIME)) {
        S.Error = ERRNO_INVAL;
        continue;
      }
      uint64_t Remaining = Timeout;
      if (Flags & SUBCLOCK_ABSTIME) {
        timespec T;
        ::clock_gettime(Clock, &T);
        uint64_t Now = uint64_t(T.tv_sec) * 1000000000ull + uint64_t(T.tv_nsec);
        Remaining = Timeout > Now ? Timeout - Now : 0;
      }
      S.Deadline = saturatingAdd(Start, Remaining);
    } else if (S.Tag == EVENT_FD_READ || S.Tag == EVENT_FD_WRITE) {
      FdEntry *E;
      if (uint16_t Err = Ctx.state().lookup(M.load<uint32_t>(At + 16),
                                            R_POLL_FD_READWRITE, E)) {
        S.Error = Err;
        continue;
      }
      S.PollIndex = static_cast<int>(Polls.size());
      short Events = S.Tag == EVENT_FD_READ ? POLLIN : POLLOUT;
      Polls.push_back(pollfd{E->HostFd, Events, 0});
    } else {
      return ret(ERRNO_INVAL);
    }
  }

  uint32_t Count = 0;
  for (;;) {
    bool Immediate = false;
    uint64_t Earliest = UINT64_MAX;
    for (const Subscription &S : Subs) {
      if (S.Error)
        Immediate = true;
      else if (S.Tag == EVENT_CLOCK && S.Deadline < Earliest)
        Earliest = S.Deadline;
    }
    uint64_t Now = monotonicNow();
    timespec Wait{0, 0};
    bool Forever = !Immediate && Earliest == UINT64_MAX;
    if (!Immediate && Earliest > Now && !Forever) {
      uint64_t Ns = Earliest - Now;
      Wait.tv_sec = static_cast<time_t>(Ns / 1000000000ull);
      Wait.tv_nsec = static_cast<long>(Ns % 1000000000ull);
    }
    int R =
        ::ppoll(Polls.data(), Polls.size(), Forever ? nullptr : &Wait, nullptr);
    if (R < 0 && errno == EINTR)
      continue;
    if (R < 0)
      return ret(lastErrno());
    Now = monotonicNow();
    Count = 0;
    for (const Subscription &S : Subs) {
      uint64_t EvAt = Out + uint64_t(Count) * EVENT_SIZE;
      uint16_t Error = S.Error;
      uint64_t NBytes = 0;
      uint16_t RwFlags = 0;
      if (!Error) {
        if (S.Tag == EVENT_CLOCK) {
          if (S.Deadline > Now)
            continue;
        } else {
          const pollfd &P = Polls[S.PollIndex];
          if (!P.revents)
            continue;
          if (P.revents & POLLNVAL) {
            Error = ERRNO_BADF;
          } else {
            if (P.revents & POLLHUP)
              RwFlags |= EVENTRW_HANGUP;
            int Avail = 0;
            if (S.Tag == EVENT_FD_READ &&
                ::ioctl(P.fd, FIONREAD, &Avail) == 0 && Avail > 0)
              NBytes = static_cast<uint64_t>(Avail);
          }
        }
      }
      std::memset(M.ptr(EvAt), 0, EVENT_SIZE);
      M.store<uint64_t>(EvAt, S.Userdata);
      M.store<uint16_t>(EvAt + 8, Error);
      M.store<uint8_t>(EvAt + 10, S.Tag);
      M.store<uint64_t>(EvAt + 16, NBytes);
      M.store<uint16_t>(EvAt + 24, RwFlags);
      ++Count;
    }
    if (Count > 0)
      break;
    // Woken early (timer slack or a spurious wakeup): wait again.
  }
  M.store<uint32_t>(NeventsPtr, Count);
  return ret(ERRNO_SUCCESS);
}

} // namespace wmc::wasi::calls
