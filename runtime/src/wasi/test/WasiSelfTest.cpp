//===- runtime/src/wasi/test/WasiSelfTest.cpp - wmc-wasi-selftest ---------===//
//
// Drives the WASI preview1 implementation exactly as the engine does: through
// Context::lookup(name)->Call with a fake guest memory, checking every errno
// and every byte the host writes back. One group of checks per subcommand so
// each lit test in test/runtime/wasi covers one behaviour:
//
//   wmc-wasi-selftest [--resolver=auto|openat2|walk] GROUP [DIR]
//   wmc-wasi-selftest imports MODULE.wasm
//
// Each group prints one line per failed check and ends with
// "GROUP: N passed, M failed"; the exit status is 1 if anything failed.
//===----------------------------------------------------------------------===//
#include "Abi.h"
#include "Internal.h"
#include "Wasi.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace wmc::wasi;
using namespace wmc::wasi::abi;

namespace {

unsigned Passed = 0, Failed = 0;

void check(bool Ok, const std::string &What) {
  if (Ok) {
    ++Passed;
    return;
  }
  ++Failed;
  std::printf("FAIL: %s\n", What.c_str());
}

void checkEq(uint64_t Got, uint64_t Want, const std::string &What) {
  check(Got == Want, What + ": got " + std::to_string(Got) + ", want " +
                         std::to_string(Want));
}

/// A fake guest: 64 KiB of memory 0 with an optional no-write / no-read
/// window [DenyLo, DenyHi) reported through CanWrite / CanRead.
struct Guest {
  static constexpr uint32_t Size = 65536;
  std::vector<uint8_t> Bytes = std::vector<uint8_t>(Size, 0);
  GuestMemory GM;
  Context &C;
  uint64_t DenyWriteLo = 0, DenyWriteHi = 0;
  uint64_t DenyReadLo = 0, DenyReadHi = 0;
  uint32_t Next = 4096; ///< bump allocator for scratch data

  explicit Guest(Context &C) : C(C) {
    GM.Base = Bytes.data();
    GM.Size = Size;
    GM.Ctx = this;
    GM.CanWrite = [](void *Ctx, uint64_t Addr, uint64_t Len) {
      auto *G = static_cast<Guest *>(Ctx);
      return Addr + Len <= G->DenyWriteLo || Addr >= G->DenyWriteHi;
    };
    GM.CanRead = [](void *Ctx, uint64_t Addr, uint64_t Len) {
      auto *G = static_cast<Guest *>(Ctx);
      return Addr + Len <= G->DenyReadLo || Addr >= G->DenyReadHi;
    };
  }

  Outcome callRaw(const char *Name, std::vector<uint64_t> Args) {
    const Function *F = Context::lookup(Name);
    if (!F) {
      check(false, std::string("lookup ") + Name);
      return {};
    }
    if (std::strlen(F->Params) != Args.size())
      check(false, std::string("arity of ") + Name);
    Args.resize(16, 0);
    return F->Call(C, GM, Args.data());
  }
  /// Calls a function returning an errno.
  uint32_t call(const char *Name, std::vector<uint64_t> Args) {
    Outcome O = callRaw(Name, std::move(Args));
    check(O.K == Outcome::Return, std::string(Name) + " returns");
    return O.Value;
  }

  uint32_t alloc(uint32_t N) {
    uint32_t At = Next;
    Next = (Next + N + 7) & ~7u;
    if (Next > Size - 16384)
      throw std::runtime_error("selftest guest out of scratch memory");
    return At;
  }
  uint32_t str(std::string_view S) {
    uint32_t At = alloc(static_cast<uint32_t>(S.size()) + 1);
    std::memcpy(&Bytes[At], S.data(), S.size());
    return At;
  }
  uint32_t u32(uint32_t At) const {
    uint32_t V;
    std::memcpy(&V, &Bytes[At], 4);
    return V;
  }
  uint64_t u64(uint32_t At) const {
    uint64_t V;
    std::memcpy(&V, &Bytes[At], 8);
    return V;
  }
  void putU32(uint32_t At, uint32_t V) { std::memcpy(&Bytes[At], &V, 4); }
  std::string read(uint32_t At, uint32_t Len) const {
    return std::string(reinterpret_cast<const char *>(&Bytes[At]), Len);
  }

