//===- runtime/src/wasi/Errno.cpp - Linux errno to WASI errno -------------===//
//
// Every errno value Linux can return from the system calls used here, mapped
// to the WASI preview1 errno with the same meaning. POSIX errors map one to
// one; Linux-only ones map to the closest WASI meaning; anything unknown is
// reported as EIO (never as success).
//===----------------------------------------------------------------------===//
#include "Internal.h"

#include <cerrno>

namespace wmc::wasi::detail {

uint16_t fromLinuxErrno(int E) {
  using namespace abi;
  switch (E) {
  case 0:
    return ERRNO_SUCCESS;
  case E2BIG:
    return ERRNO_2BIG;
  case EACCES:
    return ERRNO_ACCES;
  case EADDRINUSE:
    return ERRNO_ADDRINUSE;
  case EADDRNOTAVAIL:
    return ERRNO_ADDRNOTAVAIL;
  case EAFNOSUPPORT:
    return ERRNO_AFNOSUPPORT;
  case EAGAIN:
    return ERRNO_AGAIN; // == EWOULDBLOCK on Linux
  case EALREADY:
    return ERRNO_ALREADY;
  case EBADF:
    return ERRNO_BADF;
  case EBADMSG:
    return ERRNO_BADMSG;
  case EBUSY:
    return ERRNO_BUSY;
  case ECANCELED:
    return ERRNO_CANCELED;
  case ECHILD:
    return ERRNO_CHILD;
  case ECONNABORTED:
    return ERRNO_CONNABORTED;
  case ECONNREFUSED:
    return ERRNO_CONNREFUSED;
  case ECONNRESET:
    return ERRNO_CONNRESET;
  case EDEADLK:
    return ERRNO_DEADLK; // == EDEADLOCK
  case EDESTADDRREQ:
    return ERRNO_DESTADDRREQ;
  case EDOM:
    return ERRNO_DOM;
  case EDQUOT:
    return ERRNO_DQUOT;
  case EEXIST:
    return ERRNO_EXIST;
  case EFAULT:
    return ERRNO_FAULT;
  case EFBIG:
    return ERRNO_FBIG;
  case EHOSTUNREACH:
    return ERRNO_HOSTUNREACH;
  case EIDRM:
    return ERRNO_IDRM;
  case EILSEQ:
    return ERRNO_ILSEQ;
  case EINPROGRESS:
    return ERRNO_INPROGRESS;
  case EINTR:
    return ERRNO_INTR;
  case EINVAL:
    return ERRNO_INVAL;
  case EIO:
    return ERRNO_IO;
  case EISCONN:
    return ERRNO_ISCONN;
  case EISDIR:
    return ERRNO_ISDIR;
  case ELOOP:
    return ERRNO_LOOP;
  case EMFILE:
    return ERRNO_MFILE;
  case EMLINK:
    return ERRNO_MLINK;
  case EMSGSIZE:
    return ERRNO_MSGSIZE;
  case EMULTIHOP:
    return ERRNO_MULTIHOP;
  case ENAMETOOLONG:
    return ERRNO_NAMETOOLONG;
  case ENETDOWN:
    return ERRNO_NETDOWN;
  case ENETRESET:
    return ERRNO_NETRESET;
  case ENETUNREACH:
    return ERRNO_NETUNREACH;
  case ENFILE:
    return ERRNO_NFILE;
  case ENOBUFS:
    return ERRNO_NOBUFS;
  case ENODEV:
    return ERRNO_NODEV;
  case ENOENT:
    return ERRNO_NOENT;
  case ENOEXEC:
    return ERRNO_NOEXEC;
  case ENOLCK:
    return ERRNO_NOLCK;
  case ENOLINK:
    return ERRNO_NOLINK;
  case ENOMEM:
    return ERRNO_NOMEM;
  case ENOMSG:
    return ERRNO_NOMSG;
  case ENOPROTOOPT:
    return ERRNO_NOPROTOOPT;
  case ENOSPC:
    return ERRNO_NOSPC;
  case ENOSYS:
    return ERRNO_NOSYS;
  case ENOTCONN:
    return ERRNO_NOTCONN;
  case ENOTDIR:
    return ERRNO_NOTDIR;
  case ENOTEMPTY:
    return ERRNO_NOTEMPTY;
  case ENOTRECOVERABLE:
    return ERRNO_NOTRECOVERABLE;
  case ENOTSOCK:
    return ERRNO_NOTSOCK;
  case EOPNOTSUPP:
    return ERRNO_NOTSUP; // == ENOTSUP on Linux
  case ENOTTY:
    return ERRNO_NOTTY;
  case ENXIO:
    return ERRNO_NXIO;
  case EOVERFLOW:
    return ERRNO_OVERFLOW;
  case EOWNERDEAD:
    return ERRNO_OWNERDEAD;
  case EPERM:
    return ERRNO_PERM;
  case EPIPE:
    return ERRNO_PIPE;
  case EPROTO:
    return ERRNO_PROTO;
  case EPROTONOSUPPORT:
    return ERRNO_PROTONOSUPPORT;
  case EPROTOTYPE:
    return ERRNO_PROTOTYPE;
  case ERANGE:
    return ERRNO_RANGE;
  case EROFS:
    return ERRNO_ROFS;
  case ESPIPE:
    return ERRNO_SPIPE;
  case ESRCH:
    return ERRNO_SRCH;
  case ESTALE:
    return ERRNO_STALE;
  case ETIMEDOUT:
    return ERRNO_TIMEDOUT;
  case ETXTBSY:
    return ERRNO_TXTBSY;
  case EXDEV:
    return ERRNO_XDEV;
  // Linux-only values: the closest WASI meaning.
  case EHOSTDOWN:
    return ERRNO_HOSTUNREACH;
  case ENONET:
    return ERRNO_NETUNREACH;
  case EPFNOSUPPORT:
    return ERRNO_AFNOSUPPORT;
  case ESOCKTNOSUPPORT:
    return ERRNO_PROTONOSUPPORT;
  case ESHUTDOWN:
    return ERRNO_PIPE;
  case ESTRPIPE:
    return ERRNO_PIPE;
  case ETOOMANYREFS:
    return ERRNO_NFILE;
  case ETIME:
    return ERRNO_TIMEDOUT;
  case EBADFD:
    return ERRNO_BADF;
  case ENOTBLK:
    return ERRNO_NOTSUP;
  case ENOMEDIUM:
    return ERRNO_NODEV;
  case EMEDIUMTYPE:
    return ERRNO_NODEV;
  case ENOPKG:
    return ERRNO_NOSYS;
  case ENOTUNIQ:
    return ERRNO_ADDRINUSE;
  case ERESTART:
    return ERRNO_INTR;
  case EUSERS:
    return ERRNO_NFILE;
  case ELIBACC:
  case ELIBBAD:
  case ELIBSCN:
  case ELIBMAX:
  case ELIBEXEC:
    return ERRNO_NOEXEC;
  case ENODATA:
    return ERRNO_NOMSG;
  case ENOSR:
    return ERRNO_NOBUFS;
  case ENOSTR:
    return ERRNO_NOTSUP;
  case ECHRNG:
    return ERRNO_RANGE;
  case EREMOTE:
    return ERRNO_NOTSUP;
  case EREMCHG:
    return ERRNO_ADDRNOTAVAIL;
  case EISNAM:
    return ERRNO_ISDIR;
  case EKEYEXPIRED:
  case EKEYREJECTED:
  case EKEYREVOKED:
  case ENOKEY:
    return ERRNO_ACCES;
  case EHWPOISON:
    return ERRNO_IO;
  default:
    return ERRNO_IO;
  }
}

} // namespace wmc::wasi::detail
