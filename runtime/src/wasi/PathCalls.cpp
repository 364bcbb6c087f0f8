//===- runtime/src/wasi/PathCalls.cpp - the path_* preview1 functions -----===//
//
// Path operations relative to a directory descriptor. Every path goes through
// the confined resolver (PathResolver.cpp): either the whole path is opened
// beneath the directory (path_open, stat with symlink following), or its
// parent is, and the final step is one *at() call on a single name that
// cannot leave that parent (no '/', never "." or ".." — those are handled
// here with the errno Linux would give). Operations that must follow a final
// symlink do so through the resolver and then act on the resulting
// descriptor via /proc/self/fd, so a symlink to /etc is never followed by the
// kernel on our behalf.
//===----------------------------------------------------------------------===//
#include "Calls.h"
#include "Internal.h"

#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace wmc::wasi::calls {

using namespace abi;
using namespace detail;

namespace {

std::string procPath(int Fd) { return "/proc/self/fd/" + std::to_string(Fd); }

/// Common prologue: look up the directory with \p Rights and read the path.
uint16_t dirAndPath(Context &Ctx, const Mem &M, uint32_t Fd, uint64_t Rights,
                    uint32_t PathPtr, uint32_t PathLen, FdEntry *&Dir,
                    std::string &Path) {
  if (uint16_t Err = Ctx.state().lookup(Fd, Rights, Dir))
    return Err;
  return readGuestPath(M, PathPtr, PathLen, Path);
}

/// Opens the whole path beneath \p DirFd as an O_PATH descriptor.
uint16_t openPath(int DirFd, const std::string &Path, bool Follow,
                  UniqueFd &Out) {
  uint16_t Err = ERRNO_SUCCESS;
  int Fd = openBeneath(DirFd, Path, O_PATH, 0, Follow, Err);
  if (Fd < 0)
    return Err;
  Out = UniqueFd(Fd);
  return ERRNO_SUCCESS;
}

/// The errno for a name that exists (EEXIST) or not (ENOENT).
uint16_t existsErrno(int DirFd, const std::string &Name) {
  struct stat St;
  return ::fstatat(DirFd, Name.c_str(), &St, AT_SYMLINK_NOFOLLOW) == 0
             ? ERRNO_EXIST
             : ERRNO_NOENT;
}

} // namespace

