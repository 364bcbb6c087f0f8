/* main() for a wasm2c-converted wasm32-wasi module named "prog", running it
 * on wmc_wasi through runtime/src/wasi/test/Wasm2cHost.cpp. Traps print
 * "wasm trap: <reason>" and exit with 134. See w2c-build.sh. */
#include <stdio.h>

#include "prog.h"
#include "wasm-rt-impl.h"

struct Z_wasi_snapshot_preview1_instance_t *wmc_w2c_wasi_init(int argc,
                                                              char **argv);
void wmc_w2c_wasi_attach(struct Z_wasi_snapshot_preview1_instance_t *wasi,
                         wasm_rt_memory_t *memory);

int main(int argc, char **argv) {
  struct Z_wasi_snapshot_preview1_instance_t *wasi =
      wmc_w2c_wasi_init(argc, argv);
  static Z_prog_instance_t instance;
  wasm_rt_init();
  Z_prog_init_module();
  Z_prog_instantiate(&instance, wasi);
  wmc_w2c_wasi_attach(wasi, Z_progZ_memory(&instance));
  wasm_rt_trap_t trap = wasm_rt_impl_try();
  if (trap != WASM_RT_TRAP_NONE) {
    fflush(stdout);
    fprintf(stderr, "wasm trap: %s\n", wasm_rt_strerror(trap));
    return 134;
  }
  Z_progZ__start(&instance);
  return 0;
}
