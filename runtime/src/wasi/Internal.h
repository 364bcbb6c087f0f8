//===- wasi/Internal.h - shared pieces of the WASI host -----*- C++ -*-===//
//
// Internal to runtime/src/wasi: the descriptor table (State, FdEntry), the
// bounds-checked view of guest memory every call goes through (Mem), the
// Linux-to-WASI errno mapping and the confined path resolver. The preview1
// functions themselves live in ProcCalls.cpp, FdCalls.cpp, PathCalls.cpp and
// PollCalls.cpp and are listed in the table in Wasi.cpp.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_WASI_INTERNAL_H
#define WMC_RUNTIME_WASI_INTERNAL_H

#include "Abi.h"
#include "Wasi.h"

#include <bit>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

struct stat;

namespace wmc::wasi::detail {

static_assert(std::endian::native == std::endian::little,
              "guest structures are written with host byte order");

/// Longest guest path accepted (bytes, excluding the terminator); longer
/// paths fail with ENAMETOOLONG before anything is allocated for them.
constexpr uint32_t MaxPathLength = 4096;

/// An owned host file descriptor, closed on destruction.
class UniqueFd {
public:
  UniqueFd() = default;
  explicit UniqueFd(int Fd) : Fd(Fd) {}
  UniqueFd(UniqueFd &&O) noexcept : Fd(O.release()) {}
  UniqueFd &operator=(UniqueFd &&O) noexcept {
    reset(O.release());
    return *this;
  }
  UniqueFd(const UniqueFd &) = delete;
  UniqueFd &operator=(const UniqueFd &) = delete;
  ~UniqueFd() { reset(); }
  int get() const { return Fd; }
  explicit operator bool() const { return Fd >= 0; }
  int release() {
    int R = Fd;
    Fd = -1;
    return R;
  }
  void reset(int NewFd = -1);

private:
  int Fd = -1; ///< -1 or an open descriptor this object owns
};

/// Maps a Linux errno value to the WASI errno the guest sees. Values with no
/// WASI counterpart become the nearest meaning, and EIO as the last resort.
uint16_t fromLinuxErrno(int LinuxErrno);
/// fromLinuxErrno(errno).
inline uint16_t lastErrno() { return fromLinuxErrno(errno); }

/// Bounds- and permission-checked access to guest memory for one call.
/// All arithmetic is overflow-safe: a range is valid iff Addr <= Size and
/// Len <= Size - Addr. Callers check every range first, then load/store.
class Mem {
public:
  explicit Mem(const GuestMemory &M) : M(M) {}
  bool inBounds(uint64_t Addr, uint64_t Len) const {
    return Addr <= M.Size && Len <= M.Size - Addr;
  }
  /// The host may read [Addr, Addr+Len).
  bool canRead(uint64_t Addr, uint64_t Len) const {
    return inBounds(Addr, Len) &&
           (Len == 0 || !M.CanRead || M.CanRead(M.Ctx, Addr, Len));
  }
  /// The host may write [Addr, Addr+Len).
  bool canWrite(uint64_t Addr, uint64_t Len) const {
    return inBounds(Addr, Len) &&
           (Len == 0 || !M.CanWrite || M.CanWrite(M.Ctx, Addr, Len));
  }
  /// Host pointer for a checked guest address.
  uint8_t *ptr(uint64_t Addr) const { return M.Base + Addr; }
  template <typename T> T load(uint64_t Addr) const {
    T V;
    std::memcpy(&V, M.Base + Addr, sizeof(T));
    return V;
  }
  template <typename T> void store(uint64_t Addr, T V) const {
    std::memcpy(M.Base + Addr, &V, sizeof(T));
  }
  /// Checked single-value store: false (nothing written) if not writable.
  template <typename T> bool tryStore(uint64_t Addr, T V) const {
    if (!canWrite(Addr, sizeof(T)))
      return false;
    store<T>(Addr, V);
    return true;
  }

private:
  const GuestMemory &M;
};

/// One entry of a directory listing, cached for fd_readdir cookies.
struct CachedDirent {
  uint64_t Ino;
  uint8_t Type; ///< WASI filetype
  std::string Name;
};

/// One guest descriptor. Owns its host descriptor unless OwnsHostFd is false.
struct FdEntry {
  FdEntry() = default;
  FdEntry(const FdEntry &) = delete;
  FdEntry &operator=(const FdEntry &) = delete;
  ~FdEntry();
  int HostFd = -1;        ///< the host descriptor behind it
  bool OwnsHostFd = true; ///< false for stdio: the host's 0/1/2 stay open
  uint8_t Type = abi::FT_UNKNOWN;
  uint64_t RightsBase = 0;       ///< rights on this descriptor
  uint64_t RightsInheriting = 0; ///< rights descriptors opened from it may get
  bool IsPreopen = false;
  std::string PreopenName; ///< guest path of a preopen (fd_prestat_*)
  /// Listing cache for fd_readdir: cookie N = entry index N. Refilled when a
  /// read starts at cookie 0.
  std::vector<CachedDirent> Dirents;
  bool DirentsValid = false;
};

/// Everything a Context holds.
struct State {
  Options Opts;
  /// Index = guest fd; null = free slot.
  std::vector<std::unique_ptr<FdEntry>> Fds;

