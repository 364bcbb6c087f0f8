// References every wasi_snapshot_preview1 function declared by wasi-libc's
// <wasi/api.h>, so the linked module imports all of them with the exact wasm
// signatures wasi-libc uses (imports.test compares them with the host's).
// The calls never run. Generated from /usr/include/wasm32-wasi/wasi/api.h.
#include <wasi/api.h>

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 1000) {
    int E = 0;
    E |= __wasi_args_get(0, 0);
    E |= __wasi_args_sizes_get(0, 0);
    E |= __wasi_environ_get(0, 0);
    E |= __wasi_environ_sizes_get(0, 0);
    E |= __wasi_clock_res_get(0, 0);
    E |= __wasi_clock_time_get(0, 0, 0);
    E |= __wasi_fd_advise(0, 0, 0, 0);
    E |= __wasi_fd_allocate(0, 0, 0);
    E |= __wasi_fd_close(0);
    E |= __wasi_fd_datasync(0);
    E |= __wasi_fd_fdstat_get(0, 0);
    E |= __wasi_fd_fdstat_set_flags(0, 0);
    E |= __wasi_fd_fdstat_set_rights(0, 0, 0);
    E |= __wasi_fd_filestat_get(0, 0);
    E |= __wasi_fd_filestat_set_size(0, 0);
    E |= __wasi_fd_filestat_set_times(0, 0, 0, 0);
    E |= __wasi_fd_pread(0, 0, 0, 0, 0);
    E |= __wasi_fd_prestat_get(0, 0);
    E |= __wasi_fd_prestat_dir_name(0, 0, 0);
    E |= __wasi_fd_pwrite(0, 0, 0, 0, 0);
    E |= __wasi_fd_read(0, 0, 0, 0);
    E |= __wasi_fd_readdir(0, 0, 0, 0, 0);
    E |= __wasi_fd_renumber(0, 0);
    E |= __wasi_fd_seek(0, 0, 0, 0);
    E |= __wasi_fd_sync(0);
    E |= __wasi_fd_tell(0, 0);
    E |= __wasi_fd_write(0, 0, 0, 0);
    E |= __wasi_path_create_directory(0, 0);
    E |= __wasi_path_filestat_get(0, 0, 0, 0);
    E |= __wasi_path_filestat_set_times(0, 0, 0, 0, 0, 0);
    E |= __wasi_path_link(0, 0, 0, 0, 0);
    E |= __wasi_path_open(0, 0, 0, 0, 0, 0, 0, 0);
    E |= __wasi_path_readlink(0, 0, 0, 0, 0);
    E |= __wasi_path_remove_directory(0, 0);
    E |= __wasi_path_rename(0, 0, 0, 0);
    E |= __wasi_path_symlink(0, 0, 0);
    E |= __wasi_path_unlink_file(0, 0);
    E |= __wasi_poll_oneoff(0, 0, 0, 0);
    E |= __wasi_sched_yield();
    E |= __wasi_random_get(0, 0);
    E |= __wasi_sock_accept(0, 0, 0);
    E |= __wasi_sock_recv(0, 0, 0, 0, 0, 0);
    E |= __wasi_sock_send(0, 0, 0, 0, 0);
    E |= __wasi_sock_shutdown(0, 0);
    __wasi_proc_exit(E);
  }
  return 0;
}
