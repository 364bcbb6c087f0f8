// Compile-time probe: the whole stb_image.h decoder (libstb-dev), kept alive
// by a main that decodes whatever file it is given. Only compiled and linked
// by bench/bench.py (plain clang-22 + wasm-ld vs wmc-cc), not run.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#include <stdio.h>
int main(int argc, char **argv) {
  int W = 0, H = 0, N = 0;
  unsigned char *P = argc > 1 ? stbi_load(argv[1], &W, &H, &N, 0) : 0;
  printf("%d\n", P ? W * H * N : 0);
  stbi_image_free(P);
  return 0;
}