  // Conveniences over the preview1 calls.
  uint32_t open(uint32_t Dir, std::string_view Path, uint32_t OFlags,
                uint64_t Rights, uint32_t &Fd, uint32_t Lookup = 1,
                uint64_t Inheriting = 0) {
    uint32_t P = str(Path), Out = alloc(4);
    uint32_t E = call("path_open", {Dir, Lookup, P, Path.size(), OFlags, Rights,
                                    Inheriting, 0, Out});
    Fd = E ? ~0u : u32(Out);
    return E;
  }
  uint32_t write(uint32_t Fd, std::string_view Data, uint32_t *N = nullptr) {
    uint32_t Buf = str(Data), Iov = alloc(8), Out = alloc(4);
    putU32(Iov, Buf);
    putU32(Iov + 4, static_cast<uint32_t>(Data.size()));
    uint32_t E = call("fd_write", {Fd, Iov, 1, Out});
    if (N)
      *N = u32(Out);
    return E;
  }
  uint32_t read(uint32_t Fd, uint32_t Len, std::string &Data) {
    uint32_t Buf = alloc(Len), Iov = alloc(8), Out = alloc(4);
    putU32(Iov, Buf);
    putU32(Iov + 4, Len);
    uint32_t E = call("fd_read", {Fd, Iov, 1, Out});
    Data = E ? "" : read(Buf, u32(Out));
    return E;
  }
  uint32_t pathCall(const char *Name, uint32_t Dir, std::string_view Path) {
    return call(Name, {Dir, str(Path), Path.size()});
  }
  uint32_t filestat(uint32_t Dir, std::string_view Path, bool Follow,
                    uint32_t &Out) {
    Out = alloc(64);
    return call("path_filestat_get",
                {Dir, Follow ? 1u : 0u, str(Path), Path.size(), Out});
  }
};

constexpr uint64_t RW = R_FD_READ | R_FD_WRITE | R_FD_SEEK | R_FD_TELL |
                        R_FD_FILESTAT_GET | R_FD_FILESTAT_SET_SIZE |
                        R_FD_FDSTAT_SET_FLAGS | R_FD_FILESTAT_SET_TIMES;

int countOpenFds() {
  int N = 0;
  if (DIR *D = ::opendir("/proc/self/fd")) {
    while (::readdir(D))
      ++N;
    ::closedir(D);
  }
  return N;
}

Options optionsFor(const std::string &Dir) {
  Options O;
  O.Args = {"prog", "a b", ""};
  O.Env = {"HOME=/home/guest", "EMPTY="};
  if (!Dir.empty())
    O.Preopens.push_back({Dir, "/sandbox"});
  return O;
}

void writeHostFile(const std::string &Path, const std::string &Data) {
  std::ofstream(Path) << Data;
}

bool hostExists(const std::string &Path) {
  struct stat St;
  return ::lstat(Path.c_str(), &St) == 0;
}

// ---- groups ---------------------------------------------------------------

void testSignatures() {
  for (const Function &F : Context::functions())
    std::printf("%s(%s)->(%s)\n", F.Name, F.Params, F.Results);
  check(Context::lookup("fd_write") != nullptr, "lookup fd_write");
  check(Context::lookup("fd_writ") == nullptr, "lookup prefix fails");
  check(Context::lookup("zzz") == nullptr, "lookup unknown fails");
  check(Context::lookup("") == nullptr, "lookup empty fails");
  checkEq(Context::functions().size(), 46, "function count");
}

void testErrno() {
  using wmc::wasi::detail::fromLinuxErrno;
  struct Pair {
    int Linux;
    uint16_t Wasi;
    const char *Name;
  };
  // Every POSIX errno has a WASI twin with the same name; numbers 1..75.
  const Pair Pairs[] = {
      {E2BIG, ERRNO_2BIG, "E2BIG"},
      {EACCES, ERRNO_ACCES, "EACCES"},
      {EADDRINUSE, ERRNO_ADDRINUSE, "EADDRINUSE"},
      {EADDRNOTAVAIL, ERRNO_ADDRNOTAVAIL, "EADDRNOTAVAIL"},
      {EAFNOSUPPORT, ERRNO_AFNOSUPPORT, "EAFNOSUPPORT"},
      {EAGAIN, ERRNO_AGAIN, "EAGAIN"},
      {EALREADY, ERRNO_ALREADY, "EALREADY"},
      {EBADF, ERRNO_BADF, "EBADF"},
      {EBADMSG, ERRNO_BADMSG, "EBADMSG"},
      {EBUSY, ERRNO_BUSY, "EBUSY"},
      {ECANCELED, ERRNO_CANCELED, "ECANCELED"},
      {ECHILD, ERRNO_CHILD, "ECHILD"},
      {ECONNABORTED, ERRNO_CONNABORTED, "ECONNABORTED"},
      {ECONNREFUSED, ERRNO_CONNREFUSED, "ECONNREFUSED"},
      {ECONNRESET, ERRNO_CONNRESET, "ECONNRESET"},
      {EDEADLK, ERRNO_DEADLK, "EDEADLK"},
      {EDESTADDRREQ, ERRNO_DESTADDRREQ, "EDESTADDRREQ"},
      {EDOM, ERRNO_DOM, "EDOM"},
      {EDQUOT, ERRNO_DQUOT, "EDQUOT"},
      {EEXIST, ERRNO_EXIST, "EEXIST"},
      {EFAULT, ERRNO_FAULT, "EFAULT"},
      {EFBIG, ERRNO_FBIG, "EFBIG"},
      {EHOSTUNREACH, ERRNO_HOSTUNREACH, "EHOSTUNREACH"},
      {EIDRM, ERRNO_IDRM, "EIDRM"},
      {EILSEQ, ERRNO_ILSEQ, "EILSEQ"},
      {EINPROGRESS, ERRNO_INPROGRESS, "EINPROGRESS"},
      {EINTR, ERRNO_INTR, "EINTR"},
      {EINVAL, ERRNO_INVAL, "EINVAL"},
      {EIO, ERRNO_IO, "EIO"},
      {EISCONN, ERRNO_ISCONN, "EISCONN"},
      {EISDIR, ERRNO_ISDIR, "EISDIR"},
      {ELOOP, ERRNO_LOOP, "ELOOP"},
      {EMFILE, ERRNO_MFILE, "EMFILE"},
      {EMLINK, ERRNO_MLINK, "EMLINK"},
      {EMSGSIZE, ERRNO_MSGSIZE, "EMSGSIZE"},
      {EMULTIHOP, ERRNO_MULTIHOP, "EMULTIHOP"},
      {ENAMETOOLONG, ERRNO_NAMETOOLONG, "ENAMETOOLONG"},
      {ENETDOWN, ERRNO_NETDOWN, "ENETDOWN"},
      {ENETRESET, ERRNO_NETRESET, "ENETRESET"},
      {ENETUNREACH, ERRNO_NETUNREACH, "ENETUNREACH"},
      {ENFILE, ERRNO_NFILE, "ENFILE"},
      {ENOBUFS, ERRNO_NOBUFS, "ENOBUFS"},
      {ENODEV, ERRNO_NODEV, "ENODEV"},
      {ENOENT, ERRNO_NOENT, "ENOENT"},
      {ENOEXEC, ERRNO_NOEXEC, "ENOEXEC"},
      {ENOLCK, ERRNO_NOLCK, "ENOLCK"},
      {ENOLINK, ERRNO_NOLINK, "ENOLINK"},
      {ENOMEM, ERRNO_NOMEM, "ENOMEM"},
      {ENOMSG, ERRNO_NOMSG, "ENOMSG"},
      {ENOPROTOOPT, ERRNO_NOPROTOOPT, "ENOPROTOOPT"},
      {ENOSPC, ERRNO_NOSPC, "ENOSPC"},
      {ENOSYS, ERRNO_NOSYS, "ENOSYS"},
      {ENOTCONN, ERRNO_NOTCONN, "ENOTCONN"},
      {ENOTDIR, ERRNO_NOTDIR, "ENOTDIR"},
      {ENOTEMPTY, ERRNO_NOTEMPTY, "ENOTEMPTY"},
      {ENOTRECOVERABLE, ERRNO_NOTRECOVERABLE, "ENOTRECOVERABLE"},
      {ENOTSOCK, ERRNO_NOTSOCK, "ENOTSOCK"},
      {ENOTSUP, ERRNO_NOTSUP, "ENOTSUP"},
      {ENOTTY, ERRNO_NOTTY, "ENOTTY"},
      {ENXIO, ERRNO_NXIO, "ENXIO"},
      {EOVERFLOW, ERRNO_OVERFLOW, "EOVERFLOW"},
      {EOWNERDEAD, ERRNO_OWNERDEAD, "EOWNERDEAD"},
      {EPERM, ERRNO_PERM, "EPERM"},
      {EPIPE, ERRNO_PIPE, "EPIPE"},
      {EPROTO, ERRNO_PROTO, "EPROTO"},
      {EPROTONOSUPPORT, ERRNO_PROTONOSUPPORT, "EPROTONOSUPPORT"},
      {EPROTOTYPE, ERRNO_PROTOTYPE, "EPROTOTYPE"},
      {ERANGE, ERRNO_RANGE, "ERANGE"},
      {EROFS, ERRNO_ROFS, "EROFS"},
      {ESPIPE, ERRNO_SPIPE, "ESPIPE"},
      {ESRCH, ERRNO_SRCH, "ESRCH"},
      {ESTALE, ERRNO_STALE, "ESTALE"},
      {ETIMEDOUT, ERRNO_TIMEDOUT, "ETIMEDOUT"},
      {ETXTBSY, ERRNO_TXTBSY, "ETXTBSY"},
      {EXDEV, ERRNO_XDEV, "EXDEV"},
  };
  uint16_t Expected = 1;
  for (const Pair &P : Pairs) {
    checkEq(P.Wasi, Expected++, std::string("numbering of ") + P.Name);
    checkEq(fromLinuxErrno(P.Linux), P.Wasi, P.Name);
  }
  checkEq(fromLinuxErrno(0), ERRNO_SUCCESS, "0");
  checkEq(fromLinuxErrno(EWOULDBLOCK), ERRNO_AGAIN, "EWOULDBLOCK");
  checkEq(fromLinuxErrno(EOPNOTSUPP), ERRNO_NOTSUP, "EOPNOTSUPP");
  checkEq(fromLinuxErrno(EDEADLOCK), ERRNO_DEADLK, "EDEADLOCK");
  checkEq(fromLinuxErrno(EBADFD), ERRNO_BADF, "EBADFD");
  checkEq(fromLinuxErrno(ESHUTDOWN), ERRNO_PIPE, "ESHUTDOWN");
  checkEq(fromLinuxErrno(ETIME), ERRNO_TIMEDOUT, "ETIME");
  checkEq(fromLinuxErrno(ENOTBLK), ERRNO_NOTSUP, "ENOTBLK");
  checkEq(fromLinuxErrno(9999), ERRNO_IO, "unknown errno is EIO");
  checkEq(fromLinuxErrno(-1), ERRNO_IO, "negative errno is EIO");
  // No Linux errno 1..133 maps to success or to ENOTCAPABLE (which only the
  // host itself reports).
  bool Ok = true;
  for (int E = 1; E < 134; ++E)
    if (fromLinuxErrno(E) == ERRNO_SUCCESS ||
        fromLinuxErrno(E) == ERRNO_NOTCAPABLE || fromLinuxErrno(E) > 76)
      Ok = false;
  check(Ok, "every Linux errno maps to a WASI error");
  std::printf("errno ok\n");
}

void testArgsEnv(Context &C) {
  Guest G(C);
  uint32_t Count = G.alloc(4), Size = G.alloc(4);
  checkEq(G.call("args_sizes_get", {Count, Size}), 0, "args_sizes_get");
  checkEq(G.u32(Count), 3, "argc");
  checkEq(G.u32(Size), 5 + 4 + 1, "argv bytes");
  uint32_t Argv = G.alloc(12), Buf = G.alloc(10);
  checkEq(G.call("args_get", {Argv, Buf}), 0, "args_get");
  check(G.read(G.u32(Argv), 5) == std::string("prog\0", 5), "argv[0]");
  check(G.read(G.u32(Argv + 4), 4) == std::string("a b\0", 4), "argv[1]");
  checkEq(G.u32(Argv + 8), Buf + 9, "argv[2] pointer");
  checkEq(G.Bytes[Buf + 9], 0, "argv[2] empty");
  checkEq(G.call("environ_sizes_get", {Count, Size}), 0, "environ_sizes_get");
  checkEq(G.u32(Count), 2, "envc");
  checkEq(G.u32(Size), 17 + 7, "environ bytes");
  uint32_t Envp = G.alloc(8), EBuf = G.alloc(24);
  checkEq(G.call("environ_get", {Envp, EBuf}), 0, "environ_get");
  check(G.read(G.u32(Envp), 17) == std::string("HOME=/home/guest\0", 17),
        "environ[0]");
  check(G.read(G.u32(Envp + 4), 7) == std::string("EMPTY=\0", 7), "environ[1]");
  std::printf("argv: %s|%s|%s\n", G.read(G.u32(Argv), 4).c_str(),
              G.read(G.u32(Argv + 4), 3).c_str(), "");
}

void testClock(Context &C) {
  Guest G(C);
  uint32_t Out = G.alloc(8);
  checkEq(G.call("clock_time_get", {CLOCKID_REALTIME, 1, Out}), 0, "realtime");
  uint64_t Now = uint64_t(::time(nullptr)) * 1000000000ull;
  check(G.u64(Out) + 5000000000ull > Now && G.u64(Out) < Now + 5000000000ull,
        "realtime is close to time()");
  checkEq(G.call("clock_time_get", {CLOCKID_MONOTONIC, 0, Out}), 0, "mono");
  uint64_t M1 = G.u64(Out);
  G.call("clock_time_get", {CLOCKID_MONOTONIC, 0, Out});
  check(G.u64(Out) >= M1, "monotonic does not go back");
  checkEq(G.call("clock_time_get", {CLOCKID_PROCESS_CPUTIME, 0, Out}), 0,
          "process cputime");
  checkEq(G.call("clock_time_get", {CLOCKID_THREAD_CPUTIME, 0, Out}), 0,
          "thread cputime");
  checkEq(G.call("clock_time_get", {4, 0, Out}), ERRNO_INVAL, "bad clock id");
  for (uint32_t Id = 0; Id < 4; ++Id) {
    G.putU32(Out, 0);
    checkEq(G.call("clock_res_get", {Id, Out}), 0, "clock_res_get");
    check(G.u64(Out) > 0 && G.u64(Out) <= 1000000000ull, "resolution sane");
  }
  checkEq(G.call("clock_res_get", {99, Out}), ERRNO_INVAL, "bad res id");
  std::printf("clock ok\n");
}

void testRandom(Context &C) {
  Guest G(C);
  uint32_t A = G.alloc(64), B = G.alloc(64);
  checkEq(G.call("random_get", {A, 64}), 0, "random_get A");
  checkEq(G.call("random_get", {B, 64}), 0, "random_get B");
  check(G.read(A, 64) != G.read(B, 64), "two draws differ");
  check(G.read(A, 64) != std::string(64, '\0'), "not all zero");
  checkEq(G.call("random_get", {A, 0}), 0, "zero length");
  checkEq(G.call("random_get", {Guest::Size, 0}), 0, "zero length at end");
  checkEq(G.call("random_get", {Guest::Size - 8, 16}), ERRNO_FAULT,
          "random_get past the end");
}

void testFiles(Context &C, const std::string &Dir) {
  Guest G(C);
  uint32_t Fd;
  constexpr uint64_t RWX = RW | R_FD_ADVISE | R_FD_SYNC | R_FD_DATASYNC;
  checkEq(G.open(3, "a.txt", OFLAG_CREAT | OFLAG_TRUNC, RWX, Fd), 0,
          "create a.txt");
  checkEq(Fd, 4, "first free fd");
  uint32_t N;
  checkEq(G.write(Fd, "hello world", &N), 0, "fd_write");
  checkEq(N, 11, "bytes written");
  uint32_t Pos = G.alloc(8);
  checkEq(G.call("fd_tell", {Fd, Pos}), 0, "fd_tell");
  checkEq(G.u64(Pos), 11, "position after write");
  checkEq(G.call("fd_seek", {Fd, 0, WHENCE_SET, Pos}), 0, "fd_seek set");
  std::string Data;
  checkEq(G.read(Fd, 100, Data), 0, "fd_read");
  check(Data == "hello world", "read back: " + Data);
  checkEq(G.call("fd_seek", {Fd, uint64_t(-5), WHENCE_END, Pos}), 0,
          "fd_seek end-5");
  checkEq(G.u64(Pos), 6, "end-5 is 6");
  checkEq(G.call("fd_seek", {Fd, 0, 3, Pos}), ERRNO_INVAL, "bad whence");
  checkEq(G.call("fd_seek", {Fd, uint64_t(-100), WHENCE_SET, Pos}), ERRNO_INVAL,
          "negative seek");
  // pread/pwrite do not move the position.
  uint32_t Buf = G.alloc(16), Iov = G.alloc(8), Cnt = G.alloc(4);
  G.putU32(Iov, Buf);
  G.putU32(Iov + 4, 5);
  checkEq(G.call("fd_pread", {Fd, Iov, 1, 0, Cnt}), 0, "fd_pread");
  check(G.read(Buf, G.u32(Cnt)) == "hello", "pread data");
  std::memcpy(&G.Bytes[Buf], "HELLO", 5);
  checkEq(G.call("fd_pwrite", {Fd, Iov, 1, 0, Cnt}), 0, "fd_pwrite");
  checkEq(G.call("fd_tell", {Fd, Pos}), 0, "tell after p*");
  checkEq(G.u64(Pos), 6, "position unchanged by pread/pwrite");
  checkEq(G.read(Fd, 100, Data), 0, "read rest");
  check(Data == "world", "rest: " + Data);
  // Two iovecs.
  uint32_t Iovs = G.alloc(16), B1 = G.alloc(3), B2 = G.alloc(20);
  G.putU32(Iovs, B1);
  G.putU32(Iovs + 4, 3);
  G.putU32(Iovs + 8, B2);
  G.putU32(Iovs + 12, 20);
  G.call("fd_seek", {Fd, 0, WHENCE_SET, Pos});
  checkEq(G.call("fd_read", {Fd, Iovs, 2, Cnt}), 0, "scatter read");
  checkEq(G.u32(Cnt), 11, "scatter count");
  check(G.read(B1, 3) + G.read(B2, 8) == "HELLO world", "scatter data");
  // Stat, truncate, times.
  uint32_t St = G.alloc(64);
  checkEq(G.call("fd_filestat_get", {Fd, St}), 0, "fd_filestat_get");
  checkEq(G.Bytes[St + 16], FT_REGULAR_FILE, "filetype regular");
  checkEq(G.u64(St + 32), 11, "size 11");
  checkEq(G.u64(St + 24), 1, "nlink 1");
  checkEq(G.call("fd_filestat_set_size", {Fd, 5}), 0, "set_size");
  G.call("fd_filestat_get", {Fd, St});
  checkEq(G.u64(St + 32), 5, "size 5");
  checkEq(G.call("fd_filestat_set_times",
                 {Fd, 1000000000ull * 1000, 1000000000ull * 2000,
                  FST_ATIM | FST_MTIM}),
          0, "set_times");
  G.call("fd_filestat_get", {Fd, St});
  checkEq(G.u64(St + 40), 1000000000ull * 1000, "atim");
  checkEq(G.u64(St + 48), 1000000000ull * 2000, "mtim");
  checkEq(G.call("fd_filestat_set_times", {Fd, 0, 0, FST_ATIM | FST_ATIM_NOW}),
          ERRNO_INVAL, "atim and atim_now");
  // fdstat and flags.
  uint32_t Fs = G.alloc(24);
  checkEq(G.call("fd_fdstat_get", {Fd, Fs}), 0, "fd_fdstat_get");
  checkEq(G.Bytes[Fs], FT_REGULAR_FILE, "fdstat filetype");
  checkEq(G.u64(Fs + 8), RWX, "fdstat base rights");
  checkEq(G.u64(Fs + 16), 0, "fdstat inheriting");
  checkEq(G.call("fd_fdstat_set_flags", {Fd, FDFLAG_APPEND}), 0, "set append");
  G.call("fd_fdstat_get", {Fd, Fs});
  checkEq(G.u32(Fs + 2) & 0xffff, FDFLAG_APPEND, "append flag visible");
  checkEq(G.call("fd_fdstat_set_flags", {Fd, FDFLAG_SYNC}), ERRNO_NOTSUP,
          "sync flag cannot change");
  checkEq(G.call("fd_fdstat_set_flags", {Fd, 0x100}), ERRNO_INVAL,
          "unknown fdflag");
  G.write(Fd, "!");
  G.call("fd_filestat_get", {Fd, St});
  checkEq(G.u64(St + 32), 6, "append wrote at end");
  checkEq(G.call("fd_advise", {Fd, 0, 0, ADVICE_SEQUENTIAL}), 0, "fd_advise");
  checkEq(G.call("fd_advise", {Fd, 0, 0, 9}), ERRNO_INVAL, "bad advice");
  checkEq(G.call("fd_sync", {Fd}), 0, "fd_sync");
  checkEq(G.call("fd_datasync", {Fd}), 0, "fd_datasync");
  checkEq(G.call("fd_close", {Fd}), 0, "fd_close");
  checkEq(G.call("fd_close", {Fd}), ERRNO_BADF, "double close");
  checkEq(G.call("fd_tell", {Fd, Pos}), ERRNO_BADF, "closed fd");

  // Allocate grows a file opened with the right.
  checkEq(G.open(3, "alloc.bin", OFLAG_CREAT, RW | R_FD_ALLOCATE, Fd), 0,
          "create alloc.bin");
  checkEq(G.call("fd_allocate", {Fd, 0, 4096}), 0, "fd_allocate");
  G.call("fd_filestat_get", {Fd, St});
  checkEq(G.u64(St + 32), 4096, "allocated size");
  G.call("fd_close", {Fd});

  // Read-only descriptors have no write right.
  checkEq(G.open(3, "a.txt", 0, R_FD_READ | R_FD_SEEK, Fd), 0, "open ro");
  checkEq(G.write(Fd, "x"), ERRNO_NOTCAPABLE, "write on read-only fd");
  checkEq(G.call("fd_filestat_set_size", {Fd, 0}), ERRNO_NOTCAPABLE,
          "truncate without right");
  checkEq(G.call("fd_tell", {Fd, Pos}), ERRNO_NOTCAPABLE, "tell without right");
  checkEq(G.call("fd_fdstat_set_rights", {Fd, R_FD_READ, 0}), 0, "drop rights");
  checkEq(G.call("fd_seek", {Fd, 1, WHENCE_SET, Pos}), ERRNO_NOTCAPABLE,
          "seek after dropping");
  checkEq(G.call("fd_fdstat_set_rights", {Fd, R_FD_READ | R_FD_WRITE, 0}),
          ERRNO_NOTCAPABLE, "cannot regain rights");
  uint32_t Sub;
  checkEq(G.open(Fd, "x", 0, R_FD_READ, Sub), ERRNO_NOTCAPABLE,
          "path_open relative to a file");
  G.call("fd_close", {Fd});
  checkEq(G.open(3, "a.txt", OFLAG_CREAT | OFLAG_EXCL, RW, Fd), ERRNO_EXIST,
          "O_EXCL on existing file");
  checkEq(G.open(3, "a.txt", OFLAG_DIRECTORY, R_FD_READ, Fd), ERRNO_NOTDIR,
          "O_DIRECTORY on a file");
  checkEq(G.open(3, "missing", 0, R_FD_READ, Fd), ERRNO_NOENT, "missing");
  checkEq(G.open(3, "a.txt", 0x10, R_FD_READ, Fd), ERRNO_INVAL, "bad oflags");

  // Directories.
  checkEq(G.pathCall("path_create_directory", 3, "d"), 0, "mkdir d");
  checkEq(G.pathCall("path_create_directory", 3, "d"), ERRNO_EXIST,
          "mkdir d again");
  checkEq(G.pathCall("path_create_directory", 3, "d/e/"), 0, "mkdir d/e/");
  checkEq(G.open(3, "d/f", OFLAG_CREAT, RW, Fd), 0, "create d/f");
  G.write(Fd, "data");
  G.call("fd_close", {Fd});
  check(hostExists(Dir + "/d/f"), "d/f exists on the host");
  uint32_t Old = G.str("d/f"), New = G.str("d/e/g");
  checkEq(G.call("path_rename", {3, Old, 3, 3, New, 5}), 0, "rename");
  check(!hostExists(Dir + "/d/f") && hostExists(Dir + "/d/e/g"),
        "renamed on the host");
  checkEq(G.filestat(3, "d/e/g", true, St), 0, "stat renamed");
  checkEq(G.u64(St + 32), 4, "renamed size");
  checkEq(G.filestat(3, "d/f", true, St), ERRNO_NOENT, "old name gone");
  checkEq(G.filestat(3, "d", true, St), 0, "stat dir");
  checkEq(G.Bytes[St + 16], FT_DIRECTORY, "dir filetype");
  checkEq(G.pathCall("path_remove_directory", 3, "d/e"), ERRNO_NOTEMPTY,
          "rmdir non-empty");
  checkEq(G.pathCall("path_unlink_file", 3, "d/e"), ERRNO_ISDIR,
          "unlink a directory");
  checkEq(G.pathCall("path_unlink_file", 3, "d/e/g/"), ERRNO_NOTDIR,
          "unlink file/");
  checkEq(G.pathCall("path_unlink_file", 3, "d/e/g"), 0, "unlink");
  checkEq(G.pathCall("path_unlink_file", 3, "d/e/g"), ERRNO_NOENT,
          "unlink again");
  checkEq(G.pathCall("path_remove_directory", 3, "d/e"), 0, "rmdir d/e");
  checkEq(G.pathCall("path_remove_directory", 3, "d/."), ERRNO_INVAL,
          "rmdir d/.");
  checkEq(G.pathCall("path_remove_directory", 3, "a.txt"), ERRNO_NOTDIR,
          "rmdir a file");
  checkEq(G.pathCall("path_remove_directory", 3, "d"), 0, "rmdir d");
  check(!hostExists(Dir + "/d"), "d removed on the host");
  checkEq(G.pathCall("path_create_directory", 3, "."), ERRNO_EXIST, "mkdir .");

  // Links.
  uint32_t Target = G.str("a.txt"), LinkName = G.str("lnk");
  checkEq(G.call("path_symlink", {Target, 5, 3, LinkName, 3}), 0, "symlink");
  uint32_t RBuf = G.alloc(64), Used = G.alloc(4);
  checkEq(G.call("path_readlink", {3, LinkName, 3, RBuf, 64, Used}), 0,
          "readlink");
  check(G.read(RBuf, G.u32(Used)) == "a.txt", "readlink data");
  checkEq(G.call("path_readlink", {3, LinkName, 3, RBuf, 2, Used}), 0,
          "readlink truncated");
  checkEq(G.u32(Used), 2, "truncated length");
  checkEq(G.call("path_readlink", {3, Target, 5, RBuf, 64, Used}), ERRNO_INVAL,
          "readlink on a file");
  checkEq(G.filestat(3, "lnk", false, St), 0, "lstat link");
  checkEq(G.Bytes[St + 16], FT_SYMBOLIC_LINK, "link filetype");
  checkEq(G.filestat(3, "lnk", true, St), 0, "stat through link");
  checkEq(G.Bytes[St + 16], FT_REGULAR_FILE, "followed filetype");
  checkEq(G.open(3, "lnk", 0, R_FD_READ, Fd, /*Lookup=*/0), ERRNO_LOOP,
          "O_NOFOLLOW on a symlink");
  checkEq(G.open(3, "lnk", 0, R_FD_READ, Fd, /*Lookup=*/1), 0,
          "open through symlink");
  G.call("fd_close", {Fd});
  uint32_t Hard = G.str("hard");
  checkEq(G.call("path_link", {3, 0, Target, 5, 3, Hard, 4}), 0, "path_link");
  checkEq(G.filestat(3, "a.txt", true, St), 0, "stat after link");
  checkEq(G.u64(St + 24), 2, "nlink 2");
  uint32_t Hard2 = G.str("hard2");
  checkEq(G.call("path_link", {3, 1, LinkName, 3, 3, Hard2, 5}), 0,
          "path_link following a symlink");
  checkEq(G.filestat(3, "hard2", false, St), 0, "stat hard2");
  checkEq(G.Bytes[St + 16], FT_REGULAR_FILE, "hard2 is the file");
  checkEq(G.call("path_link", {3, 0, Target, 5, 3, Hard, 4}), ERRNO_EXIST,
          "link onto existing");
  checkEq(G.call("path_filestat_set_times",
                 {3, 1, LinkName, 3, 7000000000ull, 0, FST_ATIM}),
          0, "set_times through link");
  checkEq(G.filestat(3, "a.txt", true, St), 0, "stat target");
  checkEq(G.u64(St + 40), 7000000000ull, "target atim set");
  checkEq(G.call("path_filestat_set_times",
                 {3, 0, LinkName, 3, 0, 0, FST_MTIM_NOW}),
          0, "set_times on the link itself");
  std::printf("files ok\n");
}

void testReaddir(Context &C, const std::string &Dir) {
  Guest G(C);
  ::mkdirat(AT_FDCWD, (Dir + "/list").c_str(), 0777);
  std::set<std::string> Want = {"sub"}; // no "." and "..", like node
  ::mkdirat(AT_FDCWD, (Dir + "/list/sub").c_str(), 0777);
  for (int I = 0; I < 20; ++I) {
    std::string Name = "file-with-a-longish-name-" + std::to_string(I);
    writeHostFile(Dir + "/list/" + Name, "x");
    Want.insert(Name);
  }
  uint32_t Fd;
  checkEq(G.open(3, "list", OFLAG_DIRECTORY, R_FD_READDIR | R_FD_READ, Fd), 0,
          "open dir");
  uint32_t Fs = G.alloc(24);
  G.call("fd_fdstat_get", {Fd, Fs});
  checkEq(G.Bytes[Fs], FT_DIRECTORY, "dir fdstat type");
  checkEq(G.u64(Fs + 8), R_FD_READDIR, "dir rights masked to directory");

  auto List = [&](uint32_t BufLen, unsigned &Calls) {
    std::map<std::string, uint8_t> Seen;
    uint64_t Cookie = 0;
    uint32_t Buf = G.alloc(BufLen), Used = G.alloc(4);
    Calls = 0;
    for (;;) {
      ++Calls;
      if (G.call("fd_readdir", {Fd, Buf, BufLen, Cookie, Used}) != 0 ||
          Calls > 1000) {
        check(false, "fd_readdir loop");
        break;
      }
      uint32_t N = G.u32(Used), Off = 0;
      bool Progress = false;
      while (Off + DIRENT_SIZE <= N) {
        uint32_t NameLen = G.u32(Buf + Off + 16);
        if (Off + DIRENT_SIZE + NameLen > N)
          break; // truncated entry: ask again from its cookie
        Seen[G.read(Buf + Off + DIRENT_SIZE, NameLen)] =
            G.Bytes[Buf + Off + 20];
        Cookie = G.u64(Buf + Off);
        Off += DIRENT_SIZE + NameLen;
        Progress = true;
      }
      if (N < BufLen)
        break;
      if (!Progress) {
        check(false, "buffer too small for one entry");
        break;
      }
    }
    return Seen;
  };
  unsigned Calls;
  auto Big = List(8192, Calls);
  std::set<std::string> Names;
  for (auto &[N, T] : Big)
    Names.insert(N);
  check(Names == Want, "big-buffer listing matches");
  checkEq(Calls, 1, "one call with a big buffer");
  checkEq(Big["sub"], FT_DIRECTORY, "sub is a directory");
  checkEq(Big["file-with-a-longish-name-3"], FT_REGULAR_FILE, "file type");
  auto Small = List(64, Calls);
  Names.clear();
  for (auto &[N, T] : Small)
    Names.insert(N);
  check(Names == Want, "small-buffer listing matches");
  check(Calls > 10, "small buffer needs many calls");
  uint32_t Buf = G.alloc(64), Used = G.alloc(4);
  checkEq(G.call("fd_readdir", {Fd, Buf, 64, 100000, Used}), 0,
          "cookie past the end");
  checkEq(G.u32(Used), 0, "nothing past the end");
  checkEq(G.call("fd_readdir", {3, Buf, 64, 0, Used}), 0, "readdir preopen");
  uint32_t File;
  G.open(3, "list/sub/../file-with-a-longish-name-0", 0, R_FD_READ, File);
  checkEq(G.call("fd_readdir", {File, Buf, 64, 0, Used}), ERRNO_NOTCAPABLE,
          "readdir on a file");
  G.call("fd_close", {File});
  G.call("fd_close", {Fd});
  std::printf("readdir: %zu entries\n", Big.size());
}

void testConfinement(Context &C, const std::string &Dir) {
  Guest G(C);
  std::string Outside = Dir + "/../outside-" + std::to_string(::getpid());
  ::mkdir(Outside.c_str(), 0777);
  writeHostFile(Outside + "/secret", "secret");
  std::string OutsideName = Outside.substr(Outside.rfind('/') + 1);
  ::mkdir((Dir + "/in").c_str(), 0777);
  writeHostFile(Dir + "/in/file", "inside");
  // Hostile symlinks planted by the host (the guest cannot create absolute
  // ones itself).
  ::symlink("/etc", (Dir + "/etc-link").c_str());
  ::symlink("/etc/passwd", (Dir + "/passwd-link").c_str());
  ::symlink("..", (Dir + "/up").c_str());
  ::symlink("../..", (Dir + "/in/up2").c_str());
  ::symlink(("../" + OutsideName).c_str(), (Dir + "/sibling").c_str());
  ::symlink("loop-b", (Dir + "/loop-a").c_str());
  ::symlink("loop-a", (Dir + "/loop-b").c_str());
  ::symlink("in/file", (Dir + "/good-link").c_str());
  ::symlink("/proc/self/root", (Dir + "/magic").c_str());

  uint32_t Fd, St;
  const char *Escapes[] = {
      "..",
      "../",
      "../x",
      "/etc/passwd",
      "/",
      "in/../..",
      "in/../../etc",
      "./in/./../../x",
      "etc-link/passwd",
      "etc-link",
      "passwd-link",
      "up/x",
      "up",
      "in/up2/etc/passwd",
      "sibling/secret",
      "magic/etc/passwd",
  };
  for (const char *P : Escapes) {
    uint32_t E = G.open(3, P, 0, R_FD_READ, Fd);
    checkEq(E, ERRNO_NOTCAPABLE, std::string("path_open ") + P);
    if (!E)
      G.call("fd_close", {Fd});
    checkEq(G.filestat(3, P, true, St), ERRNO_NOTCAPABLE,
            std::string("path_filestat_get follow ") + P);
  }
  // Creating through an escape must not create anything outside.
  checkEq(G.open(3, ("../" + OutsideName + "/created").c_str(), OFLAG_CREAT, RW,
                 Fd),
          ERRNO_NOTCAPABLE, "create via ..");
  checkEq(G.open(3, "sibling/created", OFLAG_CREAT, RW, Fd), ERRNO_NOTCAPABLE,
          "create via symlink");
  // A dangling final symlink must not let O_CREAT create its target.
  std::string Dangling = Outside + "/dangling-target";
  ::symlink(Dangling.c_str(), (Dir + "/dangling-abs").c_str());
  ::symlink(("../" + OutsideName + "/dangling-rel").c_str(),
            (Dir + "/dangling-rel").c_str());
  checkEq(G.open(3, "dangling-abs", OFLAG_CREAT, RW, Fd), ERRNO_NOTCAPABLE,
          "O_CREAT through a dangling absolute symlink");
  checkEq(G.open(3, "dangling-rel", OFLAG_CREAT, RW, Fd), ERRNO_NOTCAPABLE,
          "O_CREAT through a dangling relative symlink");
  check(!hostExists(Dangling) && !hostExists(Outside + "/dangling-rel"),
        "dangling targets not created");
  checkEq(G.pathCall("path_create_directory", 3, "up/newdir"), ERRNO_NOTCAPABLE,
          "mkdir via symlink");
  checkEq(G.pathCall("path_create_directory", 3, "../newdir"), ERRNO_NOTCAPABLE,
          "mkdir via ..");
  checkEq(G.pathCall("path_create_directory", 3, ".."), ERRNO_NOTCAPABLE,
          "mkdir ..");
  checkEq(G.pathCall("path_unlink_file", 3, "sibling/secret"), ERRNO_NOTCAPABLE,
          "unlink via symlink");
  checkEq(G.pathCall("path_unlink_file", 3, "../" + OutsideName + "/secret"),
          ERRNO_NOTCAPABLE, "unlink via ..");
  checkEq(G.pathCall("path_remove_directory", 3, "../" + OutsideName),
          ERRNO_NOTCAPABLE, "rmdir via ..");
  check(!hostExists(Outside + "/created") && !hostExists(Outside + "/newdir") &&
            hostExists(Outside + "/secret") && !hostExists(Dir + "/../newdir"),
        "nothing outside changed");
  uint32_t From = G.str("in/file"), To = G.str("up/stolen");
  checkEq(G.call("path_rename", {3, From, 7, 3, To, 9}), ERRNO_NOTCAPABLE,
          "rename out");
  uint32_t Src = G.str("sibling/secret"), Dst = G.str("stolen");
  checkEq(G.call("path_rename", {3, Src, 14, 3, Dst, 6}), ERRNO_NOTCAPABLE,
          "rename in");
  checkEq(G.call("path_link", {3, 0, Src, 14, 3, Dst, 6}), ERRNO_NOTCAPABLE,
          "hard link to outside");
  uint32_t PL = G.str("passwd-link");
  checkEq(G.call("path_link", {3, 1, PL, 11, 3, Dst, 6}), ERRNO_NOTCAPABLE,
          "hard link following an escaping symlink");
  checkEq(G.call("path_filestat_set_times", {3, 1, PL, 11, 0, 0, FST_MTIM_NOW}),
          ERRNO_NOTCAPABLE, "set_times through an escaping symlink");
  // An absolute symlink target is refused; a relative one may be created
  // but never followed out.
  uint32_t Abs = G.str("/etc/passwd"), NewLink = G.str("mine");
  checkEq(G.call("path_symlink", {Abs, 11, 3, NewLink, 4}), ERRNO_PERM,
          "absolute symlink target");
  uint32_t Rel = G.str("../../../../etc/passwd");
  checkEq(G.call("path_symlink", {Rel, 22, 3, NewLink, 4}), 0,
          "relative escaping symlink can be created");
  checkEq(G.open(3, "mine", 0, R_FD_READ, Fd), ERRNO_NOTCAPABLE,
          "but not followed");
  uint32_t Into = G.str("up/x");
  checkEq(G.call("path_symlink", {Rel, 22, 3, Into, 4}), ERRNO_NOTCAPABLE,
          "symlink created outside");
  // Reading link contents and lstat of the links themselves is fine.
  uint32_t RBuf = G.alloc(64), Used = G.alloc(4), EL = G.str("etc-link");
  checkEq(G.call("path_readlink", {3, EL, 8, RBuf, 64, Used}), 0,
          "readlink of an escaping link");
  check(G.read(RBuf, G.u32(Used)) == "/etc", "link contents");
  checkEq(G.filestat(3, "etc-link", false, St), 0, "lstat escaping link");
  checkEq(G.Bytes[St + 16], FT_SYMBOLIC_LINK, "it is a symlink");
  // Loops and legitimate in-tree paths.
  checkEq(G.open(3, "loop-a", 0, R_FD_READ, Fd), ERRNO_LOOP, "symlink loop");
  checkEq(G.open(3, "in/../in/./file", 0, R_FD_READ, Fd), 0,
          "in-tree .. is fine");
  std::string Data;
  G.read(Fd, 64, Data);
  check(Data == "inside", "in-tree read");
  G.call("fd_close", {Fd});
  checkEq(G.open(3, "good-link", 0, R_FD_READ, Fd), 0, "in-tree symlink");
  G.call("fd_close", {Fd});
  checkEq(G.open(3, "in/up2", 0, R_FD_READ, Fd, /*Lookup=*/0), ERRNO_LOOP,
          "nofollow on an escaping link");
  checkEq(G.open(3, ".", OFLAG_DIRECTORY, R_FD_READDIR, Fd), 0, "open .");
  // A directory fd opened inside is a floor of its own.
  uint32_t In;
  checkEq(G.open(3, "in", OFLAG_DIRECTORY, RIGHTS_DIRECTORY, In, 1, RIGHTS_ALL),
          0, "open in/");
  checkEq(G.open(In, "../in/file", 0, R_FD_READ, Fd), ERRNO_NOTCAPABLE,
          ".. above an opened directory");
  checkEq(G.open(In, "file", 0, R_FD_READ, Fd), 0, "below an opened dir");
  G.call("fd_close", {Fd});
  // Bad path strings.
  uint32_t Nul = G.str(std::string("in\0file", 7));
  uint32_t Out = G.alloc(4);
  checkEq(G.call("path_open", {3, 1, Nul, 7, 0, R_FD_READ, 0, 0, Out}),
          ERRNO_INVAL, "embedded NUL");
  std::string Long(5000, 'a');
  checkEq(G.open(3, Long, 0, R_FD_READ, Fd), ERRNO_NAMETOOLONG, "too long");
  checkEq(G.call("path_open", {3, 1, 0, 0, 0, R_FD_READ, 0, 0, Out}),
          ERRNO_NOENT, "empty path");
  // Rights of directories.
  checkEq(G.call("fd_fdstat_set_rights",
                 {In, R_PATH_OPEN | R_FD_READDIR, R_FD_READ}),
          0, "narrow a directory");
  checkEq(G.open(In, "file", 0, R_FD_READ | R_FD_WRITE, Fd), ERRNO_NOTCAPABLE,
          "cannot inherit more than allowed");
  checkEq(G.open(In, "file", 0, R_FD_READ, Fd), 0,
          "can inherit what's allowed");
  G.call("fd_close", {Fd});
  checkEq(G.open(In, "new", OFLAG_CREAT, R_FD_READ, Fd), ERRNO_NOTCAPABLE,
          "no create right");
  checkEq(G.pathCall("path_create_directory", In, "x"), ERRNO_NOTCAPABLE,
          "no mkdir right");
  checkEq(G.pathCall("path_unlink_file", 1, "x"), ERRNO_NOTCAPABLE,
          "stdout is not a directory");
  checkEq(G.pathCall("path_unlink_file", 77, "x"), ERRNO_BADF, "bad dir fd");
  G.call("fd_close", {In});
  ::unlink((Outside + "/secret").c_str());
  ::rmdir(Outside.c_str());
  std::printf("confinement ok\n");
}

void testFaults(Context &C, const std::string &Dir) {
  Guest G(C);
  writeHostFile(Dir + "/f.txt", "0123456789");
  uint32_t Fd;
  checkEq(G.open(3, "f.txt", 0, RW, Fd), 0, "open f.txt");
  const uint32_t End = Guest::Size;
  auto Unchanged = [&](const std::vector<uint8_t> &Before, const char *What) {
    check(Before == G.Bytes, std::string(What) + ": memory unchanged");
  };
  uint32_t PosBuf = G.alloc(8);
  auto Pos = [&] {
    uint32_t P = PosBuf;
    G.call("fd_tell", {Fd, P});
    return G.u64(P);
  };
  std::vector<uint8_t> Before;

  // Out-of-bounds outputs.
  Before = G.Bytes;
  checkEq(G.call("args_sizes_get", {End - 2, 100}), ERRNO_FAULT,
          "args_sizes_get past end");
  checkEq(G.call("args_sizes_get", {100, End}), ERRNO_FAULT,
          "args_sizes_get second pointer past end");
  Unchanged(Before, "args_sizes_get");
  checkEq(G.call("args_get", {End - 4, 100}), ERRNO_FAULT, "argv past end");
  checkEq(G.call("args_get", {100, End - 5}), ERRNO_FAULT, "argv_buf past end");
  checkEq(G.call("environ_get", {0xFFFFFFFF, 100}), ERRNO_FAULT,
          "environ at 4G-1");
  Unchanged(Before, "args_get");
  checkEq(G.call("clock_time_get", {0, 0, End - 4}), ERRNO_FAULT,
          "clock past end");
  checkEq(G.call("clock_time_get", {0, 0, 0xFFFFFFFC}), ERRNO_FAULT,
          "clock at 4G-4 (overflow-safe)");
  checkEq(G.call("random_get", {0xFFFFFFFF, 0xFFFFFFFF}), ERRNO_FAULT,
          "random wraps");
  Unchanged(Before, "clock/random");

  // fd_read: bad iovec array, bad buffer, bad nread: nothing consumed.
  uint32_t Iov = G.alloc(8), Cnt = G.alloc(4), Buf = G.alloc(16);
  G.putU32(Iov, Buf);
  G.putU32(Iov + 4, 16);
  Before = G.Bytes;
  checkEq(G.call("fd_read", {Fd, End - 4, 1, Cnt}), ERRNO_FAULT,
          "iovec array past end");
  checkEq(G.call("fd_read", {Fd, Iov, 1, End - 3}), ERRNO_FAULT,
          "nread past end");
  G.putU32(Iov, End - 8);
  Before = G.Bytes;
  checkEq(G.call("fd_read", {Fd, Iov, 1, Cnt}), ERRNO_FAULT, "buffer past end");
  G.putU32(Iov, 0xFFFFFFF8);
  Before = G.Bytes;
  checkEq(G.call("fd_read", {Fd, Iov, 1, Cnt}), ERRNO_FAULT, "buffer wraps");
  Unchanged(Before, "fd_read");
  checkEq(Pos(), 0, "nothing consumed by faulting reads");

  // CanWrite = false: a read-only window.
  G.putU32(Iov, 0x9000);
  G.putU32(Iov + 4, 16);
  G.DenyWriteLo = 0x9008;
  G.DenyWriteHi = 0xA000;
  uint32_t NoIovs = G.alloc(8), LinkP = G.str("f.txt"),
           OpenP = G.str("new-file"), Sub = G.alloc(48);
  std::memset(&G.Bytes[Sub], 0, 48);
  G.Bytes[Sub + 8] = EVENT_CLOCK;
  Before = G.Bytes;
  checkEq(G.call("fd_read", {Fd, Iov, 1, Cnt}), ERRNO_FAULT,
          "read into a read-only page");
  checkEq(G.call("fd_pread", {Fd, Iov, 1, 0, Cnt}), ERRNO_FAULT,
          "pread into a read-only page");
  checkEq(G.call("fd_read", {Fd, NoIovs, 0, 0x9010}), ERRNO_FAULT,
          "nread in a read-only page");
  checkEq(G.call("clock_time_get", {0, 0, 0x9100}), ERRNO_FAULT,
          "clock into a read-only page");
  checkEq(G.call("random_get", {0x9000, 64}), ERRNO_FAULT,
          "random into a read-only page");
  checkEq(G.call("args_get", {0x9100, 100}), ERRNO_FAULT,
          "argv into a read-only page");
  checkEq(G.call("fd_filestat_get", {Fd, 0x9100}), ERRNO_FAULT,
          "filestat into a read-only page");
  checkEq(G.call("fd_fdstat_get", {Fd, 0x9100}), ERRNO_FAULT,
          "fdstat into a read-only page");
  checkEq(G.call("fd_prestat_get", {3, 0x9100}), ERRNO_FAULT,
          "prestat into a read-only page");
  checkEq(G.call("fd_prestat_dir_name", {3, 0x9100, 100}), ERRNO_FAULT,
          "prestat name into a read-only page");
  checkEq(G.call("fd_readdir", {3, 0x8F00, 0x200, 0, Cnt}), ERRNO_FAULT,
          "readdir into a read-only page");
  checkEq(G.call("fd_seek", {Fd, 5, WHENCE_SET, 0x9100}), ERRNO_FAULT,
          "seek result into a read-only page");
  checkEq(G.call("path_readlink", {3, LinkP, 5, 0x9100, 10, Cnt}), ERRNO_FAULT,
          "readlink into a read-only page");
  checkEq(G.call("path_filestat_get", {3, 1, LinkP, 5, 0x9100}), ERRNO_FAULT,
          "path_filestat into a read-only page");
  checkEq(G.call("path_open", {3, 1, OpenP, 8, OFLAG_CREAT, RW, 0, 0, 0x9100}),
          ERRNO_FAULT, "opened fd into a read-only page");
  check(!hostExists(Dir + "/new-file"), "no file created on EFAULT");
  checkEq(G.call("poll_oneoff", {Sub, 0x9100, 1, Cnt}), ERRNO_FAULT,
          "events into a read-only page");
  Unchanged(Before, "read-only window");
  checkEq(Pos(), 0, "nothing consumed or moved");
  G.DenyWriteLo = G.DenyWriteHi = 0;

  // CanRead = false: a no-access window the host may not read from.
  uint32_t Data = 0xB000;
  std::memcpy(&G.Bytes[Data], "XYZ", 3);
  G.putU32(Iov, Data);
  G.putU32(Iov + 4, 3);
  G.DenyReadLo = 0xB000;
  G.DenyReadHi = 0xC000;
  checkEq(G.call("fd_write", {Fd, Iov, 1, Cnt}), ERRNO_FAULT,
          "write from a no-access page");
  checkEq(G.call("fd_write", {Fd, 0xB100, 1, Cnt}), ERRNO_FAULT,
          "iovecs in a no-access page");
  uint32_t Np = 0xB200;
  checkEq(G.call("path_open", {3, 1, Np, 5, 0, RW, 0, 0, Cnt}), ERRNO_FAULT,
          "path in a no-access page");
  checkEq(G.call("poll_oneoff", {0xB300, G.alloc(32), 1, Cnt}), ERRNO_FAULT,
          "subscriptions in a no-access page");
  G.DenyReadLo = G.DenyReadHi = 0;
  uint32_t St = G.alloc(64);
  G.call("fd_filestat_get", {Fd, St});
  checkEq(G.u64(St + 32), 10, "file unchanged by faulting writes");
  checkEq(G.call("fd_write", {Fd, Iov, 1, Cnt}), 0, "write when readable");
  checkEq(G.call("path_open", {3, 1, End - 2, 5, 0, RW, 0, 0, Cnt}),
          ERRNO_FAULT, "path past end");
  G.call("fd_close", {Fd});
  std::printf("faults ok\n");
}

void testPoll(Context &C, const std::string &Dir) {
  Guest G(C);
  auto Sub = [&](uint32_t At, uint64_t User, uint8_t Tag, uint32_t IdOrFd,
                 uint64_t Timeout, uint16_t Flags) {
    std::memset(&G.Bytes[At], 0, 48);
    std::memcpy(&G.Bytes[At], &User, 8);
    G.Bytes[At + 8] = Tag;
    std::memcpy(&G.Bytes[At + 16], &IdOrFd, 4);
    std::memcpy(&G.Bytes[At + 24], &Timeout, 8);
    std::memcpy(&G.Bytes[At + 40], &Flags, 2);
  };
  uint32_t In = G.alloc(48 * 4), Out = G.alloc(32 * 4), N = G.alloc(4);
  using Clock = std::chrono::steady_clock;
  // One relative clock.
  Sub(In, 42, EVENT_CLOCK, CLOCKID_MONOTONIC, 20000000, 0);
  auto T0 = Clock::now();
  checkEq(G.call("poll_oneoff", {In, Out, 1, N}), 0, "sleep 20ms");
  auto Ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - T0)
          .count();
  check(Ms >= 19, "slept at least 20ms (" + std::to_string(Ms) + ")");
  checkEq(G.u32(N), 1, "one event");
  checkEq(G.u64(Out), 42, "userdata");
  checkEq(G.Bytes[Out + 10], EVENT_CLOCK, "event type");
  checkEq(G.Bytes[Out + 8], 0, "event error");
  // Absolute realtime deadline in the past fires at once.
  Sub(In, 7, EVENT_CLOCK, CLOCKID_REALTIME, 1, SUBCLOCK_ABSTIME);
  T0 = Clock::now();
  checkEq(G.call("poll_oneoff", {In, Out, 1, N}), 0, "past abstime");
  check(Clock::now() - T0 < std::chrono::milliseconds(500), "immediate");
  checkEq(G.u64(Out), 7, "abstime userdata");
  // Two clocks: only the earlier fires.
  Sub(In, 1, EVENT_CLOCK, CLOCKID_MONOTONIC, 5000000000ull, 0);
  Sub(In + 48, 2, EVENT_CLOCK, CLOCKID_MONOTONIC, 10000000, 0);
  checkEq(G.call("poll_oneoff", {In, Out, 2, N}), 0, "two clocks");
  checkEq(G.u32(N), 1, "only one fired");
  checkEq(G.u64(Out), 2, "the earlier one");
  // A regular file is always readable; a bad fd reports EBADF at once.
  writeHostFile(Dir + "/p.txt", "abcdef");
  uint32_t Fd;
  G.open(3, "p.txt", 0, R_FD_READ | R_POLL_FD_READWRITE, Fd);
  Sub(In, 10, EVENT_FD_READ, Fd, 0, 0);
  Sub(In + 48, 11, EVENT_FD_READ, 999, 0, 0);
  Sub(In + 96, 12, EVENT_CLOCK, CLOCKID_MONOTONIC, 5000000000ull, 0);
  checkEq(G.call("poll_oneoff", {In, Out, 3, N}), 0, "fd poll");
  checkEq(G.u32(N), 2, "file and bad fd");
  checkEq(G.u64(Out), 10, "file event first");
  checkEq(G.Bytes[Out + 10], EVENT_FD_READ, "fd_read type");
  checkEq(G.u64(Out + 16), 6, "nbytes available");
  checkEq(G.u64(Out + 32), 11, "bad fd event");
  checkEq(G.Bytes[Out + 32 + 8], ERRNO_BADF, "bad fd error");
  G.call("fd_close", {Fd});
  G.open(3, "p.txt", 0, R_FD_READ, Fd);
  Sub(In, 13, EVENT_FD_READ, Fd, 0, 0);
  checkEq(G.call("poll_oneoff", {In, Out, 1, N}), 0, "poll without right");
  checkEq(G.Bytes[Out + 8], ERRNO_NOTCAPABLE, "needs poll right");
  G.call("fd_close", {Fd});
  // Malformed calls.
  checkEq(G.call("poll_oneoff", {In, Out, 0, N}), ERRNO_INVAL, "no subs");
  Sub(In, 1, 9, 0, 0, 0);
  checkEq(G.call("poll_oneoff", {In, Out, 1, N}), ERRNO_INVAL, "bad tag");
  Sub(In, 1, EVENT_CLOCK, 17, 0, 0);
  checkEq(G.call("poll_oneoff", {In, Out, 1, N}), 0, "bad clock id");
  checkEq(G.Bytes[Out + 8], ERRNO_INVAL, "bad clock reported in event");
  checkEq(G.call("poll_oneoff", {In, Out, 0x10000000, N}), ERRNO_FAULT,
          "huge subscription count");
  std::printf("poll ok\n");
}

