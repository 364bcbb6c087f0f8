//===- runtime/src/wasi/ProcCalls.cpp - args, environ, clocks, random -----===//
//
// The preview1 functions that touch no file: argument and environment
// vectors, clocks, randomness, process exit, scheduling, and the socket calls
// (which this runtime does not support: no socket can be preopened, so they
// report EBADF for unknown descriptors, ENOTSOCK for non-sockets and ENOTSUP
// otherwise).
//===----------------------------------------------------------------------===//
#include "Calls.h"
#include "Internal.h"

#include <ctime>
#include <fcntl.h>
#include <sched.h>
#include <sys/random.h>
#include <unistd.h>

namespace wmc::wasi::calls {

using namespace abi;
using namespace detail;

namespace {

/// Writes the sizes of a string vector (count, bytes incl. terminators).
Outcome vectorSizes(const std::vector<std::string> &V, GuestMemory &GM,
                    const uint64_t *A) {
  Mem M(GM);
  uint32_t CountPtr = u32(A[0]), SizePtr = u32(A[1]);
  uint64_t Bytes = 0;
  for (const std::string &S : V)
    Bytes += S.size() + 1;
  if (Bytes > UINT32_MAX || V.size() > UINT32_MAX)
    return ret(ERRNO_OVERFLOW);
  if (!M.canWrite(CountPtr, 4) || !M.canWrite(SizePtr, 4))
    return ret(ERRNO_FAULT);
  M.store<uint32_t>(CountPtr, static_cast<uint32_t>(V.size()));
  M.store<uint32_t>(SizePtr, static_cast<uint32_t>(Bytes));
  return ret(ERRNO_SUCCESS);
}

/// Writes a string vector as a pointer array plus NUL-terminated strings.
Outcome vectorGet(const std::vector<std::string> &V, GuestMemory &GM,
                  const uint64_t *A) {
  Mem M(GM);
  uint32_t PtrArray = u32(A[0]), Buf = u32(A[1]);
  uint64_t Bytes = 0;
  for (const std::string &S : V)
    Bytes += S.size() + 1;
  if (!M.canWrite(PtrArray, uint64_t(V.size()) * 4) || !M.canWrite(Buf, Bytes))
    return ret(ERRNO_FAULT);
  uint64_t At = Buf;
  for (size_t I = 0; I < V.size(); ++I) {
    M.store<uint32_t>(PtrArray + uint64_t(I) * 4, static_cast<uint32_t>(At));
    std::memcpy(M.ptr(At), V[I].data(), V[I].size());
    M.ptr(At)[V[I].size()] = 0;
    At += V[I].size() + 1;
  }
  return ret(ERRNO_SUCCESS);
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

uint64_t toNanos(const timespec &T) {
  return uint64_t(T.tv_sec) * 1000000000ull + uint64_t(T.tv_nsec);
}

/// The socket calls: EBADF for a bad fd, ENOTSOCK for a non-socket, ENOTSUP.
Outcome socketCall(Context &Ctx, uint32_t Fd) {
  FdEntry *E = Ctx.state().get(Fd);
  if (!E)
    return ret(ERRNO_BADF);
  if (E->Type != FT_SOCKET_STREAM && E->Type != FT_SOCKET_DGRAM)
    return ret(ERRNO_NOTSOCK);
  return ret(ERRNO_NOTSUP);
}

} // namespace

WMC_WASI_CALL(args_get) { return vectorGet(Ctx.state().Opts.Args, GM, A); }
WMC_WASI_CALL(args_sizes_get) {
  return vectorSizes(Ctx.state().Opts.Args, GM, A);
}
WMC_WASI_CALL(environ_get) { return vectorGet(Ctx.state().Opts.Env, GM, A); }
WMC_WASI_CALL(environ_sizes_get) {
  return vectorSizes(Ctx.state().Opts.Env, GM, A);
}

WMC_WASI_CALL(clock_res_get) {
  Mem M(GM);
  clockid_t Id;
  if (!hostClock(u32(A[0]), Id))
    return ret(ERRNO_INVAL);
  uint32_t Out = u32(A[1]);
  if (!M.canWrite(Out, 8))
    return ret(ERRNO_FAULT);
  timespec T;
  if (::clock_getres(Id, &T) != 0)
    return ret(lastErrno());
  M.store<uint64_t>(Out, toNanos(T));
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(clock_time_get) {
  Mem M(GM);
  clockid_t Id;
  if (!hostClock(u32(A[0]), Id))
    return ret(ERRNO_INVAL);
  // A[1] is the requested precision; the host clocks are always at least as
  // precise as what they report, so it is ignored.
  uint32_t Out = u32(A[2]);
  if (!M.canWrite(Out, 8))
    return ret(ERRNO_FAULT);
  timespec T;
  if (::clock_gettime(Id, &T) != 0)
    return ret(lastErrno());
  M.store<uint64_t>(Out, toNanos(T));
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(random_get) {
  Mem M(GM);
  uint32_t Buf = u32(A[0]), Len = u32(A[1]);
  if (!M.canWrite(Buf, Len))
    return ret(ERRNO_FAULT);
  uint64_t Done = 0;
  int Urandom = -1;
  while (Done < Len) {
    ssize_t N;
    if (Urandom < 0) {
      N = ::getrandom(M.ptr(Buf + Done), Len - Done, 0);
      if (N < 0 && errno == ENOSYS) {
        Urandom = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (Urandom < 0)
          return ret(ERRNO_IO);
        continue;
      }
    } else {
      N = ::read(Urandom, M.ptr(Buf + Done), Len - Done);
    }
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0) {
      if (Urandom >= 0)
        ::close(Urandom);
      return ret(ERRNO_IO);
    }
    Done += static_cast<uint64_t>(N);
  }
  if (Urandom >= 0)
    ::close(Urandom);
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(proc_exit) { return Outcome{Outcome::Exit, u32(A[0])}; }

WMC_WASI_CALL(proc_raise) { return ret(ERRNO_NOSYS); }

WMC_WASI_CALL(sched_yield) {
  ::sched_yield();
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(sock_accept) { return socketCall(Ctx, u32(A[0])); }
WMC_WASI_CALL(sock_recv) { return socketCall(Ctx, u32(A[0])); }
WMC_WASI_CALL(sock_send) { return socketCall(Ctx, u32(A[0])); }
WMC_WASI_CALL(sock_shutdown) { return socketCall(Ctx, u32(A[0])); }

} // namespace wmc::wasi::calls
