#!/usr/bin/env python3
"""gen-text.py BYTES OUT: write BYTES bytes of deterministic text to OUT.

Words (ASCII and UTF-8, each with at least one ASCII letter, so `wc` in any
locale agrees on what a word is) separated by spaces, runs of spaces, tabs,
LF and CRLF line ends. A 1 MiB block is generated once and repeated with a
numbered header line, so hundreds of MiB take a second. BYTES may end in
K or M (KiB, MiB)."""
import random
import sys

WORDS = ("the a of and memory page map file zero copy wasm table read write "
         "caf\u00e9 na\u00efve cr\u00e8me br\u00fbl\u00e9e \u00e9t\u00e9 "
         "stra\u00dfe 0x1f 42 x-ray don't e.g. (note) [ok]").split()
SEPARATORS = [" "] * 12 + ["  ", "\t", "\n", "\n", "\r\n", " \n"]


def block(rng, size):
    out, n = [], 0
    while n < size:
        piece = rng.choice(WORDS) + rng.choice(SEPARATORS)
        out.append(piece)
        n += len(piece.encode())
    return "".join(out).encode()[:size]


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    text = argv[1]
    scale = {"K": 1024, "M": 1 << 20}.get(text[-1:].upper(), 1)
    size = int(text[:-1] if scale > 1 else text) * scale
    rng = random.Random(2026)
    unit = block(rng, 1 << 20)
    with open(argv[2], "wb") as f:
        written, i = 0, 0
        while written < size:
            chunk = (b"block %d\n" % i) + unit
            chunk = chunk[:size - written]
            f.write(chunk)
            written += len(chunk)
            i += 1


if __name__ == "__main__":
    main(sys.argv)
