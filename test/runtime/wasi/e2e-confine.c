// A real C program (clang-22, wasi-libc) trying to leave its preopened
// directory on wmc_wasi through wasm2c: "..", absolute paths and symlinks
// planted by the host (to /etc, to a file beside the preopen) all fail, and
// nothing outside the preopen is read, created, moved or removed.
// REQUIRES: wasm2c-host
// RUN: %clang --target=wasm32-wasi -O1 %s -o %t.wasm
// RUN: %w2c-build %t.wasm %t.exe
// RUN: rm -rf %t.dir && mkdir -p %t.dir/root/sub && echo secret > %t.dir/secret.txt
// RUN: echo inside > %t.dir/root/inside.txt && ln -s /etc %t.dir/root/etc-link
// RUN: ln -s ../secret.txt %t.dir/root/up-link && ln -s sub/.. %t.dir/root/self-link
// RUN: cd %t.dir/root && %t.exe --dir . -- prog > %t.out
// RUN: FileCheck %s < %t.out
// RUN: cd %t.dir/root && env WMC_WASI_RESOLVER=walk %t.exe --dir . -- prog > %t.walk
// RUN: diff %t.out %t.walk
// RUN: test ! -e %t.dir/evil && test ! -e %t.dir/moved.txt && test -f %t.dir/secret.txt
// RUN: test -f %t.dir/root/inside.txt && test ! -e %t.dir/root/abs
// wasi-libc itself finds no preopen for an absolute path outside them:
// CHECK: /etc/passwd: No such file or directory
// CHECK-NEXT: ../secret.txt: Capabilities insufficient
// CHECK-NEXT: sub/../../secret.txt: Capabilities insufficient
// CHECK-NEXT: etc-link/passwd: Capabilities insufficient
// CHECK-NEXT: up-link: Capabilities insufficient
// CHECK-NEXT: opendir ..: Capabilities insufficient
// CHECK-NEXT: stat ../secret.txt: Capabilities insufficient
// CHECK-NEXT: stat etc-link/hostname: Capabilities insufficient
// CHECK-NEXT: lstat etc-link: ok, symlink 1
// CHECK-NEXT: mkdir ../evil: Capabilities insufficient
// CHECK-NEXT: mkdir etc-link/evil: Capabilities insufficient
// CHECK-NEXT: rename out: Capabilities insufficient
// CHECK-NEXT: unlink ../secret.txt: Capabilities insufficient
// CHECK-NEXT: symlink /etc/passwd: Operation not permitted
// CHECK-NEXT: O_NOFOLLOW etc-link: Symbolic link loop
// CHECK-NEXT: sub/../inside.txt: inside
// CHECK-NEXT: self-link/inside.txt: inside
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void tryOpen(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    printf("%s: %s\n", path, strerror(errno));
    return;
  }
  char line[64] = {0};
  fgets(line, sizeof line, f);
  line[strcspn(line, "\n")] = 0;
  fclose(f);
  printf("%s: %s\n", path, line);
}

static const char *res(int r) { return r == 0 ? "ok?!" : strerror(errno); }

int main(void) {
  struct stat st;
  tryOpen("/etc/passwd");
  tryOpen("../secret.txt");
  tryOpen("sub/../../secret.txt");
  tryOpen("etc-link/passwd");
  tryOpen("up-link");
  DIR *d = opendir("..");
  printf("opendir ..: %s\n", d ? "ok?!" : strerror(errno));
  printf("stat ../secret.txt: %s\n", res(stat("../secret.txt", &st)));
  printf("stat etc-link/hostname: %s\n", res(stat("etc-link/hostname", &st)));
  int r = lstat("etc-link", &st);
  printf("lstat etc-link: %s, symlink %d\n", r ? strerror(errno) : "ok",
         S_ISLNK(st.st_mode));
  printf("mkdir ../evil: %s\n", res(mkdir("../evil", 0755)));
  printf("mkdir etc-link/evil: %s\n", res(mkdir("etc-link/evil", 0755)));
  printf("rename out: %s\n", res(rename("inside.txt", "../moved.txt")));
  printf("unlink ../secret.txt: %s\n", res(unlink("../secret.txt")));
  printf("symlink /etc/passwd: %s\n", res(symlink("/etc/passwd", "abs")));
  int fd = open("etc-link", O_RDONLY | O_NOFOLLOW);
  printf("O_NOFOLLOW etc-link: %s\n", fd < 0 ? strerror(errno) : "ok?!");
  tryOpen("sub/../inside.txt");
  tryOpen("self-link/inside.txt");
  return 0;
}
