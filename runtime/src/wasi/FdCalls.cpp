//===- runtime/src/wasi/FdCalls.cpp - the fd_* preview1 functions ---------===//
//
// Descriptor operations: each looks the guest fd up in the table, checks its
// WASI rights (ERRNO_NOTCAPABLE if missing), validates every guest range it
// will read or write (ERRNO_FAULT, before any side effect), then performs the
// matching Linux call on the host descriptor. I/O vectors are read from guest
// memory and passed to readv/writev family calls pointing straight into guest
// memory; at most IOV_MAX of them per call (a short transfer, which the
// preview1 ABI allows).
//===----------------------------------------------------------------------===//
#include "Calls.h"
#include "Internal.h"

#include <climits>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

namespace wmc::wasi::calls {

using namespace abi;
using namespace detail;

namespace {

/// Reads \p Count guest iovecs at \p Iovs into host iovecs, checking that
/// each buffer may be written (\p HostWrites, for reads from a file) or read.
uint16_t gatherIovecs(const Mem &M, uint32_t Iovs, uint32_t Count,
                      bool HostWrites, std::vector<iovec> &Out) {
  uint32_t N = Count < IOV_MAX ? Count : IOV_MAX;
  if (!M.canRead(Iovs, uint64_t(N) * IOVEC_SIZE))
    return ERRNO_FAULT;
  Out.reserve(N);
  for (uint32_t I = 0; I < N; ++I) {
    uint64_t At = Iovs + uint64_t(I) * IOVEC_SIZE;
    uint32_t Buf = M.load<uint32_t>(At), Len = M.load<uint32_t>(At + 4);
    if (HostWrites ? !M.canWrite(Buf, Len) : !M.canRead(Buf, Len))
      return ERRNO_FAULT;
    if (Len)
      Out.push_back(iovec{M.ptr(Buf), Len});
  }
  return ERRNO_SUCCESS;
}

enum class Xfer { Read, Write, PRead, PWrite };

/// fd_read, fd_write, fd_pread and fd_pwrite.
Outcome transfer(Context &Ctx, GuestMemory &GM, uint32_t Fd, uint32_t Iovs,
                 uint32_t Count, uint64_t Offset, uint32_t ResultPtr,
                 Xfer Kind) {
  Mem M(GM);
  bool Reads = Kind == Xfer::Read || Kind == Xfer::PRead;
  bool Positioned = Kind == Xfer::PRead || Kind == Xfer::PWrite;
  uint64_t Needed =
      (Reads ? R_FD_READ : R_FD_WRITE) | (Positioned ? R_FD_SEEK : 0);
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(Fd, Needed, E))
    return ret(Err);
  std::vector<iovec> Vec;
  if (uint16_t Err = gatherIovecs(M, Iovs, Count, Reads, Vec))
    return ret(Err);
  if (!M.canWrite(ResultPtr, 4))
    return ret(ERRNO_FAULT);
  if (Positioned && Offset > uint64_t(INT64_MAX))
    return ret(ERRNO_INVAL);
  ssize_t N;
  do {
    int Cnt = static_cast<int>(Vec.size());
    off_t Off = static_cast<off_t>(Offset);
    switch (Kind) {
    case Xfer::Read:
      N = ::readv(E->HostFd, Vec.data(), Cnt);
      break;
    case Xfer::Write:
      N = ::writev(E->HostFd, Vec.data(), Cnt);
      break;
    case Xfer::PRead:
      N = ::preadv(E->HostFd, Vec.data(), Cnt, Off);
      break;
    case Xfer::PWrite:
      N = ::pwritev(E->HostFd, Vec.data(), Cnt, Off);
      break;
    }
  } while (N < 0 && errno == EINTR);
  if (N < 0)
    return ret(lastErrno());
  M.store<uint32_t>(ResultPtr, static_cast<uint32_t>(N));
  return ret(ERRNO_SUCCESS);
}

uint16_t fdflagsOf(int HostFd, uint16_t &Out) {
  int Fl = ::fcntl(HostFd, F_GETFL);
  if (Fl < 0)
    return lastErrno();
  Out = 0;
  if (Fl & O_APPEND)
    Out |= FDFLAG_APPEND;
  if (Fl & O_NONBLOCK)
    Out |= FDFLAG_NONBLOCK;
  if ((Fl & O_SYNC) == O_SYNC)
    Out |= FDFLAG_SYNC | FDFLAG_RSYNC; // Linux: O_RSYNC == O_SYNC
  else if (Fl & O_DSYNC)
    Out |= FDFLAG_DSYNC;
  return ERRNO_SUCCESS;
}

uint8_t direntType(uint8_t DType, int DirFd, const char *Name) {
  switch (DType) {
  case DT_REG:
    return FT_REGULAR_FILE;
  case DT_DIR:
    return FT_DIRECTORY;
  case DT_LNK:
    return FT_SYMBOLIC_LINK;
  case DT_CHR:
    return FT_CHARACTER_DEVICE;
  case DT_BLK:
    return FT_BLOCK_DEVICE;
  case DT_SOCK:
    return FT_SOCKET_STREAM;
  case DT_FIFO:
    return FT_UNKNOWN;
  default: {
    struct stat St;
    if (::fstatat(DirFd, Name, &St, AT_SYMLINK_NOFOLLOW) != 0)
      return FT_UNKNOWN;
    return filetypeOf(St.st_mode);
  }
  }
}

/// Reads the whole directory behind \p E into its listing cache.
uint16_t loadDirents(FdEntry &E) {
  E.Dirents.clear();
  E.DirentsValid = false;
  if (::lseek(E.HostFd, 0, SEEK_SET) < 0)
    return lastErrno();
  alignas(8) char Buf[16384];
  for (;;) {
    long N = ::syscall(SYS_getdents64, E.HostFd, Buf, sizeof(Buf));
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return lastErrno();
    if (N == 0)
      break;
    for (long Off = 0; Off < N;) {
      // struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, name.
      uint64_t Ino;
      uint16_t RecLen;
      std::memcpy(&Ino, Buf + Off, 8);
      std::memcpy(&RecLen, Buf + Off + 16, 2);
      if (RecLen < 20 || RecLen > N - Off)
        return ERRNO_IO; // never from a sane kernel; do not loop forever
      uint8_t DType = static_cast<uint8_t>(Buf[Off + 18]);
      const char *Name = Buf + Off + 19;
      Off += RecLen;
      // "." and ".." are not listed, like node 26 (uvwasi), so programs
      // print the same listings on both.
      if (!std::strcmp(Name, ".") || !std::strcmp(Name, ".."))
        continue;
      E.Dirents.push_back(
          CachedDirent{Ino, direntType(DType, E.HostFd, Name), Name});
    }
  }
  E.DirentsValid = true;
  return ERRNO_SUCCESS;
}

} // namespace

