// C using memory 1 and 2 through raw address spaces compiles through the
// plugin at every -O level and with -g, without a crash, and the object
// carries the marker imports, the .wmc.m<k> segments and wmc.memories.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O0 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.O0.o
// RUN: wasm-objdump -x %t.O0.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O1 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c %s -o %t.O1.o
// RUN: wasm-objdump -x %t.O1.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c %s -o %t.O2.o
// RUN: wasm-objdump -x %t.O2.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O3 -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c %s -o %t.O3.o
// RUN: wasm-objdump -x %t.O3.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -Os -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c %s -o %t.Os.o
// RUN: wasm-objdump -x %t.Os.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -Oz -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c %s -o %t.Oz.o
// RUN: wasm-objdump -x %t.Oz.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 -g -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -mllvm -wmc-rodata=auto -c %s -o %t.O2g.o
// RUN: wasm-objdump -x %t.O2g.o | FileCheck %s
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O0 -g -Xclang -load -Xclang %pass-plugin -fpass-plugin=%pass-plugin -c %s -o %t.O0g.o
// RUN: wasm-objdump -x %t.O0g.o | FileCheck %s
// Without the plugin the backend cannot compile this file at all:
// RUN: not %clang --target=wasm32-wasi -Wno-deprecated -O2 -c %s -o %t.plain.o 2>&1 | FileCheck %s --check-prefix=PLAIN

// CHECK-DAG: <- wmc:m1.i32.load
// CHECK-DAG: <- wmc:m1.i32.store
// CHECK-DAG: <- wmc:m2.memory.copy.m1
// CHECK-DAG: <- wmc:m1.memory.fill
// CHECK-DAG: segment[{{[0-9]+}}] <.wmc.m1.table>
// CHECK-DAG: segment[{{[0-9]+}}] <.wmc.m1.counter>
// CHECK-DAG: segment[{{[0-9]+}}] <.wmc.m2.mirror>
// CHECK-DAG: segment[{{[0-9]+}}] <.wmc.m1.big>
// CHECK-DAG: name: "wmc.memories"
// PLAIN: error: Invalid address space for WebAssembly target

#define M1 __attribute__((address_space(101)))
#define M2 __attribute__((address_space(102)))

struct point { char tag; int x; double y; long long z; };

int M1 table[256];
int M1 counter = 42;
struct point M1 points[8];
int M2 mirror[256];
char M1 big[70000]; // zero-initialized: still a .wmc.m1 segment
_Bool M1 flags[4];
unsigned short M1 halves[16];
float M1 floats[4];
double M1 doubles[4];
int M1 *M1 chain; // a pointer in memory 1 to memory 1

static const unsigned char weights[16] = {3, 1, 4, 1, 5, 9, 2, 6,
                                          5, 3, 5, 8, 9, 7, 9, 3};

int sum(int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += table[i & 255] * weights[i & 15];
  return s;
}

void fill(int v) {
  for (int i = 0; i < 256; i++)
    table[i] = v + i;
  __builtin_memset(big, 0, sizeof big);
}

void copy_out(void) {
  __builtin_memcpy(mirror, table, sizeof table);
}

int M1 *find(int M1 *p, int n, int v) {
  for (int i = 0; i < n; i++)
    if (p[i] == v)
      return p + i;
  return 0;
}

double mix(int i) {
  struct point p = points[i & 7];      // aggregate copy out of memory 1
  points[(i + 1) & 7] = p;              // and back
  flags[i & 3] = !flags[i & 3];
  halves[i & 15] += 1;
  floats[i & 3] *= 2.0f;
  doubles[i & 3] += p.y;
  return p.y + p.x + p.z + halves[i & 15] + floats[i & 3];
}

int follow(void) {
  chain = &table[3];
  return *chain + counter++;
}

int classify(int c) {
  // A switch that SimplifyCFG turns into a private lookup table.
  switch (c) {
  case 0: return 10;
  case 1: return 22;
  case 2: return 35;
  case 3: return 41;
  case 4: return 57;
  case 5: return 63;
  default: return -1;
  }
}
