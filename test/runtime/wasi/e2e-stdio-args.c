// A real C program (clang-22, wasi-libc) on wmc_wasi through wasm2c: argv,
// environment, stdout/stderr, stdin and the exit status. node 26 must print
// exactly the same.
// REQUIRES: wasm2c-host
// RUN: %clang --target=wasm32-wasi -O1 %s -o %t.wasm
// RUN: %w2c-build %t.wasm %t.exe
// RUN: printf 'line one\nline two\n' | %t.exe --env GREETING=hello --env EMPTY= -- prog first "two words" > %t.out 2> %t.err; echo "exit $?" >> %t.out
// RUN: FileCheck %s < %t.out
// RUN: FileCheck --check-prefix=ERR %s < %t.err
// RUN: printf 'line one\nline two\n' | env GREETING=hello EMPTY= %run-node %t.wasm first "two words" > %t.node 2>/dev/null; echo "exit $?" >> %t.node
// RUN: diff %t.out %t.node
// CHECK: argc=3
// CHECK-NEXT: argv[1]=first
// CHECK-NEXT: argv[2]=two words
// CHECK-NEXT: GREETING=hello
// CHECK-NEXT: EMPTY=[]
// CHECK-NEXT: MISSING=(null)
// CHECK-NEXT: stdin: line one
// CHECK-NEXT: stdin: line two
// CHECK-NEXT: stdin: eof
// CHECK-NEXT: isatty(0)=0
// CHECK-NEXT: exit 7
// ERR: to stderr 42
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 1; i < argc; ++i)
    printf("argv[%d]=%s\n", i, argv[i]);
  printf("GREETING=%s\n", getenv("GREETING"));
  printf("EMPTY=[%s]\n", getenv("EMPTY"));
  const char *missing = getenv("WMC_SURELY_MISSING");
  printf("MISSING=%s\n", missing ? missing : "(null)");
  char line[128];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = 0;
    printf("stdin: %s\n", line);
  }
  printf("stdin: %s\n", feof(stdin) ? "eof" : "error");
  printf("isatty(0)=%d\n", isatty(0));
  fprintf(stderr, "to stderr %d\n", 42);
  fflush(stdout);
  exit(7);
}