void testStdio(Context &C) {
  Guest G(C);
  uint32_t Pre = G.alloc(8);
  checkEq(G.call("fd_prestat_get", {3, Pre}), 0, "prestat 3");
  checkEq(G.Bytes[Pre], 0, "prestat tag dir");
  checkEq(G.u32(Pre + 4), 8, "prestat name length");
  uint32_t Name = G.alloc(16);
  checkEq(G.call("fd_prestat_dir_name", {3, Name, 8}), 0, "prestat name");
  check(G.read(Name, 8) == "/sandbox", "prestat name is /sandbox");
  checkEq(G.call("fd_prestat_dir_name", {3, Name, 7}), ERRNO_NAMETOOLONG,
          "prestat name buffer too small");
  checkEq(G.call("fd_prestat_get", {4, Pre}), ERRNO_BADF, "no fd 4");
  checkEq(G.call("fd_prestat_get", {0, Pre}), ERRNO_BADF, "stdin not preopen");
  uint32_t Fs = G.alloc(24);
  checkEq(G.call("fd_fdstat_get", {1, Fs}), 0, "fdstat stdout");
  check((G.u64(Fs + 8) & R_FD_WRITE) != 0, "stdout writable");
  check((G.u64(Fs + 8) & R_PATH_OPEN) == 0, "stdout has no path rights");
  uint32_t N;
  std::fflush(stdout);
  checkEq(G.write(1, "hello from fd_write\n", &N), 0, "write stdout");
  checkEq(N, 20, "stdout count");
  Outcome O = G.callRaw("proc_exit", {3});
  check(O.K == Outcome::Exit && O.Value == 3, "proc_exit(3) exits with 3");
  checkEq(G.call("proc_raise", {6}), ERRNO_NOSYS, "proc_raise");
  checkEq(G.call("sched_yield", {}), 0, "sched_yield");
  checkEq(G.call("sock_accept", {3, 0, G.alloc(4)}), ERRNO_NOTSOCK,
          "sock_accept on a directory");
  checkEq(G.call("sock_recv", {99, 0, 0, 0, 0, 0}), ERRNO_BADF, "sock_recv");
  checkEq(G.call("sock_send", {3, 0, 0, 0, 0}), ERRNO_NOTSOCK, "sock_send");
  checkEq(G.call("sock_shutdown", {3, 0}), ERRNO_NOTSOCK, "sock_shutdown");
  // Renumber: move a file over another descriptor.
  uint32_t A, B;
  G.open(3, ".", OFLAG_DIRECTORY, R_FD_READDIR, A);
  G.open(3, ".", OFLAG_DIRECTORY, R_FD_READDIR, B);
  checkEq(A, 4, "fd 4");
  checkEq(B, 5, "fd 5");
  checkEq(G.call("fd_renumber", {B, A}), 0, "renumber 5 -> 4");
  checkEq(G.call("fd_fdstat_get", {B, Fs}), ERRNO_BADF, "5 is gone");
  checkEq(G.call("fd_fdstat_get", {A, Fs}), 0, "4 is there");
  checkEq(G.call("fd_renumber", {A, 77}), ERRNO_BADF, "renumber to a bad fd");
  checkEq(G.call("fd_renumber", {A, A}), 0, "renumber to itself");
  checkEq(G.call("fd_close", {A}), 0, "close 4");
  // Closing the guest's stdout leaves the host's open.
  checkEq(G.call("fd_close", {1}), 0, "close guest stdout");
  checkEq(G.write(1, "lost\n"), ERRNO_BADF, "guest stdout closed");
  check(::fcntl(1, F_GETFD) >= 0, "host stdout still open");
  uint32_t Fd;
  G.open(3, ".", OFLAG_DIRECTORY, R_FD_READDIR, Fd);
  checkEq(Fd, 4, "lowest free fd >= 3 is reused");
  // A character device that is not a terminal is seekable, so wasi-libc's
  // isatty() (char device without seek/tell rights) says no.
  {
    Options DevOpts;
    DevOpts.Preopens.push_back({"/dev", ""});
    Context Dev(std::move(DevOpts));
    Guest D(Dev);
    uint32_t NullFd;
    checkEq(D.open(3, "null", 0, RIGHTS_ALL, NullFd, 1), 0, "open /dev/null");
    uint32_t Fs2 = D.alloc(24);
    checkEq(D.call("fd_fdstat_get", {NullFd, Fs2}), 0, "fdstat /dev/null");
    checkEq(D.Bytes[Fs2], FT_CHARACTER_DEVICE, "/dev/null is a char device");
    check((D.u64(Fs2 + 8) & R_FD_SEEK) != 0, "/dev/null is seekable");
    checkEq(D.call("fd_close", {NullFd}), 0, "close /dev/null");
    checkEq(D.pathCall("path_create_directory", 3, "../tmp/escape"),
            ERRNO_NOTCAPABLE, "/dev preopen is a floor too");
  }
  std::printf("stdio ok\n");
}

