/* null-guard: the first 4 KiB of memory 0 are declared no-access, so a
 * null-pointer dereference traps instead of reading whatever lives at
 * address 0.
 *
 *   null.wasm        looks a name up in a table, prints it, exit 0
 *   null.wasm bob    the lookup fails, returns NULL, and the caller
 *                    dereferences it -> wasm trap */
#include <stdio.h>
#include <string.h>
#include <wasm/memctl.h>

WASM_MEMORY(0, "main", 2, WASM_MEMORY_NO_MAX, WASM_MEMORY_NULL_GUARD(4096));

struct user {
  const char *name;
  int uid;
};
static struct user users[] = {{"alice", 1000}, {"carol", 1002}};

__attribute__((noinline)) static struct user *find(const char *name) {
  for (size_t i = 0; i < sizeof users / sizeof users[0]; ++i)
    if (strcmp(users[i].name, name) == 0)
      return &users[i];
  return NULL;
}

int main(int argc, char **argv) {
  const char *who = argc > 1 ? argv[1] : "alice";
  printf("looking up %s\n", who);
  fflush(stdout);
  struct user *u = find(who);
  /* Bug: no NULL check. */
  printf("%s has uid %d\n", who, u->uid);
  return 0;
}