  /// The entry for \p Fd or nullptr.
  FdEntry *get(uint32_t Fd) const {
    return Fd < Fds.size() ? Fds[Fd].get() : nullptr;
  }
  /// Looks \p Fd up and checks it holds the \p Base rights: ERRNO_BADF if it
  /// does not exist, ERRNO_NOTCAPABLE if a right is missing.
  uint16_t lookup(uint32_t Fd, uint64_t Base, FdEntry *&Out) const;
  /// Puts \p E at the lowest free guest fd >= 3; ERRNO_MFILE if none.
  uint16_t insert(std::unique_ptr<FdEntry> E, uint32_t &OutFd);
  /// Removes \p Fd (which must exist), closing its host descriptor.
  void remove(uint32_t Fd);
};

/// Helpers for call implementations.
inline Outcome ret(uint16_t Errno) { return Outcome{Outcome::Return, Errno}; }
inline uint32_t u32(uint64_t V) { return static_cast<uint32_t>(V); }

/// WASI filetype of a host st_mode.
uint8_t filetypeOf(mode_t Mode);
/// The base rights host descriptor \p HostFd of file type \p Type can hold.
uint64_t baseRightsFor(uint8_t Type, int HostFd);
/// Builds a guest descriptor for a freshly opened host \p Fd (fstat picks its
/// type); rights are \p Base / \p Inheriting masked to what the type allows.
/// Takes ownership of \p Fd.
uint16_t makeEntry(UniqueFd Fd, uint64_t Base, uint64_t Inheriting,
                   std::unique_ptr<FdEntry> &Out);
/// Moves \p Fd to a number >= 3 (so guest stdio never aliases a file we
/// opened when the host started with 0..2 closed) and marks it close-on-exec.
int adoptFd(int Fd);

/// Copies the guest path [Ptr, Ptr+Len) into \p Out: EFAULT if unreadable,
/// ENAMETOOLONG if longer than MaxPathLength, EINVAL if it contains NUL,
/// ENOENT if empty.
uint16_t readGuestPath(const Mem &M, uint32_t Ptr, uint32_t Len,
                       std::string &Out);

/// Writes a WASI filestat for \p St at guest address \p Addr (checked).
void storeFilestat(const Mem &M, uint64_t Addr, const struct ::stat &St);
/// Builds utimensat(2) times from WASI timestamps and fstflags: EINVAL when
/// a time is both given and "now", or unknown flag bits are set.
uint16_t makeTimes(uint64_t Atim, uint64_t Mtim, uint32_t Flags,
                   struct ::timespec Out[2]);

// ---- Confined path resolution (PathResolver.cpp) -------------------------

/// How paths are resolved beneath a directory descriptor.
enum class ResolverMode {
  Auto,    ///< openat2(RESOLVE_BENEATH), falling back to Walk on ENOSYS
  Openat2, ///< openat2 only
  Walk,    ///< component-by-component walk with O_NOFOLLOW (fallback)
};
/// Test hook: forces a resolver (process-wide).
void setResolverMode(ResolverMode M);

/// Opens \p Path relative to \p DirFd without ever leaving the directory tree
/// below it: absolute paths, `..` above it and symlinks (absolute, or
/// relative ones climbing out) fail with ERRNO_NOTCAPABLE. \p Flags are
/// open(2) flags (O_CLOEXEC is added); the final component is followed only
/// if \p FollowFinal (intermediate symlinks always are, within the tree).
/// Returns the new descriptor (>= 3) or -1 with \p Err set to a WASI errno.
int openBeneath(int DirFd, std::string_view Path, int Flags, mode_t Mode,
                bool FollowFinal, uint16_t &Err);

/// A path split into the directory that holds its last component (opened
/// beneath the start directory) and that component's name.
struct ParentPath {
  UniqueFd Owned;   ///< set when the parent had to be opened
  int Fd = -1;      ///< directory to use with *at() calls
  std::string Name; ///< last component: never empty, never contains '/'
  bool TrailingSlash = false; ///< the path ended in '/'
  bool isDot() const { return Name == "." || Name == ".."; }
};
/// Splits and resolves \p Path beneath \p DirFd (see openBeneath).
uint16_t resolveParent(int DirFd, std::string_view Path, ParentPath &Out);

} // namespace wmc::wasi::detail

#endif // WMC_RUNTIME_WASI_INTERNAL_H