void testLeaks(const std::string &Dir) {
  int Before = countOpenFds();
  {
    Context C(optionsFor(Dir));
    Guest G(C);
    uint32_t Fd;
    for (int I = 0; I < 200; ++I) {
      G.Next = 4096;
      G.open(3, "leak.txt", OFLAG_CREAT, RW, Fd);
      if (I % 2)
        G.call("fd_close", {Fd});
      G.open(3, "../escape", 0, R_FD_READ, Fd);
      G.open(3, "nope/x", 0, R_FD_READ, Fd);
      G.pathCall("path_create_directory", 3, "x/y/z");
      G.pathCall("path_unlink_file", 3, "a/b/c");
      uint32_t St;
      G.filestat(3, "leak.txt", true, St);
    }
    check(countOpenFds() > Before + 50, "descriptors held while open");
  }
  checkEq(countOpenFds(), Before, "every descriptor closed with the Context");
  try {
    Options O;
    O.Preopens.push_back({Dir + "/does-not-exist", ""});
    Context C(std::move(O));
    check(false, "missing preopen throws");
  } catch (const std::runtime_error &E) {
    std::printf("error: %s\n", E.what());
    check(true, "missing preopen throws");
  }
  checkEq(countOpenFds(), Before, "no descriptor leaked by a failed Context");
}

