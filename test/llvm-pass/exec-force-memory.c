// The test flag -wmc-force-memory=K end to end: a program whose internal
// globals are read and written (scalars, arrays, structs, bit fields,
// zero-initialized data, constants, copies between them and the stack)
// prints the same output with every non-escaping global in memory 2 as
// without the flag, on wmc-run and on node; the module then really accesses
// memory 2 (wasm2wat), and a global whose address escapes stays in memory 0.
// RUN: %wmc-cc -O2 %s -o %t.plain.wasm
// RUN: %wmc-cc -O2 -mllvm -wmc-force-memory=2 -mllvm -wmc-force-memory-report %s -o %t.force.wasm 2> %t.report
// RUN: FileCheck %s --check-prefix=REPORT < %t.report
// RUN: %wmc-cc -O0 -mllvm -wmc-force-memory=2 %s -o %t.force0.wasm
// RUN: %run-node %t.plain.wasm > %t.plain.out
// RUN: FileCheck %s --check-prefix=OUT < %t.plain.out
// RUN: %wmc-run %t.force.wasm > %t.force.run.out
// RUN: %run-node %t.force.wasm > %t.force.node.out
// RUN: %wmc-run %t.force0.wasm > %t.force0.run.out
// RUN: diff %t.plain.out %t.force.run.out
// RUN: diff %t.plain.out %t.force.node.out
// RUN: diff %t.plain.out %t.force0.run.out
// RUN: %wasm2wat %t.force.wasm | FileCheck %s --check-prefix=WAT
// RUN: %wasm2wat %t.plain.wasm | FileCheck %s --check-prefix=PLAIN
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct rec {
  int16_t a;
  uint32_t b : 11, c : 7;
  int64_t d;
};

static volatile uint32_t counter = 7;
static int64_t hist[16];
static struct rec recs[4] = {{1, 2, 3, 4}, {-5, 6, 7, -8}};
static uint8_t bytes[64];
static const uint16_t weights[8] = {3, 1, 4, 1, 5, 9, 2, 6};
static int escaped = 42;

static int *volatile sink;

int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 100 + argc; i++) {
    counter = counter * 1103515245u + 12345u;
    hist[counter % 16] += weights[i % 8];
    recs[i % 4].c += (unsigned)i;
    recs[(i + 1) % 4].b ^= counter;
    recs[i % 4].d -= recs[(i + 3) % 4].a;
  }
  memset(bytes, 0x5a, sizeof bytes / 2);
  memcpy(bytes + 32, &recs[1], sizeof recs[1]);
  struct rec local;
  memcpy(&local, &recs[0], sizeof local);
  recs[3] = local;
  sink = &escaped;
  *sink += 1;
  uint64_t h = 1469598103934665603ull;
  for (unsigned i = 0; i < sizeof bytes; i++)
    h = (h ^ bytes[i]) * 1099511628211ull;
  for (int i = 0; i < 16; i++)
    h = (h ^ (uint64_t)hist[i]) * 1099511628211ull;
  printf("counter %u\n", (unsigned)counter);
  printf("recs %d %u %u %lld / %d %u %u %lld\n", recs[1].a, recs[1].b,
         recs[1].c, (long long)recs[1].d, recs[3].a, recs[3].b, recs[3].c,
         (long long)recs[3].d);
  printf("escaped %d hash %016llx\n", escaped, (unsigned long long)h);
  return 0;
}

// OUT: counter {{[0-9]+}}
// OUT: recs -5 {{[0-9]+}} {{[0-9]+}} {{-?[0-9]+}} / 1
// OUT: escaped 43 hash {{[0-9a-f]+}}
// REPORT-DAG: wmc-force-memory: moved 'counter' (4 bytes,
// REPORT-DAG: wmc-force-memory: moved 'hist' (128 bytes,
// REPORT-DAG: wmc-force-memory: moved 'recs' (
// REPORT-DAG: wmc-force-memory: moved 'bytes' (64 bytes,
// REPORT-DAG: wmc-force-memory: kept 'escaped' in memory 0: address stored to memory
// REPORT: wmc-force-memory: {{[4-9]}} of {{[0-9]+}} globals moved to memory 2
// WAT-DAG: i32.load $mem2
// WAT-DAG: i64.store $mem2
// WAT-DAG: memory.fill $mem2
// WAT-DAG: memory.copy $mem2
// WAT: (memory $mem2
// WAT: (data $.wmc.m2.recs $mem2
// PLAIN-NOT: mem2
