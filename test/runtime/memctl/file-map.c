// Memory control on memory 0 from C (plain clang, builtins declared as
// imports): map a file private copy-on-write (content visible, bytes past
// end of file zero, guest writes private, the file unchanged, unmap drops
// the tie), map errnos, host writes into read-only / no-access pages
// returning EFAULT, discard reading zero, and a final store into a read
// page trapping. The same module runs in node 26 and bun through the
// polyfill (strict mode for the final trap) with the same output.
// RUN: %clang --target=wasm32-wasi -Wno-deprecated -O2 %s -o %t.wasm
// RUN: rm -rf %t.dir && mkdir -p %t.dir && printf 'hello from the file' > %t.dir/f.txt
// RUN: cd %t.dir && not %wmc-run --dir .::. %t.wasm f.txt > %t.out 2>&1; cat %t.out | FileCheck %s
// RUN: cat %t.dir/f.txt | FileCheck %s --check-prefix=FILE
// RUN: cd %t.dir && not %run-node --strict %t.wasm f.txt > %t.node 2>&1; cat %t.node | FileCheck %s
// RUN: cd %t.dir && not %run-bun --strict %t.wasm f.txt > %t.bun 2>&1; cat %t.bun | FileCheck %s
// CHECK: page_size=4096
// CHECK-NEXT: map=0 content=hello from the file tail=0 next=0
// CHECK-NEXT: after write: Jello
// CHECK-NEXT: after unmap: 0 0
// CHECK-NEXT: file: hello from the file
// CHECK-NEXT: ebadf=8 enodev=43 einval=28 anon=0
// CHECK-NEXT: read into read-only page: -1 EFAULT, page still 0
// CHECK-NEXT: write from no-access page: -1 EFAULT
// CHECK-NEXT: discard: 0 0
// CHECK-NEXT: wasm trap: write to read-only memory (memory 0, address 0x{{[0-9a-f]+}}
// FILE: hello from the file
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MEMCTL(name) __attribute__((import_module("wasm:memctl"), import_name(name)))
MEMCTL("map.0") int wmc_map(void *addr, uint32_t len, int fd, int64_t off, int prot);
MEMCTL("unmap.0") void wmc_unmap(void *addr, uint32_t len);
MEMCTL("protect.0") void wmc_protect(void *addr, uint32_t len, int prot);
MEMCTL("discard.0") void wmc_discard(void *addr, uint32_t len);
MEMCTL("page_size") int wmc_page_size(void);

int main(int argc, char **argv) {
  int ps = wmc_page_size();
  printf("page_size=%d\n", ps);
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  volatile char *buf = aligned_alloc(4096, 4 * 4096);
  memset((char *)buf, 'x', 4 * 4096);
  int r = wmc_map((char *)buf, 2 * 4096, fd, 0, 3);
  printf("map=%d content=%.19s tail=%d next=%d\n", r, (char *)buf, buf[19],
         buf[4096 + 100]);
  buf[0] = 'J';
  printf("after write: %.5s\n", (char *)buf);
  wmc_unmap((char *)buf, 2 * 4096);
  printf("after unmap: %d %d\n", buf[0], buf[5]);
  char rd[32] = {0};
  pread(fd, rd, 19, 0);
  printf("file: %s\n", rd);
  printf("ebadf=%d enodev=%d einval=%d anon=%d\n",
         wmc_map((char *)buf, 4096, 99, 0, 3), wmc_map((char *)buf, 4096, 1, 0, 3),
         wmc_map((char *)buf, 4096, fd, 1, 3),
         wmc_map((char *)buf, 4096, -1, 0, 3));
  wmc_protect((char *)buf, 4096, 1);
  errno = 0;
  ssize_t n = read(fd, (char *)buf, 4);
  printf("read into read-only page: %zd %s, page still %d\n", n,
         errno == EFAULT ? "EFAULT" : strerror(errno), buf[0]);
  wmc_protect((char *)buf, 4096, 0);
  fflush(stdout);
  errno = 0;
  n = write(1, (char *)buf, 4);
  int e = errno;
  wmc_protect((char *)buf, 4096, 3);
  printf("write from no-access page: %zd %s\n", n,
         e == EFAULT ? "EFAULT" : strerror(e));
  memset((char *)buf + 4096, 7, 4096);
  wmc_discard((char *)buf + 4096, 4096);
  printf("discard: %d %d\n", buf[4096], buf[8191]);
  fflush(stdout);
  wmc_protect((char *)buf + 8192, 4096, 1);
  buf[8192 + 1] = 1; // traps
  printf("not reached\n");
  return 0;
}