/// Random calls of every function (except poll_oneoff, which may sleep for a
/// random time, and fd_allocate, which may really allocate gigabytes) with
/// boundary-heavy arguments over a memory seeded with plausible paths and
/// iovecs. Passes if nothing crashes, no descriptor leaks and nothing
/// appears outside the preopened directory.
void testFuzz(const std::string &Root, unsigned Iterations) {
  // Keep the report on the real stdout; the guest's fds 0/1 become /dev/null.
  int Report = ::dup(1);
  int Null = ::open("/dev/null", O_RDWR);
  ::dup2(Null, 0);
  ::dup2(Null, 1);
  ::close(Null);
  std::string Parent = Root.substr(0, Root.rfind('/'));
  int Before = countOpenFds();
  uint64_t Seed = 0x9e3779b97f4a7c15ull;
  auto Rand = [&] {
    Seed ^= Seed << 13;
    Seed ^= Seed >> 7;
    Seed ^= Seed << 17;
    return Seed;
  };
  unsigned Calls = 0;
  std::map<uint32_t, unsigned> Errnos;
  // A fresh Context every 2000 calls: the guest soon closes or renumbers
  // its preopen, after which everything would be EBADF.
  for (unsigned Round = 0; Round * 2000 < Iterations; ++Round) {
    Context C(optionsFor(Root));
    Guest G(C);
    const char *Paths[] = {"a", "b",      "a/b", "..",    "../x", "/etc/passwd",
                           ".", "b/../a", "c/",  "d/e/f", "lnk",  "a/.."};
    std::vector<uint32_t> PathAddrs, PathLens;
    auto Seed_ = [&] {
      for (auto &B : G.Bytes)
        B = static_cast<uint8_t>(Rand());
      PathAddrs.clear();
      PathLens.clear();
      for (unsigned I = 0; I < std::size(Paths); ++I) {
        uint32_t At = 1024 + I * 64;
        std::memcpy(&G.Bytes[At], Paths[I], std::strlen(Paths[I]));
        PathAddrs.push_back(At);
        PathLens.push_back(static_cast<uint32_t>(std::strlen(Paths[I])));
      }
      // iovec array at 2048: 4 buffers inside memory.
      for (uint32_t I = 0; I < 4; ++I) {
        G.putU32(2048 + I * 8, 8192 + I * 1024);
        G.putU32(2048 + I * 8 + 4, static_cast<uint32_t>(Rand() % 1500));
      }
    };
    Seed_();
    std::vector<const Function *> Fns;
    for (const Function &F : Context::functions())
      if (std::strcmp(F.Name, "poll_oneoff") &&
          std::strcmp(F.Name, "fd_allocate") &&
          (Round % 2 || (std::strcmp(F.Name, "fd_close") &&
                         std::strcmp(F.Name, "fd_renumber"))))
        Fns.push_back(&F);
    for (unsigned It = 0; It < 2000; ++It) {
      if (It % 500 == 0)
        Seed_();
      const Function *F = Fns[Rand() % Fns.size()];
      uint64_t Args[16] = {};
      size_t NP = std::strlen(F->Params);
      unsigned PathIdx = static_cast<unsigned>(Rand() % PathAddrs.size());
      for (size_t P = 0; P < NP; ++P) {
        uint64_t R = Rand();
        if (F->Params[P] == 'I') {
          const uint64_t Choices[] = {0, 1,          5,     R % 4096,
                                      R, 1ull << 63, ~0ull, 1ull << 40};
          Args[P] = Choices[Rand() % std::size(Choices)];
          continue;
        }
        const uint64_t Choices[] = {0,
                                    1,
                                    2,
                                    3,
                                    4 + R % 6,
                                    R % 64,
                                    PathAddrs[PathIdx],
                                    PathLens[PathIdx],
                                    2048,
                                    4 + R % 4,
                                    R % Guest::Size,
                                    Guest::Size - 1 - R % 8,
                                    Guest::Size,
                                    0xFFFFFFFF,
                                    0xFFFFFFF0,
                                    R & 0xFFFFFFFF};
        Args[P] = Choices[Rand() % std::size(Choices)];
      }
      // Most of the time, make the call plausible: real descriptors and
      // planted paths where the function takes them.
      if (Rand() % 4 != 0) {
        struct Layout {
          const char *Name;
          std::vector<int> Fds, Paths;
        };
        static const Layout Layouts[] = {
            {"path_create_directory", {0}, {1}},
            {"path_remove_directory", {0}, {1}},
            {"path_unlink_file", {0}, {1}},
            {"path_filestat_get", {0}, {2}},
            {"path_filestat_set_times", {0}, {2}},
            {"path_link", {0, 4}, {2, 5}},
            {"path_open", {0}, {2}},
            {"path_readlink", {0}, {1}},
            {"path_rename", {0, 3}, {1, 4}},
            {"path_symlink", {2}, {0, 3}},
        };
        const Layout *L = nullptr;
        for (const Layout &X : Layouts)
          if (!std::strcmp(X.Name, F->Name))
            L = &X;
        std::vector<int> FdPos = L ? L->Fds : std::vector<int>{0};
        for (int P : FdPos)
          Args[P] = 3 + Rand() % 5;
        if (L)
          for (int P : L->Paths) {
            unsigned I = static_cast<unsigned>(Rand() % PathAddrs.size());
            Args[P] = PathAddrs[I];
            Args[P + 1] = PathLens[I];
          }
        if (!std::strcmp(F->Name, "path_open")) {
          const uint64_t Rights[] = {RIGHTS_ALL, R_FD_READ | R_FD_SEEK,
                                     R_FD_WRITE | R_FD_READ, 0,
                                     RIGHTS_DIRECTORY};
          Args[4] = Rand() % 16;
          Args[5] = Rights[Rand() % std::size(Rights)];
          Args[6] = Rand() % 2 ? RIGHTS_ALL : 0;
          Args[7] = Rand() % 2 ? 0 : Rand() % 32;
          Args[8] = 4000;
        }
      }
      G.DenyWriteLo = (Rand() % 4 == 0) ? 0x8000 : 0;
      G.DenyWriteHi = G.DenyWriteLo ? 0xA000 : 0;
      Outcome O = F->Call(C, G.GM, Args);
      ++Calls;
      if (O.K == Outcome::Return)
        ++Errnos[O.Value];
      check(O.K == Outcome::Return || !std::strcmp(F->Name, "proc_exit"),
            std::string("only proc_exit exits: ") + F->Name);
      check(O.K == Outcome::Exit || O.Value <= 76,
            std::string("errno in range: ") + F->Name);
    }
  }
  checkEq(countOpenFds(), Before, "no descriptor leaked");
  // Nothing but the preopen itself may exist beside it.
  unsigned Entries = 0;
  if (DIR *D = ::opendir(Parent.c_str())) {
    while (dirent *E = ::readdir(D))
      if (std::strcmp(E->d_name, ".") && std::strcmp(E->d_name, ".."))
        ++Entries;
    ::closedir(D);
  }
  checkEq(Entries, 1, "nothing created outside the preopen");
  std::fflush(stdout);
  ::dup2(Report, 1);
  ::close(Report);
  std::printf("fuzz: %u calls, %zu distinct errnos\n", Calls, Errnos.size());
  if (std::getenv("WMC_WASI_FUZZ_VERBOSE"))
    for (auto &[E, N] : Errnos)
      std::printf("  errno %u: %u\n", E, N);
}

