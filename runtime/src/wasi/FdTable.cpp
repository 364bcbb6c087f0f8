//===- runtime/src/wasi/FdTable.cpp - the guest descriptor table ----------===//
//
// Guest descriptors are indexes into State::Fds. 0, 1 and 2 wrap the host's
// standard streams (never closed on the host), 3.. the preopens, then the
// descriptors the guest opens, each at the lowest free number >= 3. Every
// entry carries WASI rights that the calls check before touching the host
// descriptor; a missing right is ERRNO_NOTCAPABLE, a missing entry
// ERRNO_BADF.
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wmc::wasi::detail {

using namespace abi;

void UniqueFd::reset(int NewFd) {
  if (Fd >= 0)
    ::close(Fd);
  Fd = NewFd;
}

FdEntry::~FdEntry() {
  if (OwnsHostFd && HostFd >= 0)
    ::close(HostFd);
}

uint16_t State::lookup(uint32_t Fd, uint64_t Base, FdEntry *&Out) const {
  FdEntry *E = get(Fd);
  if (!E)
    return ERRNO_BADF;
  if ((E->RightsBase & Base) != Base)
    return ERRNO_NOTCAPABLE;
  Out = E;
  return ERRNO_SUCCESS;
}

uint16_t State::insert(std::unique_ptr<FdEntry> E, uint32_t &OutFd) {
  // Guest fds are i32 in wasi-libc; stay well inside that.
  constexpr size_t MaxFds = 1u << 20;
  size_t Slot = 3;
  while (Slot < Fds.size() && Fds[Slot])
    ++Slot;
  if (Slot >= MaxFds)
    return ERRNO_MFILE;
  if (Slot >= Fds.size())
    Fds.resize(Slot + 1);
  Fds[Slot] = std::move(E);
  OutFd = static_cast<uint32_t>(Slot);
  return ERRNO_SUCCESS;
}

void State::remove(uint32_t Fd) {
  Fds[Fd].reset();
  while (!Fds.empty() && !Fds.back())
    Fds.pop_back();
}

uint8_t filetypeOf(mode_t Mode) {
  switch (Mode & S_IFMT) {
  case S_IFREG:
    return FT_REGULAR_FILE;
  case S_IFDIR:
    return FT_DIRECTORY;
  case S_IFCHR:
    return FT_CHARACTER_DEVICE;
  case S_IFBLK:
    return FT_BLOCK_DEVICE;
  case S_IFLNK:
    return FT_SYMBOLIC_LINK;
  case S_IFSOCK:
    return FT_SOCKET_STREAM;
  default:
    return FT_UNKNOWN; // FIFOs have no WASI file type
  }
}

uint64_t baseRightsFor(uint8_t Type, int HostFd) {
  switch (Type) {
  case FT_CHARACTER_DEVICE:
    // wasi-libc's isatty() is "a character device without seek/tell
    // rights": give them to devices that are not terminals (/dev/null).
    return ::isatty(HostFd) ? RIGHTS_STREAM
                            : RIGHTS_STREAM | R_FD_SEEK | R_FD_TELL;
  case FT_REGULAR_FILE:
  case FT_BLOCK_DEVICE:
    return RIGHTS_REGULAR_FILE;
  case FT_DIRECTORY:
    return RIGHTS_DIRECTORY;
  default:
    return RIGHTS_STREAM;
  }
}

int adoptFd(int Fd) {
  if (Fd < 0 || Fd >= 3)
    return Fd;
  int Moved = ::fcntl(Fd, F_DUPFD_CLOEXEC, 3);
  int Saved = errno;
  ::close(Fd);
  errno = Saved;
  return Moved;
}

uint16_t makeEntry(UniqueFd Fd, uint64_t Base, uint64_t Inheriting,
                   std::unique_ptr<FdEntry> &Out) {
  struct stat St;
  if (::fstat(Fd.get(), &St) != 0)
    return lastErrno();
  auto E = std::make_unique<FdEntry>();
  E->Type = filetypeOf(St.st_mode);
  E->RightsBase = Base & baseRightsFor(E->Type, Fd.get());
  E->RightsInheriting = E->Type == FT_DIRECTORY ? Inheriting & RIGHTS_ALL : 0;
  E->HostFd = Fd.release();
  Out = std::move(E);
  return ERRNO_SUCCESS;
}

uint16_t readGuestPath(const Mem &M, uint32_t Ptr, uint32_t Len,
                       std::string &Out) {
  if (!M.canRead(Ptr, Len))
    return ERRNO_FAULT;
  if (Len > MaxPathLength)
    return ERRNO_NAMETOOLONG;
  if (Len == 0)
    return ERRNO_NOENT;
  Out.assign(reinterpret_cast<const char *>(M.ptr(Ptr)), Len);
  if (Out.find('\0') != std::string::npos)
    return ERRNO_INVAL;
  return ERRNO_SUCCESS;
}

void storeFilestat(const Mem &M, uint64_t Addr, const struct stat &St) {
  auto Nanos = [](const timespec &T) {
    return uint64_t(T.tv_sec) * 1000000000ull + uint64_t(T.tv_nsec);
  };
  std::memset(M.ptr(Addr), 0, FILESTAT_SIZE);
  M.store<uint64_t>(Addr + 0, St.st_dev);
  M.store<uint64_t>(Addr + 8, St.st_ino);
  M.store<uint8_t>(Addr + 16, filetypeOf(St.st_mode));
  M.store<uint64_t>(Addr + 24, St.st_nlink);
  M.store<uint64_t>(Addr + 32, static_cast<uint64_t>(St.st_size));
  M.store<uint64_t>(Addr + 40, Nanos(St.st_atim));
  M.store<uint64_t>(Addr + 48, Nanos(St.st_mtim));
  M.store<uint64_t>(Addr + 56, Nanos(St.st_ctim));
}

uint16_t makeTimes(uint64_t Atim, uint64_t Mtim, uint32_t Flags,
                   struct timespec Out[2]) {
  if (Flags & ~uint32_t(FST_ATIM | FST_ATIM_NOW | FST_MTIM | FST_MTIM_NOW))
    return ERRNO_INVAL;
  if (((Flags & FST_ATIM) && (Flags & FST_ATIM_NOW)) ||
      ((Flags & FST_MTIM) && (Flags & FST_MTIM_NOW)))
    return ERRNO_INVAL;
  auto Set = [](timespec &T, uint64_t Ns, bool Given, bool Now) {
    if (Now) {
      T = {0, UTIME_NOW};
    } else if (Given) {
      T.tv_sec = static_cast<time_t>(Ns / 1000000000ull);
      T.tv_nsec = static_cast<long>(Ns % 1000000000ull);
    } else {
      T = {0, UTIME_OMIT};
    }
  };
  Set(Out[0], Atim, Flags & FST_ATIM, Flags & FST_ATIM_NOW);
  Set(Out[1], Mtim, Flags & FST_MTIM, Flags & FST_MTIM_NOW);
  return ERRNO_SUCCESS;
}

} // namespace wmc::wasi::detail
