//===- runtime/src/wasi/Wasi.cpp - Context and the preview1 function table ===//
//
// Builds a Context (standard streams, preopened directories) and lists every
// implemented wasi_snapshot_preview1 function with its wasm signature, which
// the engine checks each import against. Signatures follow wasi-libc's
// <wasi/api.h>: pointers, sizes, fds and flags are i32; offsets, lengths of
// files, timestamps, rights and cookies are i64.
//===----------------------------------------------------------------------===//
#include "Calls.h"
#include "Internal.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace wmc::wasi {

using namespace abi;
using namespace detail;

namespace {

#define WMC_FN(Name, Params, Results)                                          \
  { #Name, Params, Results, calls::Name }

/// Sorted by name (checked once in lookup's static initialiser).
constexpr Function Table[] = {
    WMC_FN(args_get, "ii", "i"),
    WMC_FN(args_sizes_get, "ii", "i"),
    WMC_FN(clock_res_get, "ii", "i"),
    WMC_FN(clock_time_get, "iIi", "i"),
    WMC_FN(environ_get, "ii", "i"),
    WMC_FN(environ_sizes_get, "ii", "i"),
    WMC_FN(fd_advise, "iIIi", "i"),
    WMC_FN(fd_allocate, "iII", "i"),
    WMC_FN(fd_close, "i", "i"),
    WMC_FN(fd_datasync, "i", "i"),
    WMC_FN(fd_fdstat_get, "ii", "i"),
    WMC_FN(fd_fdstat_set_flags, "ii", "i"),
    WMC_FN(fd_fdstat_set_rights, "iII", "i"),
    WMC_FN(fd_filestat_get, "ii", "i"),
    WMC_FN(fd_filestat_set_size, "iI", "i"),
    WMC_FN(fd_filestat_set_times, "iIIi", "i"),
    WMC_FN(fd_pread, "iiiIi", "i"),
    WMC_FN(fd_prestat_dir_name, "iii", "i"),
    WMC_FN(fd_prestat_get, "ii", "i"),
    WMC_FN(fd_pwrite, "iiiIi", "i"),
    WMC_FN(fd_read, "iiii", "i"),
    WMC_FN(fd_readdir, "iiiIi", "i"),
    WMC_FN(fd_renumber, "ii", "i"),
    WMC_FN(fd_seek, "iIii", "i"),
    WMC_FN(fd_sync, "i", "i"),
    WMC_FN(fd_tell, "ii", "i"),
    WMC_FN(fd_write, "iiii", "i"),
    WMC_FN(path_create_directory, "iii", "i"),
    WMC_FN(path_filestat_get, "iiiii", "i"),
    WMC_FN(path_filestat_set_times, "iiiiIIi", "i"),
    WMC_FN(path_link, "iiiiiii", "i"),
    WMC_FN(path_open, "iiiiiIIii", "i"),
    WMC_FN(path_readlink, "iiiiii", "i"),
    WMC_FN(path_remove_directory, "iii", "i"),
    WMC_FN(path_rename, "iiiiii", "i"),
    WMC_FN(path_symlink, "iiiii", "i"),
    WMC_FN(path_unlink_file, "iii", "i"),
    WMC_FN(poll_oneoff, "iiii", "i"),
    WMC_FN(proc_exit, "i", ""),
    WMC_FN(proc_raise, "i", "i"),
    WMC_FN(random_get, "ii", "i"),
    WMC_FN(sched_yield, "", "i"),
    WMC_FN(sock_accept, "iii", "i"),
    WMC_FN(sock_recv, "iiiiii", "i"),
    WMC_FN(sock_send, "iiiii", "i"),
    WMC_FN(sock_shutdown, "ii", "i"),
};

#undef WMC_FN

constexpr bool tableIsSorted() {
  for (size_t I = 1; I < std::size(Table); ++I)
    if (!(std::string_view(Table[I - 1].Name) <
          std::string_view(Table[I].Name)))
      return false;
  return true;
}
static_assert(tableIsSorted(), "keep Table sorted by name");

} // namespace

Context::Context(Options O) : S(std::make_unique<State>()) {
  S->Opts = std::move(O);
  for (int Stdio = 0; Stdio < 3; ++Stdio) {
    auto E = std::make_unique<FdEntry>();
    E->HostFd = Stdio;
    E->OwnsHostFd = false;
    struct stat St;
    E->Type = ::fstat(Stdio, &St) == 0 ? filetypeOf(St.st_mode) : FT_UNKNOWN;
    E->RightsBase = baseRightsFor(E->Type, Stdio);
    if (E->Type == FT_DIRECTORY) // stdio is never a base for path lookups
      E->RightsBase &= ~RIGHTS_DIRECTORY | R_FD_FILESTAT_GET;
    S->Fds.push_back(std::move(E));
  }
  for (const Preopen &P : S->Opts.Preopens) {
    std::string Guest = P.GuestPath.empty() ? P.HostPath : P.GuestPath;
    if (P.HostPath.empty() || P.HostPath.find('\0') != std::string::npos)
      throw std::runtime_error("invalid preopened directory path '" +
                               P.HostPath + "'");
    int Fd =
        adoptFd(::open(P.HostPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (Fd < 0)
      throw std::runtime_error("cannot open preopened directory '" +
                               P.HostPath + "': " + std::strerror(errno));
    auto E = std::make_unique<FdEntry>();
    E->HostFd = Fd;
    E->Type = FT_DIRECTORY;
    E->RightsBase = RIGHTS_DIRECTORY;
    E->RightsInheriting = RIGHTS_ALL;
    E->IsPreopen = true;
    E->PreopenName = std::move(Guest);
    S->Fds.push_back(std::move(E));
  }
}

Context::~Context() = default;

const Function *Context::lookup(std::string_view Name) {
  auto It = std::lower_bound(
      std::begin(Table), std::end(Table), Name,
      [](const Function &F, std::string_view N) { return F.Name < N; });
  if (It == std::end(Table) || It->Name != Name)
    return nullptr;
  return It;
}

std::span<const Function> Context::functions() { return Table; }

int Context::hostFd(uint32_t GuestFd, uint64_t RequiredRights) const {
  FdEntry *E;
  if (S->lookup(GuestFd, RequiredRights, E) != ERRNO_SUCCESS)
    return -1;
  return E->HostFd;
}

} // namespace wmc::wasi
