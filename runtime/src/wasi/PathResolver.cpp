//===- runtime/src/wasi/PathResolver.cpp - paths confined to a preopen ----===//
//
// Every guest path is resolved relative to a directory descriptor and must
// stay beneath it. The primary resolver is openat2(2) with RESOLVE_BENEATH |
// RESOLVE_NO_MAGICLINKS (Linux >= 5.6): the kernel rejects absolute paths,
// `..` above the start directory and symlinks leading out of it (EXDEV, which
// we report as ERRNO_NOTCAPABLE), atomically with the lookup.
//
// Where openat2 is missing (ENOSYS) a user-space walk takes over: one
// component at a time with openat(O_PATH | O_NOFOLLOW), `..` handled by
// popping a stack of descriptors we opened (never by asking the kernel for
// the parent, so the start directory is a hard floor), and symlinks expanded
// by reading them and splicing their (relative) target into the remaining
// path, at most 40 times. Because every step uses O_NOFOLLOW, a symlink
// swapped in concurrently makes the walk fail; it never makes it escape.
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <atomic>
#include <deque>
#include <fcntl.h>
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#else // kernel headers older than 5.6: the ABI is stable, spell it out
struct open_how {
  uint64_t flags, mode, resolve;
};
#define RESOLVE_NO_MAGICLINKS 0x02
#define RESOLVE_BENEATH 0x08
#endif
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

