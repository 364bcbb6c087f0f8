#!/usr/bin/env python3
"""Appends a custom section to a wasm module, for tests of sections wabt
cannot emit (wat2wasm 1.0.32 drops @custom annotations).

  add-section.py MODULE.wasm NAME HEXBYTE...   e.g.  m.wasm wmc.protections 01 01 00 01 00
"""
import sys


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    path, name = sys.argv[1], sys.argv[2].encode()
    payload = bytes(int(h, 16) for h in sys.argv[3:])
    body = uleb(len(name)) + name + payload
    with open(path, "ab") as f:
        f.write(b"\x00" + uleb(len(body)) + body)


if __name__ == "__main__":
    main()