// ---- imports: compare a module's WASI imports with our signatures -------

struct Reader {
  const std::vector<uint8_t> &B;
  size_t P = 0;
  bool Ok = true;
  uint8_t byte() {
    if (P >= B.size()) {
      Ok = false;
      return 0;
    }
    return B[P++];
  }
  uint32_t leb() {
    uint32_t V = 0;
    for (int Shift = 0; Shift < 35; Shift += 7) {
      uint8_t C = byte();
      V |= uint32_t(C & 0x7f) << Shift;
      if (!(C & 0x80))
        return V;
    }
    Ok = false;
    return V;
  }
  std::string name() {
    uint32_t N = leb();
    if (P + N > B.size()) {
      Ok = false;
      return "";
    }
    std::string S(B.begin() + P, B.begin() + P + N);
    P += N;
    return S;
  }
};

int checkImports(const char *Path) {
  std::ifstream F(Path, std::ios::binary);
  std::vector<uint8_t> B((std::istreambuf_iterator<char>(F)), {});
  if (B.size() < 8 || B[0] != 0 || B[1] != 'a') {
    std::printf("error: %s is not a wasm module\n", Path);
    return 2;
  }
  Reader R{B, 8};
  std::vector<std::string> Types;
  unsigned Ok = 0, Bad = 0;
  auto Val = [&](uint8_t T) { return T == 0x7f ? 'i' : T == 0x7e ? 'I' : '?'; };
  while (R.Ok && R.P < B.size()) {
    uint8_t Id = R.byte();
    uint32_t Len = R.leb();
    size_t End = R.P + Len;
    if (Id == 1) {
      uint32_t N = R.leb();
      for (uint32_t I = 0; I < N && R.Ok; ++I) {
        R.byte(); // 0x60
        std::string Sig;
        uint32_t NP = R.leb();
        for (uint32_t J = 0; J < NP; ++J)
          Sig += Val(R.byte());
        Sig += ':';
        uint32_t NR = R.leb();
        for (uint32_t J = 0; J < NR; ++J)
          Sig += Val(R.byte());
        Types.push_back(Sig);
      }
    } else if (Id == 2) {
      uint32_t N = R.leb();
      for (uint32_t I = 0; I < N && R.Ok; ++I) {
        std::string Mod = R.name(), Field = R.name();
        uint8_t Kind = R.byte();
        if (Kind != 0) { // only functions are expected here
          std::printf("error: unexpected import kind %u\n", Kind);
          return 2;
        }
        uint32_t T = R.leb();
        if (Mod != "wasi_snapshot_preview1")
          continue;
        const Function *Fn = Context::lookup(Field);
        std::string Want = T < Types.size() ? Types[T] : "?";
        if (!Fn) {
          std::printf("MISSING %s\n", Field.c_str());
          ++Bad;
        } else if (std::string(Fn->Params) + ":" + Fn->Results != Want) {
          std::printf("MISMATCH %s: module %s, host %s:%s\n", Field.c_str(),
                      Want.c_str(), Fn->Params, Fn->Results);
          ++Bad;
        } else {
          ++Ok;
        }
      }
    }
    R.P = End;
  }
  std::printf("imports: %u matched, %u wrong\n", Ok, Bad);
  return Bad ? 1 : 0;
}

} // namespace