WMC_WASI_CALL(fd_read) {
  return transfer(Ctx, GM, u32(A[0]), u32(A[1]), u32(A[2]), 0, u32(A[3]),
                  Xfer::Read);
}
WMC_WASI_CALL(fd_write) {
  return transfer(Ctx, GM, u32(A[0]), u32(A[1]), u32(A[2]), 0, u32(A[3]),
                  Xfer::Write);
}
WMC_WASI_CALL(fd_pread) {
  return transfer(Ctx, GM, u32(A[0]), u32(A[1]), u32(A[2]), A[3], u32(A[4]),
                  Xfer::PRead);
}
WMC_WASI_CALL(fd_pwrite) {
  return transfer(Ctx, GM, u32(A[0]), u32(A[1]), u32(A[2]), A[3], u32(A[4]),
                  Xfer::PWrite);
}

WMC_WASI_CALL(fd_seek) {
  Mem M(GM);
  int64_t Offset = static_cast<int64_t>(A[1]);
  uint32_t Whence = u32(A[2]), Out = u32(A[3]);
  // A seek that cannot move (offset 0 from the current position) is a tell.
  uint64_t Needed = Offset == 0 && Whence == WHENCE_CUR ? R_FD_TELL : R_FD_SEEK;
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), Needed, E))
    return ret(Err);
  int HostWhence;
  switch (Whence) {
  case WHENCE_SET:
    HostWhence = SEEK_SET;
    break;
  case WHENCE_CUR:
    HostWhence = SEEK_CUR;
    break;
  case WHENCE_END:
    HostWhence = SEEK_END;
    break;
  default:
    return ret(ERRNO_INVAL);
  }
  if (!M.canWrite(Out, 8))
    return ret(ERRNO_FAULT);
  off_t R = ::lseek(E->HostFd, static_cast<off_t>(Offset), HostWhence);
  if (R < 0)
    return ret(lastErrno());
  M.store<uint64_t>(Out, static_cast<uint64_t>(R));
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_tell) {
  Mem M(GM);
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_TELL, E))
    return ret(Err);
  if (!M.canWrite(u32(A[1]), 8))
    return ret(ERRNO_FAULT);
  off_t R = ::lseek(E->HostFd, 0, SEEK_CUR);
  if (R < 0)
    return ret(lastErrno());
  M.store<uint64_t>(u32(A[1]), static_cast<uint64_t>(R));
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_close) {
  uint32_t Fd = u32(A[0]);
  if (!Ctx.state().get(Fd))
    return ret(ERRNO_BADF);
  Ctx.state().remove(Fd);
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_datasync) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_DATASYNC, E))
    return ret(Err);
  return ret(::fdatasync(E->HostFd) == 0 ? ERRNO_SUCCESS : lastErrno());
}

