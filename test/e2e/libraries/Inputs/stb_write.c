/* Re-encodes images with stb_image_write (Debian libstb-dev): each input is
 * decoded with stb_image, encoded to PNG, BMP, TGA (RLE) and JPEG (quality
 * 90) in memory through a write callback, and the encoded bytes are
 * checksummed (FNV-1a); the PNG, BMP and TGA encodings are decoded again and
 * must give back the original pixels. The JPEG encoder is float code (DCT),
 * so its bytes also compare the float arithmetic of the two builds.
 *
 *   stb_write FILE...    exit 0 if every round trip held, 1 otherwise
 */
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_NO_SIMD
#include <stb_image.h>
#include <stb_image_write.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stb_check.h"

struct buffer {
  unsigned char *data;
  size_t size, cap;
};

static void append(void *ctx, void *data, int size) {
  struct buffer *b = ctx;
  if (b->size + size > b->cap) {
    b->cap = (b->size + size) * 2;
    b->data = realloc(b->data, b->cap);
    if (!b->data) {
      printf("out of memory\n");
      exit(2);
    }
  }
  memcpy(b->data + b->size, data, size);
  b->size += size;
}

enum format { PNG, BMP, TGA, JPG };
static const char *const names[] = {"png", "bmp", "tga", "jpg"};

static int encode(enum format f, const unsigned char *px, int w, int h,
                  int comp) {
  struct buffer b = {0, 0, 0};
  int ok = 0;
  switch (f) {
  case PNG: ok = stbi_write_png_to_func(append, &b, w, h, comp, px, w * comp); break;
  case BMP: ok = stbi_write_bmp_to_func(append, &b, w, h, comp, px); break;
  case TGA: ok = stbi_write_tga_to_func(append, &b, w, h, comp, px); break;
  case JPG: ok = stbi_write_jpg_to_func(append, &b, w, h, comp, px, 90); break;
  }
  if (!ok) {
    printf("  %s: encoder failed\n", names[f]);
    free(b.data);
    return 0;
  }
  printf("  %s: %zu bytes fnv=%08x", names[f], b.size, fnv1a(b.data, b.size));
  int same = 1;
  if (f != JPG) {
    /* BMP has no gray+alpha or gray: stb_image_write expands those to RGB
     * (and drops alpha for 2 channels), so compare after asking for the
     * same channel count. */
    int w2, h2, c2;
    unsigned char *back =
        stbi_load_from_memory(b.data, (int)b.size, &w2, &h2, &c2, comp);
    if (!back) {
      printf(" decode: %s\n", reason());
      free(b.data);
      return 0;
    }
    int lossless = !(f == BMP && (comp == 2 || comp == 4));
    same = w2 == w && h2 == h &&
           (!lossless || memcmp(back, px, (size_t)w * h * comp) == 0);
    printf(" decoded=%dx%d fnv=%08x%s", w2, h2,
           fnv1a(back, (size_t)w2 * h2 * comp),
           !lossless ? "" : same ? " identical" : " DIFFERENT");
    stbi_image_free(back);
  } else {
    int w2, h2, c2;
    unsigned char *back =
        stbi_load_from_memory(b.data, (int)b.size, &w2, &h2, &c2, comp);
    if (back) {
      long err = 0;
      for (size_t i = 0; i < (size_t)w * h * comp; ++i)
        err += labs((long)back[i] - px[i]);
      printf(" decoded=%dx%d mean-abs-error=%.3f", w2, h2,
             (double)err / ((double)w * h * comp));
      stbi_image_free(back);
    }
  }
  printf("\n");
  free(b.data);
  return same;
}

int main(int argc, char **argv) {
  int ok = 1;
  stbi_write_tga_with_rle = 1;
  for (int i = 1; i < argc; ++i) {
    int w, h, comp;
    unsigned char *px = stbi_load(argv[i], &w, &h, &comp, 0);
    if (!px) {
      printf("%s: error: %s\n", argv[i], reason());
      ok = 0;
      continue;
    }
    printf("%s: %dx%d comp=%d\n", argv[i], w, h, comp);
    for (int f = PNG; f <= JPG; ++f)
      ok &= encode((enum format)f, px, w, h, comp);
    stbi_image_free(px);
  }
  return ok ? 0 : 1;
}
