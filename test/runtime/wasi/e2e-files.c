// A real C program (clang-22, wasi-libc) working with files under the
// preopened current directory, on wmc_wasi through wasm2c: stdio and POSIX
// file I/O, seek, stat, append, truncate, O_EXCL, mkdir, rename, readdir,
// symlink/readlink, unlink, rmdir and the errno of failures. node 26 must
// print exactly the same.
// REQUIRES: wasm2c-host
// RUN: %clang --target=wasm32-wasi -O1 %s -o %t.wasm
// RUN: %w2c-build %t.wasm %t.exe
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir && %t.exe --dir . -- prog > %t.out
// RUN: FileCheck %s < %t.out
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir && %run-node %t.wasm > %t.node
// RUN: diff %t.out %t.node
// CHECK: mkdir work: 0
// CHECK-NEXT: wrote 2 lines
// CHECK-NEXT: read: alpha
// CHECK-NEXT: read: beta
// CHECK-NEXT: ftell after seek: 6
// CHECK-NEXT: rest: beta
// CHECK-NEXT: size 11 regular 1 dir 0
// CHECK-NEXT: append: alpha|beta|gamma|
// CHECK-NEXT: truncated size 5
// CHECK-NEXT: O_EXCL: File exists
// CHECK-NEXT: missing: No such file or directory
// CHECK-NEXT: rename: 0, old: No such file or directory
// CHECK-NEXT: symlink: 0 readlink: 5 [b.txt]
// CHECK-NEXT: via link: alpha
// CHECK-NEXT: entries: a.txt? no, b.txt, link, sub
// CHECK-NEXT: pwrite/pread: [XY]
// CHECK-NEXT: rmdir non-empty: Directory not empty
// CHECK-NEXT: cleanup: 0 0 0 0 0
// CHECK-NEXT: gone: No such file or directory
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
  printf("mkdir work: %d\n", mkdir("work", 0755));
  FILE *f = fopen("work/a.txt", "w");
  fputs("alpha\nbeta\n", f);
  fclose(f);
  printf("wrote 2 lines\n");
  char line[64];
  f = fopen("work/a.txt", "r");
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    printf("read: %s\n", line);
  }
  fseek(f, 6, SEEK_SET);
  printf("ftell after seek: %ld\n", ftell(f));
  fgets(line, sizeof line, f);
  line[strcspn(line, "\n")] = 0;
  printf("rest: %s\n", line);
  fclose(f);

  struct stat st;
  stat("work/a.txt", &st);
  printf("size %lld regular %d dir %d\n", (long long)st.st_size,
         S_ISREG(st.st_mode), S_ISDIR(st.st_mode));

  f = fopen("work/a.txt", "a");
  fputs("gamma\n", f);
  fclose(f);
  f = fopen("work/a.txt", "r");
  printf("append: ");
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = 0;
    printf("%s|", line);
  }
  printf("\n");
  fclose(f);

  truncate("work/a.txt", 5);
  stat("work/a.txt", &st);
  printf("truncated size %lld\n", (long long)st.st_size);

  int fd = open("work/a.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
  printf("O_EXCL: %s\n", fd < 0 ? strerror(errno) : "opened?");
  f = fopen("work/missing.txt", "r");
  printf("missing: %s\n", f ? "opened?" : strerror(errno));

  int r = rename("work/a.txt", "work/b.txt");
  printf("rename: %d, old: %s\n", r,
         access("work/a.txt", F_OK) ? strerror(errno) : "exists?");

  int s = symlink("b.txt", "work/link");
  char target[64] = {0};
  ssize_t n = readlink("work/link", target, sizeof target - 1);
  printf("symlink: %d readlink: %zd [%s]\n", s, n, target);
  f = fopen("work/link", "r");
  fgets(line, sizeof line, f);
  fclose(f);
  printf("via link: %s\n", line);

  mkdir("work/sub", 0755);
  DIR *d = opendir("work");
  char *names[16];
  int count = 0;
  struct dirent *e;
  while ((e = readdir(d)) && count < 16)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      names[count++] = strdup(e->d_name);
  closedir(d);
  qsort(names, count, sizeof *names, cmp);
  printf("entries: a.txt? %s", access("work/a.txt", F_OK) ? "no" : "yes");
  for (int i = 0; i < count; ++i)
    printf(", %s", names[i]);
  printf("\n");

  fd = open("work/sub/p.bin", O_RDWR | O_CREAT, 0644);
  pwrite(fd, "XY", 2, 10);
  char buf[3] = {0};
  pread(fd, buf, 2, 10);
  close(fd);
  printf("pwrite/pread: [%s]\n", buf);

  printf("rmdir non-empty: %s\n", rmdir("work/sub") ? strerror(errno) : "ok?");
  printf("cleanup: %d %d %d %d %d\n", unlink("work/sub/p.bin"),
         rmdir("work/sub"), unlink("work/link"), unlink("work/b.txt"),
         rmdir("work"));
  printf("gone: %s\n", access("work", F_OK) ? strerror(errno) : "exists?");
  return 0;
}