WMC_WASI_CALL(path_open) {
  Mem M(GM);
  uint32_t DirFd = u32(A[0]), Lookup = u32(A[1]), OFlags = u32(A[4]);
  uint64_t Base = A[5] & RIGHTS_ALL, Inheriting = A[6] & RIGHTS_ALL;
  uint32_t FdFlags = u32(A[7]), OutPtr = u32(A[8]);
  uint64_t Needed = R_PATH_OPEN |
                    (OFlags & OFLAG_CREAT ? R_PATH_CREATE_FILE : 0) |
                    (OFlags & OFLAG_TRUNC ? R_PATH_FILESTAT_SET_SIZE : 0);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err =
          dirAndPath(Ctx, M, DirFd, Needed, u32(A[2]), u32(A[3]), Dir, Path))
    return ret(Err);
  // A descriptor never gets rights its directory cannot hand down.
  if ((Base | Inheriting) & ~Dir->RightsInheriting)
    return ret(ERRNO_NOTCAPABLE);
  if (OFlags &
      ~uint32_t(OFLAG_CREAT | OFLAG_DIRECTORY | OFLAG_EXCL | OFLAG_TRUNC))
    return ret(ERRNO_INVAL);
  if (FdFlags & ~uint32_t(FDFLAG_APPEND | FDFLAG_DSYNC | FDFLAG_NONBLOCK |
                          FDFLAG_RSYNC | FDFLAG_SYNC))
    return ret(ERRNO_INVAL);
  if (!M.canWrite(OutPtr, 4))
    return ret(ERRNO_FAULT);

  // Access mode from the rights asked for, as wasi-libc computes them.
  // (fd_datasync works on read-only descriptors, so it does not ask for
  // write access: a directory asked for with every right still opens.)
  bool Read = Base & (R_FD_READ | R_FD_READDIR);
  bool Write = Base & (R_FD_WRITE | R_FD_ALLOCATE | R_FD_FILESTAT_SET_SIZE);
  int Flags = Read && Write ? O_RDWR : Write ? O_WRONLY : O_RDONLY;
  if (OFlags & OFLAG_CREAT)
    Flags |= O_CREAT;
  if (OFlags & OFLAG_DIRECTORY)
    Flags |= O_DIRECTORY;
  if (OFlags & OFLAG_EXCL)
    Flags |= O_EXCL;
  if (OFlags & OFLAG_TRUNC)
    Flags |= O_TRUNC;
  if (FdFlags & FDFLAG_APPEND)
    Flags |= O_APPEND;
  if (FdFlags & FDFLAG_DSYNC)
    Flags |= O_DSYNC;
  if (FdFlags & FDFLAG_NONBLOCK)
    Flags |= O_NONBLOCK;
  if (FdFlags & (FDFLAG_RSYNC | FDFLAG_SYNC))
    Flags |= O_SYNC;

  uint16_t Err = ERRNO_SUCCESS;
  int Fd = openBeneath(Dir->HostFd, Path, Flags, 0666,
                       Lookup & LOOKUP_SYMLINK_FOLLOW, Err);
  if (Fd < 0)
    return ret(Err);
  std::unique_ptr<FdEntry> E;
  if ((Err = makeEntry(UniqueFd(Fd), Base, Inheriting, E)))
    return ret(Err);
  uint32_t NewFd;
  if ((Err = Ctx.state().insert(std::move(E), NewFd)))
    return ret(Err); // the entry (and its host fd) is gone
  M.store<uint32_t>(OutPtr, NewFd);
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_create_directory) {
  Mem M(GM);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_CREATE_DIRECTORY,
                                u32(A[1]), u32(A[2]), Dir, Path))
    return ret(Err);
  ParentPath P;
  if (uint16_t Err = resolveParent(Dir->HostFd, Path, P))
    return ret(Err);
  if (P.isDot())
    return ret(ERRNO_EXIST);
  if (::mkdirat(P.Fd, P.Name.c_str(), 0777) != 0)
    return ret(lastErrno());
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_remove_directory) {
  Mem M(GM);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_REMOVE_DIRECTORY,
                                u32(A[1]), u32(A[2]), Dir, Path))
    return ret(Err);
  ParentPath P;
  if (uint16_t Err = resolveParent(Dir->HostFd, Path, P))
    return ret(Err);
  if (P.Name == ".")
    return ret(ERRNO_INVAL);
  if (P.Name == "..")
    return ret(ERRNO_NOTEMPTY);
  if (::unlinkat(P.Fd, P.Name.c_str(), AT_REMOVEDIR) != 0)
    return ret(lastErrno());
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_unlink_file) {
  Mem M(GM);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_UNLINK_FILE,
                                u32(A[1]), u32(A[2]), Dir, Path))
    return ret(Err);
  ParentPath P;
  if (uint16_t Err = resolveParent(Dir->HostFd, Path, P))
    return ret(Err);
  if (P.isDot())
    return ret(ERRNO_ISDIR);
  if (P.TrailingSlash) {
    // "name/" only names a directory, which unlink refuses either way.
    struct stat St;
    if (::fstatat(P.Fd, P.Name.c_str(), &St, AT_SYMLINK_NOFOLLOW) != 0)
      return ret(lastErrno());
    return ret(S_ISDIR(St.st_mode) ? ERRNO_ISDIR : ERRNO_NOTDIR);
  }
  if (::unlinkat(P.Fd, P.Name.c_str(), 0) != 0)
    return ret(lastErrno());
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_rename) {
  Mem M(GM);
  FdEntry *OldDir, *NewDir;
  std::string OldPath, NewPath;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_RENAME_SOURCE,
                                u32(A[1]), u32(A[2]), OldDir, OldPath))
    return ret(Err);
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[3]), R_PATH_RENAME_TARGET,
                                u32(A[4]), u32(A[5]), NewDir, NewPath))
    return ret(Err);
  ParentPath O, N;
  if (uint16_t Err = resolveParent(OldDir->HostFd, OldPath, O))
    return ret(Err);
  if (uint16_t Err = resolveParent(NewDir->HostFd, NewPath, N))
    return ret(Err);
  if (O.isDot() || N.isDot())
    return ret(ERRNO_BUSY);
  if (O.TrailingSlash || N.TrailingSlash) {
    // With a trailing slash only a directory can be renamed.
    struct stat St;
    if (::fstatat(O.Fd, O.Name.c_str(), &St, AT_SYMLINK_NOFOLLOW) != 0)
      return ret(lastErrno());
    if (!S_ISDIR(St.st_mode))
      return ret(ERRNO_NOTDIR);
  }
  if (::renameat(O.Fd, O.Name.c_str(), N.Fd, N.Name.c_str()) != 0)
    return ret(lastErrno());
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_link) {
  Mem M(GM);
  FdEntry *OldDir, *NewDir;
  std::string OldPath, NewPath;
  uint32_t OldFlags = u32(A[1]);
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_LINK_SOURCE,
                                u32(A[2]), u32(A[3]), OldDir, OldPath))
    return ret(Err);
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[4]), R_PATH_LINK_TARGET,
                                u32(A[5]), u32(A[6]), NewDir, NewPath))
    return ret(Err);
  ParentPath N;
  if (uint16_t Err = resolveParent(NewDir->HostFd, NewPath, N))
    return ret(Err);
  if (N.isDot())
    return ret(ERRNO_EXIST);
  if (N.TrailingSlash)
    return ret(existsErrno(N.Fd, N.Name));

  bool Follow = OldFlags & LOOKUP_SYMLINK_FOLLOW;
  ParentPath O;
  if (uint16_t Err = resolveParent(OldDir->HostFd, OldPath, O))
    return ret(Err);
  if (Follow || O.isDot() || O.TrailingSlash) {
    // Resolve the source (following its final symlink, confined) and link
    // the inode it names through its /proc/self/fd magic link.
    UniqueFd Src;
    if (uint16_t Err =
            openPath(OldDir->HostFd, OldPath, Follow || O.TrailingSlash, Src))
      return ret(Err);
    struct stat St;
    if (::fstat(Src.get(), &St) == 0 && S_ISDIR(St.st_mode))
      return ret(ERRNO_PERM); // no hard links to directories
    if (::linkat(AT_FDCWD, procPath(Src.get()).c_str(), N.Fd, N.Name.c_str(),
                 AT_SYMLINK_FOLLOW) != 0)
      return ret(lastErrno());
    return ret(ERRNO_SUCCESS);
  }
  if (::linkat(O.Fd, O.Name.c_str(), N.Fd, N.Name.c_str(), 0) != 0)
    return ret(lastErrno());
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_symlink) {
  Mem M(GM);
  std::string Target;
  if (uint16_t Err = readGuestPath(M, u32(A[0]), u32(A[1]), Target))
    return ret(Err);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[2]), R_PATH_SYMLINK, u32(A[3]),
                                u32(A[4]), Dir, Path))
    return ret(Err);
  // Absolute targets could never be followed inside the sandbox; refuse to
  // plant them in the host file system at all.
  if (Target[0] == '/')
    return ret(ERRNO_PERM);
  ParentPath P;
  if (uint16_t Err = resolveParent(Dir->HostFd, Path, P))
    return ret(Err);
  if (P.isDot())
    return ret(ERRNO_EXIST);
  std::string Name = P.Name + (P.TrailingSlash ? "/" : "");
  if (::symlinkat(Target.c_str(), P.Fd, Name.c_str()) != 0)
    return ret(lastErrno());
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_readlink) {
  Mem M(GM);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_READLINK, u32(A[1]),
                                u32(A[2]), Dir, Path))
    return ret(Err);
  uint32_t Buf = u32(A[3]), Len = u32(A[4]), UsedPtr = u32(A[5]);
  if (!M.canWrite(Buf, Len) || !M.canWrite(UsedPtr, 4))
    return ret(ERRNO_FAULT);
  ParentPath P;
  if (uint16_t Err = resolveParent(Dir->HostFd, Path, P))
    return ret(Err);
  if (P.isDot() || P.TrailingSlash) {
    // These name a directory (after following), never a symlink.
    UniqueFd Fd;
    if (uint16_t Err = openPath(Dir->HostFd, Path, /*Follow=*/true, Fd))
      return ret(Err);
    return ret(ERRNO_INVAL);
  }
  std::string Target(MaxPathLength + 1, '\0');
  ssize_t N = ::readlinkat(P.Fd, P.Name.c_str(), Target.data(), Target.size());
  if (N < 0)
    return ret(lastErrno());
  uint32_t Copy = static_cast<uint32_t>(std::min<ssize_t>(N, Len));
  std::memcpy(M.ptr(Buf), Target.data(), Copy);
  M.store<uint32_t>(UsedPtr, Copy);
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_filestat_get) {
  Mem M(GM);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_FILESTAT_GET,
                                u32(A[2]), u32(A[3]), Dir, Path))
    return ret(Err);
  uint32_t Out = u32(A[4]);
  if (!M.canWrite(Out, FILESTAT_SIZE))
    return ret(ERRNO_FAULT);
  UniqueFd Fd;
  if (uint16_t Err =
          openPath(Dir->HostFd, Path, u32(A[1]) & LOOKUP_SYMLINK_FOLLOW, Fd))
    return ret(Err);
  struct stat St;
  if (::fstat(Fd.get(), &St) != 0)
    return ret(lastErrno());
  storeFilestat(M, Out, St);
  return ret(ERRNO_SUCCESS);
}

