//===- wasi/Calls.h - preview1 function declarations -------*- C++ -*-===//
//
// One declaration per implemented wasi_snapshot_preview1 function. Each takes
// the wasm arguments in order (i32 zero-extended to 64 bits) and returns the
// WASI errno as an Outcome (proc_exit returns Outcome::Exit). The table that
// pairs them with their names and wasm types is in Wasi.cpp.
//===----------------------------------------------------------------------===//
#ifndef WMC_RUNTIME_WASI_CALLS_H
#define WMC_RUNTIME_WASI_CALLS_H

#include "Wasi.h"

namespace wmc::wasi::calls {

#define WMC_WASI_CALL(Name)                                                    \
  Outcome Name([[maybe_unused]] Context &Ctx,                                  \
               [[maybe_unused]] GuestMemory &GM,                               \
               [[maybe_unused]] const uint64_t *A)

// ProcCalls.cpp
WMC_WASI_CALL(args_get);
WMC_WASI_CALL(args_sizes_get);
WMC_WASI_CALL(environ_get);
WMC_WASI_CALL(environ_sizes_get);
WMC_WASI_CALL(clock_res_get);
WMC_WASI_CALL(clock_time_get);
WMC_WASI_CALL(random_get);
WMC_WASI_CALL(proc_exit);
WMC_WASI_CALL(proc_raise);
WMC_WASI_CALL(sched_yield);
WMC_WASI_CALL(sock_accept);
WMC_WASI_CALL(sock_recv);
WMC_WASI_CALL(sock_send);
WMC_WASI_CALL(sock_shutdown);
// FdCalls.cpp
WMC_WASI_CALL(fd_advise);
WMC_WASI_CALL(fd_allocate);
WMC_WASI_CALL(fd_close);
WMC_WASI_CALL(fd_datasync);
WMC_WASI_CALL(fd_fdstat_get);
WMC_WASI_CALL(fd_fdstat_set_flags);
WMC_WASI_CALL(fd_fdstat_set_rights);
WMC_WASI_CALL(fd_filestat_get);
WMC_WASI_CALL(fd_filestat_set_size);
WMC_WASI_CALL(fd_filestat_set_times);
WMC_WASI_CALL(fd_pread);
WMC_WASI_CALL(fd_prestat_get);
WMC_WASI_CALL(fd_prestat_dir_name);
WMC_WASI_CALL(fd_pwrite);
WMC_WASI_CALL(fd_read);
WMC_WASI_CALL(fd_readdir);
WMC_WASI_CALL(fd_renumber);
WMC_WASI_CALL(fd_seek);
WMC_WASI_CALL(fd_sync);
WMC_WASI_CALL(fd_tell);
WMC_WASI_CALL(fd_write);
// PathCalls.cpp
WMC_WASI_CALL(path_create_directory);
WMC_WASI_CALL(path_filestat_get);
WMC_WASI_CALL(path_filestat_set_times);
WMC_WASI_CALL(path_link);
WMC_WASI_CALL(path_open);
WMC_WASI_CALL(path_readlink);
WMC_WASI_CALL(path_remove_directory);
WMC_WASI_CALL(path_rename);
WMC_WASI_CALL(path_symlink);
WMC_WASI_CALL(path_unlink_file);
// PollCalls.cpp
WMC_WASI_CALL(poll_oneoff);

} // namespace wmc::wasi::calls

#endif // WMC_RUNTIME_WASI_CALLS_H
