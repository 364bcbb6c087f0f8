/* Benchmark input for compile-time.py: the implementations of Debian's
 * libstb-dev single-header libraries (apt install libstb-dev) in one
 * translation unit, about 19,000 lines after preprocessing. */
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_TRUETYPE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#define STB_RECT_PACK_IMPLEMENTATION
#define STB_SPRINTF_IMPLEMENTATION
#define STB_DXT_IMPLEMENTATION
#define STB_PERLIN_IMPLEMENTATION
#define STB_DS_IMPLEMENTATION
#define STB_C_LEXER_IMPLEMENTATION
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#include <stb/stb_rect_pack.h>
#include <stb/stb_truetype.h>
#include <stb/stb_image_resize.h>
#include <stb/stb_sprintf.h>
#include <stb/stb_dxt.h>
#include <stb/stb_perlin.h>
#include <stb/stb_ds.h>
