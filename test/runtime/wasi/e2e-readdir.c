// A real C program (clang-22, wasi-libc) listing a directory of 300 files
// with long names on wmc_wasi through wasm2c: wasi-libc's readdir refills
// its buffer through fd_readdir cookies many times; rewinddir, seekdir and
// telldir work; every name is seen exactly once; "." and ".." are not
// listed (as in node 26, whose output must be identical).
// REQUIRES: wasm2c-host
// RUN: %clang --target=wasm32-wasi -O1 %s -o %t.wasm
// RUN: %w2c-build %t.wasm %t.exe
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir && %t.exe --dir . -- prog > %t.out
// RUN: FileCheck %s < %t.out
// RUN: rm -rf %t.dir && mkdir -p %t.dir && cd %t.dir && %run-node %t.wasm > %t.node
// RUN: diff %t.out %t.node
// CHECK: created 300
// CHECK-NEXT: listed 300 unique 300 dirs 0 files 300
// CHECK-NEXT: after rewind 300
// CHECK-NEXT: seekdir resumes at the same entry: 1
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char seen[300];

static int count(DIR *d, int *dirs, int *files) {
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
      ++*dirs;
      continue;
    }
    int i;
    if (sscanf(e->d_name,
               "a-rather-long-file-name-to-fill-the-readdir-buffer-%d.txt",
               &i) == 1 && i >= 0 && i < 300) {
      ++seen[i];
      if (e->d_type == DT_REG)
        ++*files;
    }
    ++n;
  }
  return n;
}

int main(void) {
  mkdir("many", 0755);
  char name[128];
  for (int i = 0; i < 300; ++i) {
    snprintf(name, sizeof name,
             "many/a-rather-long-file-name-to-fill-the-readdir-buffer-%d.txt",
             i);
    close(open(name, O_WRONLY | O_CREAT, 0644));
  }
  printf("created 300\n");
  DIR *d = opendir("many");
  int dirs = 0, files = 0;
  int n = count(d, &dirs, &files);
  int unique = 0;
  for (int i = 0; i < 300; ++i)
    unique += seen[i] == 1;
  printf("listed %d unique %d dirs %d files %d\n", n, unique, dirs / 2, files);
  rewinddir(d);
  dirs = files = 0;
  printf("after rewind %d\n", count(d, &dirs, &files));
  rewinddir(d);
  for (int i = 0; i < 150; ++i)
    readdir(d);
  long pos = telldir(d);
  char first[256];
  strcpy(first, readdir(d)->d_name);
  for (int i = 0; i < 40; ++i)
    readdir(d);
  seekdir(d, pos);
  printf("seekdir resumes at the same entry: %d\n",
         strcmp(first, readdir(d)->d_name) == 0);
  closedir(d);
  return 0;
}