WMC_WASI_CALL(fd_sync) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_SYNC, E))
    return ret(Err);
  return ret(::fsync(E->HostFd) == 0 ? ERRNO_SUCCESS : lastErrno());
}

WMC_WASI_CALL(fd_fdstat_get) {
  Mem M(GM);
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), 0, E))
    return ret(Err);
  uint32_t Out = u32(A[1]);
  if (!M.canWrite(Out, FDSTAT_SIZE))
    return ret(ERRNO_FAULT);
  uint16_t Flags = 0;
  if (uint16_t Err = fdflagsOf(E->HostFd, Flags))
    return ret(Err);
  std::memset(M.ptr(Out), 0, FDSTAT_SIZE);
  M.store<uint8_t>(Out + 0, E->Type);
  M.store<uint16_t>(Out + 2, Flags);
  M.store<uint64_t>(Out + 8, E->RightsBase);
  M.store<uint64_t>(Out + 16, E->RightsInheriting);
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_fdstat_set_flags) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_FDSTAT_SET_FLAGS, E))
    return ret(Err);
  uint32_t Flags = u32(A[1]);
  if (Flags & ~uint32_t(FDFLAG_APPEND | FDFLAG_DSYNC | FDFLAG_NONBLOCK |
                        FDFLAG_RSYNC | FDFLAG_SYNC))
    return ret(ERRNO_INVAL);
  // Linux cannot change the synchronisation mode of an open file.
  if (Flags & (FDFLAG_DSYNC | FDFLAG_RSYNC | FDFLAG_SYNC))
    return ret(ERRNO_NOTSUP);
  int Fl = ::fcntl(E->HostFd, F_GETFL);
  if (Fl < 0)
    return ret(lastErrno());
  Fl &= ~(O_APPEND | O_NONBLOCK);
  if (Flags & FDFLAG_APPEND)
    Fl |= O_APPEND;
  if (Flags & FDFLAG_NONBLOCK)
    Fl |= O_NONBLOCK;
  return ret(::fcntl(E->HostFd, F_SETFL, Fl) == 0 ? ERRNO_SUCCESS
                                                  : lastErrno());
}

WMC_WASI_CALL(fd_fdstat_set_rights) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), 0, E))
    return ret(Err);
  uint64_t Base = A[1], Inheriting = A[2];
  // Rights can only be dropped, never gained.
  if ((Base & ~E->RightsBase) || (Inheriting & ~E->RightsInheriting))
    return ret(ERRNO_NOTCAPABLE);
  E->RightsBase = Base;
  E->RightsInheriting = Inheriting;
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_filestat_get) {
  Mem M(GM);
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_FILESTAT_GET, E))
    return ret(Err);
  uint32_t Out = u32(A[1]);
  if (!M.canWrite(Out, FILESTAT_SIZE))
    return ret(ERRNO_FAULT);
  struct stat St;
  if (::fstat(E->HostFd, &St) != 0)
    return ret(lastErrno());
  storeFilestat(M, Out, St);
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_filestat_set_size) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_FILESTAT_SET_SIZE, E))
    return ret(Err);
  if (A[1] > uint64_t(INT64_MAX))
    return ret(ERRNO_INVAL);
  int R;
  do
    R = ::ftruncate(E->HostFd, static_cast<off_t>(A[1]));
  while (R != 0 && errno == EINTR);
  return ret(R == 0 ? ERRNO_SUCCESS : lastErrno());
}

WMC_WASI_CALL(fd_filestat_set_times) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_FILESTAT_SET_TIMES, E))
    return ret(Err);
  timespec Times[2];
  if (uint16_t Err = makeTimes(A[1], A[2], u32(A[3]), Times))
    return ret(Err);
  return ret(::futimens(E->HostFd, Times) == 0 ? ERRNO_SUCCESS : lastErrno());
}

WMC_WASI_CALL(fd_advise) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_ADVISE, E))
    return ret(Err);
  int64_t Offset = static_cast<int64_t>(A[1]), Len = static_cast<int64_t>(A[2]);
  int Advice;
  switch (u32(A[3])) {
  case ADVICE_NORMAL:
    Advice = POSIX_FADV_NORMAL;
    break;
  case ADVICE_SEQUENTIAL:
    Advice = POSIX_FADV_SEQUENTIAL;
    break;
  case ADVICE_RANDOM:
    Advice = POSIX_FADV_RANDOM;
    break;
  case ADVICE_WILLNEED:
    Advice = POSIX_FADV_WILLNEED;
    break;
  case ADVICE_DONTNEED:
    Advice = POSIX_FADV_DONTNEED;
    break;
  case ADVICE_NOREUSE:
    Advice = POSIX_FADV_NOREUSE;
    break;
  default:
    return ret(ERRNO_INVAL);
  }
  if (Offset < 0 || Len < 0)
    return ret(ERRNO_INVAL);
  if (E->Type == FT_DIRECTORY)
    return ret(ERRNO_SUCCESS); // advice is only a hint
  int R = ::posix_fadvise(E->HostFd, Offset, Len, Advice);
  return ret(fromLinuxErrno(R));
}

