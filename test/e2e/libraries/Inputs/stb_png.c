/* Decodes PNG files with stb_image (Debian libstb-dev) and prints, per file,
 * the size, channel count and an FNV-1a checksum of the pixels, for
 * stbi_load with the file's own channels, with 4 channels forced, and for
 * 16-bit files with stbi_load_16; a file stb_image rejects prints its
 * failure reason. The same source is built natively and with wmc-cc; the
 * outputs must be identical.
 *
 *   stb_png FILE...      exit 0 if every file decoded, 1 otherwise
 */
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_SIMD
#include <stb_image.h>

#include <stdio.h>

#include "stb_check.h"

static int decode(const char *path) {
  int w, h, comp;
  unsigned char *px = stbi_load(path, &w, &h, &comp, 0);
  if (!px) {
    printf("%s: error: %s\n", path, reason());
    return 0;
  }
  printf("%s: %dx%d comp=%d fnv=%08x\n", path, w, h, comp,
         fnv1a(px, (size_t)w * h * comp));
  stbi_image_free(px);

  int w4, h4, c4;
  px = stbi_load(path, &w4, &h4, &c4, 4);
  if (!px) {
    printf("  rgba: error: %s\n", reason());
    return 0;
  }
  printf("  rgba: %dx%d fnv=%08x\n", w4, h4, fnv1a(px, (size_t)w4 * h4 * 4));
  stbi_image_free(px);

  if (stbi_is_16_bit(path)) {
    stbi_us *px16 = stbi_load_16(path, &w, &h, &comp, 0);
    if (!px16) {
      printf("  16-bit: error: %s\n", reason());
      return 0;
    }
    printf("  16-bit: fnv=%08x\n",
           fnv1a((const unsigned char *)px16, (size_t)w * h * comp * 2));
    stbi_image_free(px16);
  }
  return 1;
}

int main(int argc, char **argv) {
  int ok = 1;
  for (int i = 1; i < argc; ++i)
    ok &= decode(argv[i]);
  return ok ? 0 : 1;
}
