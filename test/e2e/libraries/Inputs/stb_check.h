/* Helpers shared by stb_png.c and stb_write.c; include after <stb_image.h>. */
#ifndef STB_CHECK_H
#define STB_CHECK_H

#include <stddef.h>

/* stb_image returns some failures without setting a reason (e.g. a deflate
 * block of the reserved type 3); printf("%s", NULL) is undefined. */
static const char *reason(void) {
  const char *r = stbi_failure_reason();
  return r ? r : "(no reason given)";
}

/* FNV-1a over n bytes: the checksum both builds print. */
static unsigned fnv1a(const unsigned char *p, size_t n) {
  unsigned h = 0x811C9DC5u;
  for (size_t i = 0; i < n; ++i)
    h = (h ^ p[i]) * 0x01000193u;
  return h;
}

#endif