WMC_WASI_CALL(fd_allocate) {
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_ALLOCATE, E))
    return ret(Err);
  int64_t Offset = static_cast<int64_t>(A[1]), Len = static_cast<int64_t>(A[2]);
  if (Offset < 0 || Len <= 0)
    return ret(ERRNO_INVAL);
  if (Offset > INT64_MAX - Len)
    return ret(ERRNO_FBIG);
  int R;
  do
    R = ::posix_fallocate(E->HostFd, Offset, Len);
  while (R == EINTR);
  return ret(fromLinuxErrno(R));
}

WMC_WASI_CALL(fd_prestat_get) {
  Mem M(GM);
  FdEntry *E = Ctx.state().get(u32(A[0]));
  if (!E || !E->IsPreopen)
    return ret(ERRNO_BADF);
  uint32_t Out = u32(A[1]);
  if (!M.canWrite(Out, PRESTAT_SIZE))
    return ret(ERRNO_FAULT);
  std::memset(M.ptr(Out), 0, PRESTAT_SIZE);
  M.store<uint8_t>(Out, PREOPENTYPE_DIR);
  M.store<uint32_t>(Out + 4, static_cast<uint32_t>(E->PreopenName.size()));
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_prestat_dir_name) {
  Mem M(GM);
  FdEntry *E = Ctx.state().get(u32(A[0]));
  if (!E || !E->IsPreopen)
    return ret(ERRNO_BADF);
  uint32_t Buf = u32(A[1]), Len = u32(A[2]);
  const std::string &Name = E->PreopenName;
  if (Len < Name.size())
    return ret(ERRNO_NAMETOOLONG);
  if (!M.canWrite(Buf, Name.size()))
    return ret(ERRNO_FAULT);
  std::memcpy(M.ptr(Buf), Name.data(), Name.size());
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_renumber) {
  State &S = Ctx.state();
  uint32_t From = u32(A[0]), To = u32(A[1]);
  if (!S.get(From) || !S.get(To))
    return ret(ERRNO_BADF);
  if (From == To)
    return ret(ERRNO_SUCCESS);
  S.Fds[To] = std::move(S.Fds[From]); // closes the old host descriptor
  while (!S.Fds.empty() && !S.Fds.back())
    S.Fds.pop_back();
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(fd_readdir) {
  Mem M(GM);
  FdEntry *E;
  if (uint16_t Err = Ctx.state().lookup(u32(A[0]), R_FD_READDIR, E))
    return ret(Err);
  uint32_t Buf = u32(A[1]), Len = u32(A[2]), UsedPtr = u32(A[4]);
  uint64_t Cookie = A[3];
  if (!M.canWrite(Buf, Len) || !M.canWrite(UsedPtr, 4))
    return ret(ERRNO_FAULT);
  if (Cookie == 0 || !E->DirentsValid)
    if (uint16_t Err = loadDirents(*E))
      return ret(Err);
  uint64_t Used = 0;
  for (uint64_t I = Cookie; I < E->Dirents.size() && Used < Len; ++I) {
    const CachedDirent &D = E->Dirents[I];
    uint8_t Header[DIRENT_SIZE] = {};
    uint64_t Next = I + 1;
    uint32_t NameLen = static_cast<uint32_t>(D.Name.size());
    std::memcpy(Header + 0, &Next, 8);
    std::memcpy(Header + 8, &D.Ino, 8);
    std::memcpy(Header + 16, &NameLen, 4);
    Header[20] = D.Type;
    // Entries that do not fit are truncated; the guest sees a full buffer
    // and asks again from the last complete entry's d_next.
    uint64_t N = std::min<uint64_t>(DIRENT_SIZE, Len - Used);
    std::memcpy(M.ptr(Buf + Used), Header, N);
    Used += N;
    N = std::min<uint64_t>(NameLen, Len - Used);
    std::memcpy(M.ptr(Buf + Used), D.Name.data(), N);
    Used += N;
  }
  M.store<uint32_t>(UsedPtr, static_cast<uint32_t>(Used));
  return ret(ERRNO_SUCCESS);
}

} // namespace wmc::wasi::calls
