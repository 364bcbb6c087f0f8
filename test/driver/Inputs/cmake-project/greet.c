#include <stdio.h>
void greet(const char *who) { printf("hello, %s, from a CMake project\n", who); }