namespace wmc::wasi::detail {

using namespace abi;

namespace {
std::atomic<ResolverMode> Mode{ResolverMode::Auto};
/// Set once openat2 reported ENOSYS in Auto mode.
std::atomic<bool> Openat2Missing{false};
constexpr unsigned MaxSymlinks = 40;

int openat2Beneath(int DirFd, const std::string &Path, int Flags,
                   mode_t FileMode) {
  struct open_how How = {};
  How.flags = static_cast<uint64_t>(Flags);
  // openat2 rejects a mode without O_CREAT/O_TMPFILE (glibc's __O_TMPFILE
  // includes O_DIRECTORY, hence the full comparison).
  How.mode =
      ((Flags & O_CREAT) || (Flags & O_TMPFILE) == O_TMPFILE) ? FileMode : 0;
  How.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  for (unsigned Attempt = 0;; ++Attempt) {
    long R = ::syscall(SYS_openat2, DirFd, Path.c_str(), &How, sizeof(How));
    if (R >= 0)
      return static_cast<int>(R);
    // EAGAIN: a concurrent rename or mount raced with a `..`; retry a few
    // times, then give up with EAGAIN.
    if (errno == EINTR || (errno == EAGAIN && Attempt < 16))
      continue;
    return -1;
  }
}

void splitInto(std::string_view Path, std::deque<std::string> &Parts,
               bool AtFront) {
  std::vector<std::string> Pieces;
  size_t I = 0;
  while (I < Path.size()) {
    size_t J = Path.find('/', I);
    if (J == std::string_view::npos)
      J = Path.size();
    if (J > I)
      Pieces.emplace_back(Path.substr(I, J - I));
    I = J + 1;
  }
  if (AtFront)
    Parts.insert(Parts.begin(), Pieces.begin(), Pieces.end());
  else
    Parts.insert(Parts.end(), Pieces.begin(), Pieces.end());
}

int walkBeneath(int DirFd, std::string_view Path, int Flags, mode_t FileMode,
                bool FollowFinal, uint16_t &Err) {
  std::deque<std::string> Parts;
  splitInto(Path, Parts, /*AtFront=*/false);
  bool Trailing = Path.back() == '/';
  std::vector<UniqueFd> Stack; // directories below DirFd we stand in
  auto Cur = [&] { return Stack.empty() ? DirFd : Stack.back().get(); };
  unsigned Links = 0;
  std::string Final = ".";
  while (!Parts.empty()) {
    std::string Name = std::move(Parts.front());
    Parts.pop_front();
    bool Last = Parts.empty();
    if (Name == ".")
      continue;
    if (Name == "..") {
      if (Stack.empty()) {
        Err = ERRNO_NOTCAPABLE;
        return -1;
      }
      Stack.pop_back();
      continue;
    }
    if (!Last || FollowFinal || Trailing) {
      struct stat St;
      if (::fstatat(Cur(), Name.c_str(), &St, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(St.st_mode)) {
        if (++Links > MaxSymlinks) {
          Err = ERRNO_LOOP;
          return -1;
        }
        std::string Target(MaxPathLength + 1, '\0');
        ssize_t N =
            ::readlinkat(Cur(), Name.c_str(), Target.data(), Target.size());
        if (N < 0) {
          Err = lastErrno();
          return -1;
        }
        if (static_cast<size_t>(N) > MaxPathLength) {
          Err = ERRNO_NAMETOOLONG;
          return -1;
        }
        Target.resize(static_cast<size_t>(N));
        if (Target.empty()) {
          Err = ERRNO_NOENT;
          return -1;
        }
        if (Target[0] == '/') {
          Err = ERRNO_NOTCAPABLE;
          return -1;
        }
        if (Last && Target.back() == '/')
          Trailing = true;
        splitInto(Target, Parts, /*AtFront=*/true);
        continue;
      }
    }
    if (!Last) {
      int Fd = ::openat(Cur(), Name.c_str(),
                        O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (Fd < 0) {
        Err = lastErrno();
        return -1;
      }
      Stack.emplace_back(Fd);
      continue;
    }
    Final = std::move(Name);
  }
  int Fd;
  if (Final == ".") {
    if ((Flags & O_CREAT) && (Flags & O_EXCL)) {
      Err = ERRNO_EXIST;
      return -1;
    }
    Fd = ::openat(Cur(), ".", Flags, FileMode);
  } else {
    if (Trailing && (Flags & O_CREAT)) {
      Err = ERRNO_ISDIR;
      return -1;
    }
    Fd = ::openat(Cur(), Final.c_str(),
                  Flags | O_NOFOLLOW | (Trailing ? O_DIRECTORY : 0), FileMode);
  }
  if (Fd < 0) {
    Err = lastErrno();
    return -1;
  }
  return Fd;
}
} // namespace

void setResolverMode(ResolverMode M) { Mode = M; }

int openBeneath(int DirFd, std::string_view Path, int Flags, mode_t FileMode,
                bool FollowFinal, uint16_t &Err) {
  if (Path.empty()) {
    Err = ERRNO_NOENT;
    return -1;
  }
  if (Path[0] == '/') {
    Err = ERRNO_NOTCAPABLE;
    return -1;
  }
  if (Path.find('\0') != std::string_view::npos) {
    Err = ERRNO_INVAL;
    return -1;
  }
  // openat2 rejects O_PATH combined with anything but these flags.
  Flags |= O_CLOEXEC | ((Flags & O_PATH) ? 0 : O_NOCTTY);
  if (!FollowFinal)
    Flags |= O_NOFOLLOW;
  ResolverMode M = Mode.load();
  if (M == ResolverMode::Auto && Openat2Missing.load())
    M = ResolverMode::Walk;
  int Fd = -1;
  if (M != ResolverMode::Walk) {
    Fd = openat2Beneath(DirFd, std::string(Path), Flags, FileMode);
    if (Fd < 0 && errno == ENOSYS && M == ResolverMode::Auto) {
      Openat2Missing = true;
      M = ResolverMode::Walk;
    } else if (Fd < 0) {
      // Under RESOLVE_BENEATH, EXDEV means "would leave the directory".
      Err = errno == EXDEV ? ERRNO_NOTCAPABLE : lastErrno();
      return -1;
    }
  }
  if (M == ResolverMode::Walk) {
    Fd = walkBeneath(DirFd, Path, Flags, FileMode, FollowFinal, Err);
    if (Fd < 0)
      return -1;
  }
  Fd = adoptFd(Fd);
  if (Fd < 0) {
    Err = lastErrno();
    return -1;
  }
  return Fd;
}

uint16_t resolveParent(int DirFd, std::string_view Path, ParentPath &Out) {
  if (Path.empty())
    return ERRNO_NOENT;
  if (Path[0] == '/')
    return ERRNO_NOTCAPABLE;
  if (Path.find('\0') != std::string_view::npos)
    return ERRNO_INVAL;
  size_t End = Path.size();
  while (End > 0 && Path[End - 1] == '/') {
    --End;
    Out.TrailingSlash = true;
  }
  size_t Slash = Path.rfind('/', End - 1);
  std::string_view Dir;
  if (Slash == std::string_view::npos) {
    Out.Name = std::string(Path.substr(0, End));
  } else {
    Dir = Path.substr(0, Slash);
    Out.Name = std::string(Path.substr(Slash + 1, End - Slash - 1));
  }
  uint16_t Err = ERRNO_SUCCESS;
  if (Dir.empty()) {
    Out.Fd = DirFd;
  } else {
    int Fd = openBeneath(DirFd, Dir, O_PATH | O_DIRECTORY, 0,
                         /*FollowFinal=*/true, Err);
    if (Fd < 0)
      return Err;
    Out.Owned = UniqueFd(Fd);
    Out.Fd = Fd;
  }
  if (Out.Name == "..") {
    // "x/.." names the directory above x: it must still be beneath DirFd.
    int Fd = openBeneath(DirFd, Path, O_PATH | O_DIRECTORY, 0,
                         /*FollowFinal=*/true, Err);
    if (Fd < 0)
      return Err;
    ::close(Fd);
  }
  return ERRNO_SUCCESS;
}

} // namespace wmc::wasi::detail
