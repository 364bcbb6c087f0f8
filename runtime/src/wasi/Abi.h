//===- wasi/Abi.h - WASI preview1 constants and layouts ----*- C++ -*-===//
//
// The numbers of the wasi_snapshot_preview1 ABI as wasi-libc's
// <wasi/api.h> defines them: errno values, file types, flags, rights bits
// and the byte offsets of every structure the host reads from or writes to
// guest memory. The implementation writes guest structures field by field at
// these offsets (little-endian), never by copying host structs.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_WASI_ABI_H
#define WMC_RUNTIME_WASI_ABI_H

#include <cstdint>

namespace wmc::wasi::abi {

/// WASI errno values (`__WASI_ERRNO_*`).
constexpr uint16_t ERRNO_SUCCESS = 0;
constexpr uint16_t ERRNO_2BIG = 1;
constexpr uint16_t ERRNO_ACCES = 2;
constexpr uint16_t ERRNO_ADDRINUSE = 3;
constexpr uint16_t ERRNO_ADDRNOTAVAIL = 4;
constexpr uint16_t ERRNO_AFNOSUPPORT = 5;
constexpr uint16_t ERRNO_AGAIN = 6;
constexpr uint16_t ERRNO_ALREADY = 7;
constexpr uint16_t ERRNO_BADF = 8;
constexpr uint16_t ERRNO_BADMSG = 9;
constexpr uint16_t ERRNO_BUSY = 10;
constexpr uint16_t ERRNO_CANCELED = 11;
constexpr uint16_t ERRNO_CHILD = 12;
constexpr uint16_t ERRNO_CONNABORTED = 13;
constexpr uint16_t ERRNO_CONNREFUSED = 14;
constexpr uint16_t ERRNO_CONNRESET = 15;
constexpr uint16_t ERRNO_DEADLK = 16;
constexpr uint16_t ERRNO_DESTADDRREQ = 17;
constexpr uint16_t ERRNO_DOM = 18;
constexpr uint16_t ERRNO_DQUOT = 19;
constexpr uint16_t ERRNO_EXIST = 20;
constexpr uint16_t ERRNO_FAULT = 21;
constexpr uint16_t ERRNO_FBIG = 22;
constexpr uint16_t ERRNO_HOSTUNREACH = 23;
constexpr uint16_t ERRNO_IDRM = 24;
constexpr uint16_t ERRNO_ILSEQ = 25;
constexpr uint16_t ERRNO_INPROGRESS = 26;
constexpr uint16_t ERRNO_INTR = 27;
constexpr uint16_t ERRNO_INVAL = 28;
constexpr uint16_t ERRNO_IO = 29;
constexpr uint16_t ERRNO_ISCONN = 30;
constexpr uint16_t ERRNO_ISDIR = 31;
constexpr uint16_t ERRNO_LOOP = 32;
constexpr uint16_t ERRNO_MFILE = 33;
constexpr uint16_t ERRNO_MLINK = 34;
constexpr uint16_t ERRNO_MSGSIZE = 35;
constexpr uint16_t ERRNO_MULTIHOP = 36;
constexpr uint16_t ERRNO_NAMETOOLONG = 37;
constexpr uint16_t ERRNO_NETDOWN = 38;
constexpr uint16_t ERRNO_NETRESET = 39;
constexpr uint16_t ERRNO_NETUNREACH = 40;
constexpr uint16_t ERRNO_NFILE = 41;
constexpr uint16_t ERRNO_NOBUFS = 42;
constexpr uint16_t ERRNO_NODEV = 43;
constexpr uint16_t ERRNO_NOENT = 44;
constexpr uint16_t ERRNO_NOEXEC = 45;
constexpr uint16_t ERRNO_NOLCK = 46;
constexpr uint16_t ERRNO_NOLINK = 47;
constexpr uint16_t ERRNO_NOMEM = 48;
constexpr uint16_t ERRNO_NOMSG = 49;
constexpr uint16_t ERRNO_NOPROTOOPT = 50;
constexpr uint16_t ERRNO_NOSPC = 51;
constexpr uint16_t ERRNO_NOSYS = 52;
constexpr uint16_t ERRNO_NOTCONN = 53;
constexpr uint16_t ERRNO_NOTDIR = 54;
constexpr uint16_t ERRNO_NOTEMPTY = 55;
constexpr uint16_t ERRNO_NOTRECOVERABLE = 56;
constexpr uint16_t ERRNO_NOTSOCK = 57;
constexpr uint16_t ERRNO_NOTSUP = 58;
constexpr uint16_t ERRNO_NOTTY = 59;
constexpr uint16_t ERRNO_NXIO = 60;
constexpr uint16_t ERRNO_OVERFLOW = 61;
constexpr uint16_t ERRNO_OWNERDEAD = 62;
constexpr uint16_t ERRNO_PERM = 63;
constexpr uint16_t ERRNO_PIPE = 64;
constexpr uint16_t ERRNO_PROTO = 65;
constexpr uint16_t ERRNO_PROTONOSUPPORT = 66;
constexpr uint16_t ERRNO_PROTOTYPE = 67;
constexpr uint16_t ERRNO_RANGE = 68;
constexpr uint16_t ERRNO_ROFS = 69;
constexpr uint16_t ERRNO_SPIPE = 70;
constexpr uint16_t ERRNO_SRCH = 71;
constexpr uint16_t ERRNO_STALE = 72;
constexpr uint16_t ERRNO_TIMEDOUT = 73;
constexpr uint16_t ERRNO_TXTBSY = 74;
constexpr uint16_t ERRNO_XDEV = 75;
constexpr uint16_t ERRNO_NOTCAPABLE = 76;

/// `__WASI_FILETYPE_*`.
constexpr uint8_t FT_UNKNOWN = 0;
constexpr uint8_t FT_BLOCK_DEVICE = 1;
constexpr uint8_t FT_CHARACTER_DEVICE = 2;
constexpr uint8_t FT_DIRECTORY = 3;
constexpr uint8_t FT_REGULAR_FILE = 4;
constexpr uint8_t FT_SOCKET_DGRAM = 5;
constexpr uint8_t FT_SOCKET_STREAM = 6;
constexpr uint8_t FT_SYMBOLIC_LINK = 7;

/// `__WASI_FDFLAGS_*`.
constexpr uint16_t FDFLAG_APPEND = 1, FDFLAG_DSYNC = 2, FDFLAG_NONBLOCK = 4,
                   FDFLAG_RSYNC = 8, FDFLAG_SYNC = 16;
/// `__WASI_OFLAGS_*`.
constexpr uint16_t OFLAG_CREAT = 1, OFLAG_DIRECTORY = 2, OFLAG_EXCL = 4,
                   OFLAG_TRUNC = 8;
/// `__WASI_LOOKUPFLAGS_SYMLINK_FOLLOW`.
constexpr uint32_t LOOKUP_SYMLINK_FOLLOW = 1;
/// `__WASI_FSTFLAGS_*`.
constexpr uint16_t FST_ATIM = 1, FST_ATIM_NOW = 2, FST_MTIM = 4,
                   FST_MTIM_NOW = 8;
/// `__WASI_WHENCE_*`.
constexpr uint8_t WHENCE_SET = 0, WHENCE_CUR = 1, WHENCE_END = 2;
/// `__WASI_CLOCKID_*`.
constexpr uint32_t CLOCKID_REALTIME = 0, CLOCKID_MONOTONIC = 1,
                   CLOCKID_PROCESS_CPUTIME = 2, CLOCKID_THREAD_CPUTIME = 3;
/// `__WASI_ADVICE_*` range: NORMAL (0) .. NOREUSE (5).
constexpr uint8_t ADVICE_NORMAL = 0, ADVICE_SEQUENTIAL = 1, ADVICE_RANDOM = 2,
                  ADVICE_WILLNEED = 3, ADVICE_DONTNEED = 4, ADVICE_NOREUSE = 5;
/// `__WASI_EVENTTYPE_*`, `__WASI_SUBCLOCKFLAGS_*`, `__WASI_EVENTRWFLAGS_*`.
constexpr uint8_t EVENT_CLOCK = 0, EVENT_FD_READ = 1, EVENT_FD_WRITE = 2;
constexpr uint16_t SUBCLOCK_ABSTIME = 1;
constexpr uint16_t EVENTRW_HANGUP = 1;
/// `__WASI_PREOPENTYPE_DIR`.
constexpr uint8_t PREOPENTYPE_DIR = 0;

/// `__WASI_RIGHTS_*` bits.
constexpr uint64_t R_FD_DATASYNC = 1ull << 0;
constexpr uint64_t R_FD_READ = 1ull << 1;
constexpr uint64_t R_FD_SEEK = 1ull << 2;
constexpr uint64_t R_FD_FDSTAT_SET_FLAGS = 1ull << 3;
constexpr uint64_t R_FD_SYNC = 1ull << 4;
constexpr uint64_t R_FD_TELL = 1ull << 5;
constexpr uint64_t R_FD_WRITE = 1ull << 6;
constexpr uint64_t R_FD_ADVISE = 1ull << 7;
constexpr uint64_t R_FD_ALLOCATE = 1ull << 8;
constexpr uint64_t R_PATH_CREATE_DIRECTORY = 1ull << 9;
constexpr uint64_t R_PATH_CREATE_FILE = 1ull << 10;
constexpr uint64_t R_PATH_LINK_SOURCE = 1ull << 11;
constexpr uint64_t R_PATH_LINK_TARGET = 1ull << 12;
constexpr uint64_t R_PATH_OPEN = 1ull << 13;
constexpr uint64_t R_FD_READDIR = 1ull << 14;
constexpr uint64_t R_PATH_READLINK = 1ull << 15;
constexpr uint64_t R_PATH_RENAME_SOURCE = 1ull << 16;
constexpr uint64_t R_PATH_RENAME_TARGET = 1ull << 17;
constexpr uint64_t R_PATH_FILESTAT_GET = 1ull << 18;
constexpr uint64_t R_PATH_FILESTAT_SET_SIZE = 1ull << 19;
constexpr uint64_t R_PATH_FILESTAT_SET_TIMES = 1ull << 20;
constexpr uint64_t R_FD_FILESTAT_GET = 1ull << 21;
constexpr uint64_t R_FD_FILESTAT_SET_SIZE = 1ull << 22;
constexpr uint64_t R_FD_FILESTAT_SET_TIMES = 1ull << 23;
constexpr uint64_t R_PATH_SYMLINK = 1ull << 24;
constexpr uint64_t R_PATH_REMOVE_DIRECTORY = 1ull << 25;
constexpr uint64_t R_PATH_UNLINK_FILE = 1ull << 26;
constexpr uint64_t R_POLL_FD_READWRITE = 1ull << 27;
constexpr uint64_t R_SOCK_SHUTDOWN = 1ull << 28;
constexpr uint64_t R_SOCK_ACCEPT = 1ull << 29;
/// Every defined right.
constexpr uint64_t RIGHTS_ALL = (1ull << 30) - 1;
/// Rights that make sense on a regular file descriptor.
constexpr uint64_t RIGHTS_REGULAR_FILE =
    R_FD_DATASYNC | R_FD_READ | R_FD_SEEK | R_FD_FDSTAT_SET_FLAGS | R_FD_SYNC |
    R_FD_TELL | R_FD_WRITE | R_FD_ADVISE | R_FD_ALLOCATE | R_FD_FILESTAT_GET |
    R_FD_FILESTAT_SET_SIZE | R_FD_FILESTAT_SET_TIMES | R_POLL_FD_READWRITE;
/// Rights that make sense on a directory descriptor (as a base).
constexpr uint64_t RIGHTS_DIRECTORY =
    R_FD_DATASYNC | R_FD_FDSTAT_SET_FLAGS | R_FD_SYNC | R_FD_ADVISE |
    R_PATH_CREATE_DIRECTORY | R_PATH_CREATE_FILE | R_PATH_LINK_SOURCE |
    R_PATH_LINK_TARGET | R_PATH_OPEN | R_FD_READDIR | R_PATH_READLINK |
    R_PATH_RENAME_SOURCE | R_PATH_RENAME_TARGET | R_PATH_FILESTAT_GET |
    R_PATH_FILESTAT_SET_SIZE | R_PATH_FILESTAT_SET_TIMES | R_FD_FILESTAT_GET |
    R_FD_FILESTAT_SET_TIMES | R_PATH_SYMLINK | R_PATH_REMOVE_DIRECTORY |
    R_PATH_UNLINK_FILE | R_POLL_FD_READWRITE;
/// Rights on a terminal, pipe, socket or other non-seekable stream.
constexpr uint64_t RIGHTS_STREAM =
    R_FD_READ | R_FD_FDSTAT_SET_FLAGS | R_FD_WRITE | R_FD_FILESTAT_GET |
    R_POLL_FD_READWRITE | R_FD_SYNC | R_FD_DATASYNC;

// Layouts (byte offsets and sizes), checked against <wasi/api.h>.
constexpr uint32_t IOVEC_SIZE = 8;         // buf u32 @0, buf_len u32 @4
constexpr uint32_t FDSTAT_SIZE = 24;       // filetype u8 @0, flags u16 @2,
                                           // base u64 @8, inheriting u64 @16
constexpr uint32_t FILESTAT_SIZE = 64;     // dev @0 ino @8 filetype u8 @16
                                           // nlink @24 size @32 atim @40
                                           // mtim @48 ctim @56
constexpr uint32_t DIRENT_SIZE = 24;       // d_next u64 @0, d_ino u64 @8,
                                           // d_namlen u32 @16, d_type u8 @20
constexpr uint32_t PRESTAT_SIZE = 8;       // tag u8 @0, pr_name_len u32 @4
constexpr uint32_t SUBSCRIPTION_SIZE = 48; // userdata u64 @0, tag u8 @8,
                                           // clock: id u32 @16, timeout @24,
                                           // precision @32, flags u16 @40;
                                           // fd_readwrite: fd u32 @16
constexpr uint32_t EVENT_SIZE = 32;        // userdata u64 @0, error u16 @8,
                                           // type u8 @10, nbytes u64 @16,
                                           // flags u16 @24

} // namespace wmc::wasi::abi

#endif // WMC_RUNTIME_WASI_ABI_H
