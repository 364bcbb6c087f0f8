//===- runtime/src/wasi/test/Wasm2cHost.cpp - wmc_wasi under wasm2c -------===//
//
// Test-only host that runs real wasm32-wasi programs on this WASI library
// without the engine: wabt's wasm2c turns the module into C, whose
// `wasi_snapshot_preview1` imports are the functions defined here, each
// forwarding to Context::lookup(name)->Call with memory 0 as GuestMemory.
// test/runtime/wasi/Inputs/w2c-build.sh links a converted module with this
// file, wmc_wasi and wabt's wasm-rt runtime; the e2e-*.c lit tests then run
// C programs built with plain clang-22 and compare with node 26.
//
// The definitions below follow the wasm2c 1.0.32 naming scheme
// (Z_<module>Z_<name>) and were generated from `wmc-wasi-selftest
// signatures` (i -> u32, I -> u64).
//===----------------------------------------------------------------------===//
#include "Internal.h"
#include "Wasi.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <stdexcept>
#include <wasm-rt.h>

using u32 = uint32_t;
using u64 = uint64_t;

/// The "instance" of the wasi_snapshot_preview1 module wasm2c passes to
/// every import.
extern "C" struct Z_wasi_snapshot_preview1_instance_t {
  wmc::wasi::Context *Ctx = nullptr;
  wasm_rt_memory_t *Memory = nullptr;
};

namespace {

u32 call(Z_wasi_snapshot_preview1_instance_t *I, const char *Name,
         std::initializer_list<u64> Args) {
  const wmc::wasi::Function *F = wmc::wasi::Context::lookup(Name);
  if (!F || !I->Memory) {
    std::fprintf(stderr, "w2c host: no WASI function %s\n", Name);
    std::abort();
  }
  wmc::wasi::GuestMemory GM;
  GM.Base = I->Memory->data;
  GM.Size = I->Memory->size;
  u64 Values[16] = {};
  size_t N = 0;
  for (u64 V : Args)
    Values[N++] = V;
  wmc::wasi::Outcome O = F->Call(*I->Ctx, GM, Values);
  if (O.K == wmc::wasi::Outcome::Exit) {
    std::fflush(nullptr);
    std::exit(static_cast<int>(O.Value));
  }
  return O.Value;
}

} // namespace