WMC_WASI_CALL(path_filestat_set_times) {
  Mem M(GM);
  FdEntry *Dir;
  std::string Path;
  if (uint16_t Err = dirAndPath(Ctx, M, u32(A[0]), R_PATH_FILESTAT_SET_TIMES,
                                u32(A[2]), u32(A[3]), Dir, Path))
    return ret(Err);
  timespec Times[2];
  if (uint16_t Err = makeTimes(A[4], A[5], u32(A[6]), Times))
    return ret(Err);
  bool Follow = u32(A[1]) & LOOKUP_SYMLINK_FOLLOW;
  ParentPath P;
  if (uint16_t Err = resolveParent(Dir->HostFd, Path, P))
    return ret(Err);
  if (!Follow && !P.isDot() && !P.TrailingSlash) {
    if (::utimensat(P.Fd, P.Name.c_str(), Times, AT_SYMLINK_NOFOLLOW) != 0)
      return ret(lastErrno());
    return ret(ERRNO_SUCCESS);
  }
  UniqueFd Fd;
  if (uint16_t Err = openPath(Dir->HostFd, Path, /*Follow=*/true, Fd))
    return ret(Err);
  // The magic link names exactly the inode we resolved, confined.
  if (::utimensat(AT_FDCWD, procPath(Fd.get()).c_str(), Times, 0) != 0)
    return ret(lastErrno());
  return ret(ERRNO_SUCCESS);
}

} // namespace wmc::wasi::calls
