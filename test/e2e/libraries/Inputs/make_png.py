#!/usr/bin/env python3
"""Writes the PNG inputs of test/e2e/libraries into a directory.

    make_png.py OUTDIR

Every image is built from a deterministic pattern with Python's own zlib, so
the files need not be committed and the decoders see a variety of PNG
features: all five row filters, colour types 0/2/3/4/6, bit depths 1/4/8/16,
a tRNS chunk, Adam7 interlacing, stored / fixed / dynamic deflate blocks and
an IDAT split over several chunks. The bad-*.png files are corrupt on
purpose (see CORRUPT below) and must make the decoder fail cleanly.
expected.check holds FileCheck lines with the size, channel count and pixel
checksum (FNV-1a) that a correct decoder returns, computed here from the
pixel functions, independently of any build.
"""
import os
import struct
import sys
import zlib

SIG = b"\x89PNG\r\n\x1a\n"


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_row(kind, row, prev, bpp):
    """Applies PNG filter `kind` (0-4) to one scanline of bytes."""
    out = bytearray()
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prev[i] if prev is not None else 0
        c = prev[i - bpp] if prev is not None and i >= bpp else 0
        pred = (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]
        out.append((x - pred) & 255)
    return bytes([kind]) + bytes(out)


def pack_row(samples, depth):
    """Packs one row of samples (ints) at `depth` bits, MSB first."""
    if depth == 8:
        return bytes(samples)
    if depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    out, acc, n = bytearray(), 0, 0
    for s in samples:
        acc = (acc << depth) | s
        n += depth
        if n == 8:
            out.append(acc)
            acc, n = 0, 0
    if n:
        out.append(acc << (8 - n))
    return bytes(out)


CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
         (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def scanlines(w, h, ctype, depth, pixel, interlace):
    """Filtered scanline bytes of the whole image (all Adam7 passes)."""
    ch = CHANNELS[ctype]
    bpp = max(1, ch * depth // 8)
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    data = bytearray()
    for (x0, y0, dx, dy) in passes:
        prev = None
        for y in range(y0, h, dy):
            xs = range(x0, w, dx)
            if not xs:
                continue
            samples = [s for x in xs for s in pixel(x, y)]
            row = pack_row(samples, depth)
            data += filter_row((y // dy + x0) % 5, row, prev, bpp)
            prev = row
    return bytes(data)


def png(w, h, ctype, depth, pixel, level=9, interlace=0, extra=b"",
        idat_split=None):
    raw = scanlines(w, h, ctype, depth, pixel, interlace)
    z = zlib.compress(raw, level)
    ihdr = struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, interlace)
    out = SIG + chunk(b"IHDR", ihdr) + extra
    parts = [z] if not idat_split else [z[i:i + idat_split]
                                         for i in range(0, len(z), idat_split)]
    for p in parts:
        out += chunk(b"IDAT", p)
    return out + chunk(b"IEND", b"")


def rgb(x, y):
    return ((x * 7 + y * 3) & 255, (x * y + 5) & 255, (x ^ y) * 11 & 255)


PALETTE = [((i * 36) & 255, (200 - i * 20) & 255, (i * 90) & 255) for i in range(7)]
TRNS = [0, 64, 128, 255]
PAL_CHUNKS = (chunk(b"PLTE", bytes(c for rgb_ in PALETTE for c in rgb_))
              + chunk(b"tRNS", bytes(TRNS)))

# name: (width, height, colour type, bit depth, pixel(x, y) -> samples,
#        keyword arguments of png())
IMAGES = {
    "rgb8.png": (37, 23, 2, 8, rgb, {}),
    "rgba8-stored.png": (16, 16, 6, 8,
                         lambda x, y: rgb(x, y) + ((x * 16 + y) & 255,),
                         {"level": 0}),
    "gray8-fast.png": (50, 7, 0, 8, lambda x, y: ((x * 5 + y * 40) & 255,),
                       {"level": 1}),
    "graya8.png": (9, 9, 4, 8, lambda x, y: (x * 28, 255 - y * 28), {}),
    "gray1.png": (13, 5, 0, 1, lambda x, y: ((x + y) & 1,), {}),
    "pal4-trns.png": (11, 6, 3, 4, lambda x, y: ((x * 3 + y) % 7,),
                      {"extra": PAL_CHUNKS}),
    "rgb16.png": (6, 5, 2, 16,
                  lambda x, y: (x * 10000 + y, 65535 - x * y * 900, (x << 12) | y),
                  {}),
    "adam7-rgb8.png": (19, 17, 2, 8, rgb, {"interlace": 1}),
    "big-split.png": (160, 120, 6, 8,
                      lambda x, y: ((x * x + y) & 255, (y * 3) & 255,
                                    ((x // 8 + y // 8) & 1) * 255, 200),
                      {"idat_split": 1000}),
}


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def expected_line(name, w, h, ctype, depth, pixel):
    """The line stb_png prints for stbi_load(..., req_comp = 0): the samples
    as stb_image returns them (8 bits; 1-bit gray scaled to 0/255, 16-bit
    samples reduced to their high byte, palette expanded, tRNS -> alpha)."""
    out = bytearray()
    comp = CHANNELS[ctype]
    for y in range(h):
        for x in range(w):
            s = pixel(x, y)
            if ctype == 3:
                i = s[0]
                s = PALETTE[i] + (TRNS[i] if i < len(TRNS) else 255,)
            elif depth == 16:
                s = tuple(v >> 8 for v in s)
            elif depth < 8:
                s = tuple(v * (255 // ((1 << depth) - 1)) for v in s)
            out += bytes(s)
    if ctype == 3:
        comp = 4
    return f"{name}: {w}x{h} comp={comp} fnv={fnv1a(out):08x}"


CORRUPT = {
    # Not a PNG (and no other format stb_image knows).
    "bad-signature.png": lambda g: b"\x89PNX" + g["rgb8.png"][4:],
    # IHDR claims 7 bits per sample.
    "bad-depth.png": lambda g: bad_ihdr(g["rgb8.png"], depth=7),
    # File cut in the middle of the IDAT chunk.
    "bad-truncated.png": lambda g: g["big-split.png"][:600],
    # zlib stream whose first deflate block has the reserved type 3.
    "bad-deflate.png": lambda g: SIG + chunk(b"IHDR", struct.pack(
        ">IIBBBBB", 4, 4, 8, 0, 0, 0, 0)) + chunk(b"IDAT", b"\x78\x9c\x07\x00")
        + chunk(b"IEND", b""),
    # IDAT inflates to fewer bytes than the image needs.
    "bad-short-data.png": lambda g: SIG + chunk(b"IHDR", struct.pack(
        ">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"\0" * 100))
        + chunk(b"IEND", b""),
}


def bad_ihdr(data, depth):
    ihdr = bytearray(data[16:29])
    ihdr[8] = depth
    return data[:8] + chunk(b"IHDR", bytes(ihdr)) + data[33:]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_png.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    good = {name: png(w, h, ct, d, px, **kw)
            for name, (w, h, ct, d, px, kw) in IMAGES.items()}
    files = dict(good)
    files.update({name: make(good) for name, make in CORRUPT.items()})
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    # What a correct decoder must print, as FileCheck lines (independent of
    # any build: computed from the pixel functions above).
    with open(os.path.join(out, "expected.check"), "w") as f:
        for name, (w, h, ct, d, px, kw) in IMAGES.items():
            f.write("CHECK-DAG: " + expected_line(name, w, h, ct, d, px) + "\n")


if __name__ == "__main__":
    main()