int main(int Argc, char **Argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  int I = 1;
  if (I < Argc && std::strncmp(Argv[I], "--resolver=", 11) == 0) {
    std::string M = Argv[I] + 11;
    using wmc::wasi::detail::ResolverMode;
    wmc::wasi::detail::setResolverMode(M == "walk"      ? ResolverMode::Walk
                                       : M == "openat2" ? ResolverMode::Openat2
                                                        : ResolverMode::Auto);
    ++I;
  }
  if (I >= Argc) {
    std::fprintf(stderr, "usage: wmc-wasi-selftest [--resolver=auto|openat2|"
                         "walk] GROUP [DIR] | imports MODULE.wasm\n");
    return 2;
  }
  std::string Group = Argv[I];
  std::string Dir = I + 1 < Argc ? Argv[I + 1] : "";
  if (Group == "imports")
    return checkImports(Dir.c_str());
  bool NeedsDir = Group != "signatures" && Group != "errno" &&
                  Group != "args" && Group != "clock" && Group != "random";
  if (NeedsDir && Dir.empty()) {
    std::fprintf(stderr, "error: group '%s' needs a scratch directory\n",
                 Group.c_str());
    return 2;
  }
  try {
    if (Group == "signatures") {
      testSignatures();
    } else if (Group == "errno") {
      testErrno();
    } else if (Group == "leaks") {
      testLeaks(Dir);
    } else if (Group == "fuzz") {
      testFuzz(Dir, 100000);
    } else {
      Context C(optionsFor(Dir));
      std::map<std::string, std::function<void()>> Groups = {
          {"args", [&] { testArgsEnv(C); }},
          {"clock", [&] { testClock(C); }},
          {"random", [&] { testRandom(C); }},
          {"files", [&] { testFiles(C, Dir); }},
          {"readdir", [&] { testReaddir(C, Dir); }},
          {"confine", [&] { testConfinement(C, Dir); }},
          {"faults", [&] { testFaults(C, Dir); }},
          {"poll", [&] { testPoll(C, Dir); }},
          {"stdio", [&] { testStdio(C); }},
      };
      auto It = Groups.find(Group);
      if (It == Groups.end()) {
        std::fprintf(stderr, "error: unknown group '%s'\n", Group.c_str());
        return 2;
      }
      It->second();
    }
  } catch (const std::exception &E) {
    std::printf("FAIL: exception: %s\n", E.what());
    ++Failed;
  }
  std::printf("%s: %u passed, %u failed\n", Group.c_str(), Passed, Failed);
  return Failed ? 1 : 0;
}