extern "C" {

/// Parses `[--dir HOST[::GUEST]]... [--env K=V]... [--] NAME [ARGS...]`
/// and creates the WASI context (guest argv = NAME ARGS...). The resolver
/// is openat2 unless WMC_WASI_RESOLVER=walk.
Z_wasi_snapshot_preview1_instance_t *wmc_w2c_wasi_init(int Argc, char **Argv) {
  wmc::wasi::Options O;
  int I = 1;
  for (; I < Argc; ++I) {
    std::string A = Argv[I];
    if (A == "--") {
      ++I;
      break;
    }
    if (A == "--dir" && I + 1 < Argc) {
      std::string D = Argv[++I];
      size_t Sep = D.find("::");
      if (Sep == std::string::npos)
        O.Preopens.push_back({D, D});
      else
        O.Preopens.push_back({D.substr(0, Sep), D.substr(Sep + 2)});
    } else if (A == "--env" && I + 1 < Argc) {
      O.Env.push_back(Argv[++I]);
    } else {
      break;
    }
  }
  for (; I < Argc; ++I)
    O.Args.push_back(Argv[I]);
  if (O.Args.empty())
    O.Args.push_back("prog");
  // Test hook: WMC_WASI_RESOLVER=walk forces the fallback path resolver.
  if (const char *R = std::getenv("WMC_WASI_RESOLVER");
      R && std::strcmp(R, "walk") == 0)
    wmc::wasi::detail::setResolverMode(wmc::wasi::detail::ResolverMode::Walk);
  auto *Inst = new Z_wasi_snapshot_preview1_instance_t;
  try {
    Inst->Ctx = new wmc::wasi::Context(std::move(O));
  } catch (const std::exception &E) {
    std::fprintf(stderr, "error: %s\n", E.what());
    std::exit(2);
  }
  return Inst;
}

/// Gives the imports the module's memory 0 once it is instantiated.
void wmc_w2c_wasi_attach(Z_wasi_snapshot_preview1_instance_t *I,
                         wasm_rt_memory_t *Memory) {
  I->Memory = Memory;
}

u32 Z_wasi_snapshot_preview1Z_args_get(Z_wasi_snapshot_preview1_instance_t *I,
                                       u32 A0, u32 A1) {
  return call(I, "args_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_args_sizes_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "args_sizes_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_clock_res_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "clock_res_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_clock_time_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u64 A1, u32 A2) {
  return call(I, "clock_time_get", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_environ_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "environ_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_environ_sizes_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "environ_sizes_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_advise(Z_wasi_snapshot_preview1_instance_t *I,
                                        u32 A0, u64 A1, u64 A2, u32 A3) {
  return call(I, "fd_advise", {A0, A1, A2, A3});
}
u32 Z_wasi_snapshot_preview1Z_fd_allocate(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u64 A1, u64 A2) {
  return call(I, "fd_allocate", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_fd_close(Z_wasi_snapshot_preview1_instance_t *I,
                                       u32 A0) {
  return call(I, "fd_close", {A0});
}
u32 Z_wasi_snapshot_preview1Z_fd_datasync(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0) {
  return call(I, "fd_datasync", {A0});
}
u32 Z_wasi_snapshot_preview1Z_fd_fdstat_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "fd_fdstat_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_flags(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "fd_fdstat_set_flags", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_fdstat_set_rights(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u64 A1, u64 A2) {
  return call(I, "fd_fdstat_set_rights", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_fd_filestat_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "fd_filestat_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_size(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u64 A1) {
  return call(I, "fd_filestat_set_size", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_filestat_set_times(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u64 A1, u64 A2, u32 A3) {
  return call(I, "fd_filestat_set_times", {A0, A1, A2, A3});
}
u32 Z_wasi_snapshot_preview1Z_fd_pread(Z_wasi_snapshot_preview1_instance_t *I,
                                       u32 A0, u32 A1, u32 A2, u64 A3, u32 A4) {
  return call(I, "fd_pread", {A0, A1, A2, A3, A4});
}
u32 Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2) {
  return call(I, "fd_prestat_dir_name", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_fd_prestat_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "fd_prestat_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_pwrite(Z_wasi_snapshot_preview1_instance_t *I,
                                        u32 A0, u32 A1, u32 A2, u64 A3,
                                        u32 A4) {
  return call(I, "fd_pwrite", {A0, A1, A2, A3, A4});
}
u32 Z_wasi_snapshot_preview1Z_fd_read(Z_wasi_snapshot_preview1_instance_t *I,
                                      u32 A0, u32 A1, u32 A2, u32 A3) {
  return call(I, "fd_read", {A0, A1, A2, A3});
}
u32 Z_wasi_snapshot_preview1Z_fd_readdir(Z_wasi_snapshot_preview1_instance_t *I,
                                         u32 A0, u32 A1, u32 A2, u64 A3,
                                         u32 A4) {
  return call(I, "fd_readdir", {A0, A1, A2, A3, A4});
}
u32 Z_wasi_snapshot_preview1Z_fd_renumber(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "fd_renumber", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_seek(Z_wasi_snapshot_preview1_instance_t *I,
                                      u32 A0, u64 A1, u32 A2, u32 A3) {
  return call(I, "fd_seek", {A0, A1, A2, A3});
}
u32 Z_wasi_snapshot_preview1Z_fd_sync(Z_wasi_snapshot_preview1_instance_t *I,
                                      u32 A0) {
  return call(I, "fd_sync", {A0});
}
u32 Z_wasi_snapshot_preview1Z_fd_tell(Z_wasi_snapshot_preview1_instance_t *I,
                                      u32 A0, u32 A1) {
  return call(I, "fd_tell", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_fd_write(Z_wasi_snapshot_preview1_instance_t *I,
                                       u32 A0, u32 A1, u32 A2, u32 A3) {
  return call(I, "fd_write", {A0, A1, A2, A3});
}
u32 Z_wasi_snapshot_preview1Z_path_create_directory(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2) {
  return call(I, "path_create_directory", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_path_filestat_get(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2, u32 A3,
    u32 A4) {
  return call(I, "path_filestat_get", {A0, A1, A2, A3, A4});
}
u32 Z_wasi_snapshot_preview1Z_path_filestat_set_times(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2, u32 A3,
    u64 A4, u64 A5, u32 A6) {
  return call(I, "path_filestat_set_times", {A0, A1, A2, A3, A4, A5, A6});
}
u32 Z_wasi_snapshot_preview1Z_path_link(Z_wasi_snapshot_preview1_instance_t *I,
                                        u32 A0, u32 A1, u32 A2, u32 A3, u32 A4,
                                        u32 A5, u32 A6) {
  return call(I, "path_link", {A0, A1, A2, A3, A4, A5, A6});
}
u32 Z_wasi_snapshot_preview1Z_path_open(Z_wasi_snapshot_preview1_instance_t *I,
                                        u32 A0, u32 A1, u32 A2, u32 A3, u32 A4,
                                        u64 A5, u64 A6, u32 A7, u32 A8) {
  return call(I, "path_open", {A0, A1, A2, A3, A4, A5, A6, A7, A8});
}
u32 Z_wasi_snapshot_preview1Z_path_readlink(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2, u32 A3,
    u32 A4, u32 A5) {
  return call(I, "path_readlink", {A0, A1, A2, A3, A4, A5});
}
u32 Z_wasi_snapshot_preview1Z_path_remove_directory(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2) {
  return call(I, "path_remove_directory", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_path_rename(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2, u32 A3,
    u32 A4, u32 A5) {
  return call(I, "path_rename", {A0, A1, A2, A3, A4, A5});
}
u32 Z_wasi_snapshot_preview1Z_path_symlink(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2, u32 A3,
    u32 A4) {
  return call(I, "path_symlink", {A0, A1, A2, A3, A4});
}
u32 Z_wasi_snapshot_preview1Z_path_unlink_file(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2) {
  return call(I, "path_unlink_file", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_poll_oneoff(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2, u32 A3) {
  return call(I, "poll_oneoff", {A0, A1, A2, A3});
}
void Z_wasi_snapshot_preview1Z_proc_exit(Z_wasi_snapshot_preview1_instance_t *I,
                                         u32 A0) {
  call(I, "proc_exit", {A0});
}
u32 Z_wasi_snapshot_preview1Z_proc_raise(Z_wasi_snapshot_preview1_instance_t *I,
                                         u32 A0) {
  return call(I, "proc_raise", {A0});
}
u32 Z_wasi_snapshot_preview1Z_random_get(Z_wasi_snapshot_preview1_instance_t *I,
                                         u32 A0, u32 A1) {
  return call(I, "random_get", {A0, A1});
}
u32 Z_wasi_snapshot_preview1Z_sched_yield(
    Z_wasi_snapshot_preview1_instance_t *I) {
  return call(I, "sched_yield", {});
}
u32 Z_wasi_snapshot_preview1Z_sock_accept(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1, u32 A2) {
  return call(I, "sock_accept", {A0, A1, A2});
}
u32 Z_wasi_snapshot_preview1Z_sock_recv(Z_wasi_snapshot_preview1_instance_t *I,
                                        u32 A0, u32 A1, u32 A2, u32 A3, u32 A4,
                                        u32 A5) {
  return call(I, "sock_recv", {A0, A1, A2, A3, A4, A5});
}
u32 Z_wasi_snapshot_preview1Z_sock_send(Z_wasi_snapshot_preview1_instance_t *I,
                                        u32 A0, u32 A1, u32 A2, u32 A3,
                                        u32 A4) {
  return call(I, "sock_send", {A0, A1, A2, A3, A4});
}
u32 Z_wasi_snapshot_preview1Z_sock_shutdown(
    Z_wasi_snapshot_preview1_instance_t *I, u32 A0, u32 A1) {
  return call(I, "sock_shutdown", {A0, A1});
}

} // extern "C"
